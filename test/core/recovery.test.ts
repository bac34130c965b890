import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OnrampError } from '../../main/common/errors';
import { applyPlan } from '../../main/core/apply';
import { processStart } from '../../main/core/file-lock';
import { listEntries } from '../../main/core/journal';
import { buildPlan } from '../../main/core/planner';
import { describeRecovery, recoverJournal } from '../../main/core/recovery';
import { git, sampleSteps, seedHome, statesOf, type EngineHome } from '../helpers/engine-fixture';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let t: TempHome;
let h: EngineHome;
beforeEach(() => {
  t = makeTempHome();
  h = seedHome(t.home);
});
afterEach(() => t.cleanup());

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

function writeApplyLock(owner: object) {
  mkdirSync(t.dataDir, { recursive: true });
  writeFileSync(join(t.dataDir, 'apply.lock'), JSON.stringify(owner));
}

function runChild(fault: string): Promise<NodeJS.Signals | null> {
  const stepsFile = join(dirname(t.home), 'steps.json');
  writeFileSync(stepsFile, JSON.stringify(sampleSteps(h)));
  const child = spawn(process.execPath, ['bin/run-ts.mjs', 'test/helpers/apply-child.ts', stepsFile], {
    env: { ...t.env, ONRAMP_FAULT: fault },
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.on('close', (_code, signal) => resolve(signal)));
}

describe('recoverJournal', () => {
  it('restores a change killed mid-apply and says so', async () => {
    const before = await statesOf(h);
    expect(await runChild('after-step-5')).toBe('SIGKILL');
    // netrc and the go env file were already replaced; ~/.gitconfig was still locked by us
    expect(existsSync(`${h.gitconfig}.lock`)).toBe(true);
    expect(await statesOf(h)).not.toEqual(before);
    const report = await recoverJournal(t.env);
    expect(await statesOf(h)).toEqual(before);
    expect(report.recovered[0]?.restored.sort()).toEqual([h.goenv, h.netrc].sort());
    expect(report.removedLocks).toEqual([`${h.gitconfig}.lock`]);
    expect(report.lockTakenOverFrom?.pid).toBeGreaterThan(0);
    const text = describeRecovery(report).join('\n');
    expect(text).toContain('Recovered from an interrupted change: "apply-child"');
    expect(text).toContain(h.netrc);
    expect((await listEntries(t.dataDir)).map((e) => e.state)).toEqual(['recovered']);
    expect((await git(t.env, ['config', '--global', 'x.y', 'z'])).code).toBe(0);
    // a second run has nothing to do
    expect(describeRecovery(await recoverJournal(t.env))).toEqual([]);
  });

  it('removes the stale temp file of a write killed between temp and rename', async () => {
    expect(await runChild('mid-atomic-write')).toBe('SIGKILL');
    expect(readdirSync(t.home).some((n) => n.startsWith('..netrc.onramp-tmp-'))).toBe(true);
    const report = await recoverJournal(t.env);
    expect(report.removedTempFiles.some((p) => p.includes('..netrc.onramp-tmp-'))).toBe(true);
    expect(readdirSync(t.home).filter((n) => n.includes('onramp-tmp'))).toEqual([]);
  });

  it('takes over an apply lock left by a dead process', async () => {
    const pid = deadPid();
    writeApplyLock({ pid, host: hostname(), since: new Date().toISOString() });
    const report = await recoverJournal(t.env);
    expect(report.lockTakenOverFrom?.pid).toBe(pid);
    expect(describeRecovery(report)[0]).toContain(`pid ${pid}`);
    expect(existsSync(join(t.dataDir, 'apply.lock'))).toBe(false);
  });

  it('leaves a live apply alone: recovery skips, apply fails with lock-busy and writes nothing', async () => {
    writeApplyLock({ pid: process.pid, start: processStart(process.pid), host: hostname(), since: 'now' });
    expect((await recoverJournal(t.env)).skipped).toContain(`pid ${process.pid}`);
    const plan = await buildPlan('x', sampleSteps(h), t.env);
    const before = await statesOf(h);
    const err = await applyPlan(plan, t.env).catch((e: unknown) => e);
    expect((err as OnrampError).code).toBe('lock-busy');
    expect(await statesOf(h)).toEqual(before);
  });
});
