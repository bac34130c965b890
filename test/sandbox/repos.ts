// The sandbox's bare repositories, built with real git from fixed content and fixed dates, so
// every start yields the same commits, the same module zips and the same go.sum lines.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runToolChecked } from '../../main/core/tool-runner';
import { sandboxHosts, type RepoFixture, type RepoKey, type SandboxRepo } from './layout';

const libGo = (v: string) =>
  `// Package lib is the sandbox's private library.\npackage lib\n\n// Version is the tag this commit carries.\nfunc Version() string { return "${v}" }\n`;

export const repoFixtures: RepoFixture[] = [
  {
    key: 'lib',
    host: 'git',
    path: 'acme/lib',
    declares: 'git.corp.test/acme/lib',
    commits: ['v1.0.0', 'v1.1.0', 'v1.2.0'].map((tag) => ({
      tag,
      files: {
        'go.mod': 'module git.corp.test/acme/lib\n\ngo 1.19\n',
        'lib.go': libGo(tag),
        'sub/sub.go': '// Package sub is a nested package of lib.\npackage sub\n\nconst Name = "sub"\n',
      },
    })),
  },
  {
    key: 'appDep',
    host: 'git',
    path: 'acme/app-dep',
    declares: 'git.corp.test/acme/app-dep',
    commits: [
      {
        tag: 'v0.1.0',
        files: {
          'go.mod': 'module git.corp.test/acme/app-dep\n\ngo 1.19\n\nrequire git.corp.test/acme/lib v1.1.0\n',
          'dep.go':
            'package dep\n\nimport "git.corp.test/acme/lib"\n\n// LibVersion reports the lib it was built with.\nfunc LibVersion() string { return lib.Version() }\n',
        },
      },
    ],
  },
  {
    key: 'wrongpath',
    host: 'git',
    path: 'acme/wrongpath',
    declares: 'github.com/other/thing',
    commits: [
      {
        tag: 'v1.0.0',
        files: { 'go.mod': 'module github.com/other/thing\n\ngo 1.19\n', 'thing.go': 'package thing\n' },
      },
    ],
  },
  {
    key: 'notags',
    host: 'git',
    path: 'acme/notags',
    declares: 'git.corp.test/acme/notags',
    commits: [
      {
        files: { 'go.mod': 'module git.corp.test/acme/notags\n\ngo 1.19\n', 'notags.go': 'package notags\n' },
      },
    ],
  },
  {
    key: 'secret',
    host: 'git',
    path: 'acme/secret',
    declares: 'git.corp.test/acme/secret',
    onlyUser: 'alice',
    commits: [
      {
        tag: 'v1.0.0',
        files: { 'go.mod': 'module git.corp.test/acme/secret\n\ngo 1.19\n', 'secret.go': 'package secret\n' },
      },
    ],
  },
  {
    key: 'tool',
    host: 'git2',
    path: 'team/tool',
    declares: 'git2.corp.test/team/tool',
    commits: ['v0.1.0', 'v0.2.0'].map((tag) => ({
      tag,
      files: {
        'go.mod': 'module git2.corp.test/team/tool\n\ngo 1.19\n',
        'tool.go': `package tool\n\nconst Version = "${tag}"\n`,
      },
    })),
  },
  {
    key: 'proj',
    host: 'git2',
    path: 'group/sub/proj',
    declares: 'git2.corp.test/group/sub/proj',
    commits: [
      {
        tag: 'v1.0.0',
        files: { 'go.mod': 'module git2.corp.test/group/sub/proj\n\ngo 1.19\n', 'proj.go': 'package proj\n' },
      },
    ],
  },
];

export function describeRepos(): Record<RepoKey, SandboxRepo> {
  const out = {} as Record<RepoKey, SandboxRepo>;
  for (const f of repoFixtures) {
    const host = sandboxHosts[f.host];
    out[f.key] = {
      key: f.key,
      host,
      path: f.path,
      module: `${host}/${f.path}`,
      declares: f.declares,
      tags: f.commits.flatMap((c) => (c.tag ? [c.tag] : [])),
      httpsUrl: `https://${host}/${f.path}.git`,
      ...(f.host === 'git' ? { sshUrl: `git@${host}:${f.path}.git` } : {}),
      ...(f.onlyUser ? { onlyUser: f.onlyUser } : {}),
    };
  }
  return out;
}

/** git with no user or system config and a fixed identity and clock (January `day`). */
function gitEnv(home: string, day: number): Record<string, string> {
  return fixedGitEnv(home, `2024-01-${String(day).padStart(2, '0')}T12:00:00Z`);
}

/** git with no user or system config, a fixed identity, and commits dated `date`. */
export function fixedGitEnv(home: string, date: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Sandbox',
    GIT_AUTHOR_EMAIL: 'sandbox@corp.test',
    GIT_COMMITTER_NAME: 'Sandbox',
    GIT_COMMITTER_EMAIL: 'sandbox@corp.test',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    LC_ALL: 'C',
  };
}

const bareRepoPath = (reposRoot: string, f: RepoFixture) =>
  join(reposRoot, sandboxHosts[f.host], `${f.path}.git`);

async function buildRepo(f: RepoFixture, reposRoot: string, workRoot: string): Promise<void> {
  const work = join(workRoot, f.key);
  const bare = bareRepoPath(reposRoot, f);
  const git = (args: string[], day: number, cwd = work) =>
    runToolChecked('git', args, { env: gitEnv(workRoot, day), cwd, timeoutMs: 30_000 });
  mkdirSync(work, { recursive: true });
  await git(['init', '-q', '-b', 'main', work], 1, workRoot);
  let day = 1;
  for (const c of f.commits) {
    for (const [name, text] of Object.entries(c.files)) {
      mkdirSync(dirname(join(work, name)), { recursive: true });
      writeFileSync(join(work, name), text);
    }
    await git(['add', '-A'], day);
    await git(['commit', '-q', '-m', c.tag ? `release ${c.tag}` : `commit ${day}`], day);
    if (c.tag) await git(['tag', '-a', '-m', c.tag, c.tag], day);
    day++;
  }
  mkdirSync(dirname(bare), { recursive: true });
  await git(['clone', '-q', '--bare', '--no-local', work, bare], day, workRoot);
  await git(['--git-dir', bare, 'remote', 'remove', 'origin'], day, workRoot);
}

/** Builds every fixture repo under reposRoot/<host>/<path>.git (dirs 0755, files 0644). */
export async function buildRepos(reposRoot: string, workRoot: string): Promise<void> {
  rmSync(reposRoot, { recursive: true, force: true });
  mkdirSync(reposRoot, { recursive: true, mode: 0o755 });
  await Promise.all(repoFixtures.map((f) => buildRepo(f, reposRoot, workRoot)));
  // The ssh side runs as the git user: whatever the umask, everyone may read.
  await runToolChecked('chmod', ['-R', 'a+rX', reposRoot], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
}

/** Every ref of every repo with its object id: equal fingerprints mean equal module content. */
export async function reposFingerprint(reposRoot: string): Promise<string> {
  const refs = await Promise.all(
    repoFixtures.map(async (f) => {
      const r = await runToolChecked(
        'git',
        ['--git-dir', bareRepoPath(reposRoot, f), 'for-each-ref', '--format=%(objectname) %(refname)'],
        { env: gitEnv(reposRoot, 1) },
      );
      return `${f.host} ${f.path} ${f.declares}\n${r.stdout}`;
    }),
  );
  return refs.join('');
}
