// Puts the machine back after a change was interrupted (crash, kill -9, power cut). Runs at the
// start of every Onramp run, under the apply lock, so no change is in progress while it looks:
// an entry still 'pending' had its snapshots durable before any target was touched, so every
// target is restored from them; 'preparing' entries never touched a target and only need
// their config locks removed. Leftover temp files and working copies are swept.
import { readdir, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OnrampError } from '../common/errors';
import {
  atomicWrite,
  fsyncDir,
  isTempNameFor,
  readFileState,
  removeFile,
  sameFileState,
} from './atomic-file';
import { acquireApplyLock, acquireConfigLock, isProcessAlive, readOwner, type LockOwner } from './file-lock';
import {
  ensureDataDir,
  entryDir,
  listEntries,
  listEntryIds,
  readSnapshot,
  removeEntryDir,
  workRoot,
  writeEntry,
  type JournalEntry,
  type JournalTarget,
} from './journal';
import { pathsOf, type Env } from './paths';

export interface RecoveredEntry {
  id: string;
  title: string;
  /** targets restored to their before state */
  restored: string[];
  /** targets that were already in their before state */
  unchanged: string[];
}

export interface RecoveryReport {
  recovered: RecoveredEntry[];
  /** entries that could not be recovered now (left pending for the next run) */
  failed: { id: string; title: string; error: string }[];
  removedLocks: string[];
  removedTempFiles: string[];
  /** set when the apply lock of a dead process was taken over */
  lockTakenOverFrom?: LockOwner;
  /** set when another live Onramp process is applying a change, so nothing was examined */
  skipped?: string;
}

export const emptyReport = (): RecoveryReport => ({
  recovered: [],
  failed: [],
  removedLocks: [],
  removedTempFiles: [],
});

/** Puts one target back to its snapshot (bytes and mode; absent → removed). */
export async function restoreTarget(
  dataDir: string,
  entry: JournalEntry,
  t: JournalTarget,
): Promise<boolean> {
  const current = await readFileState(t.realPath);
  if (sameFileState(current, t.before)) return false;
  const content = await readSnapshot(dataDir, entry.id, t);
  if (content === null) await removeFile(t.realPath);
  else await atomicWrite(t.realPath, content, { mode: t.before.mode, keepExistingMode: false });
  if (!sameFileState(await readFileState(t.realPath), t.before))
    throw new OnrampError({ code: 'io', message: `could not restore ${t.file}`, file: t.file });
  return true;
}

/** Removes temp files `pid` left in `dir` (for the given names, or any of ours when null). */
async function sweepTemps(dir: string, names: string[] | null, pid: number, report: RecoveryReport) {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const ours = names ? names.some((n) => isTempNameFor(e, n, pid)) : isAnyTempOf(e, pid);
    if (!ours) continue;
    await unlink(join(dir, e)).catch(() => undefined);
    report.removedTempFiles.push(join(dir, e));
  }
}

const isAnyTempOf = (name: string, pid: number) =>
  name.startsWith('.') && name.includes(`.onramp-tmp-${pid}-`);

/** Removes a `<file>.lock` only if our lock file names this entry (never a live git's lock). */
async function removeOurConfigLock(entry: JournalEntry, t: JournalTarget, report: RecoveryReport) {
  if (!t.configLock) return;
  const owner = await readOwner(t.configLock);
  if (owner?.entry !== entry.id) return;
  await unlink(t.configLock).catch(() => undefined);
  await fsyncDir(dirname(t.configLock));
  report.removedLocks.push(t.configLock);
}

/** Restores every target of an interrupted entry; also the rollback path of a failed apply. */
export async function rollBackEntry(
  dataDir: string,
  entry: JournalEntry,
  held: ReadonlySet<string> = new Set(),
): Promise<RecoveredEntry> {
  const result: RecoveredEntry = { id: entry.id, title: entry.title, restored: [], unchanged: [] };
  for (const t of [...entry.targets].reverse()) {
    // A git config target is restored under git's lock, like any other writer.
    const lock =
      t.configLock && !held.has(t.realPath) ? await acquireConfigLock(t.realPath, entry.id) : undefined;
    try {
      if (await restoreTarget(dataDir, entry, t)) result.restored.push(t.file);
      else result.unchanged.push(t.file);
    } finally {
      await lock?.release();
    }
  }
  return result;
}

