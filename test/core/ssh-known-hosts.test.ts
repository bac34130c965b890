import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKnownHost, readKnownHosts, sshFingerprint } from '../../main/core/ssh-known-hosts';
import { runToolChecked } from '../../main/core/tool-runner';
import { fingerprintOf, keygen, useSshTempHome } from '../helpers/ssh-temp-home';

const h = useSshTempHome();

describe('known_hosts', () => {
  const hostKey = async () => {
    await keygen(h, '-t', 'ed25519', '-N', '', '-f', join(h.t.home, 'hostkey'));
    return readFileSync(join(h.t.home, 'hostkey.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
  };

  it('lists plain, hashed, CA and revoked entries with fingerprints', async () => {
    const key = await hostKey();
    const kh = join(h.ssh, 'known_hosts');
    writeFileSync(kh, `hashed.example.com ${key}\n`);
    await runToolChecked('ssh-keygen', ['-H', '-f', kh], { env: h.t.env });
    const hashedLine = readFileSync(kh, 'utf8').trim();
    writeFileSync(
      kh,
      [
        '# comment',
        hashedLine,
        `git.corp.example,10.0.0.5 ${key} a comment`,
        `[git.corp.example]:2222 ${key}`,
        `@cert-authority *.ca.example ${key}`,
        `@revoked bad.example ${key}`,
        'not a valid line',
        '',
      ].join('\n'),
    );
    const fp = await fingerprintOf(h, join(h.t.home, 'hostkey.pub'));
    expect(sshFingerprint(key.split(' ')[1] as string)).toBe(fp);

    const r = await readKnownHosts(h.t.env);
    expect(r.entries.map((e) => [e.line, e.hashed, e.hosts, e.marker, e.keyType, e.fingerprint])).toEqual([
      [2, true, [], undefined, 'ssh-ed25519', fp],
      [3, false, ['git.corp.example', '10.0.0.5'], undefined, 'ssh-ed25519', fp],
      [4, false, ['[git.corp.example]:2222'], undefined, 'ssh-ed25519', fp],
      [5, false, ['*.ca.example'], 'cert-authority', 'ssh-ed25519', fp],
      [6, false, ['bad.example'], 'revoked', 'ssh-ed25519', fp],
    ]);
    expect(r.entries[1]?.comment).toBe('a comment');
    expect(r.invalidLines).toEqual([7]);

    // Lookups through ssh-keygen -F: hashed, plain (case-insensitive), port, CA wildcard.
    expect(await findKnownHost(h.t.env, 'hashed.example.com')).toEqual([
      { file: kh, line: 2, keyType: 'ssh-ed25519', fingerprint: fp },
    ]);
    expect((await findKnownHost(h.t.env, 'GIT.corp.example')).map((m) => m.line)).toEqual([3]);
    expect((await findKnownHost(h.t.env, 'git.corp.example', 2222)).map((m) => m.line)).toEqual([4]);
    expect(await findKnownHost(h.t.env, 'x.ca.example')).toEqual([
      expect.objectContaining({ line: 5, marker: 'cert-authority' }),
    ]);
    expect(await findKnownHost(h.t.env, 'unknown.example')).toEqual([]);
    expect(await findKnownHost(h.t.env, '-oProxyCommand=x')).toEqual([]);
  });

  it('a missing known_hosts is empty, not an error', async () => {
    expect(await readKnownHosts(h.t.env)).toMatchObject({ exists: false, entries: [] });
    expect(await findKnownHost(h.t.env, 'git.corp.example')).toEqual([]);
  });
});
