// Properties of the netrc and ssh_config parsers and editors over generated files and the
// fixtures: the parser reads what the generator wrote, printing is the identity, and an edit
// leaves every line outside the edited entry byte-identical and in order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OnrampError } from '../../main/common/errors';
import {
  curlLookup,
  goLookup,
  goNetrcEntries,
  parseNetrc,
  printNetrc,
  removeNetrcMachine,
  setNetrcMachine,
  summarizeNetrc,
  type NetrcDocument,
} from '../../main/common/netrc';
import {
  ensureIncludeFirst,
  hostOptions,
  parseSshConfig,
  printSshConfig,
  removeManagedHost,
  removeManagedInclude,
  upsertManagedHost,
} from '../../main/common/ssh-config';
import { netrcCase, netrcHosts } from './netrc.arbitraries';
import { sshCase } from './ssh-config.arbitraries';

const fixtures = join(__dirname, '../fixtures/dotfiles');
const messyNetrc = readFileSync(join(fixtures, 'messy.netrc'), 'utf8');
const bigSsh = readFileSync(join(fixtures, 'big.ssh_config'), 'utf8');
// ONRAMP_FC_RUNS raises the run count for a deeper local search.
const runs = { numRuns: Number(process.env.ONRAMP_FC_RUNS ?? 400) };

/** Lines with their terminators; a missing final newline is supplied (edits may add it). */
function lines(text: string, eol = '\n'): string[] {
  const t = text !== '' && !text.endsWith('\n') ? text + eol : text;
  return t === '' ? [] : t.split(/(?<=\n)/);
}

function isSubsequence(small: string[], big: string[]): boolean {
  let i = 0;
  for (const x of big) if (i < small.length && x === small[i]) i++;
  return i === small.length;
}

/** The old lines that hold none of the tokens of these entries. */
function linesOutside(doc: NetrcDocument, host: string, onlyFirst: boolean): string[] {
  const hit = doc.entries
    .filter((e) => e.kind === 'machine' && e.name?.value === host)
    .slice(0, onlyFirst ? 1 : undefined);
  const tokenLines = new Set(
    hit
      .flatMap((e) => [e.keyword, e.name, ...e.fields.flatMap((f) => [f.keyword, f.value])])
      .map((t) => t?.line),
  );
  return lines(doc.text, doc.eol).filter((_, i) => !tokenLines.has(i + 1));
}

const modelOf = (doc: NetrcDocument) =>
  doc.entries.map((e) => ({
    kind: e.kind,
    ...(e.name === undefined ? {} : { name: e.name.value }),
    fields: e.fields.map((f) => [f.key, f.value.value]),
    macdefs: e.macdefs.map((m) => m.name.value),
  }));

describe('netrc properties', () => {
  it('reads back exactly the generated entries, macdefs and bytes', () => {
    fc.assert(
      fc.property(netrcCase, (c) => {
        const doc = parseNetrc(c.text, 'gen.netrc');
        expect(printNetrc(doc)).toBe(c.text);
        expect(modelOf(doc)).toEqual(c.entries);
        expect(doc.looseMacdefs.map((m) => m.name.value)).toEqual(c.looseMacdefs);
      }),
      runs,
    );
  });

  it('never puts a password in a summary', () => {
    fc.assert(
      fc.property(netrcCase, (c) => {
        expect(JSON.stringify(summarizeNetrc(parseNetrc(c.text, 'gen.netrc'), netrcHosts))).not.toContain(
          'Pw',
        );
      }),
      runs,
    );
  });

  let refused = 0;
  const setCases = fc.tuple(
    fc.oneof(netrcCase, fc.constant({ text: messyNetrc })),
    fc.constantFrom(...netrcHosts, 'new.example', 'github.com'),
  );

  it('set: Go and curl both read the new entry; every other line stays, in order', () => {
    refused = 0;
    fc.assert(
      fc.property(setCases, ([c, host]) => {
        const doc = parseNetrc(c.text, 'gen.netrc');
        let out: string;
        try {
          out = setNetrcMachine(doc, { host, login: 'onramp', password: 'Pw-n3w' }).text;
        } catch (err) {
          if (!(err instanceof OnrampError) || err.code !== 'invalid-input') throw err;
          refused++;
          return;
        }
        const next = parseNetrc(out, 'gen.netrc');
        expect(goLookup(goNetrcEntries(out), host)).toMatchObject({ login: 'onramp', password: 'Pw-n3w' });
        expect(curlLookup(next, host)).toMatchObject({
          login: 'onramp',
          password: 'Pw-n3w',
          fromDefault: false,
        });
        const kept = linesOutside(doc, host, true);
        expect(isSubsequence(kept, lines(out, doc.eol))).toBe(true);
        expect(lines(out).length).toBeLessThanOrEqual(lines(c.text).length + 2); // the new line, a blank
      }),
      runs,
    );
    // Refusing is allowed only where no placement works for both readers; it must stay rare.
    expect(refused).toBeLessThan(runs.numRuns / 50);
  });

  it('remove: the host is gone, other entries read the same, other lines stay', () => {
    refused = 0;
    fc.assert(
      fc.property(fc.tuple(netrcCase, fc.constantFrom(...netrcHosts)), ([c, host]) => {
        const doc = parseNetrc(c.text, 'gen.netrc');
        let text: string;
        try {
          text = removeNetrcMachine(doc, host).text;
        } catch (err) {
          if (!(err instanceof OnrampError) || err.code !== 'invalid-input') throw err;
          refused++;
          return;
        }
        const next = parseNetrc(text, 'gen.netrc');
        // Macros stay where they are (they then belong to the entry before them).
        const others = (d: NetrcDocument) =>
          modelOf(d)
            .filter((e) => e.name !== host)
            .map((e) => ({ ...e, macdefs: [] }));
        const macros = (d: NetrcDocument) =>
          [...d.looseMacdefs, ...d.entries.flatMap((e) => e.macdefs)].map((m) => m.name.value);
        expect(next.entries.some((e) => e.name?.value === host)).toBe(false);
        expect(others(next)).toEqual(others(doc));
        expect(macros(next)).toEqual(macros(doc));
        expect(isSubsequence(linesOutside(doc, host, false), lines(text, doc.eol))).toBe(true);
      }),
      runs,
    );
    expect(refused).toBeLessThan(runs.numRuns / 50);
  });
});

