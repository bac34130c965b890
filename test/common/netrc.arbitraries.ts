// fast-check generator for netrc files, each with the model it was built from, so a property
// checks what the parser read and not only that printing is the identity.
import fc from 'fast-check';

export type Tok = { raw: string; value: string };

export interface NetrcModelEntry {
  kind: 'machine' | 'default';
  name?: string;
  fields: ['login' | 'password' | 'account', string][];
  macdefs: string[];
}

export interface NetrcCase {
  text: string;
  entries: NetrcModelEntry[];
  looseMacdefs: string[];
}

export const netrcHosts = ['127.0.0.1', 'other.test', 'h1.example', 'h2.example'];

// No ':' (the differential test splits "login:password"), no 'P' (passwords start with "Pw",
// so a summary that leaks one is caught). \u00a0 is whitespace to Go and not to curl.
const plainChars = [
  'a',
  'b',
  'Z',
  '0',
  '9',
  '.',
  '-',
  '_',
  '@',
  '!',
  '$',
  '%',
  '=',
  "'",
  'é',
  '日',
  '🔑',
  '#',
  '/',
  '\u00a0',
];
const plain = fc
  .array(fc.constantFrom(...plainChars), { minLength: 1, maxLength: 6 })
  .map((a): Tok => ({ raw: a.join(''), value: a.join('') }))
  .filter((t) => !t.raw.startsWith('#'));
const quotedParts: [string, string][] = [
  ['a', 'a'],
  [' ', ' '],
  ['é', 'é'],
  ['#', '#'],
  ['\\"', '"'],
  ['\\\\', '\\'],
  ['\\t', '\t'],
  ["'", "'"],
];
const quoted = fc
  .array(fc.constantFrom(...quotedParts), { maxLength: 5 })
  .map((ps): Tok => ({ raw: `"${ps.map((p) => p[0]).join('')}"`, value: ps.map((p) => p[1]).join('') }));
const keywordValue = fc.constantFrom('machine', 'default', 'login').map((w): Tok => ({ raw: w, value: w }));
const netrcValue = fc.oneof(
  { weight: 6, arbitrary: plain },
  { weight: 2, arbitrary: quoted },
  { weight: 1, arbitrary: keywordValue },
);
const password = netrcValue.map((t): Tok =>
  t.raw.startsWith('"')
    ? { raw: `"Pw${t.raw.slice(1)}`, value: `Pw${t.value}` }
    : { raw: `Pw${t.raw}`, value: `Pw${t.value}` },
);
const commentText = fc
  .array(fc.constantFrom('a', ' ', 'machine', 'default', 'login', 'password', '#', '"', '日', '\t'), {
    maxLength: 6,
  })
  .map((a) => a.join(''));
const bodyLine = fc
  .array(fc.constantFrom('c', 'd', ' ', '/', '#', '"', 'é', '\t'), { minLength: 1, maxLength: 6 })
  .map((a) => a.join(''))
  .filter((l) => l !== '\r');

const field = fc.tuple(
  fc.constantFrom('login' as const, 'password' as const, 'account' as const),
  netrcValue,
  password,
);
const entry = fc.record({
  kind: fc.constantFrom('machine' as const, 'machine' as const, 'machine' as const, 'default' as const),
  name: fc.constantFrom(...netrcHosts).map((h): Tok => ({ raw: h, value: h })),
  fields: fc.array(field, { maxLength: 4 }),
  macdefs: fc.array(fc.tuple(fc.constantFrom('init', 'm2'), fc.array(bodyLine, { maxLength: 3 })), {
    maxLength: 1,
  }),
});

/** A layout source: the renderer asks it for small choices (whitespace, breaks, comments). */
class Dice {
  private i = 0;
  constructor(private readonly rolls: number[]) {}
  roll(n: number): number {
    const r = this.rolls[this.i++ % this.rolls.length] ?? 0;
    return r % n;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.roll(xs.length)] as T;
  }
}

export const netrcCase: fc.Arbitrary<NetrcCase> = fc
  .record({
    loose: fc.array(fc.tuple(fc.constantFrom('top'), fc.array(bodyLine, { maxLength: 2 })), { maxLength: 1 }),
    entries: fc.array(entry, { maxLength: 6 }),
    comments: fc.array(commentText, { minLength: 1, maxLength: 4 }),
    rolls: fc.array(fc.nat(), { minLength: 8, maxLength: 64 }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
    openMacro: fc.boolean(),
  })
  .map(({ loose, entries, comments, rolls, crlf, finalNewline, openMacro }) => {
    const d = new Dice(rolls);
    const eol = crlf ? '\r\n' : '\n';
    let out = '';
    const sep = (between: boolean) => {
      const k = d.roll(6);
      if (k < 3) return void (out += d.pick([' ', '\t', '  \t']));
      out += d.pick(['', ' ', '\t']);
      if (between && d.roll(3) === 0) out += ` #${d.pick(comments)}`;
      out += eol;
      for (let n = 0; between && n < 3 && d.roll(4) === 0; n++)
        out += d.pick(['#', '  #', '']) === '' ? eol : `#${d.pick(comments)}${eol}`;
      out += d.pick(['', '  ', '\t']);
    };
    const model: NetrcModelEntry[] = [];
    const looseMacdefs: string[] = [];
    const units: (() => void)[] = [];
    const macdef = (name: string, body: string[]) => () => {
      out += `macdef ${name}${d.pick(['', ' '])}${eol}${body.map((l) => l + eol).join('')}${eol}`;
    };
    for (const [name, body] of loose) {
      looseMacdefs.push(name);
      units.push(macdef(name, body));
    }
    for (const e of entries) {
      const m: NetrcModelEntry = { kind: e.kind, fields: [], macdefs: [] };
      if (e.kind === 'machine') m.name = e.name.value;
      model.push(m);
      units.push(() => {
        out += e.kind;
        if (e.kind !== 'machine') return;
        sep(false);
        out += e.name.raw;
      });
      for (const [key, v, pw] of e.fields) {
        const tok = key === 'password' ? pw : v;
        m.fields.push([key, tok.value]);
        units.push(() => ((out += key), sep(false), (out += tok.raw)));
      }
      for (const [name, body] of e.macdefs) {
        m.macdefs.push(name);
        units.push(macdef(name, body));
      }
    }
    if (d.roll(3) === 0) out += `#${d.pick(comments)}${eol}`;
    units.forEach((u, i) => {
      if (i > 0) sep(true);
      u();
    });
    if (openMacro) {
      // A macdef body may run to the end of the file.
      out += `${out === '' || out.endsWith('\n') ? '' : eol}macdef open${eol}x`;
      (model.at(-1)?.macdefs ?? looseMacdefs).push('open');
    }
    if (finalNewline && out !== '' && !out.endsWith('\n')) out += eol;
    return { text: out, entries: model, looseMacdefs };
  });
