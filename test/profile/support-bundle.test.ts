// The support bundle reports what a helpdesk needs (status, doctor, git config with origins,
// netrc hosts, ssh -G, tools, the last failing command and its class) and no secret: a HOME
// seeded with credentials in every place they hide is bundled and searched for each of them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportBundleCommand } from '../../main/cli/commands/support-bundle';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { runCmd } from './cli-helpers';
import { sandboxProfile, shellEnv, writeProfile } from './profile-helpers';

let sb: Sandbox;
let root: string;
beforeAll(async () => {
  sb = await startSandbox();
  root = mkdtempSync(join(tmpdir(), 'onramp-bundle-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const planted = {
  netrcOld: 'hunter2hunter2hunter2',
  netrcLoginToken: 'glpat-ABCDEFGHIJKLMNOPQRSTUVWX',
  header: 'HeaderSecret0123456789abcdef',
  urlPassword: 'UrlPassword98765',
  credStore: 'CredStoreSecret4242',
  goproxy: 'GoproxyPw5555',
  envToken: 'EnvTokenabcdefghijklmnop',
  apiKey: 'k3y-apikey-value-777',
};

describe('support bundle', () => {
  it('holds every section and none of the secrets on the machine', async () => {
    const dir = join(root, 'm');
    const home = join(dir, 'home');
    const data = join(dir, 'data');
    mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
    mkdirSync(join(home, '.config', 'go'), { recursive: true });
    mkdirSync(data, { recursive: true });
    const token = sb.users.alice.token;
    writeFileSync(
      join(home, '.netrc'),
      `machine git.corp.test login alice password ${token}\nmachine old.example.com login ${planted.netrcLoginToken} password ${planted.netrcOld}\n`,
      { mode: 0o600 },
    );
    writeFileSync(
      join(home, '.gitconfig'),
      `[http "https://git.corp.test/"]\n\textraHeader = Authorization: Bearer ${planted.header}\n` +
        `[url "https://bob:${planted.urlPassword}@git.corp.test/"]\n\tinsteadOf = https://git.corp.test/\n[credential]\n\thelper = store\n`,
    );
    writeFileSync(join(home, '.git-credentials'), `https://alice:${planted.credStore}@git2.corp.test\n`, {
      mode: 0o600,
    });
    writeFileSync(
      join(home, '.config', 'go', 'env'),
      `GOPRIVATE=git.corp.test\nGOPROXY=https://u:${planted.goproxy}@proxy.corp.test,direct\n`,
    );
    writeFileSync(
      join(home, '.ssh', 'config'),
      `Host git.corp.test\n    User git\n    IdentityFile ~/.ssh/id_ed25519\n`,
    );
    // An older record written before redaction existed: the bundle must still mask it.
    writeFileSync(
      join(data, 'last-failure.json'),
      JSON.stringify({
        at: 'then',
        command: 'go mod download x',
        exitCode: 1,
        rootCause: 'auth-rejected',
        lines: [`Authorization: Basic ${token}`, `token ${token}`],
      }),
    );
    const env = shellEnv(home, data, join(dir, 'cache'), {
      GITLAB_TOKEN: planted.envToken,
      MY_API_KEY: planted.apiKey,
    });
    const file = writeProfile(dir, 'corp.json', sandboxProfile(sb));

    const r = await runCmd(supportBundleCommand, ['--profile', file, '--out', 'bundle.json'], env, {
      cwd: dir,
    });
    expect(r.code, r.err).toBe(0);
    const out = join(dir, 'bundle.json');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = readFileSync(out, 'utf8');
    for (const [name, secret] of Object.entries({ ...planted, token }))
      expect(text.includes(secret), `${name} leaked into the bundle`).toBe(false);

    const b = JSON.parse(text);
    expect(b.kind).toBe('onramp-support-bundle');
    expect(b.status.goEnv.ok).toBe(true);
    expect(Array.isArray(b.doctor.findings)).toBe(true);
    expect(
      b.gitConfig.some(
        (l: string) =>
          l.startsWith('global\tfile:') && l.includes('http.https://git.corp.test/.extraheader='),
      ),
    ).toBe(true);
    expect(b.netrc.machines.map((m: { host: string }) => m.host)).toEqual([
      'git.corp.test',
      'old.example.com',
    ]);
    expect(b.ssh).toEqual([
      expect.objectContaining({ host: 'git.corp.test', options: expect.objectContaining({ user: ['git'] }) }),
    ]);
    expect(b.tools.tools ?? b.tools).toBeTruthy();
    expect(b.lastFailure).toMatchObject({ command: 'go mod download x', rootCause: 'auth-rejected' });
  });
});
