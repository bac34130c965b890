// Generated input for test/common/go-patterns.diff.test.ts: module paths, GOPRIVATE-style
// lists, path.Match patterns, URLs, GOPROXY and GOSUMDB values, mixing realistic shapes with
// the odd ones (classes, escapes, empty elements, bad patterns, passwords, control bytes).
import { createHash, randomBytes } from 'node:crypto';

export type Query = [op: string, ...args: string[]];

// mulberry32: a small seeded PRNG, so a failure reproduces.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rand = prng(0x6f6e72);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
const chance = (p: number) => rand() < p;
const many = (n: number, f: () => string, sep = '') => Array.from({ length: n }, f).join(sep);

const hosts = [
  'github.com',
  'gitlab.corp',
  'git.corp.example.com',
  'golang.org',
  'go.uber.org',
  'x',
  'GitHub.com',
];
const segs = [
  'org',
  'repo',
  'v2',
  'sub',
  'proj',
  'group',
  'a-b',
  'a_b',
  'a.b',
  '~u',
  'é',
  '日本',
  'A',
  'x',
  '',
];
const weird = ['[', ']', '*', '?', '\\', '-', '^', ' ', ',', '/', '\ud800', 'ü'];
const classes = [
  '[a-c]',
  '[^a]',
  '[a-]',
  '[]a]',
  '[\\]]',
  '[-a]',
  '[',
  '[^]',
  '[é-ü]',
  '[a-c',
  '[\\',
  '[x-\\z]',
  '[]',
];

function modulePath(): string {
  const n = int(5);
  let p = pick(hosts) + many(n, () => `/${chance(0.05) ? pick(weird) : pick(segs)}`);
  if (chance(0.05)) p += '/';
  return p;
}

// A glob element: often derived from a real element so that matches happen.
function globElem(real: string | undefined): string {
  const base = real ?? pick(segs);
  switch (int(9)) {
    case 0:
      return '*';
    case 1:
      return `*${base.slice(int(base.length + 1))}`;
    case 2:
      return base.slice(0, int(base.length + 1)) + '?' + base.slice(int(base.length + 1));
    case 3:
      return pick(classes) + (chance(0.5) ? '*' : base);
    case 4:
      return base.replace(/./u, (c) => (chance(0.5) ? `\\${c}` : '?'));
    case 5:
      return base + pick(weird);
    default:
      return base;
  }
}

function globFor(target: string): string {
  const elems = target.split('/');
  const n = 1 + int(Math.min(elems.length + 1, 5));
  let g = Array.from({ length: n }, (_, i) => globElem(elems[i])).join('/');
  if (chance(0.15)) g += '/';
  if (chance(0.05)) g += '//';
  if (chance(0.05)) g = ` ${g}`;
  return g;
}

function globList(target: string): string {
  const parts = Array.from({ length: 1 + int(4) }, () =>
    chance(0.1) ? '' : globFor(chance(0.8) ? target : modulePath()),
  );
  return parts.join(',') + (chance(0.1) ? ',' : '');
}

const patChars = ['a', 'b', 'c', '/', '-', '.', '[', ']', '*', '?', '\\', '^', 'é', '日', 'x'];
function pathMatchCase(): [string, string] {
  const pattern = many(int(8), () => (chance(0.15) ? pick(classes) : pick(patChars)));
  // Half the names instantiate the pattern (so they often match), half are random.
  const name = chance(0.5)
    ? pattern.replace(
        /\[[^\]]*\]|\\(.)|[*?]/g,
        (m, esc: string | undefined) =>
          esc ??
          (m === '*'
            ? many(int(3), () => pick(['a', 'b', 'é']))
            : m === '?'
              ? pick(['a', 'é', '/'])
              : pick(['a', 'b', ']'])),
      )
    : many(int(8), () => pick(patChars));
  return [pattern, name];
}

