// Differential tests for git's URL matching. http.*: selectForUrl against
// `git config --get-urlmatch http.sslcainfo <url>` (which runs git's urlmatch.c with the same
// "most specific wins" rule that http.c uses). credential.*: credentialConfigForUrl against
// the helpers `git credential fill` actually runs, in order, with empty values resetting.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialConfigForUrl, selectForUrl } from '../../main/common/git-urlmatch';
import { readGitConfig } from '../../main/core/git-config-reader';
import { diffSeed, git, makeRng, pool, renderConfig, type ConfigLine, type Rng } from '../helpers/git-diff';
import { makeTempHome, type TempHome } from '../helpers/temp-home';
import { runTool } from '../../main/core/tool-runner';

const HTTP_CONFIGS = 250;
const CREDENTIAL_CONFIGS = 60;
const URLS_PER_CONFIG = 4;
const SEED = diffSeed(7);

const urlSchemes = ['https', 'http', 'HTTPS'];
const users = ['', '', 'user@', 'User@', 'u%73er@', 'user:pw@', '@'];
const urlHosts = [
  'git.example.com',
  'example.com',
  'a.git.example.com',
  'Git.Example.COM',
  'corp.internal',
  'x_y.corp.internal',
];
const patternHosts = [
  ...urlHosts,
  '*.example.com',
  '*.*.com',
  '*',
  'git.*.com',
  '*.corp.internal',
  'g*.example.com',
];
const ports = ['', '', '', ':443', ':0443', ':8443', ':80', ':'];
const paths = [
  '',
  '/',
  '/org',
  '/org/',
  '/org/repo',
  '/org/repo.git',
  '/Org',
  '/org/./repo',
  '/org/x/../repo',
];
const morePaths = ['/%6Frg', '/org%2Frepo', '/org/repo/', '/or', '/org/repo?x=1', '/ü', '/..', '/a b'];

function genUrl(rng: Rng, pattern: boolean): string {
  const scheme = pattern && rng.chance(0.1) ? 'ssh' : rng.pick(urlSchemes);
  const host = rng.pick(pattern ? patternHosts : urlHosts);
  const port = rng.chance(0.03) ? rng.pick([':99999', ':0', ':x']) : rng.pick(ports);
  const path = rng.chance(0.25) ? rng.pick(morePaths) : rng.pick(paths);
  return `${scheme}://${rng.pick(users)}${host}${port}${path}`;
}

/** A key <url> close to `url`: a shorter path, a label globbed, the user or port form changed. */
function nearPattern(rng: Rng, url: string): string {
  const m = /^([^:]+):\/\/([^@/]*@)?([^:/?]*)(:[^/?]*)?(.*)$/.exec(url);
  if (!m) return url;
  const [, scheme = '', user = '', host = '', port = '', path = ''] = m;
  const labels = host.split('.').map((l) => (rng.chance(0.25) ? '*' : l));
  const segs = path.split('/');
  const cut = segs.slice(0, 1 + rng.int(segs.length)).join('/') + (rng.chance(0.3) ? '/' : '');
  const scheme2 = rng.chance(0.1) ? scheme.toUpperCase() : scheme;
  const user2 = rng.chance(0.3) ? rng.pick(users) : user;
  return `${scheme2}://${user2}${labels.join('.')}${rng.chance(0.2) ? rng.pick(ports) : port}${cut}`;
}

interface HttpCase {
  id: number;
  lines: ConfigLine[];
  urls: string[];
}

function genHttpCase(rng: Rng, id: number): HttpCase {
  const urls = Array.from({ length: URLS_PER_CONFIG }, () => genUrl(rng, false));
  const lines: ConfigLine[] = [];
  const n = 3 + rng.int(6);
  for (let i = 0; i < n; i++) {
    const name = rng.pick(['sslCAInfo', 'sslcainfo', 'SSLCAINFO']);
    const subsection = rng.chance(0.75) ? nearPattern(rng, rng.pick(urls)) : genUrl(rng, true);
    const roll = rng.next();
    if (roll < 0.1) lines.push({ section: 'http', name, value: `bare${i}` });
    else if (roll < 0.2) lines.push({ section: 'http', subsection, name: 'sslVerify', value: 'x' });
    else lines.push({ section: 'http', subsection, name, ...(rng.chance(0.05) ? {} : { value: `v${i}` }) });
  }
  return { id, lines, urls };
}

let home: TempHome;
let dir: string;
beforeAll(() => {
  home = makeTempHome();
  dir = join(home.home, 'configs');
  mkdirSync(dir);
});
afterAll(() => home.cleanup());

interface Diff {
  config: string;
  url: string;
  git: string;
  ours: string;
}

