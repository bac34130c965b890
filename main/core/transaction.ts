// The crash-safe shape every change to the machine takes (apply and undo both run through it):
//   1. apply lock, recovery of anything a killed run left, fault point after-lock
//   2. journal entry 'preparing' (names targets) → git's config locks taken → targets verified
//      against the expected states → nothing written and the entry dropped on a mismatch
//   3. snapshots durable → entry 'pending' (fault point after-snapshot)
//   4. the body commits each target with one atomic rename (or unlink)
//   5. after-states recorded → config locks released → entry 'applied'
// Any failure in 4–5 restores every target from its snapshot and marks the entry
// 'rolled-back'; a kill anywhere leaves a 'preparing'/'pending' entry that recovery completes.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { OnrampError, type ErrorCode } from '../common/errors';
import type { FileState, Step } from '../common/plan';
import {
  atomicWrite,
  readFileState,
  removeFile,
  resolveTarget,
  sameFileState,
  type FileSnapshot,
} from './atomic-file';
import { faultHook, type FaultHook } from './fault-point';
import { acquireApplyLock, acquireConfigLock, processStart, type HeldLock } from './file-lock';
import {
  ensureDataDir,
  removeEntryDir,
  stripSecrets,
  workRoot,
  writeEntry,
  writeSnapshot,
  type JournalEntry,
} from './journal';
import { pathsOf, type Env } from './paths';
import { newPlanId } from './planner';
import { recoverLocked, rollBackEntry, type RecoveryReport } from './recovery';

export interface TxTargetSpec {
  file: string;
  /** the state the target must be in now (ignored with force) */
  expected: FileState;
  /** a git config file: hold git's `<file>.lock` for the whole change */
  configLock: boolean;
}

export interface TxSpec {
  kind: JournalEntry['kind'];
  title: string;
  planId?: string;
  undoOf?: string;
  steps: readonly Step[];
  described: string[];
  diffs: { file: string; diff: string }[];
  targets: TxTargetSpec[];
  /** the error a target not in its expected state raises */
  mismatch: Extract<ErrorCode, 'changed-since-plan' | 'changed-since-apply'>;
  mismatchHint: string;
  force?: boolean;
  /** runs under the apply lock before anything is prepared */
  precheck?: () => Promise<void>;
  /** runs under the apply lock once the entry is 'applied' (failures are repaired by recovery) */
  afterApplied?: (entry: JournalEntry) => Promise<void>;
}

export interface Tx {
  entry: JournalEntry;
  /** a private working directory for this change (removed afterwards) */
  workDir: string;
  fault: FaultHook;
  /** target i as it was when verified */
  before(i: number): FileSnapshot;
  /** puts target i in its new state: bytes and mode, or null for absent */
  commit(i: number, content: Buffer | null, mode: number): Promise<void>;
}

export interface TxResult {
  entry: JournalEntry;
  recovery: RecoveryReport;
}

const absent: FileState = { exists: false, sha256: '', mode: 0 };
const stateOf = (s: FileState): FileState => ({ exists: s.exists, sha256: s.sha256, mode: s.mode });

