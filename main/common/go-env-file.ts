// The go env file (`go env GOENV`, e.g. ~/.config/go/env), read exactly as go 1.19's
// cmd/go/internal/cfg.initEnvCache reads it (go 1.21+ moved the loop to readEnvFile, same
// rules): split on '\n' only; a line without '=' or whose first byte is not A-Z is skipped
// silently; KEY is everything before the first '=' and VALUE everything after, nothing
// trimmed (a CRLF file leaves '\r' in every value); the last duplicate wins; a key go does
// not know is stored and never read. go never rejects the file, so nothing here is fatal:
// the problems below are lines go ignores, or reads differently than their author meant.

import { parseError } from './errors';
import { checkGoEnvValue } from './go-env-values';
import { goVarInfo, suggestGoVar } from './go-vars';

export interface GoEnvFileEntry {
  key: string;
  value: string;
  /** 1-based line number. */
  line: number;
}

export interface GoEnvFileProblem {
  severity: 'error' | 'warning';
  /** "file:line: …", as parseError formats it. */
  message: string;
  hint?: string;
  file: string;
  line: number;
}

export type IgnoredReason = 'blank' | 'comment' | 'no-equals' | 'not-a-key';

export interface GoEnvFile {
  /** Every line go stores, in file order (duplicates included). */
  entries: GoEnvFileEntry[];
  /** What go ends up with: the last entry of each key. */
  values: Record<string, string>;
  /** Lines go skips, and why. */
  ignored: { line: number; reason: IgnoredReason }[];
  problems: GoEnvFileProblem[];
}

/** Parse a go env file. Pure: the caller reads the file. */
export function parseGoEnvFile(text: string, fileName: string, opts: { windows?: boolean } = {}): GoEnvFile {
  const result: GoEnvFile = { entries: [], values: {}, ignored: [], problems: [] };
  const problem = (severity: 'error' | 'warning', line: number, message: string, hint?: string) => {
    const d = parseError(fileName, line, message, hint).toData();
    result.problems.push({ severity, message: d.message, hint: d.hint, file: fileName, line });
  };
  const lines = text.split('\n');
  // go's loop ends when the data runs out, so a final newline does not make an extra line.
  if (lines[lines.length - 1] === '') lines.pop();
  const lastLine = new Map<string, number>();

  lines.forEach((text, i) => {
    const line = i + 1;
    const eq = text.indexOf('=');
    const first = text.charCodeAt(0);
    if (eq < 0 || !(first >= 0x41 && first <= 0x5a)) {
      const reason = ignoredReason(text, eq);
      result.ignored.push({ line, reason });
      explainIgnored(text, line, i === 0, problem);
      return;
    }
    const key = text.slice(0, eq);
    const value = text.slice(eq + 1);
    result.entries.push({ key, value, line });
    result.values[key] = value;
    const previous = lastLine.get(key);
    if (previous !== undefined) {
      problem(
        'warning',
        previous,
        `${key} is set again on line ${line}, which wins.`,
        'go env -w deletes the earlier line; remove it.',
      );
    }
    lastLine.set(key, line);
    checkKey(key, line, problem);
    for (const p of checkGoEnvValue(key, value, opts)) problem(p.severity, line, p.message, p.hint);
  });
  return result;
}

type Report = (severity: 'error' | 'warning', line: number, message: string, hint?: string) => void;

function ignoredReason(text: string, eq: number): IgnoredReason {
  if (text.trim() === '') return 'blank';
  if (text.trimStart().startsWith('#')) return 'comment';
  return eq < 0 ? 'no-equals' : 'not-a-key';
}

// A skipped line is a problem only when it looks like an attempt to set a variable.
function explainIgnored(text: string, line: number, firstLine: boolean, report: Report): void {
  const t = text.trim();
  if (t === '' || t.startsWith('#')) return;
  if (firstLine && text.startsWith('\uFEFF')) {
    report(
      'error',
      line,
      'go ignores this line: the file starts with a byte-order mark.',
      'Save the file as UTF-8 without BOM.',
    );
    return;
  }
  const m = /^(?:export\s+|set\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(=|:|\s)?/.exec(t);
  const name = m?.[1] ?? '';
  const meant = goVarInfo(name.toUpperCase()) ? name.toUpperCase() : suggestGoVar(name);
  const where = meant ?? (/^C?GO/i.test(name) ? name : undefined);
  if (where === undefined) {
    const why = text.includes('=') ? 'a key must start with a letter A-Z' : 'it has no "="';
    report('warning', line, `go ignores this line: ${why}.`);
    return;
  }
  const fix = `Write ${meant ?? name}=VALUE at the start of the line (no export, spaces or quotes), or use go env -w.`;
  const why = text.includes('=') ? 'the line must start with the key' : 'it has no "="';
  report('error', line, `go ignores this line, so ${where} is not set here: ${why}.`, fix);
}

function checkKey(key: string, line: number, report: Report): void {
  const info = goVarInfo(key);
  if (info === undefined) {
    const trimmed = key.trim();
    const meant = goVarInfo(trimmed) ? trimmed : suggestGoVar(key);
    if (meant !== undefined) {
      report(
        'error',
        line,
        `go does not know ${JSON.stringify(key)}, so this line has no effect.`,
        `Did you mean ${meant}?`,
      );
    } else if (/^C?GO/.test(key)) {
      report('warning', line, `${key} is not a go variable; go ignores it.`);
    } else {
      report(
        'warning',
        line,
        `${key} is not a go variable; go ignores it (the go env file is not a shell profile).`,
      );
    }
    return;
  }
  if (info.kind === 'os-only') {
    report(
      'warning',
      line,
      `${key} has no effect in the go env file; go reads it only from the OS environment.`,
    );
  } else if (info.kind === 'runtime') {
    report(
      'warning',
      line,
      `${key} is read by Go programs from the OS environment, not from the go env file.`,
    );
  } else if (info.kind === 'computed' || info.kind === 'build') {
    report(
      'warning',
      line,
      `${key} is computed by go (or used only to build Go); setting it here has no effect.`,
    );
  }
}
