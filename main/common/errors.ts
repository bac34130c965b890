// Errors cross every boundary (CLI, IPC, WebSocket) as data with a stable code, because
// Electron keeps only `message` of a thrown error. Messages must never contain a secret.

export const errorCodes = [
  'usage', // bad CLI arguments or contract input (CLI exit code 2)
  'parse', // a file could not be parsed (names file and line)
  'invalid-input', // a value is not acceptable (token with whitespace, bad pattern…)
  'changed-since-plan', // a target file changed between plan and apply
  'changed-since-apply', // undo target changed after apply (needs --force)
  'lock-busy', // another writer holds a lock (config.lock, our own apply lock)
  'tool-missing', // go / git / ssh not found
  'tool-failed', // a tool exited non-zero
  'timeout',
  'not-found',
  'io',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
}

export class OnrampError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly file?: string;
  readonly line?: number;

  constructor(data: ErrorData) {
    super(data.message);
    this.name = 'OnrampError';
    this.code = data.code;
    this.hint = data.hint;
    this.file = data.file;
    this.line = data.line;
  }

  toData(): ErrorData {
    const d: ErrorData = { code: this.code, message: this.message };
    if (this.hint !== undefined) d.hint = this.hint;
    if (this.file !== undefined) d.file = this.file;
    if (this.line !== undefined) d.line = this.line;
    return d;
  }
}

/** A parse error that names the file and the 1-based line. */
export function parseError(file: string, line: number, message: string, hint?: string): OnrampError {
  return new OnrampError({ code: 'parse', message: `${file}:${line}: ${message}`, file, line, hint });
}

export function usageError(message: string, hint?: string): OnrampError {
  return new OnrampError({ code: 'usage', message, hint });
}

export function toErrorData(err: unknown): ErrorData {
  if (err instanceof OnrampError) return err.toData();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
