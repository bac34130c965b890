// An interrupted onboarding resumes: a run killed in the middle of applying (fault injection,
// SIGKILL) leaves every file as it was or as planned; the next run recovers, applies what is
// missing and verifies; a run that stopped before verification continues with verification.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCommand } from '../../main/cli/commands/onboard';
import { runCli } from '../helpers/cli-run';
import { snapshotTree } from '../helpers/tree-snapshot';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { runCmd } from './cli-helpers';
import { sandboxProfile, shellEnv, writeProfile } from './profile-helpers';

let sb: Sandbox;
let root: string;
beforeAll(async () => {
  sb = await startSandbox();
  root = mkdtempSync(join(tmpdir(), 'onramp-resume-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function child(argv: string[], env: Record<string, string>, stdin: string) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => {
    const c = spawn(process.execPath, ['bin/run-ts.mjs', 'test/profile/apply-profile-child.ts', ...argv], {
      cwd: join(__dirname, '..', '..'),
      env,
    });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (out += d.toString()));
    c.stdin.end(stdin);
    c.on('close', (code, signal) => resolve({ code, signal, out }));
  });
}

function machine(name: string) {
  const dir = join(root, name);
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  return { dir, home, env: shellEnv(home, join(dir, 'data'), join(dir, 'cache')) };
}

describe('resuming an interrupted onboarding', () => {
  it('killed half-way through applying: the next run recovers, applies everything and is green', async () => {
    const m = machine('killed');
    const file = writeProfile(m.dir, 'corp.json', sandboxProfile(sb));
    const token = sb.users.alice.token;
    const start = snapshotTree(m.home);
    // Steps: go env (0), ~/.gitconfig (1), ~/.netrc (2), CA file (3). Killed after the first two
    // files were put in place and before the other two.
    const killed = await child(
      ['--profile', file, '--yes', '--token-stdin'],
      { ...m.env, ONRAMP_FAULT: 'after-step-1' },
      token,
    );
    expect(killed.signal).toBe('SIGKILL');
    expect(readFileSync(join(m.home, '.config', 'go', 'env'), 'utf8')).toBe('GOPRIVATE=git.corp.test\n');

    const again = await runCmd(applyCommand, ['--profile', file, '--yes', '--token-stdin', '--json'], m.env, {
      stdin: token,
    });
    const r = JSON.parse(again.out);
    expect(r.resumed).toMatch(/an interrupted run was rolled back/);
    expect(r.recovery.recovered).toHaveLength(1);
    expect(r).toMatchObject({ ok: true, applied: true, changes: 4 });
    expect(again.code).toBe(0);

    const third = await runCmd(applyCommand, ['--profile', file, '--yes', '--json'], m.env);
    expect(JSON.parse(third.out)).toMatchObject({ ok: true, changes: 0 });
    expect((await runCli(['undo', r.journalId], m.env)).code).toBe(0);
    expect(snapshotTree(m.home)).toEqual(start);
  });

  it('stopped before verification: the next run changes nothing and continues with verification', async () => {
    const m = machine('unverified');
    const file = writeProfile(m.dir, 'corp.json', sandboxProfile(sb));
    const first = await runCmd(
      applyCommand,
      ['--profile', file, '--yes', '--token-stdin', '--no-verify', '--json'],
      m.env,
      {
        stdin: sb.users.alice.token,
      },
    );
    const id = JSON.parse(first.out).journalId as string;
    const next = await runCmd(applyCommand, ['--profile', file, '--yes'], m.env);
    expect(next.code).toBe(0);
    expect(next.out).toContain(
      `Resuming: the settings from an earlier run (${id}) are all in place; continuing with verification.`,
    );
    expect(next.out).toContain('All test modules downloaded');
  });
});
