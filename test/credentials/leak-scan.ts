// Looks for secret strings where they must not be: files (recursively), captured output, and the
// command lines of every process on the machine, sampled while the app runs.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Hit {
  where: string;
  secret: string;
}

const MAX_FILE = 8 * 1024 * 1024;

/** Every regular file under `root` (symlinks not followed) modified at or after `since`. */
export function filesUnder(root: string, since = 0): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.size <= MAX_FILE && st.mtimeMs >= since) out.push(p);
    }
  };
  walk(root);
  return out;
}

export function scanFiles(files: readonly string[], secrets: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (const f of files) {
    let data: Buffer;
    try {
      data = readFileSync(f);
    } catch {
      continue;
    }
    for (const s of secrets) if (data.includes(s)) hits.push({ where: f, secret: s });
  }
  return hits;
}

export function scanText(label: string, text: string, secrets: readonly string[]): Hit[] {
  return secrets.filter((s) => text.includes(s)).map((secret) => ({ where: label, secret }));
}

/** Samples /proc/<pid>/cmdline of every process every `ms` until stopped. */
export function startProcessSampler(secrets: readonly string[], ms = 5) {
  const hits: Hit[] = [];
  const seen = new Set<string>();
  let samples = 0;
  const sample = () => {
    samples++;
    let pids: string[];
    try {
      pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
    } catch {
      return;
    }
    for (const pid of pids) {
      let cmd: string;
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        continue;
      }
      seen.add(`${pid}:${cmd.slice(0, 80)}`);
      for (const s of secrets)
        if (cmd.includes(s)) hits.push({ where: `pid ${pid}: ${cmd.slice(0, 60)}…`, secret: s });
    }
  };
  const timer = setInterval(sample, ms);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { hits, samples, processesSeen: seen.size };
    },
  };
}
