// Second pass over the signals: what a single line cannot know. A proxy 404 means different
// things depending on what the proxy quoted; "terminal prompts disabled" means different things
// depending on whether a credential is configured; a 404 for `group/sub.git` means GitLab
// truncated a subgroup path.
import { isPublicProxyHost, moduleHost, publicCodeHosts } from './extract';
import { bypassesProxy, bypassesSumdb } from './goprivate';
import { hidesPrivate } from './rules-hosts';
import type { TaxonomyId } from './taxonomy';
import type { ExplainContext, Signal } from './types';

const authLike: ReadonlySet<TaxonomyId> = new Set([
  'https-no-credentials',
  'auth-rejected',
  'forbidden',
  'repo-not-found',
]);
const contentLike: ReadonlySet<TaxonomyId> = new Set([
  'unknown-revision',
  'invalid-version',
  'module-path-mismatch',
]);
const networkLike: ReadonlySet<TaxonomyId> = new Set([
  'dns-failure',
  'timeout',
  'connection-refused',
  'tls-unknown-authority',
  'tls-bad-cert',
]);

/** Weight a quoted symptom keeps once its owner explains it. */
const QUOTED_WEIGHT = 0.3;

function isLeak(cause: TaxonomyId): boolean {
  return cause === 'proxy-leak' || cause === 'sumdb-leak' || cause === 'private-proxy-misconfig';
}

/** Decide each proxy/sumdb event from what its server response quoted. */
export function refineNesting(signals: Signal[]): void {
  // Children grouped by owner once: a log of thousands of proxy errors stays linear.
  const byOwner = new Map<number, Signal[]>();
  for (const s of signals) {
    const owner = s.nested?.owner;
    if (owner === undefined || owner < 0) continue;
    const list = byOwner.get(owner);
    if (list) list.push(s);
    else byOwner.set(owner, [s]);
  }
  signals.forEach((event, index) => {
    if (!event.facts?.event) return;
    const children = byOwner.get(index) ?? [];
    if (children.some((c) => contentLike.has(c.cause))) {
      // The proxy could read the repository, so it is public; the version or path is the problem.
      event.weight = Math.min(event.weight, 0.2);
      for (const c of children) if (contentLike.has(c.cause)) delete c.nested;
      return;
    }
    const net = children.find((c) => networkLike.has(c.cause));
    if (net && net.host && publicCodeHosts.includes(net.host) && event.cause !== 'private-proxy-misconfig') {
      event.cause = 'not-your-config';
      event.weight = 0.6;
      event.note = `The public proxy or checksum database could not reach ${net.host} itself; retry later or fetch directly.`;
    } else if (
      children.some((c) => authLike.has(c.cause) || networkLike.has(c.cause)) &&
      isLeak(event.cause)
    ) {
      event.weight = Math.max(event.weight, event.cause === 'private-proxy-misconfig' ? 0.8 : 0.88);
      event.facts = { ...event.facts, quotedAuth: 'yes' };
    }
    for (const c of children) {
      if (c.nested) c.weight = Math.min(c.weight, QUOTED_WEIGHT);
    }
  });
  for (const s of signals) {
    // A quoted line without a recognised owner is still only a quotation.
    if (s.nested && s.nested.owner < 0) s.weight = Math.min(s.weight, 0.5);
  }
}

function hostList(list: string[] | undefined, host: string | undefined): boolean {
  if (!host || !list) return false;
  return list.some((h) => h === '*' || h.toLowerCase() === host || host.endsWith(`.${h.toLowerCase()}`));
}

export function hasCredential(ctx: ExplainContext, host: string | undefined): boolean {
  return hostList(ctx.netrcHosts, host) || hostList(ctx.credentialHelperHosts, host);
}

function proxyListHosts(goproxy: string | undefined): string[] {
  if (!goproxy) return [];
  return goproxy
    .split(/[,|]/)
    .map((e) => /^[a-z]+:\/\/([^/:]+)/i.exec(e.trim())?.[1]?.toLowerCase() ?? '')
    .filter(Boolean);
}

/**
 * Lines like "remote: Repository not found." or "Permission denied (publickey)." name no host;
 * the git line next to them does. Borrow the host of a signal at most 3 lines away.
 */
export function fillHosts(signals: Signal[]): void {
  // Index the signals that name a host by line, so each lookup checks only 7 lines.
  const withHost = new Map<number, Signal[]>();
  for (const o of signals) {
    if (!o.host) continue;
    const list = withHost.get(o.line);
    if (list) list.push(o);
    else withHost.set(o.line, [o]);
  }
  for (const s of signals) {
    if (s.host) continue;
    let best: Signal | undefined;
    for (let d = 0; d <= 3 && !best; d++)
      for (const line of d === 0 ? [s.line] : [s.line - d, s.line + d])
        for (const o of withHost.get(line) ?? []) if (o !== s && !best) best = o;
    if (best) s.host = best.host;
  }
}