describe('ssh_config properties', () => {
  it('reads back the generated lines, keywords and arguments, and the same bytes', () => {
    fc.assert(
      fc.property(sshCase, (c) => {
        const doc = parseSshConfig(c.text, 'gen_config');
        expect(printSshConfig(doc)).toBe(c.text);
        expect(
          doc.lines.map((l) => ({
            kind: l.kind,
            ...(l.kind === 'directive' ? { keyword: l.keyword } : {}),
            ...(l.kind === 'directive' && l.keyword !== 'match' ? { args: l.args } : {}),
          })),
        ).toEqual(c.lines);
      }),
      runs,
    );
  });

  const texts = fc.oneof(
    { weight: 9, arbitrary: sshCase.map((c) => c.text) },
    { weight: 1, arbitrary: fc.constant(bigSsh) },
  );
  const opts: [string, string][] = [
    ['Port', '2222'],
    ['IdentityFile', '~/.ssh/onramp key'],
  ];

  it('upsert adds only its block; remove restores the file; the block wins over Host blocks', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const doc = parseSshConfig(text, 'gen_config');
        const out = upsertManagedHost(doc, 'onramp.test', opts);
        const outLines = lines(out, doc.eol);
        expect(isSubsequence(lines(text, doc.eol), outLines)).toBe(true);
        expect(outLines.length - lines(text).length).toBeLessThanOrEqual(6); // markers, Host, 2 options, blank
        const back = removeManagedHost(parseSshConfig(out, 'gen_config'), 'onramp.test');
        expect([text, text + doc.eol]).toContain(back);
        // ssh keeps the first value: only a top-level Port before every Host/Match line beats ours.
        const globalPort = doc.lines
          .slice(0, doc.blocks[1]?.start ?? doc.lines.length)
          .find((l) => l.keyword === 'port');
        expect(hostOptions(parseSshConfig(out, 'gen_config'), 'onramp.test').port?.value).toBe(
          globalPort?.args.join(' ') ?? '2222',
        );
      }),
      runs,
    );
  });

  it('upsert again replaces only the block; ensureIncludeFirst is idempotent and removable', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const once = upsertManagedHost(parseSshConfig(text, 'c'), 'onramp.test', opts);
        const twice = upsertManagedHost(parseSshConfig(once, 'c'), 'onramp.test', [['User', 'git']]);
        expect(removeManagedHost(parseSshConfig(twice, 'c'), 'onramp.test')).toBe(
          removeManagedHost(parseSshConfig(once, 'c'), 'onramp.test'),
        );
        const inc = ensureIncludeFirst(parseSshConfig(text, 'c'), 'onramp/config');
        expect(ensureIncludeFirst(parseSshConfig(inc, 'c'), 'onramp/config')).toBe(inc);
        expect([text, text + parseSshConfig(text, 'c').eol]).toContain(
          removeManagedInclude(parseSshConfig(inc, 'c'), 'onramp/config'),
        );
      }),
      runs,
    );
  });
});
