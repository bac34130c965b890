// How go maps a module path to a repository before it runs git, after go 1.19's
// cmd/go/internal/vcs (vcsPaths, RepoRootForImportPath): a few hosts are known statically,
// a ".git"-qualified path names its repo directly, everything else asks the server with
// `https://<path>?go-get=1` and follows the go-import meta tag.

export type RepoRootGuess =
  | { kind: 'static'; host: string; root: string; vcs: string; repoUrl: string }
  | {
      kind: 'qualified';
      root: string;
      vcs: string;
      /** repo without scheme, e.g. git.corp.test/acme/lib */
      repo: string;
      /** schemes go pings in order (git ls-remote scheme://repo); the first that answers wins */
      schemes: string[];
      /** when every ping fails go uses the first scheme of the full list (git:// for git) */
      fallbackScheme: string;
    }
  | { kind: 'dynamic'; discoveryUrl: string }
  | { kind: 'invalid'; message: string };

interface StaticHost {
  prefix: string;
  re: RegExp;
  vcs: string;
}

const staticHosts: StaticHost[] = [
  {
    prefix: 'github.com',
    re: /^(github\.com\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(\/[A-Za-z0-9_.-]+)*$/,
    vcs: 'git',
  },
  {
    prefix: 'bitbucket.org',
    re: /^(bitbucket\.org\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(\/[A-Za-z0-9_.-]+)*$/,
    vcs: 'git',
  },
  {
    prefix: 'hub.jazz.net/git',
    re: /^(hub\.jazz\.net\/git\/[a-z0-9]+\/[A-Za-z0-9_.-]+)(\/[A-Za-z0-9_.-]+)*$/,
    vcs: 'git',
  },
  { prefix: 'git.apache.org', re: /^(git\.apache\.org\/[a-z0-9_.-]+\.git)(\/[A-Za-z0-9_.-]+)*$/, vcs: 'git' },
  {
    prefix: 'git.openstack.org',
    re: /^(git\.openstack\.org\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(\.git)?(\/[A-Za-z0-9_.-]+)*$/,
    vcs: 'git',
  },
  {
    prefix: 'chiselapp.com',
    re: /^(chiselapp\.com\/user\/[A-Za-z0-9]+\/repository\/[A-Za-z0-9_.-]+)$/,
    vcs: 'fossil',
  },
];

// The general rule: unanchored at the start, as in go's source.
const qualified =
  /((([a-z0-9.-]+\.)+[a-z0-9.-]+(:[0-9]+)?(\/~?[A-Za-z0-9_.-]+)+?)\.(bzr|fossil|git|hg|svn))(\/~?[A-Za-z0-9_.-]+)*$/;

const vcsSchemes: Record<string, string[]> = {
  git: ['git', 'https', 'http', 'git+ssh', 'ssh'],
  hg: ['https', 'http', 'ssh'],
  bzr: ['https', 'http', 'bzr', 'bzr+ssh'],
  svn: ['https', 'http', 'svn', 'svn+ssh'],
  fossil: ['https', 'http'],
};
const secureSchemes = new Set(['https', 'git+ssh', 'bzr+ssh', 'svn+ssh', 'ssh']);

/** Whether `a` is `b` or starts with `b/` (go's str.HasPathPrefix). */
export function hasPathPrefix(a: string, b: string): boolean {
  return a === b || (a.startsWith(b) && (b.endsWith('/') || a[b.length] === '/'));
}

export function guessRepoRoot(importPath: string, opts: { insecure?: boolean } = {}): RepoRootGuess {
  const scheme = /^(https?):\/?/.exec(importPath);
  if (scheme) return { kind: 'invalid', message: `"${scheme[1]}://" not allowed in import path` };
  for (const h of staticHosts) {
    if (!hasPathPrefix(importPath, h.prefix)) continue;
    const m = h.re.exec(importPath);
    if (!m) return { kind: 'invalid', message: `invalid ${h.prefix} import path "${importPath}"` };
    const root = m[1] as string;
    return {
      kind: 'static',
      host: h.prefix.split('/')[0] as string,
      root,
      vcs: h.vcs,
      repoUrl: `https://${root}`,
    };
  }
  const q = qualified.exec(importPath);
  if (q) {
    const vcs = q[6] as string;
    const all = vcsSchemes[vcs] ?? ['https'];
    return {
      kind: 'qualified',
      root: q[1] as string,
      vcs,
      repo: q[2] as string,
      schemes: opts.insecure ? all : all.filter((s) => secureSchemes.has(s)),
      fallbackScheme: all[0] as string,
    };
  }
  const slash = importPath.indexOf('/');
  const host = slash < 0 ? importPath : importPath.slice(0, slash);
  if (!host.includes('.')) return { kind: 'invalid', message: 'import path does not begin with hostname' };
  const path = slash < 0 ? '/' : importPath.slice(slash);
  return { kind: 'dynamic', discoveryUrl: `https://${host}${path}?go-get=1` };
}

/** The host part of a module path (before the first slash, port removed). */
export function moduleHost(modulePath: string): string {
  const first = modulePath.split('/')[0] ?? '';
  return first.replace(/:\d+$/, '');
}
