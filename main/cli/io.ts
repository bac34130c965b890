// What a CLI command may touch: its environment, its output streams and stdin. Tests run the
// CLI in-process with their own io; bin/onramp.mjs wires the real process.
import type { Env } from '../core/paths';
import { toErrorData, type ErrorData } from '../common/errors';

export interface CliIo {
  env: Env;
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}

export function processIo(): CliIo {
  return {
    env: { ...process.env },
    cwd: process.cwd(),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readStdin: async () => {
      if (process.stdin.isTTY) return '';
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}

/** Prints an error as a person reads it, or as JSON `{ok:false,error}` with --json. */
export function printError(io: CliIo, err: unknown, json: boolean): ErrorData {
  const data = toErrorData(err);
  if (json) printJson(io, { ok: false, error: data });
  else {
    io.err(`onramp: ${data.message}\n`);
    if (data.hint) io.err(`  hint: ${data.hint}\n`);
  }
  return data;
}

export function exitCodeFor(data: ErrorData): number {
  return data.code === 'usage' ? 2 : 1;
}
