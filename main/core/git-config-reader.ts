// Reads the effective git config through git itself (`git config --list`), so includes,
// includeIf, GIT_CONFIG_GLOBAL/NOSYSTEM and `-c` parameters resolve exactly as git resolves them.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { OnrampError, parseError } from '../common/errors';
import {
  parseGitConfigList,
  summarizeGitConfig,
  type GitConfigEntry,
  type GitConfigSummary,
} from '../common/git-config-list';
import { homeOf, type Env } from './paths';
import { baseToolEnv, runTool } from './tool-runner';

export interface GitConfigReading {
  entries: GitConfigEntry[];
  summary: GitConfigSummary;
  /** the directory git ran in; relative `file` origins have been resolved against it */
  cwd: string;
}

export interface ReadGitConfigOptions {
  /** a repository to include the local and worktree scopes of; default: none */
  cwd?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const hints = {
  badLine: 'Fix or remove that line (`git config --global --edit` opens the file), then retry.',
  include: 'An include.path or includeIf points back at a file that includes it; remove the loop.',
  commandLine: 'Check GIT_CONFIG_PARAMETERS, GIT_CONFIG_COUNT/KEY_n/VALUE_n and any `-c` options.',
  unreadable: 'Make the file readable, or move it aside if it is not a git config file.',
} as const;

/**
 * Turns git's complaint about a config file into an OnrampError naming the file and line, or
 * undefined when the message is not about config. Shared by every caller that runs git.
 */
export function gitConfigFailure(stderr: string, cwd?: string): OnrampError | undefined {
  const abs = (f: string) => (cwd && !isAbsolute(f) ? resolve(cwd, f) : f);
  // config.c: "bad config line %d in file %s" (also "in blob %s", "in standard input", …)
  let m = /bad config line (\d+) in (file|blob|submodule-blob|standard input|command line)\s*(.*)$/m.exec(
    stderr,
  );
  if (m) {
    const line = Number(m[1]);
    const where = m[2] === 'file' ? abs((m[3] ?? '').trim()) : `${m[2]} ${m[3] ?? ''}`.trim();
    return parseError(where, line, 'git cannot parse this line of its config', hints.badLine);
  }
  // A callback rejected a value: "bad config variable 'k' in file 'f' at line n"
  m = /bad config variable '([^']*)' in file '([^']*)' at line (\d+)/.exec(stderr);
  if (m) {
    const missing = /missing value for '[^']*'/.test(stderr) ? ' has no value' : ' has a bad value';
    return parseError(abs(m[2] ?? ''), Number(m[3]), `${m[1]}${missing}`, hints.badLine);
  }
  m = /exceeded maximum include depth \(\d+\) while including\s+(\S.*)$/m.exec(stderr);
  if (m) {
    const file = abs((m[1] ?? '').trim());
    return new OnrampError({
      code: 'parse',
      message: `${file}: config includes loop or nest too deeply`,
      file,
      hint: hints.include,
    });
  }
  if (/unable to parse command-line config|bogus format in GIT_CONFIG_PARAMETERS/.test(stderr))
    return new OnrampError({
      code: 'parse',
      message: `git cannot parse the config given in the environment: ${lastLine(stderr)}`,
      hint: hints.commandLine,
    });
  m = /unable to access '([^']*)': (.*)$/m.exec(stderr);
  if (m)
    return new OnrampError({
      code: 'io',
      message: `git cannot read config file ${abs(m[1] ?? '')}: ${m[2] ?? ''}`,
      file: abs(m[1] ?? ''),
      hint: hints.unreadable,
    });
  return undefined;
}

function lastLine(text: string): string {
  return text.trim().split('\n').slice(-1)[0] ?? '';
}

/**
 * Runs `git config --null --list --show-origin --show-scope` and returns the entries and their
 * summary. Without `cwd` it runs in HOME with discovery stopped at HOME's parent, and drops any
 * local scope (a dotfiles repo in HOME is not the config of the modules being fetched).
 */
export async function readGitConfig(env: Env, opts: ReadGitConfigOptions = {}): Promise<GitConfigReading> {
  const toolEnv = baseToolEnv(env);
  if (opts.cwd !== undefined && !existsSync(opts.cwd))
    throw new OnrampError({ code: 'not-found', message: `directory ${opts.cwd} does not exist` });
  // spawn reports a missing cwd as ENOENT, which would read as "git not found"
  const home = homeOf(env);
  const cwd = opts.cwd ?? (existsSync(home) ? home : tmpdir());
  if (opts.cwd === undefined) toolEnv.GIT_CEILING_DIRECTORIES = dirname(cwd);
  const args = ['config', '--null', '--list', '--show-origin', '--show-scope'];
  const r = await runTool('git', args, {
    env: toolEnv,
    cwd,
    timeoutMs: opts.timeoutMs ?? 15_000,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  if (r.timedOut)
    throw new OnrampError({
      code: 'timeout',
      message: `git config --list timed out after ${opts.timeoutMs ?? 15_000} ms`,
    });
  if (r.code !== 0) {
    const known = gitConfigFailure(r.stderr, cwd);
    if (known) throw known;
    throw new OnrampError({
      code: 'tool-failed',
      message: `git config --list failed (exit ${r.code ?? r.signal}): ${lastLine(r.stderr) || 'no message'}`,
      hint: 'Run `git config --list --show-origin` in a terminal to see what git reports.',
    });
  }
  let entries = parseGitConfigList(r.stdout).map((e) =>
    e.file !== undefined && !isAbsolute(e.file) ? { ...e, file: resolve(cwd, e.file) } : e,
  );
  if (opts.cwd === undefined) entries = entries.filter((e) => e.scope !== 'local' && e.scope !== 'worktree');
  return { entries, summary: summarizeGitConfig(entries), cwd };
}
