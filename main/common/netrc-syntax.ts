// Lossless netrc parser. The document keeps the exact text; tokens carry offsets into it, so
// printing is the identity and edits splice only the bytes they change.
//
// Token rules follow curl 7.88 (what git uses through libcurl), checked against curl itself:
// whitespace separates tokens across lines, a token starting with '#' where a keyword is
// expected starts a comment to the end of the line, a double-quoted token may hold spaces and
// the escapes \" \\ \n \r \t, and a macdef body runs from the next line to the first empty line.
// Go reads the same bytes differently (see netrc-view.ts); where the two readings can disagree
// on the meaning of a token we refuse the file with a parse error rather than guess.
import { parseError } from './errors';

export interface NetrcToken {
  /** the bytes as written, quotes and escapes included */
  raw: string;
  /** the value curl reads (quotes and escapes removed) */
  value: string;
  quoted: boolean;
  /** offsets into the document text: text.slice(start, end) === raw */
  start: number;
  end: number;
  /** 1-based */
  line: number;
}

export type NetrcFieldKey = 'login' | 'password' | 'account';

export interface NetrcField {
  key: NetrcFieldKey;
  keyword: NetrcToken;
  value: NetrcToken;
}

export interface NetrcMacdef {
  keyword: NetrcToken;
  name: NetrcToken;
  /** 1-based lines of the body; bodyLastLine < bodyFirstLine when the body is empty */
  bodyFirstLine: number;
  bodyLastLine: number;
  /** 1-based line of the empty line that ends the body; null when the body runs to EOF */
  terminatorLine: number | null;
}

export interface NetrcEntry {
  kind: 'machine' | 'default';
  keyword: NetrcToken;
  /** the host; absent for `default` */
  name?: NetrcToken;
  fields: NetrcField[];
  macdefs: NetrcMacdef[];
  /** 1-based first and last line holding one of this entry's tokens (macdef bodies excluded) */
  firstLine: number;
  lastLine: number;
}

export interface NetrcComment {
  start: number;
  end: number;
  line: number;
}

export interface NetrcDocument {
  fileName: string;
  text: string;
  /** offset where each 1-based line n starts, at index n - 1 */
  lineStarts: number[];
  /** the file's newline style, taken from its first line break ('\n' for a file without one) */
  eol: '\n' | '\r\n';
  entries: NetrcEntry[];
  /** macdefs that appear before any machine or default entry */
  looseMacdefs: NetrcMacdef[];
  comments: NetrcComment[];
}

