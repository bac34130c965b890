// Root causes over SSH (go runs ssh in BatchMode: no host-key or passphrase prompt) and in the
// module's content (path, tags, checksums).
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authorizeKey, revokeKey } from '../sandbox/sandbox';
import { machine, publicKeyOf, type Machine } from './harness';

let m: Machine | undefined;
let authorized: string | undefined;
afterEach(async () => {
  if (authorized) await revokeKey(authorized);
  authorized = undefined;
  m?.cleanup();
});

async function sshMachine(authorize = true): Promise<Machine> {
  const mm = await machine({ ssh: true });
  if (authorize) {
    authorized = publicKeyOf(mm);
    await authorizeKey(authorized);
  }
  return mm;
}

describe('doctor scenarios: ssh', () => {
  it('a machine fetching over ssh is green', async () => {
    m = await sshMachine();
    expect((await m.doctor()).primary).toBeNull();
    expect(m.download().ok).toBe(true);
  });

  it('ssh-host-key-unknown: known_hosts lacks the host (BatchMode cannot ask)', async () => {
    m = await sshMachine();
    writeFileSync(join(m.home, '.ssh', 'known_hosts'), '');
    expect((await m.doctor()).primary).toBe('ssh-host-key-unknown');
  });

  it('ssh-publickey-denied: the key is not authorized on the host', async () => {
    m = await sshMachine(false);
    expect((await m.doctor()).primary).toBe('ssh-publickey-denied');
  });

  it('ssh-key-permissions: a 0644 private key is ignored → fix chmod-key-600 → green', async () => {
    m = await sshMachine();
    const key = join(m.home, '.ssh', 'id_ed25519');
    chmodSync(key, 0o644);
    const r = await m.doctor();
    expect(r.primary).toBe('ssh-key-permissions');
    const fix = await m.onramp(['fix', 'chmod-key-600', '--yes', '--json']);
    expect(fix.err).toBe('');
    expect(JSON.parse(fix.out)).toMatchObject({ before: 'ssh-key-permissions', after: null });
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(m.download().ok).toBe(true);
  });

  it('insteadof-malformed: a rewrite that puts the org where the port goes → fix-insteadof → green', async () => {
    m = await sshMachine();
    m.git('--unset', `url.git@${m.sb.ssh.host}:.insteadOf`);
    m.git(`url.ssh://git@${m.sb.ssh.host}:acme/.insteadOf`, `https://${m.sb.ssh.host}/acme/`);
    expect(m.download().ok).toBe(false);
    expect((await m.doctor()).primary).toBe('insteadof-malformed');
    expect(JSON.parse((await m.onramp(['fix', 'fix-insteadof', '--yes', '--json'])).out)).toMatchObject({
      after: null,
    });
    expect(m.download().ok).toBe(true);
  });
});

describe('doctor scenarios: module content', () => {
  it('module-path-mismatch: go.mod declares another path', async () => {
    m = await machine();
    expect((await m.doctor(['--module', `${m.sb.repos.wrongpath.module}@v1.0.0`])).primary).toBe(
      'module-path-mismatch',
    );
  });

  it('unknown-revision: the required tag was never pushed', async () => {
    m = await machine();
    expect((await m.doctor(['--module', `${m.sb.repos.lib.module}@v9.9.9`])).primary).toBe(
      'unknown-revision',
    );
  });

  it('checksum-mismatch: go.sum disagrees with the content', async () => {
    m = await machine();
    const sum = join(m.app, 'go.sum');
    writeFileSync(
      sum,
      readFileSync(sum, 'utf8').replace(/(acme\/lib v1\.2\.0 h1:)[A-Za-z0-9+/]{4}/, '$1AAAA'),
    );
    expect((await m.doctor()).primary).toBe('checksum-mismatch');
  });
});
