// The sandbox against the real tools: git 2.39 (GnuTLS), go 1.19, OpenSSH. Every command gets
// its own environment and a temp HOME; credentials live in files there, never in argv.
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../../main/core/tool-runner';
import { makeTempHome, type TempHome } from '../helpers/temp-home';
import { clientEnv, gitCredentialStoreEnv, makeSshClient, probeTcp, writeNetrc } from './client-env';
import { isAlive } from './daemons';
import { hasHostsBlock } from './hosts-file';
import { netnsExists } from './netns';
import { authorizeKey, revokeKey, sandboxProblems, startSandbox, stopSandbox, type Sandbox } from './sandbox';

let sb: Sandbox;
let wasRunning = false;
let startMs = 0;
const homes: TempHome[] = [];

function home(): string {
  const h = makeTempHome();
  homes.push(h);
  return h.home;
}

const git = (args: string[], env: Record<string, string>) => runTool('git', args, { env, timeoutMs: 30_000 });
const go = (args: string[], env: Record<string, string>, cwd?: string) =>
  runTool('go', args, { env, cwd: cwd ?? env.HOME, timeoutMs: 60_000 });

beforeAll(async () => {
  wasRunning = (await sandboxProblems()).length === 0;
  const t = performance.now();
  sb = await startSandbox();
  startMs = performance.now() - t;
});

afterAll(() => {
  for (const h of homes) h.cleanup();
});

describe('sandbox lifecycle', () => {
  it('returns the running sandbox when started again', async () => {
    const t = performance.now();
    const again = await startSandbox();
    expect(performance.now() - t).toBeLessThan(2000);
    expect(again.startedAt).toBe(sb.startedAt);
    expect(again.processes).toEqual(sb.processes);
    expect(again.users.alice.token).toBe(sb.users.alice.token);
    expect(sb.processes.map((p) => p.name).sort()).toEqual(['fcgiwrap', 'nginx', 'sshd']);
    expect(sb.processes.every(isAlive)).toBe(true);
    console.info(`sandbox start: ${Math.round(startMs)} ms (was running: ${wasRunning})`);
  });

  it('resolves its names through /etc/hosts; refused and dropped fail the way they should', async () => {
    expect((await lookup(sb.hosts.git)).address).toBe('127.0.0.2');
    expect((await lookup(sb.hosts.dropped)).address).toBe(sb.addresses.dropped);
    expect(await probeTcp(sb.hosts.git, 443, 3000)).toBe('connected');
    expect(await probeTcp(sb.hosts.git, 80, 3000)).toBe('connected');
    expect(await probeTcp(sb.hosts.git, 22, 3000)).toBe('connected');
    expect(await probeTcp(sb.hosts.refused, 443, 3000)).toBe('refused');
    expect(await probeTcp(sb.hosts.refused, 22, 3000)).toBe('refused');
    expect(await probeTcp(sb.hosts.dropped, 443, 1500)).toBe('timeout');
  });
});

describe('git over HTTPS', () => {
  it('lists tags with basic auth from a credential store, and asks for credentials without one', async () => {
    const h = home();
    const anon = await git(['ls-remote', '--tags', sb.repos.lib.httpsUrl], clientEnv(sb, h));
    expect(anon.code).not.toBe(0);
    expect(anon.stderr).toContain("could not read Username for 'https://git.corp.test'");

    const r = await git(['ls-remote', '--tags', sb.repos.lib.httpsUrl], {
      ...clientEnv(sb, h),
      ...gitCredentialStoreEnv(h, sb, 'alice'),
    });
    expect(r.stderr).toBe('');
    for (const t of ['v1.0.0', 'v1.1.0', 'v1.2.0']) expect(r.stdout).toContain(`refs/tags/${t}`);
  });

  it('answers 403 to bob on acme/secret, 200 to alice, 404 for an unknown repo', async () => {
    const h = home();
    const asBob = { ...clientEnv(sb, h), ...gitCredentialStoreEnv(h, sb, 'bob') };
    const bob = await git(['ls-remote', sb.repos.secret.httpsUrl], asBob);
    expect(bob.code).not.toBe(0);
    expect(bob.stderr).toContain('403');
    expect((await git(['ls-remote', sb.repos.lib.httpsUrl], asBob)).code).toBe(0);

    const h2 = home();
    const asAlice = { ...clientEnv(sb, h2), ...gitCredentialStoreEnv(h2, sb, 'alice') };
    expect((await git(['ls-remote', sb.repos.secret.httpsUrl], asAlice)).code).toBe(0);
    const missing = await git(['ls-remote', 'https://git.corp.test/acme/nope.git'], asAlice);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/not found/);
  });

  it('trusts the sandbox CA only when told to (GnuTLS ignores SSL_CERT_FILE)', async () => {
    const h = home();
    const r = await git(
      ['ls-remote', sb.repos.lib.httpsUrl],
      clientEnv(sb, h, { GIT_SSL_CAINFO: undefined }),
    );
    expect(r.stderr).toMatch(/server certificate verification failed|SSL certificate problem/);
  });
});