const keywords = new Set(['machine', 'default', 'login', 'password', 'account', 'macdef']);
const escapes: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' };

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** 1-based line of an offset. */
export function lineOf(doc: Pick<NetrcDocument, 'lineStarts'>, offset: number): number {
  let lo = 0;
  let hi = doc.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((doc.lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The text of 1-based line n without its line break (a trailing '\r' is kept). */
export function lineText(doc: Pick<NetrcDocument, 'text' | 'lineStarts'>, n: number): string {
  const start = doc.lineStarts[n - 1] ?? doc.text.length;
  const next = doc.lineStarts[n];
  return doc.text.slice(start, next === undefined ? doc.text.length : next - 1);
}

/** Number of lines; a final line break does not open a new (empty) line. */
export function lineCount(doc: Pick<NetrcDocument, 'text' | 'lineStarts'>): number {
  const n = doc.lineStarts.length;
  return doc.text.endsWith('\n') ? n - 1 : n;
}

class Scanner {
  pos = 0;
  readonly doc: NetrcDocument;
  constructor(doc: NetrcDocument) {
    this.doc = doc;
  }

  private fail(offset: number, message: string, hint?: string): never {
    throw parseError(this.doc.fileName, lineOf(this.doc, offset), message, hint);
  }

  skipSpace(): void {
    const t = this.doc.text;
    while (this.pos < t.length && isSpace(t[this.pos] as string)) this.pos++;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.doc.text.length;
  }

  /** Where a keyword is expected: a '#' token is a comment running to the end of its line. */
  skipComments(): void {
    const t = this.doc.text;
    while (!this.atEnd() && t[this.pos] === '#') {
      const start = this.pos;
      let end = t.indexOf('\n', start);
      if (end < 0) end = t.length;
      if (t[end - 1] === '\r') end--;
      this.doc.comments.push({ start, end, line: lineOf(this.doc, start) });
      this.pos = end;
    }
  }

  /** The next token, or null at EOF. */
  token(): NetrcToken | null {
    if (this.atEnd()) return null;
    const t = this.doc.text;
    const start = this.pos;
    let value = '';
    const quoted = t[start] === '"';
    if (quoted) {
      let i = start + 1;
      for (;;) {
        const ch = t[i];
        if (ch === undefined || ch === '\n' || ch === '\r') {
          this.fail(start, 'unterminated quoted token', 'close the double quote on the same line');
        }
        if (ch === '"') break;
        if (ch === '\\' && t[i + 1] !== undefined && escapes[t[i + 1] as string] !== undefined) {
          value += escapes[t[i + 1] as string];
          i += 2;
          continue;
        }
        value += ch;
        i++;
      }
      this.pos = i + 1;
      if (this.pos < t.length && !isSpace(t[this.pos] as string)) {
        this.fail(start, 'text directly after a closing quote', 'put whitespace after the closing quote');
      }
    } else {
      while (this.pos < t.length && !isSpace(t[this.pos] as string)) this.pos++;
      value = t.slice(start, this.pos);
    }
    return {
      raw: t.slice(start, this.pos),
      value,
      quoted,
      start,
      end: this.pos,
      line: lineOf(this.doc, start),
    };
  }

  /** The value after a keyword: required, and never a '#' token (curl reads that as a comment). */
  value(keyword: NetrcToken, what: string): NetrcToken {
    const tok = this.token();
    if (tok === null) this.fail(keyword.start, `${keyword.value} without ${what} at end of file`);
    if (!tok.quoted && tok.value.startsWith('#')) {
      this.fail(
        tok.start,
        `${keyword.value} ${what} starts with '#'`,
        "curl reads '#' as the start of a comment and Go reads it as the value: quote it or change it",
      );
    }
    return tok;
  }
}

function readMacdef(sc: Scanner, keyword: NetrcToken): NetrcMacdef {
  const doc = sc.doc;
  const name = sc.value(keyword, 'a macro name');
  const rest = lineText(doc, name.line).slice(name.end - (doc.lineStarts[name.line - 1] ?? 0));
  if (rest.trim() !== '') {
    throw parseError(
      doc.fileName,
      name.line,
      'text after the macdef name on the same line',
      'curl ignores it and Go reads it as netrc tokens: move it to its own line',
    );
  }
  const total = lineCount(doc);
  const bodyFirstLine = name.line + 1;
  let line = bodyFirstLine;
  // The body ends at an empty line; curl also accepts "\r" (CRLF files), Go does not.
  while (line <= total && lineText(doc, line) !== '' && lineText(doc, line) !== '\r') line++;
  const terminatorLine = line <= total ? line : null;
  sc.pos = doc.lineStarts[line] ?? doc.text.length;
  return { keyword, name, bodyFirstLine, bodyLastLine: line - 1, terminatorLine };
}

/** Parse netrc text. Throws OnrampError('parse') naming the file and line on malformed input. */
export function parseNetrc(text: string, fileName: string): NetrcDocument {
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  const doc: NetrcDocument = {
    fileName,
    text,
    lineStarts: computeLineStarts(text),
    eol,
    entries: [],
    looseMacdefs: [],
    comments: [],
  };
  const sc = new Scanner(doc);
  let entry: NetrcEntry | null = null;
  for (;;) {
    sc.skipComments();
    const kw = sc.token();
    if (kw === null) break;
    const word = kw.quoted ? '' : kw.value;
    if (!keywords.has(word)) {
      throw parseError(
        fileName,
        kw.line,
        'expected a netrc keyword',
        'netrc keywords are machine, default, login, password, account and macdef',
      );
    }
    if (word === 'machine' || word === 'default') {
      const name = word === 'machine' ? sc.value(kw, 'a host name') : undefined;
      const last = name ?? kw;
      entry = {
        kind: word,
        keyword: kw,
        name,
        fields: [],
        macdefs: [],
        firstLine: kw.line,
        lastLine: last.line,
      };
      doc.entries.push(entry);
    } else if (word === 'macdef') {
      const macdef = readMacdef(sc, kw);
      (entry === null ? doc.looseMacdefs : entry.macdefs).push(macdef);
    } else {
      if (entry === null) {
        throw parseError(fileName, kw.line, `${word} before any machine or default entry`);
      }
      const value = sc.value(kw, 'a value');
      entry.fields.push({ key: word as NetrcFieldKey, keyword: kw, value });
      entry.lastLine = value.line;
    }
  }
  return doc;
}

/** The document as text: the exact original bytes. */
export function printNetrc(doc: NetrcDocument): string {
  return doc.text;
}
