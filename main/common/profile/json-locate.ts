// Strict JSON (RFC 8259) that remembers the line of every value. Profile errors must name the
// file and line, and JSON.parse gives neither a line nor a path; it also keeps the last of two
// duplicate keys silently, so a reviewed (or signed) profile could mean something other than
// what its first occurrence shows. Duplicate keys, lone surrogates and deep nesting are refused.
import { parseError } from '../errors';

export type JsonPath = readonly (string | number)[];

export interface LocatedJson {
  value: unknown;
  /** JSON pointer → 1-based line: the key's line for members, the value's line for items */
  lines: ReadonlyMap<string, number>;
}

/** RFC 6901 pointer for a path: `/hosts/0/webUrl` ('' is the whole document). */
export function jsonPointer(path: JsonPath): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The line of the nearest located ancestor of `path` (1 when nothing is known). */
export function lineOf(lines: ReadonlyMap<string, number>, path: JsonPath): number {
  for (let n = path.length; n >= 0; n--) {
    const line = lines.get(jsonPointer(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return 1;
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const escapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class Parser {
  pos = 0;
  line = 1;
  readonly lines = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly maxDepth: number,
  ) {}

  fail(message: string): never {
    throw parseError(this.file, this.line, message);
  }

  describe(): string {
    const ch = this.text[this.pos];
    if (ch === undefined) return 'the end of the file';
    return JSON.stringify(ch);
  }

  skipSpace(): void {
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === '\n') this.line++;
      else if (ch !== ' ' && ch !== '\t' && ch !== '\r') return;
      this.pos++;
    }
  }

  value(path: (string | number)[], depth: number): unknown {
    this.skipSpace();
    if (depth > this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth} levels`);
    const pointer = jsonPointer(path);
    if (!this.lines.has(pointer)) this.lines.set(pointer, this.line);
    const ch = this.text[this.pos];
    if (ch === '{') return this.object(path, depth);
    if (ch === '[') return this.array(path, depth);
    if (ch === '"') return this.string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const)
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    return this.fail(`expected a JSON value, found ${this.describe()}`);
  }

  object(path: (string | number)[], depth: number): Record<string, unknown> {
    this.pos++;
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail(`expected a quoted key, found ${this.describe()}`);
      const keyLine = this.line;
      const key = this.string();
      if (Object.prototype.hasOwnProperty.call(out, key))
        this.fail(`duplicate key ${JSON.stringify(key)} (only one value per key is allowed)`);
      this.lines.set(jsonPointer([...path, key]), keyLine);
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after key, found ${this.describe()}`);
      this.pos++;
      out[key] = this.value([...path, key], depth + 1);
      this.skipSpace();
      const sep = this.text[this.pos++];
      if (sep === '}') return out;
      if (sep !== ',') {
        this.pos--;
        this.fail(`expected ',' or '}', found ${this.describe()}`);
      }
    }
  }

  array(path: (string | number)[], depth: number): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value([...path, out.length], depth + 1));
      this.skipSpace();
      const sep = this.text[this.pos++];
      if (sep === ']') return out;
      if (sep !== ',') {
        this.pos--;
        this.fail(`expected ',' or ']', found ${this.describe()}`);
      }
    }
  }

  string(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos++];
      if (ch === undefined) this.fail('unterminated string');
      if (ch === '"') break;
      if (ch < ' ') {
        this.pos--;
        this.fail('a control character (such as a line break) inside a string must be escaped');
      }
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = this.text[this.pos++] ?? '';
      if (e === 'u') {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 4;
      } else if (escapes[e] !== undefined) out += escapes[e];
      else this.fail(`invalid escape \\${e}`);
    }
    if (loneSurrogate.test(out)) this.fail('a string holds an unpaired UTF-16 surrogate');
    return out;
  }

  number(): number {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (!m) this.fail(`invalid number`);
    this.pos += m[0].length;
    const n = Number(m[0]);
    if (!Number.isFinite(n)) this.fail('number out of range');
    return n;
  }
}

/** Parses `text` (a UTF-8 BOM is skipped) or throws a parse error naming `file` and the line. */
export function parseLocatedJson(text: string, file: string, opts: { maxDepth?: number } = {}): LocatedJson {
  const p = new Parser(text.startsWith('\ufeff') ? text.slice(1) : text, file, opts.maxDepth ?? 32);
  const value = p.value([], 0);
  p.skipSpace();
  if (p.pos < text.length - (text.startsWith('\ufeff') ? 1 : 0))
    p.fail(`unexpected ${p.describe()} after the end of the JSON document`);
  return { value, lines: p.lines };
}