describe('go 1.19 against the sandbox', () => {
  it('downloads a module directly (GOPROXY=direct, GOPRIVATE, netrc, SSL_CERT_FILE)', async () => {
    const h = home();
    writeNetrc(h, sb, 'alice');
    const r = await go(['mod', 'download', '-json', `${sb.repos.lib.module}@v1.2.0`], clientEnv(sb, h));
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ Path: 'git.corp.test/acme/lib', Version: 'v1.2.0' });

    // A package path below the repo root: discovery answers the root (acme/lib), go verifies it.
    const mod = join(h, 'm');
    const env = clientEnv(sb, h, { GOFLAGS: '-modcacherw -mod=mod' });
    mkdirSync(mod);
    expect((await go(['mod', 'init', 'example.test/m'], env, mod)).code).toBe(0);
    const get = await go(['get', 'git.corp.test/acme/lib/sub@v1.2.0'], env, mod);
    expect(get.stderr).toContain('go: added git.corp.test/acme/lib v1.2.0');
  });

  it('reports an expired certificate and a certificate for another name', async () => {
    const h = home();
    writeNetrc(h, sb, 'alice');
    const expired = await go(['mod', 'download', 'expired.corp.test/acme/lib@v1.2.0'], clientEnv(sb, h));
    expect(expired.code).not.toBe(0);
    expect(expired.stderr).toContain('x509: certificate has expired');
    const wrong = await go(['mod', 'download', 'wrongname.corp.test/acme/lib@v1.2.0'], clientEnv(sb, h));
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('x509: certificate is valid for other.corp.test, not wrongname.corp.test');
  });

  it('serves modules from the company proxy with netrc, 401 without', async () => {
    const h = home();
    const env = clientEnv(sb, h, { GOPROXY: sb.goproxyUrl, GOPRIVATE: undefined, GONOSUMDB: '*.corp.test' });
    const anon = await go(['mod', 'download', `${sb.repos.tool.module}@v0.2.0`], env);
    expect(anon.stderr).toContain('401 Unauthorized');
    writeNetrc(h, sb, 'bob');
    const r = await go(
      ['mod', 'download', '-json', `${sb.repos.tool.module}@v0.2.0`, `${sb.repos.lib.module}@v1.0.0`],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"Version": "v0.2.0"');
  });

  it('imitates proxy.golang.org and sum.golang.org for a private module (proxy-leak, sumdb-leak)', async () => {
    const h = home();
    writeNetrc(h, sb, 'alice');
    const leak = await go(
      ['mod', 'download', `${sb.repos.lib.module}@v1.2.0`],
      clientEnv(sb, h, {
        GOPROXY: sb.publicProxyUrl,
        GOPRIVATE: undefined,
        GOSUMDB: `sum.golang.org ${sb.sumdbUrl}`,
      }),
    );
    expect(leak.stderr).toContain('proxy.golang.test/git.corp.test/acme/lib/@v/v1.2.0.info: 404 Not Found');
    const gone = await go(
      ['mod', 'download', `${sb.repos.lib.module}@v1.2.0`],
      clientEnv(sb, h, { GOPROXY: `${sb.publicProxyUrl}/gone`, GOPRIVATE: undefined, GOSUMDB: 'off' }),
    );
    expect(gone.stderr).toContain('410 Gone');
    const sumdb = await go(
      ['mod', 'download', `${sb.repos.lib.module}@v1.2.0`],
      clientEnv(sb, h, {
        GOPRIVATE: undefined,
        GONOPROXY: '*.corp.test',
        GOSUMDB: `sum.golang.org ${sb.sumdbUrl}`,
      }),
    );
    expect(sumdb.stderr).toMatch(/verifying (module|go\.mod)/);
    expect(sumdb.stderr).toContain('sum.golang.test/lookup/git.corp.test/acme/lib@v1.2.0: 404 Not Found');
  });

  it('needs credentials for discovery on git2, and answers a truncated root for group/sub/proj without them', async () => {
    const h = home();
    const env = clientEnv(sb, h);
    const tool = await go(['mod', 'download', `${sb.repos.tool.module}@v0.2.0`], env);
    expect(tool.stderr).toContain('401 Unauthorized');
    // -x shows the repo URL go took from the (truncated) go-import tag.
    const proj = await go(['mod', 'download', '-x', `${sb.repos.proj.module}@v1.0.0`], env);
    expect(proj.code).not.toBe(0);
    expect(proj.stderr).toContain('git remote add origin -- https://git2.corp.test/group/sub.git');
    expect(proj.stderr).toContain("could not read Username for 'https://git2.corp.test'");

    writeNetrc(h, sb, 'alice');
    const ok = await go(
      ['mod', 'download', `${sb.repos.tool.module}@v0.2.0`, `${sb.repos.proj.module}@v1.0.0`],
      env,
    );
    expect(ok.stderr).toBe('');
  });

  it('loads the consumer module with its go.sum as written', async () => {
    const h = home();
    writeNetrc(h, sb, 'alice');
    const dir = join(h, 'consumer');
    cpSync(sb.consumerDir, dir, { recursive: true });
    const env = clientEnv(sb, h, { GOFLAGS: '-modcacherw -mod=readonly' });
    const r = await go(['list', '-deps', './...'], env, dir);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/go\.sum|checksum|verifying/);
    expect(r.stdout).toContain('git.corp.test/acme/app-dep');
    expect(readFileSync(join(dir, 'go.sum'), 'utf8')).toBe(
      readFileSync(join(sb.consumerDir, 'go.sum'), 'utf8'),
    );
  });
});

