// Differential test: rewriteUrl against git 2.39 itself on generated configs. Each config holds
// insteadOf / pushInsteadOf rules built to collide (overlapping prefixes, identical prefixes under
// different bases, several values per base, scp-like `git@host:` forms, trailing-slash variants)
// and one remote per test URL. git answers with `ls-remote --get-url <url>` (fetch, anonymous
// remote) and `remote -v` (fetch and push of configured remotes); neither touches the network.
// Our side reads the same file through readGitConfig, so parsing and summarising are covered too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteUrl } from '../../main/common/git-url-rewrite';
import { readGitConfig } from '../../main/core/git-config-reader';
import { diffSeed, git, makeRng, pool, renderConfig, type ConfigLine, type Rng } from '../helpers/git-diff';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

const CONFIGS = 1000;
const PARALLEL = 6;
const SEED = diffSeed(20240611);

const hosts = ['github.com', 'gitlab.example.com', 'git.corp.internal', 'GitHub.com', 'h'];
const orgs = ['org', 'Org', 'org2', 'o', 'team-x', 'ü'];
const repos = ['repo', 'repo.git', 'r', 'lib/v2', 'x%20y', ''];
const bases = [
  'https://github.com/',
  'git@github.com:',
  'ssh://git@github.com/',
  'https://mirror.corp/',
  'https://oauth2:TOKEN@gitlab.example.com/',
  'git@gitlab.example.com:',
  'https://github.com/Org/',
  'file:///srv/git/',
  'X',
  '',
];

function genUrl(rng: Rng): string {
  const host = rng.pick(hosts);
  const org = rng.pick(orgs);
  const repo = rng.pick(repos);
  switch (rng.int(8)) {
    case 0:
      return `https://${host}/${org}/${repo}`;
    case 1:
      return `git@${host}:${org}/${repo}`;
    case 2:
      return `ssh://git@${host}/${org}/${repo}`;
    case 3:
      return `http://${host}:8080/${org}/${repo}`;
    case 4:
      return `${rng.pick(['gh', 'work', 'corp'])}:${org}/${repo}`;
    case 5:
      return `https://${host}/${org}${rng.pick(['', '/'])}`;
    case 6:
      return `git+ssh://${host}/${org}/${repo}`;
    default:
      return `${rng.pick(['gh', 'work'])}:${repo}`;
  }
}

/** A prefix of `url`: cut at a random place or at a boundary, with the trailing '/' toggled. */
function genPrefix(rng: Rng, url: string): string {
  const cuts = [...url.matchAll(/[:/@]/g)].map((m) => (m.index ?? 0) + 1);
  let p =
    rng.chance(0.6) && cuts.length > 0 ? url.slice(0, rng.pick(cuts)) : url.slice(0, 1 + rng.int(url.length));
  if (rng.chance(0.2)) p = p.endsWith('/') ? p.slice(0, -1) : p + '/';
  return p === '' || p.startsWith('-') ? url : p;
}

interface Case {
  id: number;
  lines: ConfigLine[];
  urls: string[];
}

function genCase(rng: Rng, id: number): Case {
  const urls = Array.from({ length: 5 + rng.int(5) }, () => genUrl(rng));
  const lines: ConfigLine[] = [];
  const used: { base: string; prefix: string }[] = [];
  const nRules = 2 + rng.int(7);
  for (let i = 0; i < nRules; i++) {
    let base = rng.pick(bases);
    if (used.length > 0 && rng.chance(0.35)) base = rng.pick(used).base; // more values per base
    let prefix = genPrefix(rng, rng.pick(urls));
    if (used.length > 0 && rng.chance(0.2)) prefix = rng.pick(used).prefix; // identical prefix: a tie
    const push = rng.chance(0.3);
    const name = push
      ? rng.pick(['pushInsteadOf', 'pushinsteadof', 'PUSHINSTEADOF'])
      : rng.pick(['insteadOf', 'insteadof', 'InsteadOf']);
    lines.push({ section: rng.pick(['url', 'URL', 'Url']), subsection: base, name, value: prefix });
    used.push({ base, prefix });
  }
  // URLs that begin with a rule's prefix, and one equal to it (git then keeps only the base)
  for (const u of used.slice(0, 3))
    urls.push(u.prefix + (rng.chance(0.8) ? rng.pick(['x/y', 'org/repo', '']) : ''));
  const clean = [...new Set(urls)].filter((u) => u !== '' && !u.startsWith('-') && !/\s/.test(u));
  clean.forEach((u, i) => lines.push({ section: 'remote', subsection: `r${i}`, name: 'url', value: u }));
  return { id, lines, urls: clean };
}

