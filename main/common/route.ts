// The route explainer: for one module path, what go will do, step by step — proxy or direct,
// checksum DB, discovery, the VCS URL after insteadOf, which credential answers, which CA
// file go and git trust. Pure: main/core gathers the inputs from the real tools.
import { routeModule, type GoRoutingEnv, type RouteSource } from './go-proxy';
import { guessRepoRoot, moduleHost, type RepoRootGuess } from './go-repo-root';
import type { GoImport } from './go-import-meta';
import type { GitConfigEntry, InsteadOfRule } from './git-config-list';
import { rewriteUrl } from './git-url-rewrite';
import { credentialConfigForUrl, selectForUrl } from './git-urlmatch';

export interface RouteInput {
  modulePath: string;
  goEnv: GoRoutingEnv;
  /** GOAUTH support (go ≥ 1.24) */
  goSupportsGoauth: boolean;
  goauth?: string;
  gitEntries: readonly GitConfigEntry[];
  insteadOf: readonly InsteadOfRule[];
  netrcFile: string;
  /** login of go's netrc entry per host (never the password) */
  netrcLoginFor(host: string): string | null;
  /** the process environment's TLS and ssh overrides */
  procEnv: {
    SSL_CERT_FILE?: string;
    SSL_CERT_DIR?: string;
    GIT_SSL_CAINFO?: string;
    GIT_SSH_COMMAND?: string;
  };
  /** the go-import answer, when discovery was probed */
  discovered?: GoImport;
  /** identity files ssh would offer for an ssh host (from `ssh -G`) */
  sshIdentities?: (
    host: string,
  ) => { files: string[]; identitiesOnly: boolean; user: string; port: number } | undefined;
}

export interface RouteCredential {
  netrc?: { file: string; host: string; login: string | null };
  helpers?: string[];
  ssh?: {
    host: string;
    user: string;
    port: number;
    identityFiles: string[];
    identitiesOnly: boolean;
    sshCommand?: string;
  };
  goauth?: string;
}

export interface RouteExplanation {
  module: string;
  host: string;
  private: boolean;
  proxyBypassed: boolean;
  sumdbChecked: boolean;
  insecure: boolean;
  sources: RouteSource[];
  sumdb: string;
  error?: string;
  repoRoot: RepoRootGuess;
  discovery: { url?: string; skipped?: string; answer?: GoImport };
  vcs?: {
    url: string;
    before?: string;
    rule?: { base: string; prefix: string; file?: string };
    protocol: string;
  };
  /** credential go's own HTTPS requests send (discovery, GOPROXY): netrc, or GOAUTH on go ≥ 1.24 */
  goCredential: RouteCredential;
  /** credential git uses for the VCS URL */
  gitCredential: RouteCredential;
  ca: { go: { source: string; files: string[] }; git: { source: string; file?: string } };
  steps: string[];
  notes: string[];
}

export function protocolOf(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (m) return (m[1] as string).toLowerCase();
  return /^[^/]*:/.test(url) ? 'ssh' : 'file';
}

/** Host, user and port of an ssh URL (ssh://user@host:port/path or scp-like user@host:path). */
export function sshTarget(url: string): { host: string; user?: string; port?: number } | undefined {
  const full = /^(?:git\+)?ssh:\/\/(?:([^@/]+)@)?([^:/]+)(?::(\d+))?\//i.exec(url);
  if (full) return { user: full[1], host: full[2] as string, port: full[3] ? Number(full[3]) : undefined };
  const scp = /^(?:([^@/:]+)@)?([^:/]+):/.exec(url);
  return scp ? { user: scp[1], host: scp[2] as string } : undefined;
}

function httpsHost(url: string): string | undefined {
  return /^https?:\/\/(?:[^@/]*@)?([^:/]+)/i.exec(url)?.[1];
}

function vcsUrlOf(guess: RepoRootGuess, discovered?: GoImport): string | undefined {
  if (guess.kind === 'static') return guess.repoUrl;
  if (guess.kind === 'qualified') return `https://${guess.repo}`;
  return discovered?.repoRoot;
}

