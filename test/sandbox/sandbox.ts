// A real private Git host on loopback for tests and demos: nginx (TLS, basic auth, git smart HTTP
// through fcgiwrap + git-http-backend, go-get discovery, a company GOPROXY, public proxy/sumdb
// imitations), sshd for git@git.corp.test, a private CA, and names in /etc/hosts.
// startSandbox() is idempotent across processes (lock + state file + pid/start-time checks);
// stopSandbox() stops exactly the processes it started and removes the /etc/hosts block.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runToolChecked } from '../../main/core/tool-runner';
import { makeCerts } from './ca';
import { logTail, spawnDaemon, stopDaemon, waitForFile, waitForPort, type DaemonSpec } from './daemons';
import { prepareGoproxyAndConsumer } from './goproxy';
import { addHostsBlock, blockOwner, readHostsFile, removeHostsBlock, type HostsEntry } from './hosts-file';
import {
  defaultRunDir,
  runPaths,
  sandboxAddresses,
  sandboxHosts,
  SANDBOX_VERSION,
  type RunPaths,
  type Sandbox,
  type SandboxHostKey,
  type SandboxProcess,
} from './layout';
import { addLease, otherLeaseHolders, withLock } from './lock';
import { createDropRoute, removeDropRoute } from './netns';
import { gateScript, nginxConf } from './nginx-conf';
import { buildRepos, describeRepos } from './repos';
import { ensureGitUser, linkRepos, prepareSshd, SSHD, unlinkRepos } from './sshd';
import { processesFile, readJson, sandboxProblems, writeJson } from './state';

export type { Sandbox, SandboxRepo, SandboxUser, SandboxProcess } from './layout';
export { authorizeKey, readSandbox, revokeKey, sandboxProblems } from './state';

export interface SandboxOptions {
  /** defaults to test/sandbox/run (or $ONRAMP_SANDBOX_DIR) */
  runDir?: string;
  /** progress lines with elapsed milliseconds (the CLI prints them) */
  onProgress?: (line: string) => void;
}

const SSH_REPO_TOPS = ['acme'];
const toolEnv = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' };

function requireRoot(): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(
      'The Onramp sandbox needs root: it edits /etc/hosts, binds ports 443 and 22 on 127.0.0.x, ' +
        'creates the git user and a network namespace. Run it as root.',
    );
  }
}

function hostsEntries(): HostsEntry[] {
  return (Object.keys(sandboxHosts) as SandboxHostKey[]).map((k) => ({
    address: sandboxAddresses[k],
    names: [sandboxHosts[k]],
  }));
}

async function htpasswdLine(user: string, token: string): Promise<string> {
  // -stdin: the token never appears in argv.
  const r = await runToolChecked('openssl', ['passwd', '-apr1', '-stdin'], {
    env: toolEnv,
    stdin: `${token}\n`,
  });
  return `${user}:${r.stdout.trim()}\n`;
}

async function teardown(p: RunPaths): Promise<void> {
  const recorded =
    readJson<SandboxProcess[]>(processesFile(p)) ?? readJson<Sandbox>(p.state)?.processes ?? [];
  // Reverse order: sshd and nginx before the fcgiwrap they talk to.
  for (const proc of [...recorded].reverse()) await stopDaemon(proc);
  await removeDropRoute();
  const owner = blockOwner(readHostsFile());
  if (owner === undefined || owner === p.root) removeHostsBlock();
  await unlinkRepos(p.root, SSH_REPO_TOPS);
  for (const f of [p.state, processesFile(p), p.fcgiSocket]) rmSync(f, { force: true });
}

