// Extra module repositories for the benchmarks (bench/): N small modules on each of
// git.corp.test and git2.corp.test, built with real git the way repos.ts builds the fixtures
// (fixed identity and clock, bare repos under <run dir>/repos/<host>/<path>.git), so the
// running sandbox serves them with no restart: discovery answers any two-element path and
// git-http-backend exports every repo under the host's root. A sandbox restart rebuilds the
// repos directory and drops them; ensureBenchRepos() recreates whatever is missing.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runToolChecked } from '../../main/core/tool-runner';
import { runPaths, sandboxHosts, type Sandbox } from './layout';
import { withLock } from './lock';
import { fixedGitEnv } from './repos';

export const BENCH_TAG = 'v1.0.0';
export type BenchHost = 'git' | 'git2';

export interface BenchRepo {
  host: string;
  /** path on the host, without .git */
  path: string;
  /** module path (host/path), also what its go.mod declares */
  module: string;
  tag: string;
  httpsUrl: string;
}

const pad = (i: number) => String(i).padStart(2, '0');

/** The i-th (1-based) bench module on a host: `<host>/bench/m<i>`. */
export function benchRepo(host: BenchHost, i: number): BenchRepo {
  const h = sandboxHosts[host];
  const path = `bench/m${pad(i)}`;
  return { host: h, path, module: `${h}/${path}`, tag: BENCH_TAG, httpsUrl: `https://${h}/${path}.git` };
}

/** `count` modules over both hosts, alternating (git m01, git2 m01, git m02, …). */
export function benchModules(count: number): BenchRepo[] {
  const out: BenchRepo[] = [];
  for (let i = 0; out.length < count; i++) {
    const host: BenchHost = i % 2 === 0 ? 'git' : 'git2';
    out.push(benchRepo(host, Math.floor(i / 2) + 1));
  }
  return out;
}

const gitEnv = (home: string) => fixedGitEnv(home, '2024-02-01T12:00:00Z');

async function buildBenchRepo(r: BenchRepo, bare: string, workRoot: string): Promise<void> {
  const work = join(workRoot, r.host, r.path);
  const git = (args: string[], cwd = work) =>
    runToolChecked('git', args, { env: gitEnv(workRoot), cwd, timeoutMs: 30_000 });
  mkdirSync(work, { recursive: true });
  await git(['init', '-q', '-b', 'main', work], workRoot);
  const pkg = r.path.split('/').pop() as string;
  writeFileSync(join(work, 'go.mod'), `module ${r.module}\n\ngo 1.19\n`);
  writeFileSync(join(work, `${pkg}.go`), `// Package ${pkg} is a benchmark module.\npackage ${pkg}\n`);
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', `release ${r.tag}`]);
  await git(['tag', '-a', '-m', r.tag, r.tag]);
  mkdirSync(dirname(bare), { recursive: true });
  // Build next to the target and rename, so a half-built repo is never served.
  const tmp = `${bare}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await git(['clone', '-q', '--bare', '--no-local', work, tmp], workRoot);
  await git(['--git-dir', tmp, 'remote', 'remove', 'origin'], workRoot);
  await runToolChecked('chmod', ['-R', 'a+rX', tmp], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  rmSync(bare, { recursive: true, force: true }); // a broken leftover (no HEAD)
  renameSync(tmp, bare);
}

/**
 * Makes sure `perHost` bench modules exist on git.corp.test and on git2.corp.test of the running
 * sandbox `sb`; returns how many were created. Holds the sandbox lock, so no restart (which
 * rebuilds the repos directory) runs while they are written.
 */
export async function ensureBenchRepos(sb: Sandbox, perHost: number): Promise<number> {
  const p = runPaths(sb.runDir);
  return withLock(p.lock, async () => {
    const missing: { repo: BenchRepo; bare: string }[] = [];
    for (const host of ['git', 'git2'] as const)
      for (let i = 1; i <= perHost; i++) {
        const repo = benchRepo(host, i);
        const bare = join(p.repos, repo.host, `${repo.path}.git`);
        if (!existsSync(join(bare, 'HEAD'))) missing.push({ repo, bare });
      }
    if (missing.length === 0) return 0;
    const work = mkdtempSync(join(tmpdir(), 'onramp-bench-repos-'));
    try {
      // A few at a time: each is five git processes and the machine may have 2 cores.
      for (let i = 0; i < missing.length; i += 8)
        await Promise.all(missing.slice(i, i + 8).map((m) => buildBenchRepo(m.repo, m.bare, work)));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return missing.length;
  });
}