const schemes = ['https', 'http', 'file', 'HTTPS', 'git+ssh', 'ftp', '', '1x', 'ssh'];
const seps = ['://', ':/', ':', ':///', '//', ''];
const users = ['', '', 'u@', 'u:p@', 'u:p%zz@', 'u p@', 'u@@', 'ü@'];
const urlHosts = [
  'proxy.corp',
  'localhost:3000',
  'h:port',
  '[::1]:80',
  '[fe80::1%25en0]',
  '[::1',
  'ho st',
  'hö',
  '%41',
  'a%zz',
  '',
];
const urlTails = [
  '',
  '/',
  '/x',
  '/a b',
  '/%2F',
  '/%zz',
  '/é',
  '?q',
  '?',
  '#f',
  '#%zz',
  '/x?y#z',
  '/a:b',
  '\x01',
  "#a!b*(c)'d e",
  "/p!q*'r[s]",
];
const oddUrls = ['*', 'a%3Ab c', '%3A', 'x:y', ':x', '//h/p', '///p', 'file:/x', 'file:///x#', 'file:///x?'];
function rawUrl(): string {
  if (chance(0.05)) return pick(oddUrls);
  return (
    pick(schemes) +
    pick(seps) +
    pick(users) +
    pick(urlHosts) +
    pick(urlTails) +
    (chance(0.1) ? pick(urlTails) : '')
  );
}

const proxyWords = [
  'direct',
  'off',
  'athens',
  'proxy.corp',
  'localhost:3000',
  '/abs/path',
  ' https://x ',
  '',
  'C:\\x',
  'noproxy',
];
function goproxy(): string {
  const n = 1 + int(4);
  let s = '';
  for (let i = 0; i < n; i++)
    s += (chance(0.5) ? rawUrl() : pick(proxyWords)) + (i < n - 1 || chance(0.1) ? pick([',', '|']) : '');
  return s === '' ? ',' : s;
}

// Verifier keys built with node:crypto, independent of the port's own SHA-256 and base64.
function vkey(name: string): string {
  const key = Buffer.concat([Buffer.from([chance(0.9) ? 1 : 2]), randomBytes(chance(0.9) ? 32 : 31)]);
  const sum = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), key]))
    .digest();
  let hash = sum.subarray(0, 4).toString('hex');
  if (chance(0.1)) hash = 'deadbeef';
  let b64 = key.toString('base64');
  if (chance(0.05)) b64 = b64.replace(/=+$/, '');
  return `${name}+${hash}+${b64}`;
}
const dbNames = [
  'sum.corp.example',
  'sum.corp/path',
  'sum.corp/',
  'u@sum.corp',
  'sum.corp?x',
  'a%zz',
  'é.corp',
  'x#y',
  '/x',
];
function gosumdb(): string {
  const first = pick([
    'sum.golang.org',
    'sum.golang.google.cn',
    'unknown.example',
    vkey(pick(dbNames)),
    vkey(pick(dbNames)),
  ]);
  const rest = pick(['', '', ` ${rawUrl()}`, ' https://sum.corp', ' a b', '\t']);
  return first + rest;
}

/** The queries for one run; the same seed gives the same queries. */
export function goMatchQueries(
  seed: number,
  n: { match: number; prefix: number; url: number; proxy: number; sumdb: number },
): Query[] {
  rand = prng(seed);
  const queries: Query[] = [];
  for (let i = 0; i < n.match; i++) queries.push(['match', ...pathMatchCase()]);
  for (let i = 0; i < n.prefix; i++) {
    const target = modulePath();
    queries.push(['prefix', globList(target), target]);
  }
  for (let i = 0; i < n.url; i++) queries.push(['url', rawUrl()]);
  for (let i = 0; i < n.proxy; i++) queries.push(['proxy', goproxy()]);
  for (let i = 0; i < n.sumdb; i++) queries.push(['sumdb', gosumdb()]);
  return queries;
}