async function recoverEntry(dataDir: string, entry: JournalEntry, report: RecoveryReport): Promise<void> {
  // Under the apply lock no change is in progress, so the writer is dead or (a long-lived app
  // whose rollback failed) is this very process; another live owner is left alone.
  const ownerGone = entry.pid === process.pid || !isProcessAlive(entry.pid, entry.pidStart);
  if (!ownerGone) return;
  for (const t of entry.targets) {
    // Atomic-write temps and the temp a lock file is created from (see file-lock.ts).
    const name = basename(t.realPath);
    await sweepTemps(dirname(t.realPath), [name, `${name}.lock`], entry.pid, report);
    await removeOurConfigLock(entry, t, report);
  }
  // Half-written snapshots may hold secrets (netrc).
  await sweepTemps(entryDir(dataDir, entry.id), null, entry.pid, report);
  await sweepTemps(join(entryDir(dataDir, entry.id), 'snap'), null, entry.pid, report);
  await sweepTemps(dataDir, null, entry.pid, report);
  if (entry.state === 'preparing') {
    // Nothing was touched yet: the entry is not part of history.
    await removeEntryDir(dataDir, entry.id);
    return;
  }
  try {
    const r = await rollBackEntry(dataDir, entry);
    entry.state = 'recovered';
    entry.restored = r.restored;
    await writeEntry(dataDir, entry);
    report.recovered.push(r);
  } catch (err) {
    report.failed.push({
      id: entry.id,
      title: entry.title,
      error: err instanceof Error ? err.message : String(err),
    });
  }
}

/** Recovery for a caller that already holds the apply lock. */
export async function recoverLocked(dataDir: string): Promise<RecoveryReport> {
  const report = emptyReport();
  await ensureDataDir(dataDir);
  const { incomplete } = await listEntryIds(dataDir);
  // A dir without entry.json was being created when the process died; it touched nothing.
  for (const id of incomplete) await rm(entryDir(dataDir, id), { recursive: true, force: true });
  const entries = await listEntries(dataDir);
  for (const e of entries)
    if (e.state === 'pending' || e.state === 'preparing') await recoverEntry(dataDir, e, report);
  await reconcileUndo(dataDir, entries);
  // Working copies of a killed apply; an orphaned git/go may still be writing in them.
  await rm(workRoot(dataDir), { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  return report;
}

/** An undo that finished but died before marking the entry it reverted: finish that. */
async function reconcileUndo(dataDir: string, entries: JournalEntry[]): Promise<void> {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const u of entries) {
    const orig = u.undoOf ? byId.get(u.undoOf) : undefined;
    if (u.kind === 'undo' && u.state === 'applied' && orig && orig.state === 'applied') {
      orig.state = 'undone';
      orig.undoneBy = u.id;
      await writeEntry(dataDir, orig);
    }
  }
}

/** Called at the start of every run: finishes or reverts whatever a killed run left behind. */
export async function recoverJournal(env: Env): Promise<RecoveryReport> {
  const { dataDir } = pathsOf(env);
  await ensureDataDir(dataDir);
  let applyLock;
  try {
    applyLock = await acquireApplyLock(dataDir, 0);
  } catch (err) {
    if (err instanceof OnrampError && err.code === 'lock-busy')
      return { ...emptyReport(), skipped: err.message };
    throw err;
  }
  try {
    const report = await recoverLocked(dataDir);
    if (applyLock.tookOverFrom) report.lockTakenOverFrom = applyLock.tookOverFrom;
    return report;
  } finally {
    await applyLock.lock.release();
  }
}

/** Lines the CLI prints after recovery; empty when there was nothing to do. */
export function describeRecovery(report: RecoveryReport): string[] {
  const lines: string[] = [];
  if (report.lockTakenOverFrom)
    lines.push(`An earlier Onramp run (pid ${report.lockTakenOverFrom.pid}) stopped without finishing.`);
  for (const r of report.recovered) {
    const files =
      r.restored.length > 0 ? `restored ${r.restored.join(', ')}` : 'no file had been changed yet';
    lines.push(`Recovered from an interrupted change: "${r.title}" (${r.id}): ${files}.`);
  }
  for (const f of report.failed)
    lines.push(
      `Could not yet recover the interrupted change "${f.title}" (${f.id}): ${f.error}. Onramp will retry.`,
    );
  if (report.removedLocks.length > 0)
    lines.push(`Removed stale lock files: ${report.removedLocks.join(', ')}.`);
  return lines;
}
