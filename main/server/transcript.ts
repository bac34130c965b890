// A redacted record of one terminal session, for the user to read back later or attach to a bug
// report. Lines are redacted whole (lineRedactor), which also catches secret shapes a chunk
// boundary split in the live stream. The file is private (0600, in a 0700 folder), and a
// line without a newline is flushed once it grows large so memory stays bounded.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lineRedactor } from '../common/redact';

const MAX_PENDING = 256 * 1024;

export interface Transcript {
  readonly path: string;
  write(rawChunk: string): void;
  close(): Promise<void>;
}

let sequence = 0;

export async function openTranscript(dataDir: string, secrets: readonly string[]): Promise<Transcript> {
  const dir = join(dataDir, 'transcripts');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = join(dir, `${stamp}-${process.pid}-${++sequence}.log`);
  const out: WriteStream = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  // An open error (disk full, permissions) must not take the terminal down with it.
  let failed = false;
  out.on('error', () => {
    failed = true;
  });
  const redactor = lineRedactor(secrets);
  let pending = 0;
  const put = (lines: string[]) => {
    if (!failed && lines.length > 0) out.write(lines.join('\n') + '\n');
  };
  return {
    path,
    write(raw) {
      const nl = raw.lastIndexOf('\n');
      pending = nl === -1 ? pending + raw.length : raw.length - nl - 1;
      put(redactor.push(raw));
      if (pending > MAX_PENDING) {
        put(redactor.flush());
        pending = 0;
      }
    },
    close() {
      put(redactor.flush());
      return new Promise((resolve) => (failed ? resolve() : out.end(() => resolve())));
    },
  };
}
