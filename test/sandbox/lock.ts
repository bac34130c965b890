// Test files run in parallel processes: one lock file serialises start and stop, and a lease
// file per process records who is using the sandbox, so a test that stops it can first make sure
// nobody else is mid-test.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds `file` (O_EXCL) while `fn` runs; takes over a lock whose owner is dead. */
export async function withLock<T>(file: string, fn: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  mkdirSync(dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(readFileSync(file, 'utf8').trim());
      } catch {
        continue; // removed in between
      }
      if (owner === process.pid) throw new Error(`sandbox lock ${file} is already held by this process`);
      if (!pidAlive(owner)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`sandbox lock ${file} held by pid ${owner} for too long`);
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(file, { force: true });
  }
}

export function addLease(dir: string, pid = process.pid): void {
  mkdirSync(dir, { recursive: true });
  closeSync(openSync(join(dir, String(pid)), 'w'));
}

export function dropLease(dir: string, pid = process.pid): void {
  rmSync(join(dir, String(pid)), { force: true });
}

/** Live processes other than this one holding a lease; dead ones' leases are removed. */
export function otherLeaseHolders(dir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const n of names) {
    const pid = Number(n);
    if (pid === process.pid) continue;
    if (pidAlive(pid)) out.push(pid);
    else rmSync(join(dir, n), { force: true });
  }
  return out;
}
