// Onboarding over HTTPS with a real keychain (a private Secret Service, test/helpers/keyring.ts):
// the token goes to the keychain and git gets it from Onramp's credential helper, so ~/.netrc
// holds no token for a host where go itself does not need one; a host whose ?go-get=1 discovery
// needs credentials (git2's private subgroups) still gets its netrc line, because go 1.19 reads
// nothing else for its own requests. The no-keychain fallback is in onboard-https.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCommand } from '../../main/cli/commands/onboard';
import { keychainStore } from '../../main/core/credentials/keychain-store';
import { runTool } from '../../main/core/tool-runner';
import { runCli } from '../helpers/cli-run';
import { useTestKeyring } from '../helpers/keyring';
import { snapshotTree } from '../helpers/tree-snapshot';
import { startHostApi, type HostApiStandIn } from '../sandbox/host-api';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { runCmd } from './cli-helpers';
import { sandboxProfile, shellEnv, writeProfile } from './profile-helpers';

const keyring = useTestKeyring();
let sb: Sandbox;
let api: HostApiStandIn;
let root: string;
beforeAll(async () => {
  sb = await startSandbox();
  api = await startHostApi(sb);
  root = mkdtempSync(join(tmpdir(), 'onramp-onboard-kc-'));
});
afterAll(async () => {
  await api?.stop();
  rmSync(root, { recursive: true, force: true });
});

function machine(name: string, extra: Record<string, string> = {}) {
  const dir = join(root, name);
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const data = join(dir, 'data');
  // The helper's compiled bundle is its own cache, not something onboarding writes: keep it
  // outside HOME so the byte-for-byte undo check sees only onboarding's files.
  const env = shellEnv(home, data, join(dir, 'cache'), {
    ...keyring.kr.env,
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    ...extra,
  });
  return { dir, home, data, env };
}

async function credentialFill(env: Record<string, string>, host: string) {
  return runTool('git', ['credential', 'fill'], {
    env: { ...env, GIT_TERMINAL_PROMPT: '0' },
    stdin: `protocol=https\nhost=${host}\n\n`,
    timeoutMs: 30_000,
  });
}