describe('git over ssh', () => {
  it('lets in an authorized key and refuses it after revocation', async () => {
    const h = home();
    const ssh = await makeSshClient(h, sb);
    const env = { ...clientEnv(sb, h), GIT_SSH_COMMAND: ssh.gitSshCommand };
    const url = sb.repos.lib.sshUrl ?? '';

    const before = await git(['ls-remote', url], env);
    expect(before.stderr).toContain('Permission denied (publickey)');

    authorizeKey(ssh.publicKey);
    try {
      const r = await git(['ls-remote', '--tags', url], env);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('refs/tags/v1.2.0');
      const raw = await runTool(
        'ssh',
        [...ssh.sshArgs, 'git@git.corp.test', "git-upload-pack 'acme/lib.git'"],
        {
          env: clientEnv(sb, h),
          timeoutMs: 20_000,
        },
      );
      expect(raw.stdout).toContain('refs/heads/main');
      // go through ssh: insteadOf rewrites the https repo URL from discovery.
      const viaSsh = await go(['mod', 'download', '-json', `${sb.repos.appDep.module}@v0.1.0`], {
        ...env,
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'url.git@git.corp.test:.insteadOf',
        GIT_CONFIG_VALUE_0: 'https://git.corp.test/',
      });
      expect(viaSsh.stderr).toBe('');
      expect(viaSsh.stdout).toContain('"Version": "v0.1.0"');
    } finally {
      revokeKey(ssh.publicKey);
    }
    const after = await git(['ls-remote', url], env);
    expect(after.stderr).toContain('Permission denied (publickey)');
  });

  it('fails host key verification against an empty known_hosts', async () => {
    const h = home();
    const ssh = await makeSshClient(h, sb);
    const args = ssh.sshArgs.map((a) =>
      a.startsWith('UserKnownHostsFile=') ? 'UserKnownHostsFile=/dev/null' : a,
    );
    const r = await runTool('ssh', [...args, 'git@git.corp.test', 'true'], {
      env: clientEnv(sb, h),
      timeoutMs: 20_000,
    });
    expect(r.stderr).toContain('Host key verification failed');
  });
});

// Last: it takes the sandbox down (unless another test file is using it) and brings it back
// if it was running before this file started.
describe('stopping', () => {
  it('stops every process it started and removes the /etc/hosts block and the namespace', async (ctx) => {
    const t = performance.now();
    const r = await stopSandbox({ ifUnused: true });
    if (!r.stopped) ctx.skip(`sandbox in use: ${r.reason ?? ''}`);
    console.info(`sandbox stop: ${Math.round(performance.now() - t)} ms`);
    expect(sb.processes.some(isAlive)).toBe(false);
    expect(hasHostsBlock()).toBe(false);
    expect(await netnsExists()).toBe(false);
    expect(existsSync(join(sb.runDir, 'state.json'))).toBe(false);
    expect(await sandboxProblems()).toEqual(['not started (no state file)']);
    if (wasRunning) await startSandbox();
  });
});
