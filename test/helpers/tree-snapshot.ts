// sha256 + mode of every file under a directory: proves "nothing written" and "restored".
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      const st = lstatSync(p);
      const key = relative(root, p);
      if (st.isDirectory()) walk(p);
      else if (st.isSymbolicLink()) out[key] = `link:${readlinkSync(p)}`;
      else
        out[key] =
          `${(st.mode & 0o7777).toString(8)}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
    }
  };
  walk(root);
  return out;
}

/** Every file's bytes under root concatenated, for secret scans. */
export function allText(root: string): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) parts.push(readFileSync(p, 'latin1'));
    }
  };
  walk(root);
  return parts.join('\n');
}
