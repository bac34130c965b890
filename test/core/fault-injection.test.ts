// Kills a real apply (child process: plan + apply of seven steps over a symlinked ~/.gitconfig,
// the go env file and a 0600 netrc) at every named fault point and at random moments, then
// checks: every target is byte-identical to its before or after state (never partial), a
// recovery run leaves all-before (or all-after when the change had been recorded applied),
// no lock or temp file is left, and `git config --global` works. The same for undo of that
// change (which also deletes the go env file the change created).
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileState } from '../../main/common/plan';
import { sameFileState } from '../../main/core/atomic-file';
import { applyPlan } from '../../main/core/apply';
import { listEntries } from '../../main/core/journal';
import { buildPlan } from '../../main/core/planner';
import { recoverJournal } from '../../main/core/recovery';
import { git, sampleSteps, seedHome, statesOf } from '../helpers/engine-fixture';
import { makeTempHome } from '../helpers/temp-home';

const STEP_COUNT = sampleSteps({ gitconfig: '', gitconfigTarget: '', goenv: '', netrc: '' }).length;
const NAMED = [
  'after-lock',
  'after-snapshot',
  ...Array.from({ length: STEP_COUNT }, (_, n) => [`before-step-${n}`, `after-step-${n}`]).flat(),
  'before-commit',
  'after-commit',
  'mid-atomic-write',
  'mid-atomic-write-1',
  'mid-atomic-write-2',
];
// Undo restores three targets: gitconfig (write 0), go env (a removal, not a write), netrc (write 1).
const NAMED_UNDO = [
  'after-lock',
  'after-snapshot',
  ...[0, 1, 2].map((n) => [`before-step-${n}`, `after-step-${n}`]).flat(),
  'before-commit',
  'after-commit',
  'mid-atomic-write',
  'mid-atomic-write-1',
];
const REPEAT_NAMED = 2;
const RANDOM_TRIALS = 60;
const RANDOM_UNDO_TRIALS = 10;
const PARALLEL = 3;

interface Trial {
  label: string;
  undo?: boolean;
  point?: string;
  /** kill this long after spawn */
  delayMs?: number;
  /** kill this long after the child reports its plan built (apply starts then) */
  afterPlanMs?: number;
}

interface Outcome {
  label: string;
  killed: boolean;
  /** per target at the moment of the kill: b(efore), a(fter), X (neither) */
  atKill: string;
  final: 'before' | 'after' | 'inconsistent';
  recovered: boolean;
  removedTemps: number;
  problems: string[];
  ms: number;
}

function runChild(arg: string, env: Record<string, string>, kill: Omit<Trial, 'label'> = {}) {
  return new Promise<{
    signal: NodeJS.Signals | null;
    code: number | null;
    stdout: string;
    plannedAt?: number;
  }>((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['bin/run-ts.mjs', 'test/helpers/apply-child.ts', arg], {
      env,
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let plannedAt: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    const killIn = (ms: number) => (timer = setTimeout(() => child.kill('SIGKILL'), ms));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (plannedAt === undefined && stdout.includes('planned')) {
        plannedAt = Date.now() - started;
        if (kill.afterPlanMs !== undefined) killIn(kill.afterPlanMs);
      }
    });
    child.stderr.resume();
    if (kill.delayMs !== undefined) killIn(kill.delayMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ signal, code, stdout, plannedAt });
    });
  });
}

const leftovers = (dir: string) =>
  readdirSync(dir).filter((n) => n.includes('onramp-tmp') || n.endsWith('.lock'));

