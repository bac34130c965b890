// `onramp profile validate|review|presets` and `onramp plan --profile`: what a person reads.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileCommand } from '../../main/cli/commands/profile';
import { profilePlanCommand } from '../../main/cli/commands/onboard';
import { snapshotTree } from '../helpers/tree-snapshot';
import { runCmd } from './cli-helpers';
import { baseProfile, shellEnv, text } from './profile-helpers';

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'onramp-profile-cli-'));
  mkdirSync(join(dir, 'home'));
  env = shellEnv(join(dir, 'home'), join(dir, 'data'), join(dir, 'cache'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixtures = join(__dirname, '..', 'fixtures', 'profiles');

describe('onramp profile', () => {
  it('validate: ok, or every problem as file:line: pointer: message', async () => {
    const ok = await runCmd(profileCommand, ['validate', join(fixtures, 'acme-ssh.json')], env);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toContain('valid Onramp profile (version 1)');
    const bad = await runCmd(profileCommand, ['validate', join(fixtures, 'malformed.json')], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toBe(`${join(fixtures, 'malformed.json')}:5: expected ',' or '}', found "\\""\n`);
    const p = baseProfile();
    p.publicMirror = 'goproxy.example';
    p.extra = true;
    writeFileSync(join(dir, 'two.json'), text(p));
    const lineOf = (needle: string) =>
      text(p)
        .split('\n')
        .findIndex((l) => l.includes(needle)) + 1;
    const two = await runCmd(profileCommand, ['validate', 'two.json', '--json'], env, { cwd: dir });
    expect(
      JSON.parse(two.out).problems.map((x: { pointer: string; line: number }) => `${x.line} ${x.pointer}`),
    ).toEqual([`${lineOf('"publicMirror"')} /publicMirror`, `${lineOf('"extra"')} /extra`]);
  });

  it('validate: invalid UTF-8 names its line', async () => {
    writeFileSync(
      join(dir, 'latin1.json'),
      Buffer.concat([Buffer.from('{\n"name": "'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]),
    );
    const r = await runCmd(profileCommand, ['validate', 'latin1.json'], env, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toContain('latin1.json:2: the file is not valid UTF-8');
  });

  it('review: plain-words items with lines; exit 1 when something would block', async () => {
    const p = baseProfile();
    p.sumdb = 'off';
    writeFileSync(join(dir, 'off.json'), text(p));
    const line =
      text(p)
        .split('\n')
        .findIndex((l) => l.includes('"sumdb"')) + 1;
    const r = await runCmd(profileCommand, ['review', 'off.json'], env, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Signature: NOT SIGNED');
    expect(r.out).toContain(`[DANGER ] GOSUMDB=off turns off checksum verification (line ${line})`);
    expect(r.out).toContain('blocked unless: --allow go-sumdb-off');
  });

  it('presets lists every preset', async () => {
    const r = await runCmd(profileCommand, ['presets'], env);
    expect(r.out).toContain('gitlab-self-managed');
    expect(r.out).toContain('subgroup');
  });
});

describe('onramp plan --profile', () => {
  it('shows the review, the steps and a diff per file, and writes nothing', async () => {
    writeFileSync(join(dir, 'acme.json'), text(baseProfile()));
    const before = snapshotTree(join(dir, 'home'));
    const r = await runCmd(profilePlanCommand, ['--profile', 'acme.json'], env, { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Profile: Acme Corp (acme) from');
    expect(r.out).toContain('go env -w GOPRIVATE=git.corp.test');
    expect(r.out).toContain('+machine git.corp.test login alice password ••••••');
    expect(r.out).toContain('Verification: go mod download git.corp.test/acme/lib@v1.2.0');
    expect(snapshotTree(join(dir, 'home'))).toEqual(before);
    expect(readFileSync(join(dir, 'acme.json'), 'utf8')).toBe(text(baseProfile()));
  });

  it('a preset needs no profile file', async () => {
    const r = await runCmd(profilePlanCommand, ['--preset', 'github', '--org', 'acme', '--json'], env);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out);
    expect(p.signature).toEqual({ state: 'builtin' });
    expect(p.todo[0]).toBe('go env GOPRIVATE: (unset) → github.com/acme');
    expect(p.needs).toEqual(['the user name for github.com: pass --login']);
  });
});