export function explainRoute(input: RouteInput): RouteExplanation {
  const r = routeModule(input.goEnv, input.modulePath);
  const host = moduleHost(input.modulePath);
  const steps: string[] = [];
  const notes = [...r.notes];
  const guess = guessRepoRoot(input.modulePath, { insecure: r.insecure });
  const usesDirect = r.sources.some((s) => s.kind === 'direct');
  for (const s of r.sources) {
    if (s.kind === 'proxy')
      steps.push(
        `ask the proxy ${s.url} (${s.fallback === 'on-any-error' ? 'any error' : 'only 404/410'} moves on)`,
      );
    else if (s.kind === 'direct') steps.push('fetch directly from the version control host');
    else steps.push('stop: GOPROXY=off forbids this lookup');
  }
  steps.push(
    r.sumdbChecked ? `verify go.sum lines against ${r.effective.GOSUMDB}` : 'skip the checksum database',
  );

  const discovery: RouteExplanation['discovery'] = {};
  if (guess.kind === 'dynamic') {
    discovery.url = guess.discoveryUrl;
    discovery.answer = input.discovered;
  } else if (guess.kind === 'static')
    discovery.skipped = `${guess.host} is known to go: no discovery request`;
  else if (guess.kind === 'qualified') {
    discovery.skipped = 'the path names its repository (.git qualifier): no discovery request';
    notes.push(
      `go tries ${guess.schemes.map((s) => `${s}://${guess.repo}`).join(', ')} in order; when none answers it falls back to ${guess.fallbackScheme}://, and the error then reads like a connection failure`,
    );
  }

  const goCredential: RouteCredential = {};
  const login = input.netrcLoginFor(host);
  goCredential.netrc = { file: input.netrcFile, host, login };
  if (input.goSupportsGoauth) goCredential.goauth = input.goauth || 'netrc';

  const out: RouteExplanation = {
    module: input.modulePath,
    host,
    private: r.private,
    proxyBypassed: r.proxyBypassed,
    sumdbChecked: r.sumdbChecked,
    insecure: r.insecure,
    sources: r.sources,
    sumdb: r.effective.GOSUMDB,
    error: r.error,
    repoRoot: guess,
    discovery,
    goCredential,
    gitCredential: {},
    ca: {
      go: input.procEnv.SSL_CERT_FILE
        ? { source: 'SSL_CERT_FILE', files: [input.procEnv.SSL_CERT_FILE] }
        : input.procEnv.SSL_CERT_DIR
          ? { source: 'SSL_CERT_DIR', files: [input.procEnv.SSL_CERT_DIR] }
          : { source: 'system roots', files: [] },
      git: { source: 'system roots' },
    },
    steps,
    notes,
  };
  if (guess.kind === 'dynamic' && usesDirect)
    steps.push(
      `discover the repository: GET ${guess.discoveryUrl} (sends ${login ? `the netrc login ${login}` : 'no credential'})`,
    );

  const raw = vcsUrlOf(guess, input.discovered);
  if (!raw) {
    if (usesDirect && guess.kind === 'dynamic')
      notes.push('The repository URL comes from the go-import answer; probe discovery to see it.');
    return out;
  }
  const rw = rewriteUrl(raw, input.insteadOf);
  const rule = rw.rule
    ? input.insteadOf.find((x) => x.base === rw.rule?.base && x.prefix === rw.rule?.prefix)
    : undefined;
  const protocol = protocolOf(rw.url);
  out.vcs = {
    url: rw.url,
    protocol,
    ...(rw.rule
      ? {
          before: raw,
          rule: { base: rule?.baseDisplay ?? rw.rule.base, prefix: rw.rule.prefix, file: rule?.file },
        }
      : {}),
  };
  steps.push(
    rw.rule
      ? `git fetches ${rw.url} (rewritten from ${raw} by url.${out.vcs.rule?.base}.insteadOf)`
      : `git fetches ${rw.url}`,
  );

  if (protocol === 'https' || protocol === 'http') {
    const gitHost = httpsHost(rw.url) ?? host;
    const helpers = credentialConfigForUrl(input.gitEntries, rw.url).helpers.map((h) => h.helper);
    out.gitCredential = {
      helpers,
      netrc: { file: input.netrcFile, host: gitHost, login: input.netrcLoginFor(gitHost) },
    };
    const cainfo = selectForUrl(input.gitEntries, 'http', 'sslcainfo', rw.url).effective;
    if (input.procEnv.GIT_SSL_CAINFO) {
      out.ca.git = { source: 'GIT_SSL_CAINFO', file: input.procEnv.GIT_SSL_CAINFO };
      if (cainfo)
        notes.push(
          `GIT_SSL_CAINFO in the environment overrides ${cainfo.entry.key} from ${cainfo.entry.file ?? cainfo.entry.origin}`,
        );
    } else if (cainfo?.entry.value) out.ca.git = { source: cainfo.entry.key, file: cainfo.entry.value };
    steps.push(
      helpers.length > 0
        ? `git asks the credential helper${helpers.length > 1 ? 's' : ''} ${helpers.join(', ')}`
        : out.gitCredential.netrc?.login
          ? `git sends the netrc login ${out.gitCredential.netrc.login}`
          : 'git has no credential for this URL: go forbids prompts, so a private repo fails with "terminal prompts disabled"',
    );
  } else if (protocol === 'ssh' || protocol === 'git+ssh') {
    const t = sshTarget(rw.url);
    if (t) {
      const id = input.sshIdentities?.(t.host);
      out.gitCredential.ssh = {
        host: t.host,
        user: t.user ?? id?.user ?? '',
        port: t.port ?? id?.port ?? 22,
        identityFiles: id?.files ?? [],
        identitiesOnly: id?.identitiesOnly ?? false,
        sshCommand: input.procEnv.GIT_SSH_COMMAND ?? 'ssh -o ControlMaster=no -o BatchMode=yes (set by go)',
      };
      steps.push(`ssh to ${t.host} in BatchMode: no passphrase or host-key prompt is possible`);
    }
  }
  return out;
}