/** For an undo trial, "before" is the applied state and "after" the original one. */
async function runTrial(trial: Trial, planBefore: FileState[], planAfter: FileState[]): Promise<Outcome> {
  const started = Date.now();
  const [before, after] = trial.undo ? [planAfter, planBefore] : [planBefore, planAfter];
  const t = makeTempHome(trial.point ? { ONRAMP_FAULT: trial.point } : {});
  const { ONRAMP_FAULT: _fault, ...cleanEnv } = t.env;
  const h = seedHome(t.home, { symlinkGitconfig: true });
  const stepsFile = join(dirname(t.home), 'steps.json');
  writeFileSync(stepsFile, JSON.stringify(sampleSteps(h)));
  const problems: string[] = [];
  try {
    const applied = trial.undo
      ? await applyPlan(await buildPlan('to undo', sampleSteps(h), cleanEnv), cleanEnv)
      : undefined;
    const r = await runChild(trial.undo ? '--undo-last' : stepsFile, t.env, trial);
    const killed = r.signal === 'SIGKILL';
    if (trial.point && !killed)
      problems.push(`fault point ${trial.point} was never reached (exit ${r.code})`);
    if (!killed && !r.stdout.includes('"ok":true')) problems.push(`child failed: ${r.stdout.trim()}`);
    const atKillStates = await statesOf(h);
    const atKill = atKillStates
      .map((s, i) =>
        sameFileState(s, before[i] as FileState) ? 'b' : sameFileState(s, after[i] as FileState) ? 'a' : 'X',
      )
      .join('');
    if (atKill.includes('X')) problems.push(`partial target at kill: ${atKill}`);

    const report = await recoverJournal(cleanEnv);
    const entries = await listEntries(t.dataDir);
    if (entries.some((e) => e.state === 'pending' || e.state === 'preparing'))
      problems.push(`entries left unfinished: ${entries.map((e) => e.state).join(',')}`);
    const done = entries.some((e) => e.state === 'applied' && e.kind === (trial.undo ? 'undo' : 'apply'));
    const finalStates = await statesOf(h);
    const is = (want: FileState[]) => finalStates.every((s, i) => sameFileState(s, want[i] as FileState));
    const final = is(before) ? 'before' : is(after) ? 'after' : 'inconsistent';
    if (final !== (done ? 'after' : 'before')) problems.push(`final ${final} but journal says done=${done}`);
    const orig = entries.find((e) => e.id === applied?.id);
    if (orig && orig.state !== (done ? 'undone' : 'applied'))
      problems.push(`undone change is marked ${orig.state} though the undo done=${done}`);
    for (const dir of new Set([dirname(h.gitconfigTarget), dirname(h.netrc)]))
      if (leftovers(dir).length > 0) problems.push(`left in ${dir}: ${leftovers(dir).join(', ')}`);
    const gitRun = await git(cleanEnv, ['config', '--global', 'x.y', 'z']);
    if (gitRun.code !== 0) problems.push(`git config --global failed: ${gitRun.stderr.trim()}`);
    if (trial.point?.startsWith('mid-atomic-write') && report.removedTempFiles.length === 0)
      problems.push('a kill between temp write and rename left no temp file to clean up');
    return {
      label: trial.label,
      killed,
      atKill,
      final,
      recovered: report.recovered.length > 0,
      removedTemps: report.removedTempFiles.length,
      problems,
      ms: Date.now() - started,
    };
  } finally {
    // An orphaned git/go of the killed child may still be finishing in the work dir.
    try {
      t.cleanup();
    } catch {
      await new Promise((r) => setTimeout(r, 300));
      rmSync(dirname(t.home), { recursive: true, force: true, maxRetries: 5 });
    }
  }
}

async function pool<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T);
      }
    }),
  );
  return out;
}

