// A read-only lexer for shell startup files (sh/bash/zsh and fish). It splits text into words
// and control operators the way the shell would before expansion, so a scanner can find
// `export GOPRIVATE=…` without ever running the file. It never expands anything: it only notes
// where an expansion would happen (`$VAR`, `$(…)`, backticks, fish `(…)`), because what a
// startup file computes at login is not knowable statically.

export type ShellDialect = 'posix' | 'fish';

export interface ShellWord {
  kind: 'word';
  /** the word exactly as written (continuations removed) */
  raw: string;
  /** quotes and escapes removed, nothing expanded */
  value: string;
  /** contains an unquoted or double-quoted expansion */
  dynamic: boolean;
  /** start offset in the source text, and its 1-based line */
  start: number;
  end: number;
  line: number;
}

export interface ShellOp {
  kind: 'op';
  /** '\n', ';', ';;', '&', '&&', '|', '||', '(', ')', '<', '>', '<<', '<<-', … */
  op: string;
  start: number;
  line: number;
}

export type ShellToken = ShellWord | ShellOp;

// The escapes of bash's $'…' that appear in practice; others are kept as written.
const ANSI_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  e: '\x1b',
  a: '\x07',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

const OPS = ['<<-', ';;', '&&', '||', '<<', '>>', '>&', '<&', '&>', ';', '&', '|', '(', ')', '<', '>'];

class Cursor {
  pos = 0;
  line = 1;
  constructor(readonly text: string) {}
  peek(n = 0): string {
    return this.text.charAt(this.pos + n);
  }
  next(): string {
    const c = this.text.charAt(this.pos++);
    if (c === '\n') this.line++;
    return c;
  }
  done(): boolean {
    return this.pos >= this.text.length;
  }
}

/** Consumes a balanced `(…)` or `{…}` group starting at the opener; returns the raw text. */
function readGroup(cur: Cursor, open: string, close: string): string {
  let depth = 0;
  let raw = '';
  while (!cur.done()) {
    const c = cur.next();
    raw += c;
    if (c === '\\' && !cur.done()) raw += cur.next();
    else if (c === "'" || c === '"') {
      while (!cur.done() && cur.peek() !== c) {
        if (cur.peek() === '\\' && c === '"') raw += cur.next();
        raw += cur.next();
      }
      if (!cur.done()) raw += cur.next();
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) break;
  }
  return raw;
}

