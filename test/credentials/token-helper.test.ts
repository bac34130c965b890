// token add → the real git credential protocol through Onramp's helper (reading the real
// keyring) → real git and go over HTTPS → token remove erases every copy.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addToken } from '../../main/core/credentials/token-add';
import { removeToken } from '../../main/core/credentials/token-remove';
import { gitCredential } from '../../main/core/credentials/git-helper-config';
import { loadInventory } from '../../main/core/credentials/inventory';
import { keychainStore } from '../../main/core/credentials/keychain-store';
import { tokenSecretName, tokenRecords } from '../../main/common/credentials/inventory-model';
import { runTool } from '../../main/core/tool-runner';
import { secretsView } from '../../main/core/credentials/secrets-view';
import { helperPath } from '../../main/core/credentials/git-helper-config';
import { useCredFixture } from './fixture';

const f = useCredFixture();

describe('token add with the credential helper (generic host)', () => {
  it('checks with git ls-remote, stores in the keyring, and git credential fill returns it', async () => {
    const { sb, env } = f;
    const tok = sb.users.alice.token;
    const r = await addToken(env, { host: sb.hosts.git, token: tok, account: 'alice', repo: 'acme/lib' });
    expect(r.checkedWith).toEqual([`git ls-remote https://${sb.hosts.git}/acme/lib.git`]);
    expect(r.journalId).toBeTruthy();
    const rec = tokenRecords(loadInventory(env), sb.hosts.git)[0];
    expect(rec?.store).toBe('keychain');
    expect(rec?.places.map((p) => p.kind)).toEqual(['keychain', 'credential-helper']);
    // the keyring really holds it
    expect(await keychainStore().get(tokenSecretName(sb.hosts.git, 'alice', rec?.generation ?? ''))).toBe(
      tok,
    );
    // git's own protocol, through the configured helper
    const fill = await gitCredential(env, 'fill', { host: sb.hosts.git });
    expect(fill.code).toBe(0);
    expect(fill.stdout).toContain('username=alice\n');
    expect(fill.stdout).toContain(`password=${tok}\n`);
    // no token on disk: not in gitconfig, no netrc
    expect(readFileSync(`${f.t.home}/.gitconfig`, 'utf8')).not.toContain(tok);
    expect(existsSync(`${f.t.home}/.netrc`)).toBe(false);
    // real go mod download over HTTPS with the helper (git.corp.test discovery is anonymous)
    const go = await runTool('go', ['mod', 'download', '-json', `${sb.repos.lib.module}@v1.2.0`], {
      env,
      cwd: f.t.home,
      timeoutMs: 120_000,
    });
    expect(go.stderr).toBe('');
    expect(go.code).toBe(0);

    const rm = await removeToken(env, { host: sb.hosts.git });
    expect(rm.deletedItems).toBe(1);
    expect(
      await keychainStore().get(tokenSecretName(sb.hosts.git, 'alice', rec?.generation ?? '')),
    ).toBeNull();
    expect(readFileSync(`${f.t.home}/.gitconfig`, 'utf8')).not.toContain('git-credential-onramp');
    const after = await gitCredential(env, 'fill', { host: sb.hosts.git });
    expect(after.code).not.toBe(0);
  });

  it('refuses a token git rejects, and stores nothing', async () => {
    const { sb, env } = f;
    await expect(
      addToken(env, {
        host: sb.hosts.git,
        token: 'tok-wrong-0123456789',
        account: 'alice',
        repo: 'acme/lib',
      }),
    ).rejects.toThrow(/not storing the token/);
    expect(loadInventory(env).records).toEqual([]);
    const items = await keychainStore().list(`onramp:token:${sb.hosts.git}`);
    expect(items).toEqual([]);
  });

  it('writes a Go-parser-safe netrc entry only where go 1.19 needs it (git2 discovery needs auth)', async () => {
    const { sb, env } = f;
    const tok = sb.users.alice.token;
    const r = await addToken(env, {
      host: sb.hosts.git2,
      token: tok,
      account: 'alice',
      module: `${sb.repos.tool.module}@v0.2.0`,
    });
    expect(r.notes.join('\n')).toMatch(/answers 401 without credentials/);
    expect(readFileSync(`${f.t.home}/.netrc`, 'utf8')).toBe(
      `machine ${sb.hosts.git2} login alice password ${tok}\n`,
    );
    const rec = tokenRecords(loadInventory(env), sb.hosts.git2)[0];
    expect(rec?.places.find((p) => p.kind === 'netrc')?.plaintext).toBe(true);
    const go = await runTool('go', ['mod', 'download', `${sb.repos.tool.module}@v0.2.0`], {
      env,
      cwd: f.t.home,
      timeoutMs: 120_000,
    });
    expect(go.code).toBe(0);
    await removeToken(env, { host: sb.hosts.git2 });
    expect(readFileSync(`${f.t.home}/.netrc`, 'utf8')).toBe('');
  });

  it('the helper process: answers only https for managed hosts; git stamps last-verified through store/erase', async () => {
    const { sb, api, env } = f;
    const tok = api.issueToken({ user: 'alice', scopes: ['repo'] });
    await addToken(env, { host: sb.hosts.git, token: tok, kind: 'github', apiBase: api.apiBase('github') });
    const helper = (stdin: string) => runTool(helperPath(env), ['get'], { env, stdin, timeoutMs: 30_000 });
    let t0 = performance.now();
    await helper(`protocol=https\nhost=${sb.hosts.git}\n\n`);
    const first = Math.round(performance.now() - t0);
    t0 = performance.now();
    const https = await helper(`protocol=https\nhost=${sb.hosts.git}\n\n`);
    const ms = Math.round(performance.now() - t0);
    console.info(`credential helper get: ${first} ms first call (builds the bundle), ${ms} ms after`);
    expect(https.stdout).toBe(`username=alice\npassword=${tok}\n`);
    expect((await helper(`protocol=http\nhost=${sb.hosts.git}\n\n`)).stdout).toBe('');
    expect((await helper(`protocol=https\nhost=${sb.hosts.git2}\n\n`)).stdout).toBe('');
    expect((await helper(`protocol=https\nhost=${sb.hosts.git}\nusername=bob\n\n`)).stdout).toBe('');

    const fetch = () =>
      runTool('git', ['ls-remote', `https://${sb.hosts.git}/acme/lib.git`], { env, timeoutMs: 30_000 });
    expect((await fetch()).code).toBe(0);
    let row = (await secretsView(env)).rows[0];
    expect(row?.lastVerified).toMatchObject({ ok: true, how: 'git accepted it (credential helper)' });
    api.revokeToken(tok);
    expect((await fetch()).code).not.toBe(0);
    row = (await secretsView(env)).rows[0];
    expect(row?.lastVerified).toMatchObject({ ok: false });
    expect(row?.problems.map((p) => p.code)).toContain('rejected');
    // erase marks, it does not delete: the token is still there for the person to rotate
    expect(row?.places.find((p) => p.kind === 'keychain')?.present).toBe(true);
  });

  it('wins over a stale token in another helper, and remove erases that copy too (git credential reject)', async () => {
    const { sb, env } = f;
    const tok = sb.users.alice.token;
    // the person's own config: credential.helper=store with the same token in a file
    const storeFile = join(f.t.home, '.git-credentials');
    writeFileSync(
      storeFile,
      `https://alice:${tok}@${sb.hosts.git}\nhttps://alice:stale-0000@${sb.hosts.git2}\n`,
      { mode: 0o600 },
    );
    await runTool('git', ['config', '--global', 'credential.helper', `store --file=${storeFile}`], { env });
    await addToken(env, { host: sb.hosts.git, token: tok, account: 'alice', repo: 'acme/lib' });
    await removeToken(env, { host: sb.hosts.git });
    const left = readFileSync(storeFile, 'utf8');
    expect(left).not.toContain(tok);
    expect(left).toContain('stale-0000'); // other hosts untouched
    expect(readFileSync(join(f.t.home, '.gitconfig'), 'utf8')).toContain(`store --file=${storeFile}`);
  });
});
