// Helpers for tests that act as a developer against the sandbox: a client environment built from
// scratch (this machine exports GIT_SSL_CAINFO and SSL_CERT_FILE globally), a netrc, a git
// credential store, an ssh key. Secrets go into files in the temp HOME, never into argv.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { runToolChecked } from '../../main/core/tool-runner';
import type { Sandbox } from './layout';

export type SandboxUserName = keyof Sandbox['users'];

/** Hosts that take the sandbox users' tokens. */
export function credentialHosts(sb: Sandbox): string[] {
  const h = sb.hosts;
  return [h.git, h.git2, h.proxy, h.expired, h.wrongname];
}

/**
 * A go/git environment for a temp HOME: CA trusted by both go (SSL_CERT_FILE) and git
 * (GIT_SSL_CAINFO), module cache and build cache inside `home`, GOPROXY=direct, *.corp.test
 * private, no prompts. Override anything with `extra` (undefined deletes a variable).
 */
export function clientEnv(
  sb: Sandbox,
  home: string,
  extra: Record<string, string | undefined> = {},
): Record<string, string> {
  const env: Record<string, string | undefined> = {
    HOME: home,
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    SSL_CERT_FILE: sb.caFile,
    GIT_SSL_CAINFO: sb.caFile,
    GOPATH: join(home, 'go'),
    GOMODCACHE: join(home, 'go', 'pkg', 'mod'),
    GOCACHE: join(home, '.cache', 'go-build'),
    GOENV: join(home, '.config', 'go', 'env'),
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: 'local',
    GO111MODULE: 'on',
    GOPROXY: 'direct',
    GOPRIVATE: '*.corp.test',
    GOSUMDB: 'off',
    ...extra,
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/** Writes ~/.netrc in the form Go's parser accepts: one `machine H login L password P` per line. */
export function writeNetrc(
  home: string,
  sb: Sandbox,
  user: SandboxUserName,
  hosts = credentialHosts(sb),
): string {
  const u = sb.users[user];
  const file = join(home, '.netrc');
  writeFileSync(file, hosts.map((h) => `machine ${h} login ${u.user} password ${u.token}\n`).join(''), {
    mode: 0o600,
  });
  return file;
}

/**
 * Writes a git credential store file and returns env that enables it without a gitconfig
 * (GIT_CONFIG_COUNT), so no token is ever in argv or a URL on the command line.
 */
export function gitCredentialStoreEnv(
  home: string,
  sb: Sandbox,
  user: SandboxUserName,
  hosts = credentialHosts(sb),
): Record<string, string> {
  const u = sb.users[user];
  const file = join(home, '.git-credentials-sandbox');
  writeFileSync(file, hosts.map((h) => `https://${u.user}:${u.token}@${h}\n`).join(''), { mode: 0o600 });
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'credential.helper',
    GIT_CONFIG_VALUE_0: `store --file=${file}`,
  };
}

export interface SshClient {
  keyFile: string;
  publicKey: string;
  knownHostsFile: string;
  /** GIT_SSH_COMMAND that ignores ~/.ssh (ssh takes ~ from passwd, not $HOME) */
  gitSshCommand: string;
  /** ssh argv prefix with the same options */
  sshArgs: string[];
}

/** A fresh ed25519 key and a known_hosts holding the sandbox host key, under `home/.ssh`. */
export async function makeSshClient(home: string, sb: Sandbox): Promise<SshClient> {
  const dir = join(home, '.ssh');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyFile = join(dir, 'id_sandbox');
  await runToolChecked(
    'ssh-keygen',
    ['-q', '-t', 'ed25519', '-N', '', '-C', 'sandbox-client', '-f', keyFile],
    {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    },
  );
  const knownHostsFile = join(dir, 'known_hosts_sandbox');
  writeFileSync(knownHostsFile, sb.ssh.knownHostsLine + '\n');
  const sshArgs = [
    '-F',
    '/dev/null',
    '-i',
    keyFile,
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'IdentityAgent=none',
    '-o',
    `UserKnownHostsFile=${knownHostsFile}`,
    '-o',
    'GlobalKnownHostsFile=/dev/null',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'BatchMode=yes',
    '-o',
    'ConnectTimeout=10',
  ];
  return {
    keyFile,
    publicKey: readFileSync(`${keyFile}.pub`, 'utf8').trim(),
    knownHostsFile,
    gitSshCommand: ['ssh', ...sshArgs].join(' '),
    sshArgs,
  };
}

/** Connects to host:port and reports what happened within `ms` (dropped.corp.test: 'timeout'). */
export function probeTcp(
  host: string,
  port: number,
  ms: number,
): Promise<'connected' | 'refused' | 'timeout' | string> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const timer = setTimeout(() => {
      s.destroy();
      resolve('timeout');
    }, ms);
    s.on('connect', () => {
      clearTimeout(timer);
      s.destroy();
      resolve('connected');
    });
    s.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(e.code === 'ECONNREFUSED' ? 'refused' : (e.code ?? e.message));
    });
  });
}
