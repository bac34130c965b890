// The sandbox's names live in a marked block of /etc/hosts. Adding and removing the block keeps
// every other byte of the file; the file is replaced atomically (temp file + rename).
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

export const HOSTS_FILE = '/etc/hosts';
const BEGIN = '# >>> onramp sandbox';
const END = '# <<< onramp sandbox';
// When the file did not end in a newline, the block starts with one and says so, so that
// removing the block gives back the exact bytes.
const ADDED_NEWLINE = ' (+newline)';

export interface HostsEntry {
  address: string;
  names: string[];
}

/** The text with no sandbox block. */
export function withoutBlock(text: string): string {
  const start = text.indexOf(BEGIN);
  if (start < 0) return text;
  const endMark = text.indexOf(END, start);
  if (endMark < 0) return text; // a half block is not ours to guess at
  let end = endMark + END.length;
  if (text[end] === '\n') end++;
  const addedNewline = text.startsWith(BEGIN + ADDED_NEWLINE, start);
  const from = addedNewline && start > 0 && text[start - 1] === '\n' ? start - 1 : start;
  return text.slice(0, from) + text.slice(end);
}

/** The text with exactly one sandbox block, at the end. `owner` is recorded as a comment. */
export function withBlock(text: string, entries: HostsEntry[], owner: string): string {
  const base = withoutBlock(text);
  const needsNewline = base.length > 0 && !base.endsWith('\n');
  const lines = [
    (needsNewline ? '\n' : '') + BEGIN + (needsNewline ? ADDED_NEWLINE : ''),
    `# run dir: ${owner} (removed by: node bin/run-ts.mjs test/sandbox/cli.ts down)`,
    ...entries.map((e) => `${e.address}\t${e.names.join(' ')}`),
    END,
  ];
  return base + lines.join('\n') + '\n';
}

/** The run dir recorded in the block, if there is a block. */
export function blockOwner(text: string): string | undefined {
  const start = text.indexOf(BEGIN);
  if (start < 0) return undefined;
  return /^# run dir: (.*) \(removed by: .*\)$/m.exec(text.slice(start))?.[1];
}

export function readHostsFile(file = HOSTS_FILE): string {
  return readFileSync(file, 'utf8');
}

function writeAtomically(file: string, text: string): void {
  if (readFileSync(file, 'utf8') === text) return;
  const mode = statSync(file).mode & 0o7777;
  const tmp = `${file}.onramp-sandbox.tmp`;
  writeFileSync(tmp, text, { mode });
  chmodSync(tmp, mode);
  try {
    renameSync(tmp, file);
  } catch (err) {
    // /etc/hosts bind-mounted (containers) cannot be renamed over: write in place instead.
    const code = (err as NodeJS.ErrnoException).code;
    rmSync(tmp, { force: true });
    if (code !== 'EBUSY' && code !== 'EXDEV' && code !== 'EPERM') throw err;
    writeFileSync(file, text);
  }
}

export function addHostsBlock(entries: HostsEntry[], owner: string, file = HOSTS_FILE): void {
  writeAtomically(file, withBlock(readHostsFile(file), entries, owner));
}

export function removeHostsBlock(file = HOSTS_FILE): void {
  writeAtomically(file, withoutBlock(readHostsFile(file)));
}

export function hasHostsBlock(file = HOSTS_FILE): boolean {
  return readHostsFile(file).includes(BEGIN);
}
