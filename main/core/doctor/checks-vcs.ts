// Discovery (`?go-get=1`), the VCS URL after insteadOf, and fetching it with the credential
// git would use — each as go runs it: non-interactive, BatchMode ssh.
import { explainOutput } from '../../common/explain';
import { finding, fix, type Finding } from '../../common/doctor-report';
import { guessRepoRoot, moduleHost } from '../../common/go-repo-root';
import { rewriteUrl } from '../../common/git-url-rewrite';
import { protocolOf, sshTarget } from '../../common/route';
import { probeGoGet } from '../verify/go-get-probe';
import { runTool } from '../tool-runner';
import { goLikeEnv } from '../verify/go-like-env';
import { goCaFiles, goCredential, type DoctorContext } from './context';
import { explainContextOf } from './explain-context';
import { probeCredential } from './credential-probe';
import type { DoctorModule } from './targets';

export interface VcsStage {
  findings: Finding[];
  blocked: boolean;
  url?: string;
  /** the go-import prefix, when discovery answered one shorter than the module path */
  discoveredRoot?: string;
}

export async function discoveryCheck(ctx: DoctorContext, m: DoctorModule): Promise<VcsStage> {
  const guess = guessRepoRoot(m.path);
  if (guess.kind === 'invalid')
    return {
      findings: [
        finding('module-path-mismatch', 'error', 'discovery', {
          module: m.path,
          evidence: [guess.message],
          fixes: [fix('check-module-path')],
        }),
      ],
      blocked: true,
    };
  if (guess.kind === 'static') return { findings: [], blocked: false, url: guess.repoUrl };
  if (guess.kind === 'qualified') return { findings: [], blocked: false, url: `https://${guess.repo}` };
  const host = moduleHost(m.path);
  const cred = goCredential(ctx, host);
  const g = await ctx.memo(`goget:${m.path}`, () =>
    probeGoGet(m.path, { caFiles: goCaFiles(ctx), credential: cred, timeoutMs: ctx.timeoutMs }),
  );
  const evidence = [
    `GET ${g.url} → ${g.status ?? g.error}`,
    ...g.imports.map((i) => `go-import ${i.prefix} ${i.vcs} ${i.repoRoot}`),
  ];
  if (g.ok && g.match) {
    return {
      findings: [
        finding('unrecognized-import-path', 'ok', 'discovery', {
          module: m.path,
          host,
          title: `discovery: ${g.match.prefix} → ${g.match.repoRoot}`,
          evidence,
        }),
      ],
      blocked: false,
      url: g.match.repoRoot,
      discoveredRoot: g.match.prefix !== m.path ? g.match.prefix : undefined,
    };
  }
  if (g.status === 401 || g.status === 403) {
    const id = cred ? (g.status === 401 ? 'auth-rejected' : 'forbidden') : 'https-no-credentials';
    return {
      findings: [
        finding(id, 'error', 'discovery', {
          module: m.path,
          host,
          evidence,
          explanation: cred
            ? `The discovery request carried the netrc login ${cred.login} for ${host}, and the server refused it.`
            : `${host} answers discovery only with credentials, and go's own HTTPS requests read only ~/.netrc on go < 1.24 (git credential helpers never reach them).`,
          fixes: cred
            ? [fix('replace-credential', { needsInput: 'token', params: { host } })]
            : [fix('add-netrc-entry', { needsInput: 'token', params: { host } }), fix('use-git-qualifier')],
        }),
      ],
      blocked: true,
    };
  }
  return {
    findings: [
      finding('unrecognized-import-path', 'error', 'discovery', {
        module: m.path,
        host,
        evidence: [
          ...evidence,
          g.htmlWithoutTags
            ? 'the answer is an HTML page without go-import meta tags (a login page?)'
            : (g.error ?? ''),
        ].filter(Boolean),
        fixes: [fix('authenticate-requests', { params: { host } }), fix('use-git-qualifier')],
      }),
    ],
    blocked: true,
  };
}