/** Adjust signals with what is known about the machine. Returns extra signals to add. */
export function refineWithContext(signals: Signal[], ctx: ExplainContext): Signal[] {
  const extra: Signal[] = [];
  const coverageKnown =
    ctx.goprivate !== undefined || ctx.gonoproxy !== undefined || ctx.gonosumdb !== undefined;
  const configured = proxyListHosts(ctx.goproxy);
  for (const s of signals) {
    const module = s.module;
    const event = s.facts?.event;
    if (
      event === 'proxy' &&
      s.cause === 'proxy-leak' &&
      s.facts?.serviceHost &&
      configured.includes(s.facts.serviceHost) &&
      !isPublicProxyHost(s.facts.serviceHost)
    ) {
      s.cause = 'private-proxy-misconfig';
    }
    if (coverageKnown && module && (s.cause === 'proxy-leak' || s.cause === 'sumdb-leak')) {
      const covered = s.cause === 'proxy-leak' ? bypassesProxy(ctx, module) : bypassesSumdb(ctx, module);
      if (covered) {
        s.weight = Math.min(s.weight, 0.3);
        s.note = `${module} is already covered by ${s.cause === 'proxy-leak' ? 'GOPRIVATE/GONOPROXY' : 'GOPRIVATE/GONOSUMDB'} in the go env, yet this run still asked the public ${s.cause === 'proxy-leak' ? 'proxy' : 'checksum database'}.`;
        extra.push({
          ...s,
          cause: 'env-override',
          weight: 0.55,
          rule: 'covered-but-leaked',
          alternatives: undefined,
          facts: {},
          note: `The go env covers ${module}, but the process that ran go used other settings: an exported variable, an IDE or a CI job overrides the go env file${ctx.envOverrides?.length ? ` (overridden here: ${ctx.envOverrides.join(', ')})` : ''}.`,
          fixes: ['move-shell-export'],
        });
      } else {
        s.weight = Math.max(s.weight, 0.9);
        s.note = `GOPRIVATE${s.cause === 'proxy-leak' ? '/GONOPROXY' : '/GONOSUMDB'} does not cover ${module}.`;
      }
    }
    if (s.cause === 'https-no-credentials' && s.facts?.prompt && hasCredential(ctx, s.host)) {
      s.cause = 'auth-rejected';
      s.weight = 0.6;
      s.alternatives = [{ id: 'https-no-credentials', weight: 0.45 }];
      s.note = `A credential is configured for ${s.host}, yet git asked for a user name: a wrong token in ~/.netrc prints exactly this, as does a missing one. An active check can tell them apart.`;
    }
    if (
      s.cause === 'auth-rejected' &&
      hostList(ctx.netrcHosts, s.host) &&
      hostList(ctx.credentialHelperHosts, s.host)
    ) {
      s.alternatives = [...(s.alternatives ?? []), { id: 'credential-precedence', weight: 0.45 }];
    }
    if (
      s.cause === 'https-no-credentials' &&
      !s.nested &&
      s.host &&
      ['github.com', 'gitlab.com'].includes(s.host)
    ) {
      // These hosts ask for credentials for repositories that do not exist, too.
      s.alternatives = [...(s.alternatives ?? []), { id: 'repo-not-found', weight: 0.3 }];
    }
    if (s.cause === 'repo-not-found' && !s.nested) {
      const host = s.host ?? moduleHost(module);
      const knownHost =
        !!host &&
        (publicCodeHosts.includes(host) || s.rule.startsWith('gitlab') || s.rule.startsWith('bitbucket'));
      if (knownHost || s.rule === 'repository-not-found') {
        const cred = hasCredential(ctx, host);
        s.weight = knownHost ? Math.min(s.weight, 0.7) : s.weight;
        s.alternatives = cred
          ? [
              { id: 'forbidden', weight: 0.4 },
              { id: 'foreign-private', weight: 0.3 },
            ]
          : [{ id: 'https-no-credentials', weight: knownHost ? 0.4 : 0.3 }];
        s.note = s.note ?? hidesPrivate;
      }
    }
  }
  return extra;
}

/** GitLab answers go-get for `group/sub/repo` with `group/sub` when the request has no credentials. */
export function detectWrongRoot(signals: Signal[]): Signal[] {
  const extra: Signal[] = [];
  for (const s of signals) {
    if (s.cause !== 'repo-not-found' || !s.module || !s.facts?.url) continue;
    const url = /^[a-z]+:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/i.exec(s.facts.url);
    if (!url?.[1] || !url[2]) continue;
    const [modHost, ...rest] = s.module.split('/');
    if (modHost?.toLowerCase() !== url[1].toLowerCase()) continue;
    const repoPath = url[2];
    const modulePath = rest.join('/').replace(/\.git$/, '');
    if (repoPath.split('/').length === 2 && modulePath.startsWith(`${repoPath}/`)) {
      extra.push({
        ...s,
        cause: 'discovery-wrong-root',
        weight: 0.85,
        rule: 'truncated-root',
        alternatives: [{ id: 'https-no-credentials', weight: 0.4 }],
        note: `go asked for ${s.module} but was sent to ${url[1]}/${repoPath}: GitLab answers go-get with the first two path elements when the request carries no credentials, so subgroup projects resolve to the wrong repository.`,
        fixes: ['use-git-qualifier', 'add-netrc-entry'],
      });
    }
  }
  return extra;
}

/**
 * The same module failing with "unknown revision" when fetched directly: the proxy's 404/410
 * was about a version that does not exist, not about a private repository.
 */
export function foldLeakIntoMissingVersion(signals: Signal[]): void {
  const missing = new Set(
    signals.filter((s) => s.cause === 'unknown-revision' && !s.nested && s.module).map((s) => s.module),
  );
  for (const s of signals)
    if (s.cause === 'proxy-leak' && s.module && missing.has(s.module)) s.weight = Math.min(s.weight, 0.3);
}

/** An Authorization extraheader next to an auth failure: the CI header is the credential that won. */
export function detectPrecedence(signals: Signal[]): void {
  const hasAuthFailure = signals.some((s) => authLike.has(s.cause) && !s.nested);
  for (const s of signals) if (s.rule === 'extraheader' && hasAuthFailure) s.weight = 0.75;
}
