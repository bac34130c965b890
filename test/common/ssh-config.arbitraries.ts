// fast-check generator for ssh_config files, each with the model (line kinds, keywords, the
// arguments ssh reads) it was built from.
import fc from 'fast-check';
import type { Tok } from './netrc.arbitraries';

export interface SshModelLine {
  kind: 'blank' | 'comment' | 'directive';
  keyword?: string;
  args?: string[];
}

export interface SshCase {
  text: string;
  lines: SshModelLine[];
}

const sshPlainChars = [
  'a',
  'z',
  'K',
  '0',
  '.',
  '-',
  '_',
  '/',
  '~',
  '%',
  '@',
  ':',
  '=',
  '*',
  '?',
  ',',
  'é',
  '日',
];
const sshPlain = fc
  .array(fc.constantFrom(...sshPlainChars), { minLength: 1, maxLength: 6 })
  .map((a): Tok => ({ raw: a.join(''), value: a.join('') }))
  .filter((t) => !t.raw.startsWith('='));
const inner = (q: string) =>
  fc
    .array(fc.constantFrom('a', ' ', 'é', '#', '=', q === '"' ? "'" : '"'), { maxLength: 5 })
    .map((a) => a.join(''));
const sshArg = fc.oneof(
  { weight: 5, arbitrary: sshPlain },
  { weight: 1, arbitrary: inner('"').map((s): Tok => ({ raw: `"${s}"`, value: s })) },
  { weight: 1, arbitrary: inner("'").map((s): Tok => ({ raw: `'${s}'`, value: s })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(sshPlain, sshPlain)
      .map(([a, b]): Tok => ({ raw: `${a.raw}\\ ${b.raw}`, value: `${a.value} ${b.value}` })),
  },
);
const casing = (w: string) => fc.constantFrom(w, w.toLowerCase(), w.toUpperCase());
const sshKeyword = fc
  .constantFrom(
    'User',
    'Port',
    'HostName',
    'IdentityFile',
    'IdentitiesOnly',
    'ProxyJump',
    'SendEnv',
    'Include',
    'Ciphers',
  )
  .chain(casing);
const indent = fc.constantFrom('', ' ', '\t', '    ');
const kwSep = fc.constantFrom(' ', '\t', '=', ' = ', ' =', '= ', '  ');
const argSep = fc.constantFrom(' ', '\t', '  ');
const tail = fc.tuple(fc.constantFrom('', '', ' # note', '\t#x=日'), fc.constantFrom('', ' ', '\t', '\f'));
const criterion = fc.oneof(
  fc.tuple(
    fc.constantFrom('host', 'originalhost', 'user', 'localuser'),
    fc.boolean(),
    sshPlain.filter((t) => !/[=,]/.test(t.raw)),
  ),
  fc.tuple(
    fc.constant('exec'),
    fc.boolean(),
    fc.constantFrom('"test -f x"', 'true').map((c): Tok => ({ raw: c, value: c.replace(/"/g, '') })),
  ),
);

type Line = { raw: string; model: SshModelLine };
const directive = fc
  .tuple(indent, sshKeyword, kwSep, fc.array(fc.tuple(sshArg, argSep), { minLength: 1, maxLength: 3 }), tail)
  .map(([ind, kw, sep, args, [c, ws]]): Line => ({
    raw: ind + kw + sep + args.map(([a, s], i) => (i > 0 ? s : '') + a.raw).join('') + c + ws,
    model: { kind: 'directive', keyword: kw.toLowerCase(), args: args.map(([a]) => a.value) },
  }));
const hostLine = fc
  .tuple(
    indent,
    casing('Host'),
    kwSep,
    fc.array(fc.constantFrom('*', 'h?', 'h1', '!h2', '*.example', 'a.example', '!*.test'), {
      minLength: 1,
      maxLength: 3,
    }),
    tail,
  )
  .map(([ind, kw, sep, pats, [c, ws]]): Line => ({
    raw: `${ind}${kw}${sep}${pats.join(' ')}${c}${ws}`,
    model: { kind: 'directive', keyword: 'host', args: pats },
  }));
const matchLine = fc
  .tuple(
    indent,
    casing('Match'),
    fc.oneof(fc.constant<[string, boolean, Tok][]>([]), fc.array(criterion, { minLength: 1, maxLength: 2 })),
    tail,
  )
  .map(([ind, kw, crit, [c, ws]]): Line => {
    const words = crit.length === 0 ? ['all'] : crit.map(([n, neg, a]) => `${neg ? '!' : ''}${n} ${a.raw}`);
    return { raw: `${ind}${kw} ${words.join(' ')}${c}${ws}`, model: { kind: 'directive', keyword: 'match' } };
  });
const other = fc.oneof(
  fc.constantFrom('', ' ', '\t', '\f').map((raw): Line => ({ raw, model: { kind: 'blank' } })),
  fc
    .tuple(indent, fc.constantFrom('#', '# Host x', '#日本 "unclosed', '## >> not a marker'))
    .map(([i, t]): Line => ({ raw: i + t, model: { kind: 'comment' } })),
);

export const sshCase: fc.Arbitrary<SshCase> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: directive },
        { weight: 1, arbitrary: hostLine },
        { weight: 1, arbitrary: matchLine },
        { weight: 2, arbitrary: other },
      ),
      { maxLength: 14 },
    ),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([lines, crlf, finalNewline]) => {
    const eol = crlf ? '\r\n' : '\n';
    const text = lines.map((l) => l.raw).join(eol) + (finalNewline && lines.length > 0 ? eol : '');
    // A last line of only whitespace and no newline is still a line; '' at the end is not.
    const model = lines
      .map((l) => l.model)
      .filter((_, i) => i < lines.length - 1 || finalNewline || lines[i]?.raw !== '');
    return { text, lines: model };
  });
