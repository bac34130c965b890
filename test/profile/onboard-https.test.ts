// Onboarding a fresh HOME from a profile against the sandbox Git host over HTTPS (private CA,
// basic auth), with the real git, go and the CLI: green verification at the end, a second run
// that changes nothing, and undo that restores the starting HOME byte-for-byte. Variants: a
// company GOPROXY that needs credentials, GitLab nested subgroups through the preset, and a
// failing verification that is recorded for the support bundle.
//
// These machines have NO keychain (shellEnv sets no DBUS_SESSION_BUS_ADDRESS, as on a headless or
// SSH login): onboarding falls back to a managed ~/.netrc entry for every host and says so in the
// plan notes; that is why these tests expect the token in ~/.netrc even where go does not need
// it. The keychain path (helper + netrc only where go needs it) is onboard-keychain.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCommand, profilePlanCommand } from '../../main/cli/commands/onboard';
import { runTool } from '../../main/core/tool-runner';
import { runCli } from '../helpers/cli-run';
import { snapshotTree } from '../helpers/tree-snapshot';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { runCmd } from './cli-helpers';
import { sandboxProfile, shellEnv, writeProfile } from './profile-helpers';

let sb: Sandbox;
let root: string;
beforeAll(async () => {
  sb = await startSandbox();
  root = mkdtempSync(join(tmpdir(), 'onramp-onboard-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function machine(name: string, extra: Record<string, string> = {}) {
  const dir = join(root, name);
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const data = join(dir, 'data');
  return { dir, home, data, env: shellEnv(home, data, join(dir, 'cache'), extra) };
}

describe('onboarding over HTTPS', () => {
  it('fresh HOME → green; second run = 0 changes; undo restores the start byte-for-byte', async () => {
    const m = machine('https');
    const file = writeProfile(m.dir, 'corp.json', sandboxProfile(sb));
    const token = sb.users.alice.token;
    const start = snapshotTree(m.home);

    const plan = await runCmd(profilePlanCommand, ['--profile', file, '--json'], m.env);
    expect(plan.code).toBe(0);
    const p = JSON.parse(plan.out);
    expect(p.changes).toBe(4); // go env, ~/.gitconfig, ~/.netrc, the CA file
    expect(p.review.map((i: { id: string }) => i.id)).toEqual([
      'profile-unsigned',
      'ca-install:git.corp.test',
    ]);
    expect(snapshotTree(m.home)).toEqual(start);

    const noYes = await runCmd(applyCommand, ['--profile', file, '--token-stdin'], m.env, { stdin: token });
    expect(noYes.code).toBe(1);
    expect(noYes.err).toContain('nothing was applied');
    expect(snapshotTree(m.home)).toEqual(start);

    const first = await runCmd(applyCommand, ['--profile', file, '--yes', '--token-stdin', '--json'], m.env, {
      stdin: `${token}\n`,
    });
    expect(first.out).not.toContain(token);
    const r1 = JSON.parse(first.out);
    expect(r1.verification?.steps?.map((s: { ok: boolean; title: string }) => [s.title, s.ok])).toEqual([
      [`go mod download -x -json ${sb.repos.lib.module}@v1.2.0`, true],
      [`go mod download -x -json ${sb.repos.appDep.module}@v0.1.0`, true],
    ]);
    expect(first.code).toBe(0);
    expect(r1).toMatchObject({ ok: true, applied: true, changes: 4 });
    expect(r1.caExport).toContain(join(m.data, 'ca'));
    // Never silently: the fallback to plain-text netrc is in the notes.
    expect(r1.notes.join('\n')).toMatch(
      /No OS keychain: there is no D-Bus session bus.*managed ~\/\.netrc entry/,
    );
    expect(p.notes.join('\n')).toContain('No OS keychain');
    const netrc = join(m.home, '.netrc');
    expect(statSync(netrc).mode & 0o777).toBe(0o600);
    expect(readFileSync(netrc, 'utf8')).toBe(`machine git.corp.test login alice password ${token}\n`);
    expect(readFileSync(join(m.home, '.config', 'go', 'env'), 'utf8')).toBe('GOPRIVATE=git.corp.test\n');
    expect(readFileSync(join(m.home, '.gitconfig'), 'utf8')).toContain('sslCAInfo = ');
    // go has no CA setting: without the SSL_CERT_DIR export Onramp prints, go cannot verify the
    // host (the system roots do not hold the sandbox CA); with it, it can.
    const mod = `${sb.repos.lib.module}@v1.2.0`;
    const goEnv = { ...m.env, GOMODCACHE: join(m.dir, 'modcache-check'), GOFLAGS: '-modcacherw' };
    const without = await runTool('go', ['mod', 'download', mod], { env: goEnv, cwd: m.dir });
    expect(without.stderr).toMatch(/x509|certificate/);
    const certDir = /SSL_CERT_DIR="([^"]+)"/.exec(r1.caExport)?.[1] as string;
    const withIt = await runTool('go', ['mod', 'download', mod], {
      env: { ...goEnv, SSL_CERT_DIR: certDir },
      cwd: m.dir,
    });
    expect(withIt.stderr).toBe('');
    expect(withIt.code).toBe(0);
    rmSync(goEnv.GOMODCACHE, { recursive: true, force: true });

    const second = await runCmd(applyCommand, ['--profile', file, '--yes', '--json'], m.env);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({ ok: true, applied: false, upToDate: true, changes: 0 });
    const text = await runCmd(applyCommand, ['--profile', file, '--yes', '--no-verify'], m.env);
    expect(text.out).toContain('Already set up: 0 changes.');

    const undo = await runCli(['undo', r1.journalId, '--json'], m.env);
    expect(undo.code).toBe(0);
    expect(snapshotTree(m.home)).toEqual(start);
    expect(existsSync(join(m.data, 'ca', 'corp-https-git.corp.test.pem'))).toBe(false);
  });

  it('a company GOPROXY with credentials serves the private modules (GONOPROXY=none)', async () => {
    const m = machine('proxy');
    const file = writeProfile(m.dir, 'corp.json', sandboxProfile(sb, { proxy: true }));
    const r = await runCmd(applyCommand, ['--profile', file, '--yes', '--token-stdin', '--json'], m.env, {
      stdin: sb.users.alice.token,
    });
    const res = JSON.parse(r.out);
    expect(res.verification.ok).toBe(true);
    expect(r.code).toBe(0);
    const goenv = readFileSync(join(m.home, '.config', 'go', 'env'), 'utf8');
    expect(goenv).toContain('GONOPROXY=none\n');
    expect(goenv).toContain(`GOPROXY=https://${sb.hosts.proxy},https://proxy.golang.org,direct\n`);
    expect(readFileSync(join(m.home, '.netrc'), 'utf8')).toContain(`machine ${sb.hosts.proxy} login alice`);
  });

  it('GitLab nested subgroups: the preset gives go credentials for discovery', async () => {
    // The machine already trusts the corp CA here (presets carry none), as after an IT rollout.
    const m = machine('gitlab', { SSL_CERT_FILE: sb.caFile, GIT_SSL_CAINFO: sb.caFile });
    const mod = sb.repos.proj.module; // git2.corp.test/group/sub/proj: anonymous discovery answers group/sub
    const args = ['--preset', 'gitlab-self-managed', '--url', `https://${sb.hosts.git2}`, '--org', 'group'];
    const r = await runCmd(
      applyCommand,
      [...args, '--test-module', `${mod}@v1.0.0`, '--login', 'alice', '--token-stdin', '--yes', '--json'],
      m.env,
      { stdin: sb.users.alice.token },
    );
    const res = JSON.parse(r.out);
    expect(res.verification.ok).toBe(true);
    expect(res.todo.join('\n')).toContain('discovery needs it');
    expect(readFileSync(join(m.home, '.config', 'go', 'env'), 'utf8')).toBe(
      `GOPRIVATE=${sb.hosts.git2}/group\n`,
    );
  });

  it('a failing verification exits 1 and records the command and its root cause', async () => {
    const m = machine('forbidden');
    const p = sandboxProfile(sb, { user: 'bob' });
    p.testModules = [{ module: sb.repos.secret.module, version: 'v1.0.0' }];
    const file = writeProfile(m.dir, 'corp.json', p);
    const r = await runCmd(applyCommand, ['--profile', file, '--yes', '--token-stdin'], m.env, {
      stdin: sb.users.bob.token,
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Verification failed');
    const failure = JSON.parse(readFileSync(join(m.data, 'last-failure.json'), 'utf8'));
    expect(failure.command).toBe(`go mod download -x -json ${sb.repos.secret.module}@v1.0.0`);
    expect(failure.rootCause).toBe('forbidden');
    expect(JSON.stringify(failure)).not.toContain(sb.users.bob.token);
    const record = JSON.parse(readFileSync(join(m.data, 'onboarding', 'corp-https.json'), 'utf8'));
    expect(record.phase).toBe('verify-failed');
  });
});