export async function runTransaction(
  env: Env,
  spec: TxSpec,
  body: (tx: Tx) => Promise<void>,
): Promise<TxResult> {
  const { dataDir } = pathsOf(env);
  const fault = faultHook(env);
  await ensureDataDir(dataDir);
  const applyLock = await acquireApplyLock(dataDir);
  const held = new Map<string, HeldLock>();
  const releaseHeld = async () => {
    for (const lock of held.values()) await lock.release();
    held.clear();
  };
  try {
    const recovery = await recoverLocked(dataDir);
    if (applyLock.tookOverFrom) recovery.lockTakenOverFrom = applyLock.tookOverFrom;
    fault('after-lock');
    await spec.precheck?.();
    const { entry, current } = await prepare(dataDir, spec, held).catch(async (err: unknown) => {
      await releaseHeld();
      throw err;
    });
    fault('after-snapshot');
    const workDir = join(workRoot(dataDir), entry.id);
    let writes = 0;
    const tx: Tx = {
      entry,
      workDir,
      fault,
      before: (i) => current[i] as FileSnapshot,
      async commit(i, content, mode) {
        const t = entry.targets[i];
        const cur = current[i];
        if (!t || !cur) throw new Error(`no target ${i}`);
        if (content === null) {
          if (cur.exists) await removeFile(t.realPath);
          return;
        }
        if (cur.exists && cur.mode === mode && cur.content.equals(content)) return;
        const n = writes++;
        await atomicWrite(t.realPath, content, {
          mode,
          keepExistingMode: false,
          beforeRename: () => {
            fault('mid-atomic-write');
            fault(`mid-atomic-write-${n}`);
          },
        });
      },
    };
    try {
      await body(tx);
      // Recorded while git's locks are still ours, so no concurrent git write slips into it.
      for (const t of entry.targets) t.after = stateOf(await readFileState(t.realPath));
      await releaseHeld();
      fault('before-commit');
      entry.state = 'applied';
      await writeEntry(dataDir, entry);
    } catch (err) {
      await rollBack(dataDir, entry, held, err);
      throw err;
    } finally {
      await releaseHeld();
      await rm(workDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    }
    fault('after-commit');
    // Best effort: recovery's reconcile step finishes this if it fails or we die here.
    await spec.afterApplied?.(entry).catch(() => undefined);
    return { entry, recovery };
  } finally {
    await applyLock.lock.release();
  }
}

/** Steps 2–3: entry 'preparing', config locks, verification, snapshots, entry 'pending'. */
async function prepare(dataDir: string, spec: TxSpec, held: Map<string, HeldLock>) {
  const realPaths = await Promise.all(spec.targets.map((t) => resolveTarget(t.file)));
  const dup = realPaths.find((p, i) => realPaths.indexOf(p) !== i);
  if (dup)
    throw new OnrampError({
      code: 'invalid-input',
      message: `two targets of one change are the same file: ${dup}`,
    });
  const now = new Date();
  const entry: JournalEntry = {
    version: 1,
    id: newPlanId(now),
    kind: spec.kind,
    title: spec.title,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    state: 'preparing',
    pid: process.pid,
    pidStart: processStart(process.pid),
    planId: spec.planId,
    undoOf: spec.undoOf,
    steps: stripSecrets(spec.steps),
    described: spec.described,
    diffs: spec.diffs,
    targets: spec.targets.map((t, i) => ({
      file: t.file,
      realPath: realPaths[i] as string,
      before: absent,
      snapshot: null,
      configLock: t.configLock ? `${realPaths[i]}.lock` : undefined,
    })),
  };
  // Written before any config lock exists, so recovery can find and remove a lock we die holding.
  await writeEntry(dataDir, entry);
  try {
    for (const t of entry.targets)
      if (t.configLock && !held.has(t.realPath))
        held.set(t.realPath, await acquireConfigLock(t.realPath, entry.id));
    const current = await Promise.all(realPaths.map((p) => readFileState(p)));
    const changed = spec.force
      ? []
      : spec.targets.filter((t, i) => !sameFileState(current[i] as FileState, t.expected));
    if (changed.length > 0) {
      const names = changed.map((t) => t.file);
      const what = spec.mismatch === 'changed-since-plan' ? 'the plan was made' : 'the change was applied';
      throw new OnrampError({
        code: spec.mismatch,
        message: `${names.join(', ')} changed since ${what}; nothing was written`,
        hint: spec.mismatchHint,
        file: names[0],
      });
    }
    for (const [i, t] of entry.targets.entries()) {
      const cur = current[i] as FileSnapshot;
      t.before = stateOf(cur);
      t.snapshot = cur.exists ? await writeSnapshot(dataDir, entry.id, i, cur.content, t.file) : null;
    }
    entry.state = 'pending';
    await writeEntry(dataDir, entry);
    await mkdir(join(workRoot(dataDir), entry.id), { recursive: true, mode: 0o700 });
    return { entry, current };
  } catch (err) {
    if (entry.state === 'preparing') {
      await releaseAll(held);
      await removeEntryDir(dataDir, entry.id);
    }
    throw err;
  }
}

async function releaseAll(held: Map<string, HeldLock>) {
  for (const lock of held.values()) await lock.release();
  held.clear();
}

/** Restores every target; on success the entry is 'rolled-back', else it stays 'pending'. */
async function rollBack(dataDir: string, entry: JournalEntry, held: Map<string, HeldLock>, cause: unknown) {
  const reason = cause instanceof Error ? cause.message : String(cause);
  try {
    const r = await rollBackEntry(dataDir, entry, new Set(held.keys()));
    entry.state = 'rolled-back';
    entry.restored = r.restored;
    entry.error = reason;
    await writeEntry(dataDir, entry);
  } catch (rbErr) {
    // Left 'pending': the next run's recovery restores from the same snapshots.
    const msg = rbErr instanceof Error ? rbErr.message : String(rbErr);
    throw new OnrampError({
      code: 'io',
      message: `${reason}; putting the files back failed too (${msg})`,
      hint: 'Onramp will finish restoring them the next time it runs.',
    });
  }
}
