import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readNetrc } from '../../main/core/netrc-reader';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let t: TempHome;
beforeEach(() => {
  t = makeTempHome();
});
afterEach(() => t.cleanup());

describe('readNetrc', () => {
  it('summarises ~/.netrc without passwords and flags a readable mode', async () => {
    const file = join(t.home, '.netrc');
    writeFileSync(
      file,
      'machine git.corp.example login alice password s3cr3t-netrc-pw\nmachine proxy.corp.example login ghp_abcdefghijklmnopqrstuvwxyz0123 password x\n',
    );
    chmodSync(file, 0o644);
    const r = await readNetrc(t.env, { managedHosts: ['git.corp.example'] });
    expect(r).toMatchObject({ file, source: 'home', exists: true, mode: 0o644, tooOpen: true });
    expect(r.summary?.machines.map((m) => [m.host, m.login, m.hasPassword, m.managed])).toEqual([
      ['git.corp.example', 'alice', true, true],
      ['proxy.corp.example', expect.not.stringContaining('ghp_'), true, false],
    ]);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'file-permissions', file }));
    const text = JSON.stringify(r);
    expect(text).not.toContain('s3cr3t-netrc-pw');
    expect(text).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123');
  });

  it('honours $NETRC, reports Go-incompatible lines, and a 0600 file is fine', async () => {
    const file = join(t.home, 'custom-netrc');
    writeFileSync(file, 'machine a.example\n  login u\n  password "quoted pw"\n');
    chmodSync(file, 0o600);
    const r = await readNetrc({ ...t.env, NETRC: file });
    expect(r).toMatchObject({ file, source: 'NETRC', tooOpen: false });
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.code === 'netrc-compat' && p.line !== undefined)).toBe(true);
    expect(JSON.stringify(r)).not.toContain('quoted pw');
  });

  it('a missing file is not a problem', async () => {
    expect(await readNetrc(t.env)).toMatchObject({ exists: false, problems: [] });
  });
});
