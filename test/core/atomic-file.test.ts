import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  atomicWrite,
  isTempNameFor,
  readFileState,
  removeFile,
  resolveTarget,
  sha256Hex,
} from '../../main/core/atomic-file';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let t: TempHome;
let savedUmask: number;
beforeEach(() => {
  t = makeTempHome();
  savedUmask = process.umask();
});
afterEach(() => {
  process.umask(savedUmask);
  t.cleanup();
});

const modeOf = (p: string) => statSync(p).mode & 0o7777;

describe('readFileState', () => {
  it('reports absent files, and bytes, sha256 and mode of present ones', async () => {
    const p = join(t.home, 'f');
    expect(await readFileState(p)).toMatchObject({ exists: false, sha256: '', mode: 0 });
    writeFileSync(p, 'hello\n', { mode: 0o640 });
    const s = await readFileState(p);
    expect(s).toMatchObject({ exists: true, sha256: sha256Hex('hello\n'), mode: 0o640 });
    expect(s.content.toString()).toBe('hello\n');
  });

  it('follows symlinks, and treats a dangling one as absent', async () => {
    mkdirSync(join(t.home, 'dots'));
    writeFileSync(join(t.home, 'dots', 'gc'), 'x', { mode: 0o600 });
    symlinkSync('dots/gc', join(t.home, '.gitconfig'));
    expect(await readFileState(join(t.home, '.gitconfig'))).toMatchObject({ exists: true, mode: 0o600 });
    symlinkSync('dots/missing', join(t.home, 'dangling'));
    expect((await readFileState(join(t.home, 'dangling'))).exists).toBe(false);
    expect(await resolveTarget(join(t.home, 'dangling'))).toBe(join(t.home, 'dots', 'missing'));
  });
});

describe('atomicWrite', () => {
  it('creates a 0600 file that is 0600 from the moment it exists, whatever the umask', async () => {
    process.umask(0);
    const p = join(t.home, '.netrc');
    const seen: number[] = [];
    await atomicWrite(p, 'machine h login l password p\n', {
      mode: 0o600,
      afterOpen: (tmp) => void seen.push(modeOf(tmp)),
      beforeRename: (tmp) => void seen.push(modeOf(tmp)),
    });
    expect(seen).toEqual([0o600, 0o600]);
    expect(modeOf(p)).toBe(0o600);
  });

  it('sets the exact mode even when the umask would strip bits (fchmod)', async () => {
    process.umask(0o077);
    const p = join(t.home, 'plain');
    await atomicWrite(p, 'x', { mode: 0o644 });
    expect(modeOf(p)).toBe(0o644);
  });

  it('preserves an existing file mode unless told otherwise', async () => {
    const p = join(t.home, '.gitconfig');
    writeFileSync(p, 'old', { mode: 0o600 });
    await atomicWrite(p, 'new', { mode: 0o644 });
    expect(modeOf(p)).toBe(0o600);
    expect(readFileSync(p, 'utf8')).toBe('new');
    await atomicWrite(p, 'newer', { mode: 0o640, keepExistingMode: false });
    expect(modeOf(p)).toBe(0o640);
  });

  it('writes through a symlink to its target and keeps the link', async () => {
    mkdirSync(join(t.home, 'dots'));
    writeFileSync(join(t.home, 'dots', 'gc'), 'old', { mode: 0o600 });
    const link = join(t.home, '.gitconfig');
    symlinkSync('dots/gc', link);
    await atomicWrite(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('dots/gc');
    expect(readFileSync(join(t.home, 'dots', 'gc'), 'utf8')).toBe('new');
    expect(modeOf(join(t.home, 'dots', 'gc'))).toBe(0o600);
  });

  it("creates a dangling symlink's target and keeps the link", async () => {
    const link = join(t.home, '.netrc');
    symlinkSync('secrets/netrc', link);
    await atomicWrite(link, 'x', { mode: 0o600 });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(t.home, 'secrets', 'netrc'), 'utf8')).toBe('x');
    // the private file's new parent directory is private too
    expect(modeOf(join(t.home, 'secrets'))).toBe(0o700);
  });

  it('creates ~/.ssh as 0700 and ordinary parents as 0755', async () => {
    process.umask(0o022);
    await atomicWrite(join(t.home, '.ssh', 'config'), 'Host x\n', { mode: 0o644 });
    expect(modeOf(join(t.home, '.ssh'))).toBe(0o700);
    await atomicWrite(join(t.home, '.config', 'go', 'env'), 'GOPRIVATE=x\n');
    expect(modeOf(join(t.home, '.config', 'go'))).toBe(0o755);
  });

  it('uses a recognisable temp file in the same directory and leaves none behind', async () => {
    const p = join(t.home, '.gitconfig');
    let temp = '';
    await atomicWrite(p, 'x', { beforeRename: (tmp) => void (temp = tmp) });
    expect(dirname(temp)).toBe(t.home);
    expect(isTempNameFor(temp.slice(t.home.length + 1), '.gitconfig', process.pid)).toBe(true);
    expect(readdirSync(t.home).filter((n) => n.includes('onramp-tmp'))).toEqual([]);
  });

  it('leaves the target untouched and no temp file when the write fails before the rename', async () => {
    const p = join(t.home, '.gitconfig');
    writeFileSync(p, 'old');
    const fail = () => {
      throw new Error('boom');
    };
    await expect(atomicWrite(p, 'new', { beforeRename: fail })).rejects.toThrow('boom');
    expect(readFileSync(p, 'utf8')).toBe('old');
    expect(readdirSync(t.home).filter((n) => n.includes('onramp-tmp'))).toEqual([]);
  });
});

describe('removeFile', () => {
  it('removes the target of a symlink and keeps the link', async () => {
    writeFileSync(join(t.home, 'target'), 'x');
    symlinkSync('target', join(t.home, 'link'));
    await removeFile(join(t.home, 'link'));
    expect(lstatSync(join(t.home, 'link')).isSymbolicLink()).toBe(true);
    expect((await readFileState(join(t.home, 'link'))).exists).toBe(false);
    await removeFile(join(t.home, 'link')); // already gone: no error
  });
});