/** Reads `$…` at the cursor (posix and fish); returns raw text and whether it expands. */
function readDollar(cur: Cursor, dialect: ShellDialect): { raw: string; dynamic: boolean } {
  cur.next(); // '$'
  const c = cur.peek();
  if (c === '(') return { raw: '$' + readGroup(cur, '(', ')'), dynamic: true };
  if (c === '{' && dialect === 'posix') return { raw: '$' + readGroup(cur, '{', '}'), dynamic: true };
  if (/[A-Za-z0-9_@*#?$!-]/.test(c)) return { raw: '$', dynamic: true };
  return { raw: '$', dynamic: false };
}

function readWord(cur: Cursor, dialect: ShellDialect): ShellWord {
  const start = cur.pos;
  const line = cur.line;
  let raw = '';
  let value = '';
  let dynamic = false;
  while (!cur.done()) {
    const c = cur.peek();
    if (c === '\\') {
      if (cur.peek(1) === '\n') {
        cur.next();
        cur.next();
        continue; // line continuation joins the word with the next line
      }
      raw += cur.next();
      if (!cur.done()) {
        const e = cur.next();
        raw += e;
        value += e;
      }
      continue;
    }
    if (/\s/.test(c) || ';&|<>'.includes(c) || (c === '(' && dialect === 'posix') || c === ')') break;
    if (c === '(' && dialect === 'fish') {
      const g = readGroup(cur, '(', ')');
      raw += g;
      value += g;
      dynamic = true; // fish command substitution
      continue;
    }
    if (c === "'" || (c === '$' && cur.peek(1) === "'" && dialect === 'posix')) {
      const ansi = c === '$'; // bash ANSI-C quoting $'…': literal, with C escapes
      if (ansi) raw += cur.next();
      raw += cur.next();
      while (!cur.done() && cur.peek() !== "'") {
        if (cur.peek() === '\\' && ansi && !cur.done()) {
          raw += cur.next();
          const e = cur.next();
          raw += e;
          value += ANSI_ESCAPES[e] ?? '\\' + e;
          continue;
        }
        // fish allows \' and \\ inside single quotes
        if (cur.peek() === '\\' && dialect === 'fish' && "'\\".includes(cur.peek(1))) raw += cur.next();
        const q = cur.next();
        raw += q;
        value += q;
      }
      if (!cur.done()) raw += cur.next();
      continue;
    }
    if (c === '"') {
      raw += cur.next();
      while (!cur.done() && cur.peek() !== '"') {
        const d = cur.peek();
        if (d === '\\') {
          const n = cur.peek(1);
          if (n === '\n') {
            cur.next();
            cur.next();
            continue;
          }
          raw += cur.next();
          if ('"\\$`'.includes(n)) {
            raw += cur.next();
            value += n;
          } else value += '\\';
          continue;
        }
        if (d === '$') {
          const r = readDollar(cur, dialect);
          raw += r.raw;
          value += r.raw;
          dynamic ||= r.dynamic;
          continue;
        }
        if (d === '`' && dialect === 'posix') {
          dynamic = true;
        }
        const q = cur.next();
        raw += q;
        value += q;
      }
      if (!cur.done()) raw += cur.next();
      continue;
    }
    if (c === '$') {
      const r = readDollar(cur, dialect);
      raw += r.raw;
      value += r.raw;
      dynamic ||= r.dynamic;
      continue;
    }
    if (c === '`' && dialect === 'posix') {
      let g = cur.next();
      while (!cur.done() && cur.peek() !== '`')
        g += cur.peek() === '\\' ? cur.next() + cur.next() : cur.next();
      if (!cur.done()) g += cur.next();
      raw += g;
      value += g;
      dynamic = true;
      continue;
    }
    const ch = cur.next();
    raw += ch;
    value += ch;
  }
  return { kind: 'word', raw, value, dynamic, start, end: cur.pos, line };
}

/** Skips here-document bodies queued on the line that just ended. */
function skipHeredocs(cur: Cursor, pending: { delim: string; stripTabs: boolean }[]): void {
  for (const h of pending) {
    while (!cur.done()) {
      const eol = cur.text.indexOf('\n', cur.pos);
      const end = eol < 0 ? cur.text.length : eol;
      let body = cur.text.slice(cur.pos, end);
      if (h.stripTabs) body = body.replace(/^\t+/, '');
      while (cur.pos < end) cur.next();
      if (!cur.done()) cur.next();
      if (body === h.delim) break;
    }
  }
  pending.length = 0;
}

/** Splits a startup file into words and operators; never throws on odd input. */
export function lexShell(text: string, dialect: ShellDialect): ShellToken[] {
  const cur = new Cursor(text.replace(/\r\n/g, '\n'));
  const out: ShellToken[] = [];
  const heredocs: { delim: string; stripTabs: boolean }[] = [];
  let wantDelim: boolean | null = null; // after << / <<-, the next word is the delimiter
  while (!cur.done()) {
    const c = cur.peek();
    if (c === '\\' && cur.peek(1) === '\n') {
      cur.next();
      cur.next();
      continue;
    }
    if (c === '\n') {
      out.push({ kind: 'op', op: '\n', start: cur.pos, line: cur.line });
      cur.next();
      if (heredocs.length > 0) skipHeredocs(cur, heredocs);
      continue;
    }
    if (/\s/.test(c)) {
      cur.next();
      continue;
    }
    if (c === '#') {
      while (!cur.done() && cur.peek() !== '\n') cur.next();
      continue;
    }
    const op = OPS.find((o) => cur.text.startsWith(o, cur.pos));
    if (op !== undefined && !(dialect === 'fish' && op === '(')) {
      out.push({ kind: 'op', op, start: cur.pos, line: cur.line });
      for (let i = 0; i < op.length; i++) cur.next();
      if (dialect === 'posix' && (op === '<<' || op === '<<-')) wantDelim = op === '<<-';
      continue;
    }
    const w = readWord(cur, dialect);
    if (wantDelim !== null) {
      heredocs.push({ delim: w.value, stripTabs: wantDelim });
      wantDelim = null;
    }
    out.push(w);
  }
  return out;
}