async function bringUp(p: RunPaths, progress: (step: string) => void): Promise<Sandbox> {
  // Tokens a host-API stand-in issued against an earlier start are void.
  rmSync(p.apiTokens, { recursive: true, force: true });
  for (const d of [
    p.logs,
    p.cgi,
    p.apiTokens,
    ...['body', 'fastcgi', 'proxy', 'uwsgi', 'scgi'].map((t) => join(p.nginx, 'tmp', t)),
  ]) {
    mkdirSync(d, { recursive: true });
  }
  chmodSync(p.root, 0o755); // the git user (sshd) walks through it to the repos
  const token = (u: string) => `tok-${u}-${randomBytes(12).toString('hex')}`;
  const users = {
    alice: { user: 'alice', token: token('alice') },
    bob: { user: 'bob', token: token('bob') },
  };

  const work = mkdtempSync(join(tmpdir(), 'onramp-sbx-repos-'));
  const [certs, sshd, gitUser] = await Promise.all([
    makeCerts(p.pki),
    prepareSshd(p),
    ensureGitUser(),
    buildRepos(p.repos, work),
  ]).finally(() => rmSync(work, { recursive: true, force: true }));
  const htpasswd = await Promise.all(Object.values(users).map((u) => htpasswdLine(u.user, u.token)));
  writeFileSync(p.htpasswd, htpasswd.join(''), { mode: 0o600 });
  writeFileSync(join(p.cgi, 'git-gate.sh'), gateScript(), { mode: 0o755 });
  const conf = join(p.nginx, 'nginx.conf');
  writeFileSync(conf, nginxConf(p, certs));
  const nginxArgs = ['-e', join(p.logs, 'nginx-error.log'), '-p', p.nginx + '/', '-c', conf];
  await runToolChecked('nginx', [...nginxArgs, '-t', '-q'], { env: toolEnv });
  progress('certificates, repositories, configs');

  addHostsBlock(hostsEntries(), p.root);
  await createDropRoute(sandboxAddresses.dropped);
  linkRepos(gitUser.home, join(p.repos, sandboxHosts.git), SSH_REPO_TOPS);
  progress('/etc/hosts block, network namespace');

  const processes: SandboxProcess[] = [];
  const start = (spec: Omit<DaemonSpec, 'env' | 'logFile'>) => {
    const proc = spawnDaemon({ ...spec, env: toolEnv, logFile: join(p.logs, `${spec.name}.log`) });
    processes.push(proc);
    writeJson(processesFile(p), processes);
    return proc;
  };
  rmSync(p.fcgiSocket, { force: true });
  const fcgi = start({
    name: 'fcgiwrap',
    command: 'fcgiwrap',
    args: ['-c', '4', '-s', `unix:${p.fcgiSocket}`],
  });
  const nginx = start({ name: 'nginx', command: 'nginx', args: nginxArgs });
  const sshdProc = start({ name: 'sshd', command: SSHD, args: ['-D', '-e', '-f', sshd.config] });
  const waitLog = async (proc: SandboxProcess, wait: Promise<void>) => {
    try {
      await wait;
    } catch (err) {
      throw new Error(
        `${(err as Error).message}\n--- ${proc.name} log ---\n${logTail(join(p.logs, `${proc.name}.log`))}`,
      );
    }
  };
  await Promise.all([
    waitLog(fcgi, waitForFile(p.fcgiSocket, fcgi)),
    waitLog(nginx, waitForPort(nginx, sandboxAddresses.git, 443)),
    waitLog(sshdProc, waitForPort(sshdProc, sandboxAddresses.git, 22)),
  ]);
  progress('fcgiwrap, nginx, sshd listening');

  const sb: Sandbox = {
    version: SANDBOX_VERSION,
    runDir: p.root,
    startedAt: new Date().toISOString(),
    caFile: certs.caFile,
    hosts: sandboxHosts,
    addresses: sandboxAddresses,
    users,
    repos: describeRepos(),
    goproxyUrl: `https://${sandboxHosts.proxy}`,
    publicProxyUrl: `https://${sandboxHosts.publicProxy}`,
    sumdbUrl: `https://${sandboxHosts.sumdb}`,
    consumerDir: p.consumer,
    ssh: {
      host: sandboxHosts.git,
      address: sandboxAddresses.git,
      port: 22,
      user: 'git',
      hostKeyFingerprint: sshd.hostKeyFingerprint,
      hostPublicKey: sshd.hostPublicKey,
      knownHostsLine: sshd.knownHostsLine,
      authorizedKeysFile: sshd.authorizedKeysFile,
    },
    processes,
    logsDir: p.logs,
  };
  const how = await prepareGoproxyAndConsumer(sb, p);
  progress(`company GOPROXY tree and consumer module (${how})`);
  writeJson(p.state, sb);
  return sb;
}

/** Starts the sandbox, or returns the running one (started by any process). Needs root. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  requireRoot();
  const p = runPaths(opts.runDir ?? defaultRunDir());
  const t0 = performance.now();
  const progress = (step: string) => opts.onProgress?.(`${Math.round(performance.now() - t0)} ms: ${step}`);
  return withLock(p.lock, async () => {
    const owner = blockOwner(readHostsFile());
    if (owner !== undefined && owner !== p.root && (await sandboxProblems(owner)).length === 0) {
      throw new Error(
        `another sandbox is running from ${owner}: stop it first (ONRAMP_SANDBOX_DIR=${owner} … cli.ts down)`,
      );
    }
    const problems = await sandboxProblems(p.root);
    const running = readJson<Sandbox>(p.state);
    if (problems.length === 0 && running) {
      addLease(p.leases);
      progress('already running');
      return running;
    }
    await teardown(p);
    progress(`cleaned up (${problems.join('; ')})`);
    try {
      const sb = await bringUp(p, progress);
      addLease(p.leases);
      return sb;
    } catch (err) {
      await teardown(p);
      throw err;
    }
  });
}

export interface StopResult {
  stopped: boolean;
  /** why it was left running (ifUnused and other processes hold leases) */
  reason?: string;
}

/**
 * Stops every process the sandbox started, deletes the network namespace and the /etc/hosts
 * block. With `ifUnused`, leaves it running when other live processes called startSandbox.
 */
export async function stopSandbox(opts: SandboxOptions & { ifUnused?: boolean } = {}): Promise<StopResult> {
  requireRoot();
  const p = runPaths(opts.runDir ?? defaultRunDir());
  return withLock(p.lock, async () => {
    const others = otherLeaseHolders(p.leases);
    if (opts.ifUnused && others.length > 0) {
      return { stopped: false, reason: `in use by pid ${others.join(', ')}` };
    }
    await teardown(p);
    rmSync(p.leases, { recursive: true, force: true });
    return { stopped: true };
  });
}
