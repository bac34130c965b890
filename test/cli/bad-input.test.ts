// Bad input: a clear error naming the file and line (or the usage), exit 2 for usage errors,
// and nothing written anywhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempHome, type TempHome } from '../helpers/temp-home';
import { runCli } from '../helpers/cli-run';
import { snapshotTree } from '../helpers/tree-snapshot';

let t: TempHome;
let before: Record<string, string>;
beforeEach(() => {
  t = makeTempHome();
});
afterEach(() => {
  // nothing written: neither HOME nor the data dir changed
  expect(snapshotTree(t.home)).toEqual(before);
  t.cleanup();
});

const freeze = () => {
  before = snapshotTree(t.home);
};

describe('bad input', () => {
  it.each([
    [['frobnicate'], /unknown command/],
    [['set'], /missing primitive/],
    [['set', 'go-env', 'GOPRIVATE'], /expected KEY=VALUE/],
    [['set', 'git-config', 'a.b', 'c', '--bogus'], /unknown option --bogus/],
    [['set', 'git-config', 'a.b', 'c', '--add', '--unset'], /at most one/],
    [['set', 'netrc', 'h.example', '--login', 'u'], /password-stdin/],
    [['set', 'netrc', 'h.example', '--login'], /needs a value/],
    [['route'], /missing arguments/],
    [['undo', 'a', 'b'], /unexpected argument/],
    [['status', '--json=1'], /takes no value/],
  ])('usage error %j exits 2', async (argv, message) => {
    freeze();
    const r = await runCli(argv as string[], t.env);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('refuses misspelled Go variables with a suggestion', async () => {
    freeze();
    const r = await runCli(['set', 'go-env', 'GONOSUMCHECK=git.corp.test'], t.env);
    expect(r.code).toBe(1);
    expect(r.err).toContain('GONOSUMCHECK is not a Go environment variable');
    expect(r.err).toContain('GONOSUMDB');
  });

  it('refuses a pattern with a scheme', async () => {
    freeze();
    const r = await runCli(['set', 'go-env', 'GOPRIVATE=https://git.corp.test/acme'], t.env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/GOPRIVATE/);
  });

  it.each(['has space', 'quo"te', "it's", 'hash#tag', 'ctl\u0007x', ''])(
    'refuses the token %j without echoing it',
    async (token) => {
      freeze();
      const r = await runCli(
        ['set', 'netrc', 'git.corp.test', '--login', 'alice', '--password-stdin'],
        t.env,
        token,
      );
      expect(r.code).toBe(1);
      if (token.length > 3) expect(r.err).not.toContain(token);
    },
  );

  it('names file and line of a malformed netrc', async () => {
    writeFileSync(join(t.home, '.netrc'), 'machine a.example login u password p\nmachine\n', { mode: 0o600 });
    freeze();
    const r = await runCli(
      ['set', 'netrc', 'git.corp.test', '--login', 'alice', '--password-stdin'],
      t.env,
      'tok',
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\.netrc:2/);
  });

  it('names file and line of a malformed ssh config', async () => {
    mkdirSync(join(t.home, '.ssh'), { mode: 0o700 });
    writeFileSync(join(t.home, '.ssh', 'config'), 'Host a\n  User "unterminated\n');
    freeze();
    const r = await runCli(['set', 'ssh-host', 'git.corp.test', 'User=git'], t.env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/config:2/);
  });

  it('names file and line of a malformed gitconfig', async () => {
    writeFileSync(join(t.home, '.gitconfig'), '[user]\n\tname = Ada\n[broken\n');
    freeze();
    const r = await runCli(['set', 'git-config', 'x.y', 'z'], t.env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\.gitconfig:3/);
    const s = await runCli(['status'], t.env);
    expect(s.code).toBe(1);
    expect(s.out).toMatch(/\.gitconfig:3/);
  });

  it('refuses an ssh option that would disable host key checking', async () => {
    freeze();
    const r = await runCli(['set', 'ssh-host', 'git.corp.test', 'StrictHostKeyChecking=no'], t.env);
    expect(r.code).toBe(1);
  });
});