describe('selectForUrl matches git config --get-urlmatch (differential)', () => {
  it(
    `agrees on ${HTTP_CONFIGS * URLS_PER_CONFIG} generated cases (seed ${SEED})`,
    { timeout: 120_000 },
    async () => {
      const rng = makeRng(SEED);
      const cases = Array.from({ length: HTTP_CONFIGS }, (_, id) => genHttpCase(rng, id));
      const started = performance.now();
      const results = await pool(cases, 6, async (c) => {
        const file = join(dir, `http-${c.id}`);
        const text = renderConfig(c.lines);
        writeFileSync(file, text);
        const env = { ...home.env, GIT_CONFIG_GLOBAL: file };
        const { entries } = await readGitConfig(env);
        const diffs: Diff[] = [];
        let matched = 0;
        let contested = 0;
        for (const url of c.urls) {
          const r = await git(['config', '--get-urlmatch', 'http.sslcainfo', url], env, home.home);
          const gitSays = r.code === 0 ? `value ${r.stdout}` : `exit ${r.code}`;
          const sel = selectForUrl(entries, 'http', 'sslcainfo', url);
          const ours = sel.urlError
            ? 'exit 128'
            : sel.effective
              ? `value ${sel.effective.entry.value ?? ''}\n`
              : 'exit 1';
          if (sel.effective?.urlScope) matched++;
          if (sel.all.length > 1) contested++;
          if (gitSays !== ours) diffs.push({ config: text, url, git: gitSays, ours });
        }
        return { diffs, matched, contested };
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const diffs = results.flatMap((r) => r.diffs);
      const matched = results.reduce((n, r) => n + r.matched, 0);
      const contested = results.reduce((n, r) => n + r.contested, 0);
      const total = HTTP_CONFIGS * URLS_PER_CONFIG;
      console.log(
        `urlmatch differential: ${total} cases (${matched} chose a <url> key, ${contested} had several matching keys), ${diffs.length} differences, ${seconds} s`,
      );
      expect(diffs.slice(0, 5)).toEqual([]);
      expect(matched).toBeGreaterThan(total / 3);
      expect(contested).toBeGreaterThan(total / 5);
    },
  );
});

const credentialPatterns = [
  'example.com',
  'git.example.com',
  'https://',
  'user@git.example.com',
  'https://git.example.com',
  'https://git.example.com/org',
  'https://*.example.com',
  'http://git.example.com',
  'https://user@git.example.com/',
];

describe('credentialConfigForUrl matches the helpers git runs (differential)', () => {
  it(`agrees on ${CREDENTIAL_CONFIGS * 2} generated lookups`, { timeout: 120_000 }, async () => {
    const rng = makeRng(SEED + 1);
    const cases = Array.from({ length: CREDENTIAL_CONFIGS }, (_, id) => {
      const log = join(dir, `cred-${id}.log`);
      const lines: ConfigLine[] = Array.from({ length: 2 + rng.int(5) }, (_, i) => {
        const reset = rng.chance(0.15);
        const value = reset ? '' : `!echo h${i} >>${log}; :`;
        const scoped = rng.chance(0.7);
        return scoped
          ? { section: 'credential', subsection: rng.pick(credentialPatterns), name: 'helper', value }
          : { section: 'credential', name: 'helper', value };
      });
      const urls = [0, 1].map(
        () => `https://${rng.pick(['', 'user@'])}${rng.pick(urlHosts)}${rng.pick(paths)}`,
      );
      return { id, lines, urls, log };
    });
    const results = await pool(cases, 4, async (c) => {
      const file = join(dir, `cred-${c.id}`);
      writeFileSync(file, renderConfig(c.lines));
      const env = { ...home.env, GIT_CONFIG_GLOBAL: file, GIT_TERMINAL_PROMPT: '0' };
      const { entries } = await readGitConfig(env);
      const diffs: Diff[] = [];
      let ran = 0;
      for (const url of c.urls) {
        writeFileSync(c.log, '');
        // fill ends in "terminal prompts disabled" after the helpers ran: that is expected
        await runTool('git', ['credential', 'fill'], { env, cwd: home.home, stdin: `url=${url}\n\n` });
        const gitRan = existsSync(c.log) ? readFileSync(c.log, 'utf8').split('\n').filter(Boolean) : [];
        const ours = credentialConfigForUrl(entries, url).helpers.map(
          (h) => /echo (h\d+)/.exec(h.helper)?.[1] ?? '?',
        );
        ran += gitRan.length;
        if (gitRan.join(',') !== ours.join(','))
          diffs.push({ config: renderConfig(c.lines), url, git: gitRan.join(','), ours: ours.join(',') });
      }
      return { diffs, ran };
    });
    const diffs = results.flatMap((r) => r.diffs);
    const ran = results.reduce((n, r) => n + r.ran, 0);
    console.log(
      `credential differential: ${CREDENTIAL_CONFIGS * 2} lookups, ${ran} helper runs, ${diffs.length} differences`,
    );
    expect(diffs.slice(0, 5)).toEqual([]);
    expect(ran).toBeGreaterThan(CREDENTIAL_CONFIGS);
  });
});
