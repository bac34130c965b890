// A RouteExplanation as the stations a fetch passes through, in the order go visits them:
// proxy list → checksum DB → discovery → VCS URL (after insteadOf) → credential → CA.
import type { RouteExplanation } from '../../../main/common/route';

export type StationVerdict = 'ok' | 'warning' | 'error' | 'skipped';

export interface Station {
  key: string;
  title: string;
  verdict: StationVerdict;
  summary: string;
  /** monospace facts (URLs, files), each copyable */
  facts: { label: string; value: string }[];
  notes: string[];
}

function proxyStation(r: RouteExplanation): Station {
  const facts = r.sources.map((s) =>
    s.kind === 'proxy'
      ? {
          label: s.fallback === 'on-any-error' ? 'proxy (any error moves on)' : 'proxy (404/410 moves on)',
          value: s.url,
        }
      : {
          label: s.kind === 'direct' ? 'direct' : 'off',
          value: s.kind === 'direct' ? 'version control host' : 'GOPROXY=off',
        },
  );
  if (r.error)
    return { key: 'proxy', title: 'Module proxy', verdict: 'error', summary: r.error, facts, notes: [] };
  const viaProxy = r.sources.some((s) => s.kind === 'proxy');
  const direct = r.sources.length > 0 && r.sources.every((s) => s.kind === 'direct');
  return {
    key: 'proxy',
    title: 'Module proxy',
    verdict: r.sources[0]?.kind === 'off' ? 'error' : 'ok',
    summary: r.proxyBypassed
      ? 'GONOPROXY/GOPRIVATE matches: go skips the proxy and fetches directly'
      : direct
        ? 'GOPROXY=direct: fetched from the version control host'
        : viaProxy
          ? 'asked through the GOPROXY list'
          : 'GOPROXY=off: lookups are forbidden',
    facts,
    notes:
      !r.private && viaProxy
        ? ['If this module is private, its path leaks to the proxy: add it to GOPRIVATE.']
        : [],
  };
}

function credentialStation(r: RouteExplanation): Station {
  const g = r.gitCredential;
  const facts: Station['facts'] = [];
  for (const h of g.helpers ?? []) facts.push({ label: 'git credential helper', value: h });
  if (g.netrc?.login) {
    facts.push({ label: `netrc login (${g.netrc.host})`, value: g.netrc.login });
    facts.push({ label: 'netrc file', value: g.netrc.file });
  }
  if (g.ssh) {
    facts.push({ label: 'ssh', value: `${g.ssh.user || '(default user)'}@${g.ssh.host}:${g.ssh.port}` });
    for (const f of g.ssh.identityFiles) facts.push({ label: 'identity file', value: f });
    if (g.ssh.sshCommand) facts.push({ label: 'ssh command', value: g.ssh.sshCommand });
  }
  if (r.goCredential.netrc)
    facts.push({
      label: 'go (discovery/proxy) sends',
      value: r.goCredential.netrc.login ? `netrc login ${r.goCredential.netrc.login}` : 'no credential',
    });
  if (r.goCredential.goauth) facts.push({ label: 'GOAUTH', value: r.goCredential.goauth });
  const hasGit = (g.helpers?.length ?? 0) > 0 || !!g.netrc?.login || !!g.ssh;
  const protocol = r.vcs?.protocol;
  const needed = protocol === 'https' || protocol === 'http' || protocol === 'ssh';
  return {
    key: 'credential',
    title: 'Credential',
    verdict: !r.vcs ? 'skipped' : hasGit || !needed ? 'ok' : r.private ? 'error' : 'warning',
    summary: !r.vcs
      ? 'decided once the VCS URL is known'
      : hasGit
        ? 'git has a non-interactive credential'
        : 'no credential: fine for public repositories; a private one fails with "terminal prompts disabled"',
    facts,
    notes: [],
  };
}

export function stationsOf(r: RouteExplanation): Station[] {
  const direct = r.sources.some((s) => s.kind === 'direct');
  const stations: Station[] = [
    {
      key: 'module',
      title: 'Module',
      verdict: r.repoRoot.kind === 'invalid' ? 'error' : 'ok',
      summary:
        r.repoRoot.kind === 'invalid'
          ? r.repoRoot.message
          : `${r.private ? 'private' : 'public'} module on ${r.host}`,
      facts: [{ label: 'path', value: r.module }],
      notes: [],
    },
    proxyStation(r),
    {
      key: 'sumdb',
      title: 'Checksum database',
      verdict: r.sumdbChecked ? (r.private ? 'warning' : 'ok') : 'skipped',
      summary: r.sumdbChecked
        ? `go.sum lines verified against ${r.sumdb}`
        : 'skipped (GONOSUMDB/GOPRIVATE or GOSUMDB=off)',
      facts: r.sumdbChecked ? [{ label: 'GOSUMDB', value: r.sumdb }] : [],
      notes: [],
    },
    {
      key: 'discovery',
      title: 'Discovery (?go-get=1)',
      verdict:
        !direct || r.discovery.skipped
          ? 'skipped'
          : r.discovery.answer
            ? 'ok'
            : r.discovery.url
              ? 'warning'
              : 'skipped',
      summary: !direct
        ? 'not needed: the proxy serves the module'
        : (r.discovery.skipped ??
          (r.discovery.answer
            ? `answered ${r.discovery.answer.vcs} ${r.discovery.answer.repoRoot}`
            : 'not probed, or no go-import answer')),
      facts: [
        ...(r.discovery.url ? [{ label: 'GET', value: r.discovery.url }] : []),
        ...(r.discovery.answer
          ? [
              {
                label: 'go-import',
                value: `${r.discovery.answer.prefix} ${r.discovery.answer.vcs} ${r.discovery.answer.repoRoot}`,
              },
            ]
          : []),
      ],
      notes: [],
    },
    {
      key: 'vcs',
      title: 'VCS URL',
      verdict: !direct ? 'skipped' : r.vcs ? 'ok' : 'warning',
      summary: !direct
        ? 'not used: the proxy serves the module'
        : r.vcs
          ? r.vcs.rule
            ? `rewritten by url.${r.vcs.rule.base}.insteadOf`
            : `git fetches over ${r.vcs.protocol}`
          : 'unknown until discovery answers',
      facts: r.vcs
        ? [
            ...(r.vcs.before ? [{ label: 'before insteadOf', value: r.vcs.before }] : []),
            { label: r.vcs.protocol, value: r.vcs.url },
            ...(r.vcs.rule?.file ? [{ label: 'rule in', value: r.vcs.rule.file }] : []),
          ]
        : [],
      notes: [],
    },
    direct
      ? credentialStation(r)
      : { ...credentialStation(r), verdict: 'skipped', summary: 'not used: the proxy serves the module' },
    {
      key: 'ca',
      title: 'Trusted CA',
      verdict: 'ok',
      summary: `go trusts ${r.ca.go.source}; git trusts ${r.ca.git.source}`,
      facts: [
        ...r.ca.go.files.map((f) => ({ label: `go (${r.ca.go.source})`, value: f })),
        ...(r.ca.git.file ? [{ label: `git (${r.ca.git.source})`, value: r.ca.git.file }] : []),
      ],
      notes: [],
    },
  ];
  return stations;
}