describe('onboarding over HTTPS with a keychain', () => {
  it('token in the keychain, served by the helper, not in ~/.netrc; 0 changes again; undo exact', async () => {
    const m = machine('https');
    const file = writeProfile(m.dir, 'corp.json', sandboxProfile(sb));
    const token = sb.users.alice.token;
    const start = snapshotTree(m.home);

    const first = await runCmd(applyCommand, ['--profile', file, '--yes', '--token-stdin', '--json'], m.env, {
      stdin: `${token}\n`,
    });
    expect(first.err).toBe('');
    expect(first.out).not.toContain(token);
    const r1 = JSON.parse(first.out);
    expect(r1.verification?.steps?.map((s: { ok: boolean; title: string }) => [s.title, s.ok])).toEqual([
      [`go mod download -x -json ${sb.repos.lib.module}@v1.2.0`, true],
      [`go mod download -x -json ${sb.repos.appDep.module}@v0.1.0`, true],
    ]);
    expect(first.code).toBe(0);
    expect(r1).toMatchObject({ ok: true, applied: true });
    expect(r1.todo.join('\n')).toContain('not in ~/.netrc (go does not need it)');
    expect(r1.notes.join('\n')).not.toContain('No OS keychain');
    // git over HTTPS is the only user of the token here: nothing on disk.
    expect(existsSync(join(m.home, '.netrc'))).toBe(false);
    const gitconfig = readFileSync(join(m.home, '.gitconfig'), 'utf8');
    expect(gitconfig).toContain(`[credential "https://${sb.hosts.git}"]`);
    expect(gitconfig).not.toContain(token);
    const fill = await credentialFill(m.env, sb.hosts.git);
    expect(fill.code).toBe(0);
    expect(fill.stdout).toContain(`username=alice\n`);
    expect(fill.stdout).toContain(`password=${token}\n`);
    const inventory = join(m.data, 'credentials', 'inventory.json');
    expect(readFileSync(inventory, 'utf8')).not.toContain(token);

    const second = await runCmd(applyCommand, ['--profile', file, '--yes', '--json'], m.env);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({ ok: true, applied: false, upToDate: true, changes: 0 });

    const undo = await runCli(['undo', r1.journalId, '--json'], m.env);
    expect(undo.code).toBe(0);
    expect(snapshotTree(m.home)).toEqual(start);
    expect(existsSync(inventory)).toBe(false);
  });

  it('a host whose discovery needs credentials (git2 subgroups) also gets its ~/.netrc line', async () => {
    // The profile the gitlab-self-managed preset makes for git2 (discoveryNeedsAuth), with the
    // host-API stand-in as its API so the token is checked the way `token add` checks it.
    const m = machine('gitlab', { SSL_CERT_FILE: sb.caFile, GIT_SSL_CAINFO: sb.caFile });
    const token = api.issueToken({ user: 'alice', scopes: ['read_repository', 'read_api'] });
    const mod = sb.repos.proj.module; // git2.corp.test/group/sub/proj: anonymous discovery answers group/sub
    const file = writeProfile(m.dir, 'git2.json', {
      version: 1,
      id: 'git2',
      name: 'git2 subgroups',
      hosts: [
        {
          kind: 'gitlab',
          webUrl: `https://${sb.hosts.git2}`,
          apiUrl: api.apiBase('gitlab'),
          protocol: 'https',
          discoveryNeedsAuth: true,
          token: { login: 'alice', scopes: ['read_repository'] },
        },
      ],
      modules: { private: [`${sb.hosts.git2}/group`] },
      publicMirror: 'proxy.golang.org',
      sumdb: 'sum.golang.org',
      testModules: [{ module: mod, version: 'v1.0.0' }],
    });
    const r = await runCmd(applyCommand, ['--profile', file, '--token-stdin', '--yes', '--json'], m.env, {
      stdin: token,
    });
    const res = JSON.parse(r.out);
    expect(res.error).toBeUndefined();
    expect(res.verification.ok).toBe(true);
    expect(r.code).toBe(0);
    expect(res.todo.join('\n')).toContain('~/.netrc too, because go’s ?go-get=1 discovery needs it');
    expect(readFileSync(join(m.home, '.netrc'), 'utf8')).toBe(
      `machine ${sb.hosts.git2} login alice password ${token}\n`,
    );
    expect(readFileSync(join(m.home, '.gitconfig'), 'utf8')).toContain(
      `[credential "https://${sb.hosts.git2}"]`,
    );
    const inv = JSON.parse(readFileSync(join(m.data, 'credentials', 'inventory.json'), 'utf8'));
    expect(inv.records[0]).toMatchObject({ host: sb.hosts.git2, account: 'alice', login: 'alice' });
    expect(api.requests.some((q) => q.path.endsWith('/personal_access_tokens/self'))).toBe(true);
  });

  it('a token the host API rejects stops onboarding before anything is written', async () => {
    const m = machine('rejected', { SSL_CERT_FILE: sb.caFile, GIT_SSL_CAINFO: sb.caFile });
    const start = snapshotTree(m.home);
    // The first test's undo left its (unreferenced) item behind, as documented: compare, not [].
    const items = () => keychainStore().list(`onramp:token:${sb.hosts.git}`);
    const itemsBefore = await items();
    const p = sandboxProfile(sb);
    p.hosts[0].apiUrl = api.apiBase('gitlab');
    const file = writeProfile(m.dir, 'corp.json', p);
    const r = await runCmd(applyCommand, ['--profile', file, '--token-stdin', '--yes'], m.env, {
      stdin: 'glpat-not-a-real-token-000000',
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('nothing was applied');
    expect(snapshotTree(m.home)).toEqual(start);
    expect(await items()).toEqual(itemsBefore);
  });
});
