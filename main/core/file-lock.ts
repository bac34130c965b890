// Two locks, both O_EXCL lock files. The apply lock (dataDir/apply.lock) makes one Onramp
// process at a time change the machine; it names its owner so a lock left by a killed process
// is taken over. The config lock is git's own protocol (`<file>.lock`, created exclusively,
// https://git-scm.com/docs/api-lockfile): holding it keeps every `git config` writer out while
// we change a git config file, and a held one means another writer is busy right now.
import { constants, readFileSync } from 'node:fs';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';
import { OnrampError } from '../common/errors';
import { fsyncDir, tempNameFor } from './atomic-file';

export interface HeldLock {
  path: string;
  /** inode of the lock file we created, to tell ours from a later one at the same path */
  ino: number;
  release(): Promise<void>;
}

export interface LockOwner {
  pid: number;
  /** for config locks: the journal entry that took it */
  entry?: string;
  /** process start time (Linux /proc), so a reused pid is not mistaken for the owner */
  start?: string;
  host: string;
  since: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fields 3.. of /proc/<pid>/stat, when the platform has it. */
function procStat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: split after the last ')'.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Start time of a process (field 22 of /proc/<pid>/stat), to tell a reused pid apart. */
export function processStart(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

export function isProcessAlive(pid: number, start?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  if (stat === undefined) return true; // no /proc: trust kill(pid, 0)
  // A killed process whose parent has not reaped it yet is a zombie: dead for our purposes.
  if (stat[0] === 'Z' || stat[0] === 'X') return false;
  return start === undefined || stat[19] === start;
}

export function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    start: processStart(process.pid),
    host: hostname(),
    since: new Date().toISOString(),
  };
}

/**
 * Creates `path` exclusively, already holding `content`: the content goes to a temp file that is
 * then hard-linked to `path` (link(2) fails if `path` exists), so a lock file is never seen
 * empty, even if we are killed mid-way. Filesystems without hard links fall back to O_EXCL.
 */
async function createExclusive(path: string, content: string, mode: number): Promise<HeldLock | undefined> {
  const dir = dirname(path);
  const temp = join(dir, tempNameFor(basename(path)));
  const fh = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  let ino: number;
  try {
    await fh.writeFile(content);
    await fh.sync();
    ino = (await fh.stat()).ino;
  } finally {
    await fh.close();
  }
  try {
    await link(temp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return undefined;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
    ino = await createWithExcl(path, content, mode);
    if (ino < 0) return undefined;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await fsyncDir(dir);
  return { path, ino, release: () => releaseLock(path, ino) };
}

async function createWithExcl(path: string, content: string, mode: number): Promise<number> {
  let fh;
  try {
    fh = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return -1;
    throw err;
  }
  try {
    await fh.writeFile(content);
    await fh.sync();
    return (await fh.stat()).ino;
  } finally {
    await fh.close();
  }
}

/** Removes the lock file only if it is still the one we created. */
export async function releaseLock(path: string, ino: number): Promise<void> {
  try {
    if ((await stat(path)).ino !== ino) return;
    await unlink(path);
    await fsyncDir(dirname(path));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * Takes git's `<file>.lock` for a config file, retrying with backoff for about `waitMs`
 * (git itself fails at once; another writer normally holds it for milliseconds).
 */
export async function acquireConfigLock(file: string, entry: string, waitMs = 2000): Promise<HeldLock> {
  const path = `${file}.lock`;
  await mkdir(dirname(file), { recursive: true, mode: 0o755 });
  // git never reads a lock it did not create, so ours can say whose it is: recovery removes
  // a config lock only when it names the interrupted journal entry.
  const owner = JSON.stringify({ ...currentOwner(), entry });
  const deadline = Date.now() + waitMs;
  for (let delay = 25; ; delay = Math.min(delay * 2, 400)) {
    const lock = await createExclusive(path, owner, 0o600);
    if (lock) return lock;
    if (Date.now() >= deadline)
      throw new OnrampError({
        code: 'lock-busy',
        message: `${file} is locked by another program (${path} exists)`,
        hint: `Another git command may be writing it. If none is running, delete ${path} and retry.`,
        file,
      });
    await sleep(Math.min(delay, Math.max(1, deadline - Date.now())));
  }
}

export interface ApplyLock {
  lock: HeldLock;
  /** set when a lock left by a dead process was taken over */
  tookOverFrom?: LockOwner;
}

/** The owner a lock file names, or undefined (absent, or not one of ours). */
export async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    return typeof owner?.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes dataDir/apply.lock. A live owner makes us wait up to `waitMs`, then fail with
 * lock-busy. A dead owner's lock is taken over under a short-lived guard lock, so two
 * processes taking over at once cannot both win.
 */
export async function acquireApplyLock(dataDir: string, waitMs = 2000): Promise<ApplyLock> {
  const path = join(dataDir, 'apply.lock');
  const guardPath = `${path}.takeover`;
  const deadline = Date.now() + waitMs;
  for (let delay = 25; ; delay = Math.min(delay * 2, 400)) {
    const lock = await createExclusive(path, JSON.stringify(currentOwner()), 0o600);
    if (lock) return { lock };
    const owner = await readOwner(path);
    const stale = owner !== undefined && owner.host === hostname() && !isProcessAlive(owner.pid, owner.start);
    if (stale) {
      const taken = await takeOver(path, guardPath, owner);
      if (taken) return { lock: taken, tookOverFrom: owner };
      continue;
    }
    if (owner === undefined) await removeIfOldAndEmpty(path);
    if (Date.now() >= deadline)
      throw new OnrampError({
        code: 'lock-busy',
        message: owner
          ? `another Onramp process (pid ${owner.pid}) is changing this machine`
          : `another Onramp process is changing this machine (${path})`,
        hint: 'Wait for it to finish, then try again.',
        file: path,
      });
    await sleep(delay);
  }
}

async function takeOver(path: string, guardPath: string, stale: LockOwner): Promise<HeldLock | undefined> {
  const guard = await createExclusive(guardPath, JSON.stringify(currentOwner()), 0o600);
  if (!guard) {
    // The guard is held for microseconds; one older than 10 s was left by a killed process.
    await removeIfOlder(guardPath, 10_000);
    return undefined;
  }
  try {
    const again = await readOwner(path);
    if (!again || again.pid !== stale.pid || again.since !== stale.since) return undefined;
    await unlink(path);
    return await createExclusive(path, JSON.stringify(currentOwner()), 0o600);
  } finally {
    await guard.release();
  }
}

async function removeIfOlder(path: string, ageMs: number): Promise<void> {
  try {
    if (Date.now() - (await stat(path)).mtimeMs > ageMs) await unlink(path);
  } catch {
    /* gone already */
  }
}

/** A lock file that stays empty/unparseable for seconds was left by a process killed mid-create. */
async function removeIfOldAndEmpty(path: string): Promise<void> {
  try {
    const st = await stat(path);
    if (Date.now() - st.mtimeMs > 10_000 && (await readOwner(path)) === undefined) await unlink(path);
  } catch {
    /* gone already */
  }
}
