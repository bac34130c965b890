// One-click rotation against the sandbox host and its host-API stand-in: the new token works
// (real go mod download with a fresh module cache), the old one is revoked through the API and
// really stops working, no copy of it is left; a rotation whose verification fails leaves the
// old token working and nothing lost.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenRecords } from '../../main/common/credentials/inventory-model';
import { gitCredential } from '../../main/core/credentials/git-helper-config';
import { loadInventory } from '../../main/core/credentials/inventory';
import { keychainStore } from '../../main/core/credentials/keychain-store';
import { rotateToken } from '../../main/core/credentials/rotate';
import { addToken } from '../../main/core/credentials/token-add';
import { runTool } from '../../main/core/tool-runner';
import { history } from '../../main/core/undo';
import { useCredFixture } from './fixture';

const f = useCredFixture();

/** Does this token still work for git, on its own (credential store file, never argv)? */
async function gitWorks(token: string, host: string = f.sb.hosts.git, repo = 'acme/lib'): Promise<boolean> {
  // A HOME of its own: git (curl) would also read ~/.netrc, which holds the current token.
  const home = mkdtempSync(join(f.t.home, '..', 'probe-'));
  const file = join(home, 'credentials');
  writeFileSync(file, `https://alice:${token}@${host}\n`, { mode: 0o600 });
  const r = await runTool('git', ['ls-remote', `https://${host}/${repo}.git`], {
    env: {
      ...f.env,
      HOME: home,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'credential.helper',
      GIT_CONFIG_VALUE_0: `store --file=${file}`,
    },
    timeoutMs: 30_000,
  });
  return r.code === 0;
}

const items = (host: string) => keychainStore().list(`onramp:token:${host}`);

describe('rotate', () => {
  it('GitHub shape: new works, old revoked through the API and dead, one keychain item left', async () => {
    const { sb, api, env } = f;
    const host = sb.hosts.git;
    const oldTok = api.issueToken({ user: 'alice', scopes: ['repo'], expiresAt: '2031-01-01' });
    const added = await addToken(env, {
      host,
      token: oldTok,
      kind: 'github',
      apiBase: api.apiBase('github'),
      module: `${sb.repos.lib.module}@v1.2.0`,
    });
    expect(added.record.account).toBe('alice');
    expect(added.record.expiresAt).toBe('2031-01-01T00:00:00.000Z');
    expect(added.record.scopes).toEqual(['repo']);

    const newTok = api.issueToken({ user: 'alice', scopes: ['repo'] });
    const t0 = performance.now();
    const r = await rotateToken(env, { host, token: newTok });
    console.info(`rotation (GitHub shape, go mod download verify): ${Math.round(performance.now() - t0)} ms`);
    expect(r.ok).toBe(true);
    expect(r.verification.how).toContain('go mod download');
    expect(r.revocation).toMatchObject({ revoked: true, how: 'POST /credentials/revoke', confirmed: true });
    expect(api.tokenState(oldTok)?.revoked).toBe(true);
    expect(await gitWorks(oldTok)).toBe(false);
    expect(await gitWorks(newTok)).toBe(true);
    const fill = await gitCredential(env, 'fill', { host });
    expect(fill.stdout).toContain(`password=${newTok}\n`);
    const rec = tokenRecords(loadInventory(env), host)[0];
    expect(await items(host)).toEqual([`alice#${rec?.generation}`]);
    expect((await history(env)).map((h) => h.title)).toContain('rotate token alice@git.corp.test');
  });

  it('GitLab shape on a host needing netrc: netrc follows, old revoked with DELETE self', async () => {
    const { sb, api, env } = f;
    const host = sb.hosts.git2;
    const module = `${sb.repos.tool.module}@v0.2.0`;
    const oldTok = api.issueToken({ user: 'alice', scopes: ['read_repository', 'read_api'] });
    await addToken(env, { host, token: oldTok, kind: 'gitlab', apiBase: api.apiBase('gitlab'), module });
    expect(readFileSync(join(f.t.home, '.netrc'), 'utf8')).toContain(`password ${oldTok}`);
    const newTok = api.issueToken({ user: 'alice', scopes: ['read_repository', 'read_api'] });
    const r = await rotateToken(env, { host, token: newTok });
    expect(r.ok).toBe(true);
    expect(r.revocation).toMatchObject({ revoked: true, how: 'DELETE /personal_access_tokens/self' });
    expect(readFileSync(join(f.t.home, '.netrc'), 'utf8')).toBe(
      `machine ${host} login alice password ${newTok}\n`,
    );
    expect(await gitWorks(oldTok, host, 'team/tool')).toBe(false);
    expect(await gitWorks(newTok, host, 'team/tool')).toBe(true);
  });

  it('a rotation whose verification fails rolls back: the old token keeps working, nothing is lost', async () => {
    const { sb, api, env } = f;
    const host = sb.hosts.git2;
    const module = `${sb.repos.tool.module}@v0.2.0`;
    const oldTok = api.issueToken({ user: 'alice', scopes: ['repo'] });
    await addToken(env, { host, token: oldTok, kind: 'github', apiBase: api.apiBase('github'), module });
    const before = tokenRecords(loadInventory(env), host)[0];
    const netrcBefore = readFileSync(join(f.t.home, '.netrc'), 'utf8');
    // the API accepts it, git does not (like a token not yet authorised for SAML SSO)
    const blocked = api.issueToken({ user: 'alice', scopes: ['repo'], gitAccess: false });
    const r = await rotateToken(env, { host, token: blocked });
    expect(r.ok).toBe(false);
    expect(r.rolledBack?.undoId).toBeTruthy();
    expect(r.verification.lines.join('\n')).not.toContain(blocked);
    expect(tokenRecords(loadInventory(env), host)[0]).toEqual(before);
    expect(readFileSync(join(f.t.home, '.netrc'), 'utf8')).toBe(netrcBefore);
    expect(await items(host)).toEqual([`alice#${before?.generation}`]);
    expect(api.tokenState(oldTok)?.revoked).toBe(false);
    const go = await runTool('go', ['mod', 'download', module], { env, cwd: f.t.home, timeoutMs: 120_000 });
    expect(go.code).toBe(0);
  });

  it('refuses a new token of another account, before storing anything', async () => {
    const { sb, api, env } = f;
    const host = sb.hosts.git;
    const oldTok = api.issueToken({ user: 'alice', scopes: ['repo'] });
    await addToken(env, {
      host,
      token: oldTok,
      kind: 'github',
      apiBase: api.apiBase('github'),
      repo: 'acme/lib',
    });
    const bobs = api.issueToken({ user: 'bob', scopes: ['repo'] });
    await expect(rotateToken(env, { host, token: bobs })).rejects.toThrow(
      /belongs to bob, the old one to alice/,
    );
    expect((await items(host)).length).toBe(1);
  });
});

