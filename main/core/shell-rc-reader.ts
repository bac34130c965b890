// Reads the shell startup files (read-only) and lists the go/git/TLS/proxy variables they export.
// A terminal sources these and the desktop app usually does not, so what they export explains
// why a setting looks right in Onramp and wrong in `go build` (or the other way round).
import { readFile } from 'node:fs/promises';
import type { ReadProblem } from '../common/read-problem';
import { scanShellExports, shellDialectOf, type ShellExport } from '../common/shell-exports';
import { pathsOf, type Env } from './paths';

// A startup file larger than this is not hand-written; skip it rather than lex megabytes.
const MAX_BYTES = 1 << 20;

export interface ShellRcFile {
  file: string;
  exists: boolean;
}

export interface ShellRcExports {
  files: ShellRcFile[];
  /** in the order of `files`, then file order */
  exports: ShellExport[];
  problems: ReadProblem[];
}

/** Scans pathsOf(env).shellRcFiles (or the given files). Never executes them. */
export async function readShellExports(env: Env, files = pathsOf(env).shellRcFiles): Promise<ShellRcExports> {
  const results = await Promise.all(
    files.map(async (file) => {
      try {
        const buf = await readFile(file);
        if (buf.length > MAX_BYTES) {
          const problem: ReadProblem = {
            severity: 'info',
            code: 'file-unreadable',
            message: `${file} is larger than 1 MiB; Onramp did not scan it for exports.`,
            hint: 'Check it by hand for GO*, GIT_* and proxy exports.',
            file,
          };
          return { file, exists: true, exports: [], problem };
        }
        return {
          file,
          exists: true,
          exports: scanShellExports(buf.toString('utf8'), file, shellDialectOf(file)),
        };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { file, exists: false, exports: [] };
        const problem: ReadProblem = {
          severity: 'info',
          code: 'file-unreadable',
          message: `${file} could not be read (${code ?? 'error'}).`,
          hint: 'Check its permissions; Onramp only reads it.',
          file,
        };
        return { file, exists: true, exports: [], problem };
      }
    }),
  );
  return {
    files: results.map((r) => ({ file: r.file, exists: r.exists })),
    exports: results.flatMap((r) => r.exports),
    problems: results.flatMap((r) => ('problem' in r && r.problem ? [r.problem] : [])),
  };
}
