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
  /** asks on the terminal; `secret` input is not echoed. Absent when stdin is not a TTY. */
  ask?(question: string, secret: boolean): Promise<string>;
}

/** Reads one line from a TTY in raw mode, echoing nothing for secrets (not even '*'). */
function askTty(question: string, secret: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') {
          value += ch;
          if (!secret) process.stderr.write(ch);
        }
      }
    };
    stdin.on('data', onData);
  });
}

export function processIo(): CliIo {
  return {
    env: { ...process.env },
    cwd: process.cwd(),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    ask: process.stdin.isTTY ? askTty : undefined,
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
