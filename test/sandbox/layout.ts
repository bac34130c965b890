// What the sandbox serves: host names, their loopback addresses, users, repositories, and the
// shape of the running sandbox that tests read. Everything here is data; sandbox.ts acts on it.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when fixtures or server behaviour change: a running sandbox of another version restarts. */
export const SANDBOX_VERSION = 5;

export const sandboxHosts = {
  git: 'git.corp.test',
  git2: 'git2.corp.test',
  expired: 'expired.corp.test',
  wrongname: 'wrongname.corp.test',
  proxy: 'proxy.corp.test',
  publicProxy: 'proxy.golang.test',
  sumdb: 'sum.golang.test',
  refused: 'refused.corp.test',
  dropped: 'dropped.corp.test',
} as const;
export type SandboxHostKey = keyof typeof sandboxHosts;

// One loopback address per name, so per-name certificates and ssh on port 22 never collide with
// anything bound to 127.0.0.1. dropped.corp.test is not loopback: it is routed into a network
// namespace that silently discards it (see netns.ts).
export const sandboxAddresses: Record<SandboxHostKey, string> = {
  git: '127.0.0.2',
  git2: '127.0.0.3',
  expired: '127.0.0.4',
  wrongname: '127.0.0.5',
  proxy: '127.0.0.6',
  publicProxy: '127.0.0.7',
  sumdb: '127.0.0.8',
  refused: '127.0.0.9',
  dropped: '198.18.201.1',
};

/** The name on the certificate served for wrongname.corp.test. */
export const WRONG_CERT_NAME = 'other.corp.test';

export type RepoKey = 'lib' | 'appDep' | 'wrongpath' | 'notags' | 'secret' | 'tool' | 'proj';

export interface RepoFixture {
  key: RepoKey;
  host: 'git' | 'git2';
  /** path on the host, without .git */
  path: string;
  /** the module path that the go.mod declares */
  declares: string;
  /** commits in order; `tag` tags that commit */
  commits: { tag?: string; files: Record<string, string> }[];
  /** only this user may read it (others get 403) */
  onlyUser?: string;
}

export interface SandboxRepo {
  key: RepoKey;
  host: string;
  path: string;
  /** the module path go requires it as (host/path) */
  module: string;
  /** the module path its go.mod declares (differs for wrongpath) */
  declares: string;
  tags: string[];
  httpsUrl: string;
  /** scp-like ssh URL; only repos on git.corp.test are served over ssh */
  sshUrl?: string;
  onlyUser?: string;
}

export interface SandboxUser {
  user: string;
  /** random per sandbox start: tests must read it, never hard-code it */
  token: string;
}

export interface SandboxProcess {
  name: string;
  pid: number;
  /** /proc/<pid>/stat start time in clock ticks: guards against pid reuse */
  startTime: number;
  /** /proc/sys/kernel/random/boot_id when started (start times count from boot) */
  bootId: string;
  /** the program name /proc/<pid>/stat shows for it and its workers */
  comm: string;
}

export interface Sandbox {
  version: number;
  runDir: string;
  startedAt: string;
  /** PEM of the private CA that signed every sandbox certificate */
  caFile: string;
  hosts: typeof sandboxHosts;
  addresses: Record<SandboxHostKey, string>;
  /** alice reads everything; bob is refused (403) on acme/secret */
  users: { alice: SandboxUser; bob: SandboxUser };
  repos: Record<RepoKey, SandboxRepo>;
  /** company GOPROXY (basic auth, same users) */
  goproxyUrl: string;
  /** imitation of proxy.golang.org: 404 for every module; under /gone, 410 */
  publicProxyUrl: string;
  /** imitation of sum.golang.org: /lookup answers 404 (410 under /gone) */
  sumdbUrl: string;
  /** a module (not a repo) requiring lib and app-dep, with go.mod, go.sum and main.go; copy before changing */
  consumerDir: string;
  ssh: {
    host: string;
    address: string;
    port: number;
    user: string;
    /** `SHA256:…` as ssh-keygen -l prints it */
    hostKeyFingerprint: string;
    /** `ssh-ed25519 AAAA…` */
    hostPublicKey: string;
    /** a known_hosts line for git.corp.test */
    knownHostsLine: string;
    authorizedKeysFile: string;
  };
  processes: SandboxProcess[];
  logsDir: string;
}

export const sandboxDir = dirname(fileURLToPath(import.meta.url));

/** The run dir (gitignored); ONRAMP_SANDBOX_DIR overrides it. One sandbox per machine. */
export function defaultRunDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.ONRAMP_SANDBOX_DIR ? resolve(env.ONRAMP_SANDBOX_DIR) : join(sandboxDir, 'run');
}

export interface RunPaths {
  root: string;
  state: string;
  lock: string;
  leases: string;
  logs: string;
  pki: string;
  repos: string;
  nginx: string;
  cgi: string;
  ssh: string;
  goproxy: string;
  consumer: string;
  /** GOPROXY tree and consumer from an earlier start, keyed by repo refs and go version */
  cache: string;
  htpasswd: string;
  fcgiSocket: string;
  /** tokens issued by host-API stand-ins (host-api.ts): one file per stand-in, `sha256 user` lines */
  apiTokens: string;
}

export function runPaths(root: string): RunPaths {
  return {
    root,
    state: join(root, 'state.json'),
    lock: join(root, 'lock'),
    leases: join(root, 'leases'),
    logs: join(root, 'logs'),
    pki: join(root, 'pki'),
    repos: join(root, 'repos'),
    nginx: join(root, 'nginx'),
    cgi: join(root, 'cgi'),
    ssh: join(root, 'ssh'),
    goproxy: join(root, 'goproxy'),
    consumer: join(root, 'consumer'),
    cache: join(root, 'cache'),
    htpasswd: join(root, 'nginx', 'htpasswd'),
    fcgiSocket: join(root, 'fcgiwrap.sock'),
    apiTokens: join(root, 'api-tokens'),
  };
}
