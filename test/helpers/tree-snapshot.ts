// sha256 + mode of every file under a directory: proves "nothing written" and "restored".
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';

/** Calls visit for every file and symlink below root (a missing root has none). */
export function walkFiles(root: string, visit: (path: string, st: Stats) => void): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(root, name);
    const st = lstatSync(p);
    if (st.isDirectory()) walkFiles(p, visit);
    else visit(p, st);
  }
}

export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  walkFiles(root, (p, st) => {
    out[relative(root, p)] = st.isSymbolicLink()
      ? `link:${readlinkSync(p)}`
      : `${(st.mode & 0o7777).toString(8)}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
  });
  return out;
}

/** Every file's bytes under root concatenated, for secret scans. */
export function allText(root: string): string {
  const parts: string[] = [];
  walkFiles(root, (p, st) => {
    if (st.isFile()) parts.push(readFileSync(p, 'latin1'));
  });
  return parts.join('\n');
}
