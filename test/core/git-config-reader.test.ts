// readGitConfig against the real git with HOME in a temp dir: what git lists is what we get.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OnrampError } from '../../main/common/errors';
import { gitConfigFailure, readGitConfig } from '../../main/core/git-config-reader';
import { runTool } from '../../main/core/tool-runner';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let t: TempHome;
beforeEach(() => {
  t = makeTempHome();
});
afterEach(() => t.cleanup());

const gitconfig = () => join(t.home, '.gitconfig');

async function caught(p: Promise<unknown>): Promise<OnrampError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OnrampError) return e;
    throw e;
  }
  throw new Error('expected an OnrampError');
}

describe('readGitConfig', () => {
  it('returns no entries when ~/.gitconfig does not exist', async () => {
    const r = await readGitConfig(t.env);
    expect(r.entries).toEqual([]);
    expect(r.summary.insteadOf).toEqual([]);
  });

  it('works when HOME does not exist, and rejects a missing cwd', async () => {
    const r = await readGitConfig({ ...t.env, HOME: join(t.home, 'gone') });
    expect(r.entries).toEqual([]);
    expect((await caught(readGitConfig(t.env, { cwd: join(t.home, 'gone') }))).code).toBe('not-found');
  });

  it('reads values with newlines, "=", unicode and case-preserved subsections', async () => {
    writeFileSync(
      gitconfig(),
      [
        '[url "git@GitHub.com:Org/"]',
        '\tinsteadOf = https://GitHub.com/Org/',
        '[core]',
        '\tflag',
        '\tmulti = "line1\\nline2 = x ü"',
        '\tsshCommand = ssh -i ~/.ssh/id_work',
        '[Http "https://Example.COM/"]',
        '\tSSLCAInfo = /etc/ssl/corp ca.pem',
        '',
      ].join('\n'),
    );
    const r = await readGitConfig(t.env);
    expect(r.entries.map((e) => [e.scope, e.file, e.key, e.value])).toEqual([
      ['global', gitconfig(), 'url.git@GitHub.com:Org/.insteadof', 'https://GitHub.com/Org/'],
      ['global', gitconfig(), 'core.flag', null],
      ['global', gitconfig(), 'core.multi', 'line1\nline2 = x ü'],
      ['global', gitconfig(), 'core.sshcommand', 'ssh -i ~/.ssh/id_work'],
      ['global', gitconfig(), 'http.https://Example.COM/.sslcainfo', '/etc/ssl/corp ca.pem'],
    ]);
    expect(r.summary.insteadOf[0]).toMatchObject({
      base: 'git@GitHub.com:Org/',
      prefix: 'https://GitHub.com/Org/',
    });
    expect(r.summary.sshCommand?.value).toBe('ssh -i ~/.ssh/id_work');
    expect(r.summary.http[0]).toMatchObject({ url: 'https://Example.COM/', key: 'sslcainfo' });
  });

  it('follows include.path and includeIf, naming the included file as origin', async () => {
    const repo = join(t.home, 'work', 'repo');
    mkdirSync(join(t.home, 'inc'));
    writeFileSync(
      gitconfig(),
      '[include]\n\tpath = inc/base\n[includeIf "gitdir:~/work/"]\n\tpath = ~/inc/work\n',
    );
    writeFileSync(join(t.home, 'inc', 'base'), '[credential]\n\thelper = cache\n');
    writeFileSync(join(t.home, 'inc', 'work'), '[url "ssh://git@corp/"]\n\tinsteadOf = https://corp/\n');
    expect((await runTool('git', ['init', '-q', repo], { env: t.env, cwd: t.home })).code).toBe(0);

    const outside = await readGitConfig(t.env);
    expect(outside.entries.find((e) => e.key === 'credential.helper')?.file).toBe(
      join(t.home, 'inc', 'base'),
    );
    expect(outside.summary.insteadOf).toEqual([]); // includeIf gitdir does not apply outside the repo

    const inside = await readGitConfig(t.env, { cwd: repo });
    expect(inside.summary.insteadOf).toMatchObject([
      { base: 'ssh://git@corp/', file: join(t.home, 'inc', 'work') },
    ]);
    const local = inside.entries.find((e) => e.scope === 'local');
    expect(local?.file).toBe(join(repo, '.git', 'config')); // git prints it relative; we resolve it
  });

  it('leaves out the local scope when no cwd is given, even if HOME is a repository', async () => {
    expect((await runTool('git', ['init', '-q', t.home], { env: t.env, cwd: t.home })).code).toBe(0);
    const r = await readGitConfig(t.env);
    expect(r.entries.filter((e) => e.scope === 'local')).toEqual([]);
  });

  it('includes config from the environment as the command scope', async () => {
    const env = {
      ...t.env,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'url.X.insteadOf',
      GIT_CONFIG_VALUE_0: 'y:',
    };
    const r = await readGitConfig(env);
    expect(r.entries).toEqual([
      { scope: 'command', origin: 'command line:', key: 'url.X.insteadof', value: 'y:' },
    ]);
  });

  it('throws a parse error naming file and line for a malformed line', async () => {
    writeFileSync(gitconfig(), '[core]\n\tautocrlf = false\n\tbad key = 1\n');
    const err = await caught(readGitConfig(t.env));
    expect(err.toData()).toMatchObject({ code: 'parse', file: gitconfig(), line: 3 });
    expect(err.hint).toMatch(/Fix or remove/);
  });

  it('names the included file when the bad line is there', async () => {
    writeFileSync(gitconfig(), '[include]\n\tpath = broken\n');
    writeFileSync(join(t.home, 'broken'), '[ok]\n\tx = 1\n[unterminated\n');
    const err = await caught(readGitConfig(t.env));
    expect(err.toData()).toMatchObject({ code: 'parse', file: join(t.home, 'broken'), line: 3 });
  });

  it('reports an include loop as a parse error', async () => {
    writeFileSync(gitconfig(), '[include]\n\tpath = .gitconfig\n');
    const err = await caught(readGitConfig(t.env));
    expect(err.code).toBe('parse');
    expect(err.file).toBe(gitconfig());
    expect(err.hint).toMatch(/include/);
  });

  it('reports an unreadable config file as an io error', async () => {
    mkdirSync(gitconfig());
    const err = await caught(readGitConfig(t.env));
    expect(err.toData()).toMatchObject({ code: 'io', file: gitconfig() });
  });

  it('reports broken environment config clearly', async () => {
    const err = await caught(readGitConfig({ ...t.env, GIT_CONFIG_PARAMETERS: "'unterminated" }));
    expect(err.code).toBe('parse');
    expect(err.hint).toMatch(/GIT_CONFIG_PARAMETERS/);
  });

  it('flags an insteadOf without value, and explains the error git fetch then gives', async () => {
    writeFileSync(gitconfig(), '[url "X"]\n\tinsteadOf\n');
    const r = await readGitConfig(t.env);
    expect(r.summary.problems).toHaveLength(1);
    const ls = await runTool('git', ['ls-remote', '--get-url', 'x'], { env: t.env, cwd: t.home });
    expect(ls.code).toBe(128);
    expect(gitConfigFailure(ls.stderr)?.toData()).toMatchObject({
      code: 'parse',
      file: gitconfig(),
      line: 2,
    });
  });

  it('keeps extraheader tokens out of the summary', async () => {
    writeFileSync(gitconfig(), '[http "https://h/"]\n\textraHeader = Authorization: Bearer s3cret-token\n');
    const r = await readGitConfig(t.env);
    expect(JSON.stringify(r.summary)).not.toContain('s3cret');
    expect(r.summary.http[0]).toMatchObject({
      key: 'extraheader',
      value: 'Authorization: <redacted>',
      redacted: true,
    });
  });
});
