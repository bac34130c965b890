// Reading and replacing a user's dotfile without ever leaving it half-written or briefly
// readable by others. The write goes to a temp file in the same directory (so rename(2) is an
// atomic replace on the same filesystem), created with the final mode and fchmod'ed (umask
// can only remove bits, fchmod also restores them), fsynced, renamed over the target, and the
// directory is fsynced so the rename itself survives a power cut.
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { FileState } from '../common/plan';

/** A file's state plus its bytes (empty when absent). */
export interface FileSnapshot extends FileState {
  content: Buffer;
}

export interface AtomicWriteOptions {
  /** mode for a file that does not exist yet; default 0o644 */
  mode?: number;
  /** keep the mode of an existing file (default true); false forces `mode` */
  keepExistingMode?: boolean;
  /** mode for parent directories we create; default 0o700 for private files and .ssh, else 0o755 */
  dirMode?: number;
  /** called after the temp file is created, before anything is written (tests check its mode) */
  afterOpen?: (tempPath: string) => void | Promise<void>;
  /** called after the temp file is durable, right before the rename (fault injection) */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

const TEMP_MARK = '.onramp-tmp-';

/** `.<name>.onramp-tmp-<pid>-<rand>`: recognisable, so recovery can remove stale ones. */
export function tempNameFor(name: string, pid: number = process.pid): string {
  return `.${name}${TEMP_MARK}${pid}-${randomBytes(4).toString('hex')}`;
}

/** Whether `entry` is one of our temp files for `name` (optionally written by `pid`). */
export function isTempNameFor(entry: string, name: string, pid?: number): boolean {
  const prefix = `.${name}${TEMP_MARK}`;
  if (!entry.startsWith(prefix)) return false;
  return pid === undefined || entry.slice(prefix.length).startsWith(`${pid}-`);
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

const isMissing = (err: unknown) => {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

/**
 * The file a write to `path` must replace: symlinks are followed (a symlinked ~/.gitconfig is
 * edited where it lives and the link stays), including a dangling link, whose target is where
 * the new file goes.
 */
export async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let isLink = false;
    try {
      isLink = (await lstat(current)).isSymbolicLink();
    } catch (err) {
      if (isMissing(err)) return current;
      throw err;
    }
    if (!isLink) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${path}`), { code: 'ELOOP' });
}

/** The bytes, sha256 and mode of the file `path` names (following symlinks). */
export async function readFileState(path: string): Promise<FileSnapshot> {
  const target = await resolveTarget(path);
  let fh;
  try {
    // stat first: opening a FIFO for reading would block.
    if (!(await stat(target)).isFile()) throw new Error(`${path} is not a regular file`);
    fh = await open(target, 'r');
  } catch (err) {
    if (isMissing(err)) return { exists: false, sha256: '', mode: 0, content: Buffer.alloc(0) };
    throw err;
  }
  try {
    const st = await fh.stat();
    const content = await fh.readFile();
    return { exists: true, sha256: sha256Hex(content), mode: st.mode & 0o7777, content };
  } finally {
    await fh.close();
  }
}

export function sameFileState(a: FileState, b: FileState): boolean {
  if (a.exists !== b.exists) return false;
  return !a.exists || (a.sha256 === b.sha256 && a.mode === b.mode);
}

/** fsync a directory so a rename or unlink in it is durable. No-op where unsupported. */
export async function fsyncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (err) {
    // Windows cannot open a directory this way; it has no directory fsync to do.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw err;
  } finally {
    await fh?.close();
  }
}

function defaultDirMode(dir: string, fileMode: number): number {
  return (fileMode & 0o077) === 0 || basename(dir) === '.ssh' ? 0o700 : 0o755;
}

/** Replaces the file `path` names (through symlinks) with `data`, atomically. */
export async function atomicWrite(
  path: string,
  data: Buffer | string,
  opts: AtomicWriteOptions = {},
): Promise<{ path: string; mode: number }> {
  const target = await resolveTarget(path);
  const dir = dirname(target);
  let existing: { mode: number; uid: number; gid: number } | undefined;
  try {
    const st = await stat(target);
    existing = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
  const mode = existing && opts.keepExistingMode !== false ? existing.mode : (opts.mode ?? 0o644);
  await mkdir(dir, { recursive: true, mode: opts.dirMode ?? defaultDirMode(dir, mode) });
  const tempPath = join(dir, tempNameFor(basename(target)));
  // O_EXCL: never reuse or follow someone else's file; the mode applies from creation on.
  const fh = await open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode & 0o777);
  try {
    try {
      await opts.afterOpen?.(tempPath);
      await fh.chmod(mode);
      // Running as root (sudo) must not hand the user's dotfile to root.
      if (existing && process.getuid?.() === 0) await fh.chown(existing.uid, existing.gid);
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await opts.beforeRename?.(tempPath);
    await rename(tempPath, target);
  } catch (err) {
    await unlink(tempPath).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
  return { path: target, mode };
}

/** Removes the file `path` names (through symlinks; the link itself stays) durably. */
export async function removeFile(path: string): Promise<void> {
  const target = await resolveTarget(path);
  try {
    await unlink(target);
  } catch (err) {
    if (isMissing(err)) return;
    throw err;
  }
  await fsyncDir(dirname(target));
}