describe('token add through each API shape', () => {
  it('reports missing scopes before storing (GitLab read_repository), warns for read_api', async () => {
    const { sb, api, env } = f;
    const noRepo = api.issueToken({ user: 'alice', scopes: ['read_api'] });
    await expect(
      addToken(env, { host: sb.hosts.git, token: noRepo, kind: 'gitlab', apiBase: api.apiBase('gitlab') }),
    ).rejects.toThrow(/lacks read_repository or write_repository or api/);
    expect(await items(sb.hosts.git)).toEqual([]);
    const noApi = api.issueToken({ user: 'alice', scopes: ['read_repository'], expiresAt: soon(5) });
    const r = await addToken(env, {
      host: sb.hosts.git,
      token: noApi,
      kind: 'gitlab',
      apiBase: api.apiBase('gitlab'),
    });
    expect(r.problems.map((p) => p.code).sort()).toEqual(['expires-soon', 'missing-scope']);
    expect(r.problems.find((p) => p.code === 'missing-scope')?.message).toMatch(/read_api .*subgroups/);
  });

  it('Gitea shape (no scope introspection): checked with git too', async () => {
    const { sb, api, env } = f;
    const tok = api.issueToken({ user: 'alice', scopes: ['read:repository'] });
    const r = await addToken(env, {
      host: sb.hosts.git,
      token: tok,
      kind: 'gitea',
      apiBase: api.apiBase('gitea'),
      repo: 'acme/lib',
    });
    expect(r.checkedWith).toEqual([
      `GET ${api.apiBase('gitea')}/user`,
      `git ls-remote https://${sb.hosts.git}/acme/lib.git`,
    ]);
    expect(r.problems.map((p) => p.code)).toEqual(['scopes-unknown']);
  });

  it('Bitbucket shape (basic auth with the account), and a revoked token is refused', async () => {
    const { sb, api, env } = f;
    const tok = api.issueToken({ user: 'alice', scopes: ['repository', 'account:write'] });
    const r = await addToken(env, {
      host: sb.hosts.git,
      token: tok,
      account: 'alice',
      kind: 'bitbucket',
      apiBase: api.apiBase('bitbucket'),
    });
    expect(r.record.login).toBe('alice');
    const dead = api.issueToken({ user: 'alice', scopes: ['repository'] });
    api.revokeToken(dead);
    await expect(
      addToken(env, {
        host: sb.hosts.git2,
        token: dead,
        account: 'alice',
        kind: 'bitbucket',
        apiBase: api.apiBase('bitbucket'),
      }),
    ).rejects.toThrow(/rejected the token \(401\)/);
  });
});

function soon(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}