interface Diff {
  id: number;
  url: string;
  what: string;
  git: string;
  ours: string;
}

let home: TempHome;
let repo: string;
let cfgDir: string;

beforeAll(async () => {
  home = makeTempHome();
  repo = join(home.home, 'repo');
  cfgDir = join(home.home, 'configs');
  mkdirSync(cfgDir);
  const r = await git(['init', '-q', repo], home.env, home.home);
  expect(r.code).toBe(0);
});
afterAll(() => home.cleanup());

/** URLs where two different bases offer the longest matching prefix: git's tie-break decides. */
function countTies(url: string, rules: readonly { base: string; prefix: string; push: boolean }[]): number {
  let ties = 0;
  for (const push of [false, true]) {
    const hits = rules.filter((r) => r.push === push && url.startsWith(r.prefix));
    const longest = Math.max(-1, ...hits.map((r) => r.prefix.length));
    if (new Set(hits.filter((r) => r.prefix.length === longest).map((r) => r.base)).size > 1) ties++;
  }
  return ties;
}

async function runCase(c: Case): Promise<{ diffs: Diff[]; checks: number; rewritten: number; ties: number }> {
  const file = join(cfgDir, `cfg-${c.id}`);
  writeFileSync(file, renderConfig(c.lines));
  const env = { ...home.env, GIT_CONFIG_GLOBAL: file };
  const { summary } = await readGitConfig(env);
  const remotes = await git(['remote', '-v'], env, repo);
  if (remotes.code !== 0) throw new Error(`git remote -v failed for config ${c.id}: ${remotes.stderr}`);
  const listed = new Map<string, string>();
  for (const m of remotes.stdout.matchAll(/^(r\d+)\t(.*) \((fetch|push)\)$/gm))
    listed.set(`${m[1]} ${m[3]}`, m[2] ?? '');
  const diffs: Diff[] = [];
  let checks = 0;
  let rewritten = 0;
  let ties = 0;
  const check = (url: string, what: string, gitSays: string | undefined, ours: string) => {
    checks++;
    if (gitSays !== ours) diffs.push({ id: c.id, url, what, git: String(gitSays), ours });
  };
  for (const [i, url] of c.urls.entries()) {
    const fetch = rewriteUrl(url, summary.insteadOf);
    const push = rewriteUrl(url, summary.insteadOf, { push: true });
    if (fetch.rule || push.rule) rewritten++;
    ties += countTies(url, summary.insteadOf);
    // ls-remote (anonymous remote) on a third of the URLs keeps the run short; remote -v
    // (configured remotes, same alias_url) covers every URL for fetch and push.
    if ((i + c.id) % 3 === 0) {
      const ls = await git(['ls-remote', '--get-url', url], env, home.home);
      const gitSays = ls.code === 0 ? ls.stdout.replace(/\n$/, '') : `exit ${ls.code}`;
      check(url, 'ls-remote --get-url', gitSays, fetch.url);
    }
    check(url, 'remote -v (fetch)', listed.get(`r${i} fetch`), fetch.url);
    check(url, 'remote -v (push)', listed.get(`r${i} push`), push.url);
  }
  return { diffs, checks, rewritten, ties };
}

describe('rewriteUrl matches git (differential)', () => {
  it(`agrees with git on ${CONFIGS} generated configs (seed ${SEED})`, { timeout: 240_000 }, async () => {
    const rng = makeRng(SEED);
    const cases = Array.from({ length: CONFIGS }, (_, i) => genCase(rng, i));
    const started = performance.now();
    const results = await pool(cases, PARALLEL, runCase);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const diffs = results.flatMap((r) => r.diffs);
    const urls = cases.reduce((n, c) => n + c.urls.length, 0);
    const checks = results.reduce((n, r) => n + r.checks, 0);
    const rewritten = results.reduce((n, r) => n + r.rewritten, 0);
    const ties = results.reduce((n, r) => n + r.ties, 0);
    console.log(
      `insteadOf differential: seed ${SEED}, ${CONFIGS} configs, ${urls} URLs (${rewritten} rewritten, ` +
        `${ties} equal-length ties between bases), ` +
        `${checks} comparisons, ${diffs.length} differences, ${seconds} s`,
    );
    expect(diffs.slice(0, 10)).toEqual([]);
    // The generator must actually produce the hard cases, or 0 differences proves little.
    expect(rewritten).toBeGreaterThan(urls / 3);
    expect(ties).toBeGreaterThan(CONFIGS / 10);
  });
});
