// Where secrets go when there is no keychain: Onramp says so and stops, then does exactly what
// the person chose (session memory, or the remembered 0600-file opt-in). Never a silent
// fallback: not to a file, not to the kernel keyring the binding would pick on its own.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secretsCommand } from '../../main/cli/commands/secrets';
import { tokenRecords } from '../../main/common/credentials/inventory-model';
import { fileStorePath } from '../../main/core/credentials/file-store';
import { gitCredential } from '../../main/core/credentials/git-helper-config';
import { loadInventory } from '../../main/core/credentials/inventory';
import { keychainStatus, keychainStore } from '../../main/core/credentials/keychain-store';
import { chooseStore } from '../../main/core/credentials/secret-store';
import { addToken } from '../../main/core/credentials/token-add';
import { removeToken } from '../../main/core/credentials/token-remove';
import { runTool } from '../../main/core/tool-runner';
import { runCommand } from './cli';
import { useCredFixture } from './fixture';

const f = useCredFixture();
let savedBus: string | undefined;

/** This process as if it ran in a headless/SSH login: no session bus. */
function withoutKeychain(): void {
  savedBus = process.env.DBUS_SESSION_BUS_ADDRESS;
  delete process.env.DBUS_SESSION_BUS_ADDRESS;
}
afterEach(() => {
  if (savedBus !== undefined) process.env.DBUS_SESSION_BUS_ADDRESS = savedBus;
  savedBus = undefined;
});

describe('no keychain', () => {
  it('says so plainly, offers the three choices, and writes nothing', async () => {
    withoutKeychain();
    const status = await keychainStatus();
    expect(status).toEqual({ available: false, reason: expect.stringMatching(/no D-Bus session bus/) });
    const err = (await chooseStore(f.env).catch((e: unknown) => e)) as {
      code: string;
      message: string;
      hint: string;
    };
    expect(err.code).toBe('tool-missing');
    expect(err.message).toMatch(/No OS keychain is available.*does not put a secret in a plain file/);
    expect(err.hint).toMatch(/gnome-keyring-daemon --unlock/);
    expect(err.hint).toMatch(/--store session/);
    expect(err.hint).toMatch(/onramp secrets store file --confirm/);
    await expect(
      addToken(f.env, {
        host: f.sb.hosts.git,
        token: f.sb.users.alice.token,
        account: 'alice',
        repo: 'acme/lib',
      }),
    ).rejects.toThrow(/No OS keychain/);
    expect(existsSync(join(f.t.home, '.gitconfig'))).toBe(false);
    expect(existsSync(f.t.dataDir)).toBe(false);
  });

  it('--store session: memory only (git credential-cache), served by the helper', async () => {
    withoutKeychain();
    const tok = f.sb.users.alice.token;
    try {
      const r = await addToken(f.env, {
        host: f.sb.hosts.git,
        token: tok,
        account: 'alice',
        repo: 'acme/lib',
        store: 'session',
      });
      expect(r.record.store).toBe('session');
      const fill = await gitCredential(f.env, 'fill', { host: f.sb.hosts.git });
      expect(fill.stdout).toContain(`password=${tok}\n`);
      await removeToken(f.env, { host: f.sb.hosts.git });
      expect((await gitCredential(f.env, 'fill', { host: f.sb.hosts.git })).code).not.toBe(0);
    } finally {
      await runTool('git', ['credential-cache', 'exit'], { env: f.env, timeoutMs: 10_000 });
    }
  });

  it('the file store needs the remembered opt-in, is 0600, and is marked plain text', async () => {
    withoutKeychain();
    const tok = f.sb.users.alice.token;
    await expect(
      addToken(f.env, {
        host: f.sb.hosts.git,
        token: tok,
        account: 'alice',
        repo: 'acme/lib',
        store: 'file',
      }),
    ).rejects.toThrow(/needs a remembered opt-in/);
    const refused = await runCommand(f.env, secretsCommand, ['store', 'file']).catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/plain text .* add --confirm/);
    expect((await runCommand(f.env, secretsCommand, ['store', 'file', '--confirm'])).code).toBe(0);
    await addToken(f.env, { host: f.sb.hosts.git, token: tok, account: 'alice', repo: 'acme/lib' });
    expect(statSync(fileStorePath(f.env)).mode & 0o777).toBe(0o600);
    expect(readFileSync(fileStorePath(f.env), 'utf8')).toContain(tok);
    expect(tokenRecords(loadInventory(f.env))[0]?.places[0]).toMatchObject({
      kind: 'file-store',
      plaintext: true,
    });
    const listed = await runCommand(f.env, secretsCommand, []);
    expect(listed.out).toMatch(/new secrets go to: the file store \(opted in\)/);
    expect(listed.out).toMatch(/file store: .*\(plain text on disk\)/);
    expect(listed.out).not.toContain(tok);
    await removeToken(f.env, { host: f.sb.hosts.git });
    expect(readFileSync(fileStorePath(f.env), 'utf8')).not.toContain(tok);
  });

  // Last in this file: libdbus reads the session bus address once per process, so after a
  // native call without one, this process cannot reach a keyring any more.
  it('never falls back on its own: the binding is pinned to the Secret Service', async () => {
    withoutKeychain();
    await expect(
      keychainStore().set({ service: 'onramp:test', account: 'x' }, 'never-stored'),
    ).rejects.toThrow(/Secret Service/);
  });
});
