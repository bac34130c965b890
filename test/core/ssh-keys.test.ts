import { chmodSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptedFromHeader, privateKeyFormat, readSshKeys } from '../../main/core/ssh-keys';
import { makeTempHome } from '../helpers/temp-home';
import { fingerprintOf, keygen, useSshTempHome } from '../helpers/ssh-temp-home';

const h = useSshTempHome();

describe('readSshKeys', () => {
  it('finds keys by content with type, bits, fingerprint, comment and encryption', async () => {
    await keygen(h, '-t', 'ed25519', '-N', '', '-C', 'dev@laptop', '-f', join(h.ssh, 'id_ed25519'));
    await keygen(h, '-t', 'rsa', '-b', '2048', '-N', '', '-C', 'rsa key', '-f', join(h.ssh, 'work_rsa'));
    await keygen(h, '-t', 'ed25519', '-N', 'correct horse', '-C', 'locked', '-f', join(h.ssh, 'id_locked'));
    await keygen(
      h,
      '-t',
      'rsa',
      '-b',
      '2048',
      '-N',
      'correct horse',
      '-m',
      'PEM',
      '-f',
      join(h.ssh, 'legacy_pem'),
    );
    // A key without its .pub is still found (by content); config files are not keys.
    await keygen(h, '-t', 'ed25519', '-N', '', '-C', 'lonely', '-f', join(h.ssh, 'no_pub'));
    const noPubFp = await fingerprintOf(h, join(h.ssh, 'no_pub.pub'));
    rmSync(join(h.ssh, 'no_pub.pub'));
    writeFileSync(join(h.ssh, 'config'), 'Host x\n  User git\n');

    const r = await readSshKeys(h.t.env);
    const byName = Object.fromEntries(r.keys.map((k) => [k.file.slice(h.ssh.length + 1), k]));
    expect(Object.keys(byName).sort()).toEqual([
      'id_ed25519',
      'id_locked',
      'legacy_pem',
      'no_pub',
      'work_rsa',
    ]);
    expect(byName.id_ed25519).toMatchObject({
      format: 'openssh',
      type: 'ED25519',
      bits: 256,
      comment: 'dev@laptop',
      mode: 0o600,
      tooOpen: false,
      encrypted: false,
      publicKeyMatches: true,
      fingerprint: await fingerprintOf(h, join(h.ssh, 'id_ed25519.pub')),
    });
    expect(byName.work_rsa).toMatchObject({ type: 'RSA', bits: 2048, comment: 'rsa key', encrypted: false });
    expect(byName.id_locked).toMatchObject({ encrypted: true, type: 'ED25519' });
    expect(byName.legacy_pem).toMatchObject({ format: 'pem', encrypted: true, type: 'RSA' });
    expect(byName.no_pub).toMatchObject({ encrypted: false, fingerprint: noPubFp, comment: 'lonely' });
    expect(byName.no_pub?.publicFile).toBeUndefined();
    expect(r.problems.filter((p) => p.code === 'ssh-key-encrypted').map((p) => p.file)).toEqual([
      join(h.ssh, 'id_locked'),
      join(h.ssh, 'legacy_pem'),
    ]);
  });

  it('flags a 0644 key (and still tells whether it is encrypted)', async () => {
    await keygen(h, '-t', 'ed25519', '-N', '', '-f', join(h.ssh, 'open'));
    await keygen(h, '-t', 'ed25519', '-N', 'a passphrase', '-f', join(h.ssh, 'open_locked'));
    chmodSync(join(h.ssh, 'open'), 0o644);
    chmodSync(join(h.ssh, 'open_locked'), 0o640);
    const r = await readSshKeys(h.t.env);
    expect(r.keys.map((k) => [k.mode, k.tooOpen, k.encrypted])).toEqual([
      [0o644, true, false],
      [0o640, true, true],
    ]);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ code: 'ssh-key-permissions', severity: 'error', file: join(h.ssh, 'open') }),
    );
  });

  it('flags a .pub that belongs to another key', async () => {
    await keygen(h, '-t', 'ed25519', '-N', '', '-f', join(h.ssh, 'a'));
    await keygen(h, '-t', 'ed25519', '-N', '', '-f', join(h.ssh, 'b'));
    copyFileSync(join(h.ssh, 'b.pub'), join(h.ssh, 'a.pub'));
    const r = await readSshKeys(h.t.env);
    expect(r.keys.find((k) => k.file.endsWith('/a'))?.publicKeyMatches).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ code: 'ssh-key-unusable', file: join(h.ssh, 'a.pub') }),
    );
  });

  it('reports a missing ~/.ssh as data', async () => {
    const other = makeTempHome();
    try {
      expect(await readSshKeys(other.env)).toMatchObject({ exists: false, keys: [] });
    } finally {
      other.cleanup();
    }
  });

  it('reads key headers without tools', () => {
    expect(privateKeyFormat('-----BEGIN EC PRIVATE KEY-----\n')).toBe('pem');
    expect(privateKeyFormat('ssh-ed25519 AAAA')).toBeUndefined();
    expect(encryptedFromHeader('-----BEGIN ENCRYPTED PRIVATE KEY-----\n', 'pkcs8')).toBe(true);
    expect(
      encryptedFromHeader(
        '-----BEGIN OPENSSH PRIVATE KEY-----\ngarbage\n-----END OPENSSH PRIVATE KEY-----',
        'openssh',
      ),
    ).toBeNull();
  });
});
