// The journal is what makes a change undoable and a crash recoverable: before any target is
// touched, dataDir/journal/<id>/entry.json (state 'pending') and a snapshot of every target
// are durable on disk. Layout:
//   journal/<id>/entry.json   the entry (no secrets: file-edit contents are dropped)
//   journal/<id>/snap/<n>     target n's bytes before the change (absent targets have none)
// Snapshots of files that hold secrets (netrc, private keys) are sealed with a keychain-held
// key (credentials/snapshot-crypto.ts); without a keychain they stay 0600 in a 0700 directory.
import { openSnapshot, sealSnapshot } from './credentials/snapshot-crypto';
import { chmod, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describeStep, type FileState, type Step } from '../common/plan';
import { redactSecrets } from '../common/redact';
import { atomicWrite, sha256Hex } from './atomic-file';

/**
 * preparing: targets named, config locks being taken, nothing touched (recovery drops it);
 * pending: snapshots durable, targets may be changing; applied; rolled-back (failed, put
 * back); recovered (interrupted, put back by recovery); undone (reverted by a later entry).
 */
export type EntryState = 'preparing' | 'pending' | 'applied' | 'rolled-back' | 'recovered' | 'undone';

export interface JournalTarget {
  /** the target as planned (may be a symlink) */
  file: string;
  /** the file actually written, symlinks resolved at apply time */
  realPath: string;
  before: FileState;
  /** snapshot file relative to the entry dir; null when the target did not exist */
  snapshot: string | null;
  /** recorded once the change is applied; what undo compares against */
  after?: FileState;
  /** git's `<file>.lock` we hold while changing this target; recovery removes it only if
   * the lock file names this entry (see file-lock.ts) */
  configLock?: string;
}

export interface JournalEntry {
  version: 1;
  id: string;
  kind: 'apply' | 'undo';
  title: string;
  createdAt: string;
  updatedAt: string;
  state: EntryState;
  /** the process that wrote it, to tell a crash from a change in progress */
  pid: number;
  pidStart?: string;
  planId?: string;
  /** for kind 'undo': the entry it reverts */
  undoOf?: string;
  /** set when this entry was undone */
  undoneBy?: string;
  /** steps without secrets (file-edit content dropped) */
  steps: Step[];
  /** how each step is shown to a person */
  described: string[];
  /** redacted diffs per target */
  diffs: { file: string; diff: string }[];
  targets: JournalTarget[];
  error?: string;
  /** targets put back by rollback or recovery */
  restored?: string[];
}

export const journalRoot = (dataDir: string) => join(dataDir, 'journal');
export const entryDir = (dataDir: string, id: string) => join(journalRoot(dataDir), id);
export const workRoot = (dataDir: string) => join(dataDir, 'work');

/**
 * The data dir (when we create it) and the journal are private (0700): snapshots may hold
 * secrets. An existing data dir is not chmod'ed: ONRAMP_DATA_DIR might name a shared dir.
 */
export async function ensureDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await mkdir(journalRoot(dataDir), { recursive: true, mode: 0o700 });
  await chmod(journalRoot(dataDir), 0o700);
}

/**
 * Steps as stored: a file-edit's content (and its secrets) never reach the journal, and values
 * shaped like credentials (e.g. an http.extraHeader token) are masked. Stored steps are for
 * display only: undo restores snapshots, it never replays steps.
 */
export function stripSecrets(steps: readonly Step[]): Step[] {
  return steps.map((s) => {
    if (s.kind === 'file-edit') return { kind: s.kind, file: s.file, content: '', mode: s.mode };
    return s.value === undefined ? s : { ...s, value: redactSecrets(s.value) };
  });
}

/** How each step is shown in history, credentials masked. */
export function describeSteps(steps: readonly Step[]): string[] {
  return steps.map((s) => redactSecrets(describeStep(s)));
}

/** Writes entry.json atomically (0600) and durably. */
export async function writeEntry(dataDir: string, entry: JournalEntry): Promise<void> {
  entry.updatedAt = new Date().toISOString();
  const dir = entryDir(dataDir, entry.id);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await atomicWrite(join(dir, 'entry.json'), `${JSON.stringify(entry, null, 2)}\n`, {
    mode: 0o600,
    keepExistingMode: false,
    dirMode: 0o700,
  });
}

export async function readEntry(dataDir: string, id: string): Promise<JournalEntry> {
  const text = await readFile(join(entryDir(dataDir, id), 'entry.json'), 'utf8');
  return JSON.parse(text) as JournalEntry;
}

/** Entry ids (sortable), oldest first; `incomplete` are dirs whose entry.json never landed. */
export async function listEntryIds(dataDir: string): Promise<{ ids: string[]; incomplete: string[] }> {
  let names: string[];
  try {
    names = await readdir(journalRoot(dataDir));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ids: [], incomplete: [] };
    throw err;
  }
  const ids: string[] = [];
  const incomplete: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    try {
      await readFile(join(entryDir(dataDir, name), 'entry.json'));
      ids.push(name);
    } catch {
      incomplete.push(name);
    }
  }
  return { ids, incomplete };
}

export async function listEntries(dataDir: string): Promise<JournalEntry[]> {
  const { ids } = await listEntryIds(dataDir);
  return Promise.all(ids.map((id) => readEntry(dataDir, id)));
}

/**
 * Saves target n's before-bytes (0600, fsynced) and checks them back; returns the relative path.
 * Files that hold secrets (netrc, private keys) are sealed with AES-256-GCM under a key kept in
 * the keychain; without a keychain they stay as they are (0600 in a 0700 directory).
 */
export async function writeSnapshot(
  dataDir: string,
  id: string,
  n: number,
  content: Buffer,
  targetFile: string,
): Promise<string> {
  const rel = join('snap', String(n));
  const path = join(entryDir(dataDir, id), rel);
  const sealed = await sealSnapshot(targetFile, content);
  await atomicWrite(path, sealed.data, { mode: 0o600, keepExistingMode: false, dirMode: 0o700 });
  if (sha256Hex(await openSnapshot(await readFile(path))) !== sha256Hex(content))
    throw new Error(`snapshot ${path} did not verify`);
  return rel;
}

export async function readSnapshot(
  dataDir: string,
  id: string,
  target: JournalTarget,
): Promise<Buffer | null> {
  if (target.snapshot === null) return null;
  const content = await openSnapshot(await readFile(join(entryDir(dataDir, id), target.snapshot)));
  if (sha256Hex(content) !== target.before.sha256)
    throw new Error(`snapshot of ${target.file} in journal entry ${id} is damaged`);
  return content;
}

export async function removeEntryDir(dataDir: string, id: string): Promise<void> {
  await rm(entryDir(dataDir, id), { recursive: true, force: true });
}
