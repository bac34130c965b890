// The CLI on a temp HOME with the real git, go and ssh: plan writes nothing, set applies
// through the journal, undo restores byte-identical content and mode.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempHome, type TempHome } from '../helpers/temp-home';
import { runCli } from '../helpers/cli-run';
import { allText, snapshotTree } from '../helpers/tree-snapshot';

let t: TempHome;
beforeEach(() => {
  t = makeTempHome();
});
afterEach(() => t.cleanup());

const goenv = (key: string) =>
  execFileSync('go', ['env', key], { env: t.env, cwd: t.home }).toString().trim();
const gitGet = (key: string) => {
  try {
    return execFileSync('git', ['config', '--global', '--get-all', key], { env: t.env }).toString();
  } catch {
    return '';
  }
};

describe('onramp set / plan / undo', () => {
  it('plan prints a diff and writes nothing', async () => {
    writeFileSync(join(t.home, '.gitconfig'), '# mine\n[user]\n\tname = Ada\n');
    const before = snapshotTree(t.home);
    const r = await runCli(
      ['plan', 'git-config', 'url.ssh://git@git.corp.test/.insteadOf', 'https://git.corp.test/'],
      t.env,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('+[url "ssh://git@git.corp.test/"]');
    expect(r.out).toContain('git config --file');
    expect(snapshotTree(t.home)).toEqual(before);
    expect(JSON.parse((await runCli(['history', '--json'], t.env)).out).entries).toEqual([]);
  });

  it('set go-env goes through go, is verified, and undo restores the absent file', async () => {
    const r = await runCli(
      ['set', 'go-env', 'GOPRIVATE=git.corp.test,*.corp.example', 'GONOSUMDB=git.corp.test', '--json'],
      t.env,
    );
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(res).toMatchObject({ ok: true, applied: true });
    expect(goenv('GOPRIVATE')).toBe('git.corp.test,*.corp.example');
    const u = await runCli(['undo', '--json'], t.env);
    expect(u.code).toBe(0);
    expect(JSON.parse(u.out)).toMatchObject({ ok: true, undid: res.journalId });
    expect(goenv('GOPRIVATE')).toBe('');
    expect(existsSync(join(t.home, '.config', 'go', 'env'))).toBe(false);
  });

  it('set git-config keeps the rest of the file and undo restores it byte-for-byte with its mode', async () => {
    const cfg = join(t.home, '.gitconfig');
    const original = '# my settings\r\n[user]\n\tname = Ada   ; trailing comment\n[alias]\n\tst = status\n';
    writeFileSync(cfg, original);
    chmodSync(cfg, 0o640);
    const before = snapshotTree(t.home);
    expect(
      (
        await runCli(
          ['set', 'git-config', 'url.ssh://git@git.corp.test/.insteadOf', 'https://git.corp.test/'],
          t.env,
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await runCli(
          ['set', 'git-config', 'credential.https://git.corp.test.helper', 'onramp', '--add'],
          t.env,
        )
      ).code,
    ).toBe(0);
    expect(gitGet('url.ssh://git@git.corp.test/.insteadof')).toBe('https://git.corp.test/\n');
    expect(readFileSync(cfg, 'utf8').startsWith('# my settings\r\n[user]')).toBe(true);
    expect(statSync(cfg).mode & 0o777).toBe(0o640);
    expect((await runCli(['undo'], t.env)).code).toBe(0);
    expect((await runCli(['undo', '--last'], t.env)).code).toBe(0);
    expect(snapshotTree(t.home)).toEqual(before);
    const h = JSON.parse((await runCli(['history', '--json'], t.env)).out);
    expect(h.entries).toHaveLength(4);
  });

  it('undo refuses when the file changed since, and --force restores anyway', async () => {
    expect((await runCli(['set', 'git-config', 'x.y', 'z'], t.env)).code).toBe(0);
    execFileSync('git', ['config', '--global', 'other.key', 'v'], { env: t.env });
    const r = await runCli(['undo'], t.env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/changed since/);
    expect(gitGet('x.y')).toBe('z\n');
    expect((await runCli(['undo', '--force'], t.env)).code).toBe(0);
    expect(gitGet('x.y')).toBe('');
  });

  it('set netrc reads the password from stdin, writes a 0600 Go-readable line, and never shows it', async () => {
    const secret = 'tok_9f8e7d6c5b4a';
    const netrc = join(t.home, '.netrc');
    writeFileSync(
      netrc,
      '# work\nmachine other.example login me password p1\n\ndefault login anonymous password x\n',
      { mode: 0o600 },
    );
    const r = await runCli(
      ['set', 'netrc', 'git.corp.test', '--login', 'alice', '--password-stdin'],
      t.env,
      `${secret}\n`,
    );
    expect(r.code).toBe(0);
    const text = readFileSync(netrc, 'utf8');
    expect(text).toContain(`machine git.corp.test login alice password ${secret}\n`);
    expect(text.indexOf('machine git.corp.test')).toBeLessThan(text.indexOf('default'));
    expect(text.startsWith('# work\nmachine other.example login me password p1\n')).toBe(true);
    expect(statSync(netrc).mode & 0o777).toBe(0o600);
    expect(r.out + r.err).not.toContain(secret);
    const journalText = allText(join(t.dataDir, 'journal'))
      .split('\n')
      .filter((l) => !l.includes('machine git.corp.test login alice password'));
    expect(
      readFileSync(
        join(
          t.dataDir,
          'journal',
          JSON.parse((await runCli(['history', '--json'], t.env)).out).entries[0].id,
          'entry.json',
        ),
        'utf8',
      ),
    ).not.toContain(secret);
    expect(journalText.join('\n')).not.toContain(secret);
    // go reads the entry: go's own HTTPS client would send it (checked by parsing as go does)
    const { goNetrcEntries, goLookup } = await import('../../main/common/netrc');
    expect(goLookup(goNetrcEntries(text), 'git.corp.test')).toMatchObject({
      login: 'alice',
      password: secret,
    });
  });

  it('set ssh-host writes a managed block ssh -G honours, and --remove takes it out', async () => {
    mkdirSync(join(t.home, '.ssh'), { mode: 0o700 });
    const conf = join(t.home, '.ssh', 'config');
    writeFileSync(conf, 'Host *\n    ServerAliveInterval 30\n');
    const r = await runCli(
      [
        'set',
        'ssh-host',
        'git.corp.test',
        'HostName=127.0.0.2',
        'User=git',
        'IdentityFile=~/.ssh/id_onramp',
        'IdentitiesOnly=yes',
      ],
      t.env,
    );
    expect(r.code).toBe(0);
    const g = execFileSync('ssh', ['-G', '-F', conf, 'git.corp.test'], { env: t.env }).toString();
    expect(g).toMatch(/^hostname 127\.0\.0\.2$/m);
    expect(g).toMatch(/^identitiesonly yes$/m);
    expect((await runCli(['set', 'ssh-host', 'git.corp.test', '--remove'], t.env)).code).toBe(0);
    expect(readFileSync(conf, 'utf8')).toBe('Host *\n    ServerAliveInterval 30\n');
  });
});
