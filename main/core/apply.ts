// Applies a plan the person has seen. Each step runs with the tool that owns the file (git
// config, go env -w) on a private working copy; once a file's last step has run, its result
// must be exactly the plan's after-state and is then put in place with one atomic rename, so
// no real file is ever half-way between before and after. `go env -w` rewrites its file in
// place without a temp file, which is why it never runs on the real file.
import { OnrampError } from '../common/errors';
import type { FileState, Plan } from '../common/plan';
import { sameFileState } from './atomic-file';
import { describeSteps } from './journal';
import type { Env } from './paths';
import { afterSnapshot } from './planner';
import type { RecoveryReport } from './recovery';
import {
  goEnvValues,
  newFileMode,
  forcedMode,
  openWorkingCopy,
  readWorkingCopy,
  runStepOn,
  targetsOf,
  type WorkingCopy,
} from './step-sim';
import { runTransaction, type Tx } from './transaction';

export interface AppliedFile {
  file: string;
  before: FileState;
  after: FileState;
}

export interface ApplyResult {
  /** journal entry id (what undo takes) */
  id: string;
  planId: string;
  files: AppliedFile[];
  /** tool warnings seen while applying (the plan's notes already listed them) */
  warnings: string[];
  /** what recovery did first, if a previous run had been interrupted */
  recovery: RecoveryReport;
}

function checkPlan(plan: Plan): void {
  const targets = targetsOf(plan.steps);
  const changes = plan.changes.map((c) => c.file);
  if (targets.length !== changes.length || targets.some((t, i) => changes[i] !== t))
    throw new OnrampError({
      code: 'invalid-input',
      message: 'the plan does not match its steps (its changes must list each target once, in step order)',
    });
}

/** Applies `plan`: every target is verified against plan.before, journaled, then changed. */
export async function applyPlan(plan: Plan, env: Env): Promise<ApplyResult> {
  checkPlan(plan);
  const files = plan.changes.map((c) => c.file);
  const lastStep = new Map(plan.steps.map((s, n) => [s.file, n]));
  const warnings: string[] = [];
  const { entry, recovery } = await runTransaction(
    env,
    {
      kind: 'apply',
      title: plan.title,
      planId: plan.id,
      steps: plan.steps,
      described: describeSteps(plan.steps),
      diffs: plan.changes.map((c) => ({ file: c.file, diff: c.diff })),
      targets: plan.changes.map((c) => ({
        file: c.file,
        expected: c.before,
        configLock: plan.steps.some((s) => s.kind === 'git-config' && s.file === c.file),
      })),
      mismatch: 'changed-since-plan',
      mismatchHint: 'Make the plan again to see what would change now.',
    },
    async (tx) => {
      const copies: WorkingCopy[] = [];
      for (const [i, file] of files.entries())
        copies.push(await openWorkingCopy(tx.workDir, i, file, tx.before(i)));
      for (const [n, step] of plan.steps.entries()) {
        tx.fault(`before-step-${n}`);
        const i = files.indexOf(step.file);
        warnings.push(...(await runStepOn(step, copies[i] as WorkingCopy, env, tx.workDir)));
        if (lastStep.get(step.file) === n) await commitTarget(plan, env, tx, i, copies[i] as WorkingCopy);
        tx.fault(`after-step-${n}`);
      }
    },
  );
  return {
    id: entry.id,
    planId: plan.id,
    files: entry.targets.map((t) => ({ file: t.file, before: t.before, after: t.after ?? t.before })),
    warnings: [...new Set(warnings)],
    recovery,
  };
}

/** Puts one target's finished working copy in place, after checking it is what the plan showed. */
async function commitTarget(plan: Plan, env: Env, tx: Tx, i: number, wc: WorkingCopy): Promise<void> {
  const change = plan.changes[i];
  if (!change) throw new Error(`no change ${i}`);
  const after = afterSnapshot(
    await readWorkingCopy(wc),
    tx.before(i),
    newFileMode(plan.steps, change.file),
    forcedMode(plan.steps, change.file),
  );
  if (!sameFileState(after, change.after))
    throw new OnrampError({
      code: 'changed-since-plan',
      message: `the steps no longer give ${change.file} the content the plan showed`,
      hint: 'Make the plan again (git or go may have changed).',
      file: change.file,
    });
  const goKeys = [
    ...new Set(plan.steps.flatMap((s) => (s.kind === 'go-env' && s.file === change.file ? [s.key] : []))),
  ];
  const expected = goKeys.length > 0 ? await goEnvValues(env, wc.path, goKeys, tx.workDir) : {};
  await tx.commit(i, after.exists ? after.content : null, after.mode);
  if (goKeys.length === 0) return;
  // The real file must give go the values the working copy gave it; otherwise roll back.
  const actual = await goEnvValues(env, change.file, goKeys, tx.workDir);
  for (const k of goKeys)
    if (actual[k] !== expected[k])
      throw new OnrampError({
        code: 'tool-failed',
        message: `after writing ${change.file}, go reports ${k}=${JSON.stringify(actual[k] ?? '')}, expected ${JSON.stringify(expected[k] ?? '')}`,
        file: change.file,
      });
}