/** Applies insteadOf and flags rewrites that build an unusable URL. */
export function rewriteCheck(ctx: DoctorContext, m: DoctorModule, url: string): VcsStage {
  const rules = 'summary' in ctx.git ? ctx.git.summary.insteadOf : [];
  const rw = rewriteUrl(url, rules);
  if (!rw.rule) return { findings: [], blocked: false, url };
  const evidence = [
    `url.${rules.find((r) => r.base === rw.rule?.base)?.baseDisplay ?? rw.rule.base}.insteadOf=${rw.rule.prefix}: ${url} → ${rw.url}`,
  ];
  const proto = protocolOf(rw.url);
  const sshHost = proto === 'ssh' || proto === 'git+ssh' ? sshTarget(rw.url)?.host : undefined;
  const broken =
    /^ssh:\/\/[^/]*:[^0-9/][^/]*\//.test(rw.url) ||
    (sshHost !== undefined && /[:/]/.test(sshHost)) ||
    !/^([a-z+]+:\/\/|[^/:]+@[^/:]+:)/i.test(rw.url);
  if (broken)
    return {
      findings: [
        finding('insteadof-malformed', 'error', 'insteadof', {
          module: m.path,
          evidence,
          explanation:
            'The rewrite produces a URL git cannot use (a colon after the host in an ssh:// URL means a port).',
          fixes: [fix('fix-insteadof', { params: { base: rw.rule.base, prefix: rw.rule.prefix } })],
        }),
      ],
      blocked: true,
      url: rw.url,
    };
  return {
    findings: [
      finding('insteadof-malformed', 'ok', 'insteadof', {
        module: m.path,
        title: `insteadOf rewrites to ${rw.url}`,
        evidence,
      }),
    ],
    blocked: false,
    url: rw.url,
  };
}

/** Fetches the refs as go would (`git ls-remote`), then names why it failed. */
export async function authCheck(
  ctx: DoctorContext,
  m: DoctorModule,
  url: string,
  discoveredRoot?: string,
): Promise<VcsStage> {
  const r = await ctx.memo(`lsremote:${url}`, () =>
    runTool('git', ['ls-remote', '--', url], {
      env: goLikeEnv(ctx.env),
      cwd: ctx.cwd,
      timeoutMs: ctx.timeoutMs,
    }),
  );
  const host = moduleHost(m.path);
  if (r.code === 0)
    return {
      findings: [
        finding('auth-rejected', 'ok', 'auth', { module: m.path, host, title: `git ls-remote ${url} works` }),
      ],
      blocked: false,
      url,
    };
  const text = r.timedOut ? `fatal: unable to access '${url}': Connection timed out` : r.stderr;
  const cause = explainOutput(text, explainContextOf(ctx)).causes[0];
  const evidence = cause?.evidence.length ? cause.evidence : text.trim().split('\n').slice(-3);
  let id = cause?.id ?? 'other';
  let explanation = cause?.explanation;
  let fixes = cause?.fixes.map((f) => fix(f.id, { params: { host, module: m.path } })) ?? [];
  const https = /^https?:/.test(url);
  const authish = ['https-no-credentials', 'auth-rejected', 'repo-not-found', 'forbidden'].includes(id);
  if (authish && discoveredRoot) {
    // Discovery answered a shorter root than the module path and that root cannot be fetched:
    // the server hid the real repo (GitLab subgroups answer a truncated root without credentials).
    id = 'discovery-wrong-root';
    evidence.unshift(`discovery answered the root ${discoveredRoot} for ${m.path}`);
    explanation = `Discovery answered ${discoveredRoot}, which is not the repository: without credentials the server truncates subgroup paths, and go's discovery request reads only ~/.netrc (go < 1.24).`;
    fixes = [fix('add-netrc-entry', { needsInput: 'token', params: { host } }), fix('use-git-qualifier')];
  } else if (https && authish) {
    const v = await ctx.memo(`cred:${url}`, () => probeCredential(ctx, url));
    if (v.kind === 'none') {
      id = 'https-no-credentials';
      explanation = `git has no credential for ${url}: no netrc entry and no credential helper for it, and go forbids prompts.`;
      fixes = [
        fix('add-netrc-entry', { needsInput: 'token', params: { host } }),
        fix('configure-credential-helper', { needsInput: 'token', params: { host } }),
      ];
    } else if (v.kind === 'rejected') {
      id = 'auth-rejected';
      evidence.push(`active check: the credential from ${v.source} gets ${v.status} from ${host}`);
      explanation = `A credential exists (${v.source}) but ${host} rejects it: wrong, expired or revoked.`;
      fixes = [fix('replace-credential', { needsInput: 'token', params: { host } })];
    } else if (v.kind === 'forbidden') {
      id = 'forbidden';
      evidence.push(
        `active check: the credential from ${v.source} is valid but gets 403 for this repository`,
      );
      fixes = [fix('request-repo-access'), fix('check-token-scope')];
    } else if (v.kind === 'not-found') {
      id = 'repo-not-found';
      evidence.push(`active check: ${host} answers 404 for ${url} with the credential from ${v.source}`);
      fixes = [fix('check-module-path')];
    }
  }
  if (id === 'ssh-key-permissions') {
    const key = /Permissions 0?\d+ for '([^']+)' are too open/.exec(text)?.[1];
    if (key) fixes = [fix('chmod-key-600', { params: { file: key } })];
  }
  return {
    findings: [finding(id, 'error', 'auth', { module: m.path, host, evidence, explanation, fixes })],
    blocked: true,
    url,
  };
}
