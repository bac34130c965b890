// Differential test: the TypeScript ports against Go's own code, on generated input.
// test/fixtures/go-match is built once (GOPATH mode, Debian's golang.org/x/mod) and answers
// every query in one process over stdin/stdout. Any difference fails the test.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goPathMatch, matchPrefixPatterns } from '../../main/common/go-patterns';
import { goUrlString, parseGoUrl, toBytes } from '../../main/common/go-url';
import { parseGoproxy } from '../../main/common/go-proxy';
import { parseGosumdb } from '../../main/common/go-sumdb';
import { redactSecrets } from '../../main/common/redact';
import { goMatchQueries, type Query } from '../helpers/go-match-cases';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

const XMOD = '/usr/share/gocode/src/golang.org/x/mod/module';
const haveGo = spawnSync('go', ['version']).status === 0 && existsSync(XMOD);
if (!haveGo)
  console.warn(`go-patterns.diff: skipped, needs go on PATH and ${XMOD} (golang-golang-x-mod-dev)`);

interface Answer {
  m: boolean;
  e: string;
  s?: string;
  scheme?: string;
  entries?: { url: string; fb: boolean }[];
  name?: string;
  key?: string;
}

function expected(q: Query): Answer {
  const [op, a = '', b = ''] = q;
  switch (op) {
    case 'match': {
      const r = goPathMatch(a, b);
      return { m: r.matched, e: r.badPattern ? 'syntax error in pattern' : '' };
    }
    case 'prefix':
      return { m: matchPrefixPatterns(a, b), e: '' };
    case 'url': {
      const r = parseGoUrl(toBytes(a));
      return r.ok
        ? { m: false, e: '', s: goUrlString(r.url, true) || undefined, scheme: r.url.scheme || undefined }
        : { m: false, e: r.error };
    }
    case 'proxy': {
      const r = parseGoproxy(a);
      if (r.error !== undefined) return { m: false, e: r.error };
      const entries = r.entries.map((x) =>
        x.kind === 'proxy' ? { url: x.url, fb: x.fallback === 'on-any-error' } : { url: x.kind, fb: false },
      );
      return { m: false, e: '', entries };
    }
    default: {
      const r = parseGosumdb(a);
      if (r.kind === 'invalid') return { m: false, e: r.error };
      if (r.kind === 'off') throw new Error('off is not sent to go-match');
      return { m: false, e: '', s: r.url, name: r.name, key: r.key };
    }
  }
}

// What go printed, in the port's terms: passwords redacted (the port never shows them).
function normalise(op: string, a: Answer): Answer {
  const out: Answer = { m: a.m, e: op === 'url' ? a.e : redactSecrets(a.e) };
  if (a.s !== undefined) out.s = op === 'url' ? a.s : redactSecrets(a.s);
  if (a.scheme !== undefined) out.scheme = a.scheme;
  if (a.entries) out.entries = a.entries.map((x) => ({ url: redactSecrets(x.url), fb: x.fb }));
  if (a.name !== undefined) out.name = a.name;
  if (a.key !== undefined) out.key = a.key;
  return out;
}

describe.skipIf(!haveGo)('Go routing semantics vs Go (differential)', () => {
  let home: TempHome;
  let bin: string;

  beforeAll(() => {
    home = makeTempHome({
      GO111MODULE: 'off',
      GOPATH: '/usr/share/gocode',
      GOFLAGS: '',
      GOENV: 'off',
      CGO_ENABLED: '0',
    });
    bin = join(home.home, 'go-match');
    const src = fileURLToPath(new URL('../fixtures/go-match', import.meta.url));
    execFileSync('go', ['build', '-o', bin, '.'], { env: home.env, cwd: src });
  });
  afterAll(() => home?.cleanup());

  it('agrees with path.Match, MatchPrefixPatterns, url.Parse, proxyList and dbDial on every case', () => {
    const queries = goMatchQueries(0x6f6e72, {
      match: 6000,
      prefix: 6000,
      url: 2000,
      proxy: 1500,
      sumdb: 1500,
    });

    const started = Date.now();
    const run = spawnSync(bin, [], {
      input: queries.map((q) => JSON.stringify(q)).join('\n') + '\n',
      env: home.env,
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const answers = run.stdout.trimEnd().split('\n');
    expect(answers).toHaveLength(queries.length);

    const diffs: string[] = [];
    const tally: Record<string, { n: number; yes: number; err: number }> = {};
    queries.forEach((q, i) => {
      const got = normalise(q[0], JSON.parse(answers[i] as string) as Answer);
      const want = expected(q);
      const t = (tally[q[0]] ??= { n: 0, yes: 0, err: 0 });
      t.n++;
      if (got.m || got.s !== undefined || got.entries || got.name !== undefined) t.yes++;
      if (got.e !== '') t.err++;
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        diffs.push(`${JSON.stringify(q)}\n  go: ${JSON.stringify(got)}\n  ts: ${JSON.stringify(want)}`);
      }
    });
    const ms = Date.now() - started;
    console.log(`go-patterns.diff: ${queries.length} cases, ${diffs.length} differences, ${ms} ms`, tally);
    expect(diffs.slice(0, 10)).toEqual([]);
    // The generators must exercise both outcomes of every operation, or this test proves little.
    for (const [op, t] of Object.entries(tally)) {
      expect(t.yes / t.n, `${op}: share of positive answers`).toBeGreaterThan(0.05);
      if (op !== 'prefix') expect(t.err / t.n, `${op}: share of errors`).toBeGreaterThan(0.05);
    }
  });
});
