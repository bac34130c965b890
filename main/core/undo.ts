// Undo puts every target of an applied change back to its snapshot (bytes and mode; a file the
// change created is removed). It refuses when a target changed since the change was applied,
// because restoring would silently discard that later edit; --force restores anyway. The
// undo is itself a journaled change (it snapshots the current files), so it can be undone.
import { OnrampError } from '../common/errors';
import { readFileState, sameFileState } from './atomic-file';
import {
  listEntries,
  readEntry,
  readSnapshot,
  writeEntry,
  type EntryState,
  type JournalEntry,
} from './journal';
import { pathsOf, type Env } from './paths';
import { afterSnapshot, fileDiff } from './planner';
import type { RecoveryReport } from './recovery';
import { runTransaction } from './transaction';

export interface UndoOptions {
  /** journal entry to undo; default with `last`: the most recent applied one */
  id?: string;
  last?: boolean;
  /** restore even targets that changed since the change was applied */
  force?: boolean;
}

export interface UndoResult {
  /** the new journal entry recording the undo (undo it to redo) */
  id: string;
  undid: string;
  title: string;
  /** targets whose content or mode was put back */
  restored: string[];
  recovery: RecoveryReport;
}

export interface HistoryItem {
  id: string;
  kind: JournalEntry['kind'];
  title: string;
  createdAt: string;
  state: EntryState;
  files: string[];
  /** each step as a person reads it (commands; file edits without contents) */
  steps: string[];
  undoOf?: string;
  undoneBy?: string;
}

/** Every journaled change, newest first. */
export async function history(env: Env): Promise<HistoryItem[]> {
  const entries = await listEntries(pathsOf(env).dataDir);
  return entries
    .filter((e) => e.state !== 'preparing')
    .reverse()
    .map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      createdAt: e.createdAt,
      state: e.state,
      files: e.targets.map((t) => t.file),
      steps: e.described,
      ...(e.undoOf ? { undoOf: e.undoOf } : {}),
      ...(e.undoneBy ? { undoneBy: e.undoneBy } : {}),
    }));
}

async function pick(dataDir: string, opts: UndoOptions): Promise<JournalEntry> {
  if (opts.id) {
    try {
      return await readEntry(dataDir, opts.id);
    } catch {
      throw new OnrampError({ code: 'not-found', message: `no change with id ${opts.id} in the journal` });
    }
  }
  // Walk back through changes: an undo entry is itself undoable by id (redo), but --last skips
  // it, so repeating `onramp undo` keeps going back in time instead of toggling.
  const last = (await listEntries(dataDir)).reverse().find((e) => e.state === 'applied' && !e.undoOf);
  if (!last) throw new OnrampError({ code: 'not-found', message: 'there is no applied change to undo' });
  return last;
}

function mustBeApplied(e: JournalEntry): void {
  if (e.state !== 'applied')
    throw new OnrampError({
      code: 'invalid-input',
      message: `change ${e.id} ("${e.title}") is ${e.state}; only an applied change can be undone`,
    });
}

export async function undo(env: Env, opts: UndoOptions): Promise<UndoResult> {
  if (!opts.id && !opts.last) throw new OnrampError({ code: 'usage', message: 'undo needs an id or --last' });
  const { dataDir } = pathsOf(env);
  const orig = await pick(dataDir, opts);
  mustBeApplied(orig);
  const restored: string[] = [];
  const { entry, recovery } = await runTransaction(
    env,
    {
      kind: 'undo',
      title: `Undo: ${orig.title}`,
      undoOf: orig.id,
      steps: [],
      described: orig.targets.map((t) => `restore ${t.file} as it was before ${orig.id}`),
      diffs: [],
      targets: orig.targets.map((t) => ({
        file: t.realPath,
        expected: t.after ?? t.before,
        configLock: t.configLock !== undefined,
      })),
      mismatch: 'changed-since-apply',
      mismatchHint:
        'Use --force to restore anyway; the current contents are journaled, so that can be undone too.',
      force: opts.force,
      // Re-read under the apply lock: another process may have undone it meanwhile.
      precheck: async () => mustBeApplied(await readEntry(dataDir, orig.id)),
      afterApplied: async (u) => {
        const fresh = await readEntry(dataDir, orig.id);
        fresh.state = 'undone';
        fresh.undoneBy = u.id;
        await writeEntry(dataDir, fresh);
      },
    },
    async (tx) => {
      for (const [i, t] of orig.targets.entries()) {
        tx.fault(`before-step-${i}`);
        const content = await readSnapshot(dataDir, orig.id, t);
        const cur = tx.before(i);
        const target = afterSnapshot(content, { exists: false, sha256: '', mode: 0 }, t.before.mode);
        tx.entry.diffs.push({ file: t.file, diff: fileDiff(t.file, cur, target, []) });
        if (!sameFileState(cur, target)) restored.push(t.file);
        await tx.commit(i, content, t.before.mode);
        tx.fault(`after-step-${i}`);
      }
      // Every target must now be exactly as before the original change.
      for (const t of orig.targets)
        if (!sameFileState(await readFileState(t.realPath), t.before))
          throw new OnrampError({ code: 'io', message: `could not restore ${t.file}`, file: t.file });
    },
  );
  return { id: entry.id, undid: orig.id, title: orig.title, restored, recovery };
}