describe('fault injection', () => {
  it(
    'never leaves a partial file, and recovery always restores a consistent state',
    { timeout: 300_000 },
    async () => {
      const wall = Date.now();
      // Expected before/after states: contents do not depend on the home path.
      const ref = makeTempHome();
      const refHome = seedHome(ref.home, { symlinkGitconfig: true });
      const plan = await buildPlan('reference', sampleSteps(refHome), ref.env);
      ref.cleanup();
      const before = plan.changes.map((c) => c.before);
      const after = plan.changes.map((c) => c.after);

      // Uninterrupted runs give the time scale for random kills.
      const baseline = await pool([0, 1], 2, async () => {
        const t = makeTempHome();
        const h = seedHome(t.home, { symlinkGitconfig: true });
        const stepsFile = join(dirname(t.home), 'steps.json');
        writeFileSync(stepsFile, JSON.stringify(sampleSteps(h)));
        const s = Date.now();
        const r = await runChild(stepsFile, t.env);
        const ms = Date.now() - s;
        expect(r.stdout).toContain('"ok":true');
        expect(await statesOf(h)).toEqual(after);
        t.cleanup();
        return { ms, plannedAt: r.plannedAt ?? 0 };
      });
      const total = Math.max(...baseline.map((b) => b.ms));
      const planned = Math.min(...baseline.map((b) => b.plannedAt));

      const trials: Trial[] = [];
      for (let r = 0; r < REPEAT_NAMED; r++) for (const point of NAMED) trials.push({ label: point, point });
      for (let i = 0; i < RANDOM_TRIALS; i++) {
        // A third anywhere in the run; the rest timed from the child's "planned" line, so they
        // land in the apply phase (where targets change) however loaded the machine is.
        if (i % 3 === 0)
          trials.push({ label: 'random 0..T', delayMs: Math.round(Math.random() * total * 1.1) });
        else
          trials.push({
            label: 'random apply-phase',
            afterPlanMs: Math.round(Math.random() * (total - planned) * 1.2),
          });
      }
      for (const point of NAMED_UNDO) trials.push({ label: `undo ${point}`, point, undo: true });
      // An undo runs no tools: it is over within tens of milliseconds of the "planned" line.
      for (let i = 0; i < RANDOM_UNDO_TRIALS; i++)
        trials.push({ label: 'undo random', undo: true, afterPlanMs: Math.round(Math.random() * 80) });
      const outcomes = await pool(trials, PARALLEL, (trial) => runTrial(trial, before, after));

      const byLabel = new Map<string, Outcome[]>();
      for (const o of outcomes) byLabel.set(o.label, [...(byLabel.get(o.label) ?? []), o]);
      const rows = [...byLabel].map(([label, os]) => {
        const count = (f: (o: Outcome) => boolean) => os.filter(f).length;
        const kills = [...new Set(os.map((o) => o.atKill))].join('/');
        return `${label.padEnd(24)} n=${os.length} killed=${count((o) => o.killed)} at-kill(gitconfig,goenv,netrc)=${kills.padEnd(15)} final-before=${count((o) => o.final === 'before')} final-after=${count((o) => o.final === 'after')} recovered=${count((o) => o.recovered)} temps-cleaned=${os.reduce((s, o) => s + o.removedTemps, 0)}`;
      });
      const mixed = outcomes.filter((o) => /a/.test(o.atKill) && /b/.test(o.atKill)).length;
      const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
      console.log(
        [
          `fault injection: ${outcomes.length} trials: apply ${NAMED.length} named points x${REPEAT_NAMED} + ${RANDOM_TRIALS} random; undo ${NAMED_UNDO.length} named + ${RANDOM_UNDO_TRIALS} random; parallel ${PARALLEL}`,
          `baseline child run ${total} ms (plan built at ${planned} ms); wall ${Date.now() - wall} ms; trial median ${times[times.length >> 1]} ms, max ${times[times.length - 1]} ms`,
          `trials killed with targets in a mixed before/after state: ${mixed}`,
          ...rows,
        ].join('\n'),
      );
      const problems = outcomes.flatMap((o) => o.problems.map((p) => `${o.label}: ${p}`));
      expect(problems).toEqual([]);
      expect(outcomes.length).toBeGreaterThanOrEqual(100);
      expect(outcomes.filter((o) => o.label === 'after-step-3').every((o) => o.atKill === 'bba')).toBe(true);
    },
  );
});
