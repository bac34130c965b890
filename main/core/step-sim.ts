// Runs plan steps against private working copies, never the real files: the planner does it to
// compute each file's after-content, and apply does it again and then puts the result in place
// with one atomic rename per file. So a real file only ever holds its before or its after
// bytes, and a git or go process orphaned by a crash can only touch a working copy.
import { gitConfigFailure } from './git-config-reader';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OnrampError } from '../common/errors';
import type { GitConfigStep, GoEnvStep, Step } from '../common/plan';
import type { Env } from './paths';
import { runTool } from './tool-runner';

export interface WorkingCopy {
  /** the real target this copy stands for */
  file: string;
  path: string;
}

/** Distinct target files in first-touched order. */
export function targetsOf(steps: readonly Step[]): string[] {
  return [...new Set(steps.map((s) => s.file))];
}

/** Mode a forced-mode file-edit sets on an existing target, if any (the last one wins). */
export function forcedMode(steps: readonly Step[], file: string): number | undefined {
  let mode: number | undefined;
  for (const s of steps) if (s.kind === 'file-edit' && s.file === file && s.forceMode) mode = s.mode;
  return mode;
}

/** Mode a target gets when it does not exist yet: the last file-edit's mode, else 0o644. */
export function newFileMode(steps: readonly Step[], file: string): number {
  let mode = 0o644;
  for (const s of steps) if (s.kind === 'file-edit' && s.file === file) mode = s.mode;
  return mode;
}

/** Makes a 0700 working directory and a copy of each target's before-content in it. */
export async function openWorkingCopy(
  workDir: string,
  index: number,
  file: string,
  before: { exists: boolean; content: Buffer },
): Promise<WorkingCopy> {
  await mkdir(workDir, { recursive: true, mode: 0o700 });
  const path = join(workDir, `target-${index}`);
  // 0600: the copy may hold another file's secrets (netrc).
  if (before.exists) await writeFile(path, before.content, { mode: 0o600, flag: 'wx' });
  return { file, path };
}

/** The working copy's bytes, or null when the steps left no file (e.g. nothing was ever set). */
export async function readWorkingCopy(wc: WorkingCopy): Promise<Buffer | null> {
  try {
    return await readFile(wc.path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** git gets only what it needs: `git config --file` reads nothing else and must never prompt. */
export function gitToolEnv(env: Env): Env {
  return {
    PATH: env.PATH,
    HOME: env.HOME,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    LANG: 'C',
  };
}

const goEnvPassThrough =
  /^(GO|CGO_)|^(PATH|HOME|USERPROFILE|APPDATA|LOCALAPPDATA|TMPDIR|TEMP|TMP|CC|CXX|AR|PKG_CONFIG|XDG_[A-Z_]+)$/;

/**
 * The env go runs with: the user's GO* variables are kept on purpose, because `go env -w`
 * warns when one of them overrides the file and that warning belongs in the plan.
 */
export function goToolEnv(env: Env, goenvFile: string | undefined, without: readonly string[] = []): Env {
  const out: Env = {};
  for (const [k, v] of Object.entries(env)) if (goEnvPassThrough.test(k) && !without.includes(k)) out[k] = v;
  if (goenvFile !== undefined) out.GOENV = goenvFile;
  out.GOTOOLCHAIN = env.GOTOOLCHAIN ?? 'local'; // go ≥ 1.21 must not download a toolchain to edit its env
  out.LC_ALL = 'C';
  out.LANG = 'C';
  return out;
}

function gitConfigArgs(step: GitConfigStep, file: string): string[] {
  const args = ['config', '--file', file];
  if (step.action === 'add') args.push('--add');
  if (step.action === 'unset') args.push('--unset');
  if (step.action === 'unset-all') args.push('--unset-all');
  // '--' so a key can never be read as an option; values may start with '-' safely after it.
  args.push('--', step.key);
  if (step.value !== undefined) args.push(step.value);
  if (step.valuePattern !== undefined) args.push(step.valuePattern);
  return args;
}

function stepFailed(
  step: GitConfigStep | GoEnvStep,
  stderr: string,
  code: number | null,
  workPath?: string,
): OnrampError {
  // git names the working copy; the person needs the real file and line ("bad config line 3").
  const real = workPath ? stderr.split(workPath).join(step.file) : stderr;
  const configError = step.kind === 'git-config' ? gitConfigFailure(real) : undefined;
  if (configError) return configError;
  const detail = stderr.trim().split('\n').slice(-3).join(' | ') || `exit ${code}`;
  return new OnrampError({
    code: 'invalid-input',
    message: `${step.kind === 'go-env' ? 'go env' : 'git config'} refused ${step.key}: ${detail}`,
    file: step.file,
  });
}

async function runGitConfig(step: GitConfigStep, wc: WorkingCopy, env: Env, cwd: string): Promise<string[]> {
  const r = await runTool('git', gitConfigArgs(step, wc.path), { env: gitToolEnv(env), cwd });
  // Exit 5 on --unset means the key was not set: unsetting it is already done.
  if (r.code === 5 && (step.action === 'unset' || step.action === 'unset-all')) return [];
  if (r.code !== 0) throw stepFailed(step, r.stderr, r.code, wc.path);
  return [];
}

async function runGoEnv(step: GoEnvStep, wc: WorkingCopy, env: Env, cwd: string): Promise<string[]> {
  const args =
    step.action === 'set' ? ['env', '-w', `${step.key}=${step.value ?? ''}`] : ['env', '-u', step.key];
  const r = await runTool('go', args, { env: goToolEnv(env, wc.path), cwd });
  if (r.code !== 0) throw stepFailed(step, r.stderr, r.code);
  // go env -w still writes when it warns (e.g. an OS variable of the same name overrides it).
  return r.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => `${step.key}: ${l.replace(/^go: /, '')}`);
}

/** Applies one step to its working copy; returns the tool's warnings. */
export async function runStepOn(step: Step, wc: WorkingCopy, env: Env, cwd: string): Promise<string[]> {
  switch (step.kind) {
    case 'git-config':
      return runGitConfig(step, wc, env, cwd);
    case 'go-env':
      return runGoEnv(step, wc, env, cwd);
    case 'file-edit':
      await writeFile(wc.path, step.content, { mode: 0o600 });
      return [];
  }
}

/** Effective values go reports for `keys` when reading `goenvFile`, OS overrides removed. */
export async function goEnvValues(env: Env, goenvFile: string, keys: readonly string[], cwd: string) {
  const r = await runTool('go', ['env', '-json', ...keys], { env: goToolEnv(env, goenvFile, keys), cwd });
  if (r.code !== 0)
    throw new OnrampError({
      code: 'tool-failed',
      message: `go env -json failed: ${r.stderr.trim()}`,
      file: goenvFile,
    });
  return JSON.parse(r.stdout) as Record<string, string>;
}

/** The go env file go itself would use with the caller's environment. */
export async function goEnvFileInUse(env: Env, cwd: string): Promise<string | undefined> {
  const r = await runTool('go', ['env', 'GOENV'], { env: goToolEnv(env, undefined), cwd });
  return r.code === 0 ? r.stdout.trim() : undefined;
}
