// Reads the go env the way go resolves it, with provenance. `go env -json` is the authority on
// effective values; the OS environment, the go env file (GOENV) and the shell startup files are
// read beside it to say *why* a value is what it is: go takes a non-empty OS variable first, then
// the file, then its default (cmd/go/internal/cfg.Getenv), and a shell export is an OS variable
// in every terminal that sources it.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseGoEnvFile, type GoEnvFile, type GoEnvFileEntry } from '../common/go-env-file';
import { parseGoVersion, supportsGoauth, type GoVersion } from '../common/go-version';
import type { ReadProblem } from '../common/read-problem';
import { redactSettingValue } from '../common/setting-redaction';
import type { ShellExport } from '../common/shell-exports';
import { goEnvProblems } from './go-env-problems';
import { pathsOf, type Env } from './paths';
import { readShellExports } from './shell-rc-reader';
import { baseToolEnv, runTool } from './tool-runner';

export const GO_ENV_KEYS = [
  'GOPRIVATE',
  'GONOPROXY',
  'GONOSUMDB',
  'GOPROXY',
  'GOSUMDB',
  'GOINSECURE',
  'GOAUTH',
  'GOFLAGS',
  'GO111MODULE',
  'GOTOOLCHAIN',
  'GOVCS',
  'GOMODCACHE',
  'GOPATH',
  'GOENV',
  'GOVERSION',
] as const;
export type GoEnvKey = (typeof GO_ENV_KEYS)[number];

export interface ShellExportRef {
  file: string;
  line: number;
  /** secrets masked */
  value: string;
  dynamic: boolean;
  conditional: boolean;
}

export interface GoEnvSetting {
  key: GoEnvKey;
  /** what go uses (`go env -json`); null when this go does not know the variable or go could not run */
  effective: string | null;
  /** last KEY= line of the go env file */
  fileValue?: string;
  fileLine?: number;
  /** this process's environment (set even when empty; go ignores an empty OS value) */
  osValue?: string;
  winner: 'os' | 'file' | 'default';
  /** GONOPROXY/GONOSUMDB left unset default to GOPRIVATE's value */
  derivedFrom?: 'GOPRIVATE';
  /** shell startup files exporting the key (a terminal's OS value) */
  shellExports: ShellExportRef[];
  /** some value above had a credential masked */
  redacted: boolean;
}

export interface GoEnvReport {
  goFound: boolean;
  /** `go env -json` ran and answered */
  goEnvOk: boolean;
  version?: GoVersion;
  supportsGoauth: boolean;
  /** the go env file; undefined when GOENV=off (or go could not say and HOME is unknown) */
  envFile?: string;
  envFileExists: boolean;
  settings: GoEnvSetting[];
  /** every GO* name in the OS environment, go env file and startup files, for lints */
  shellExports: ShellExport[];
  problems: ReadProblem[];
}

export interface ReadGoEnvOptions {
  /** directory go runs in; default HOME (go env depends on the module around cwd) */
  cwd?: string;
  timeoutMs?: number;
  /** startup files to scan; default pathsOf(env).shellRcFiles */
  shellRcFiles?: string[];
}

/** Where go looks for its env file when it cannot tell us (os.UserConfigDir()/go/env). */
export function defaultGoEnvFile(env: Env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.GOENV !== undefined && env.GOENV !== '') return env.GOENV === 'off' ? undefined : env.GOENV;
  const home = env.HOME;
  if (platform === 'win32') return env.APPDATA ? join(env.APPDATA, 'go', 'env') : undefined;
  if (platform === 'darwin')
    return home ? join(home, 'Library', 'Application Support', 'go', 'env') : undefined;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'go', 'env');
  return home ? join(home, '.config', 'go', 'env') : undefined;
}

interface GoEnvJson {
  found: boolean;
  ok: boolean;
  values: Record<string, string>;
  stderr: string;
}

async function goEnvJson(env: Env, opts: ReadGoEnvOptions): Promise<GoEnvJson> {
  // A missing cwd makes spawn fail with ENOENT, which would read as "go not found".
  const home = pathsOf(env).home;
  const cwd = opts.cwd ?? ((await stat(home).catch(() => undefined))?.isDirectory() ? home : undefined);
  try {
    const r = await runTool('go', ['env', '-json'], {
      env: baseToolEnv(env),
      ...(cwd ? { cwd } : {}),
      timeoutMs: opts.timeoutMs ?? 20_000,
    });
    if (r.code !== 0 || r.timedOut)
      return { found: true, ok: false, values: {}, stderr: r.stderr.trim() || 'timed out' };
    const parsed = JSON.parse(r.stdout) as unknown;
    const values: Record<string, string> = {};
    if (parsed && typeof parsed === 'object')
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') values[k] = v;
    return { found: true, ok: true, values, stderr: '' };
  } catch (err) {
    const missing = (err as { code?: string }).code === 'tool-missing';
    return { found: !missing, ok: false, values: {}, stderr: missing ? '' : String((err as Error).message) };
  }
}

async function goVersionLine(env: Env): Promise<string> {
  try {
    const r = await runTool('go', ['version'], { env: baseToolEnv(env), timeoutMs: 10_000 });
    return r.stdout;
  } catch {
    return '';
  }
}

async function readEnvFile(file: string | undefined): Promise<GoEnvFile | undefined> {
  if (!file) return undefined;
  try {
    return parseGoEnvFile(await readFile(file, 'utf8'), file, { windows: process.platform === 'win32' });
  } catch {
    return undefined; // absent (or unreadable: go treats both as empty)
  }
}

function winnerOf(
  key: GoEnvKey,
  osValue: string | undefined,
  fileValue: string | undefined,
): GoEnvSetting['winner'] {
  if (key === 'GOVERSION') return 'default'; // computed by go, never read from anywhere
  if (osValue !== undefined && osValue !== '') return 'os';
  // GOENV is read only from the OS environment (go env -w refuses it; the file cannot set it).
  if (key !== 'GOENV' && fileValue !== undefined && fileValue !== '') return 'file';
  return 'default';
}

/** Effective go env with provenance, shell exports and problems. Never throws for a missing go. */
export async function readGoEnv(env: Env, opts: ReadGoEnvOptions = {}): Promise<GoEnvReport> {
  const [json, shell] = await Promise.all([
    goEnvJson(env, opts),
    readShellExports(env, opts.shellRcFiles ?? pathsOf(env).shellRcFiles),
  ]);
  const envFile = json.ok ? json.values.GOENV || undefined : defaultGoEnvFile(env);
  const fileRead = await readEnvFile(envFile === 'off' ? undefined : envFile);
  const fileMap = new Map<string, GoEnvFileEntry>();
  for (const e of fileRead?.entries ?? []) fileMap.set(e.key, e); // the last duplicate wins, as in go

  let version = json.values.GOVERSION ? parseGoVersion(json.values.GOVERSION) : undefined;
  if (!version && json.found) version = parseGoVersion(await goVersionLine(env));

  const settings = GO_ENV_KEYS.map((key): GoEnvSetting => {
    let redacted = false;
    const show = (v: string) => {
      const r = redactSettingValue(key, v);
      redacted ||= r.redacted;
      return r.value;
    };
    const entry = fileMap.get(key);
    const osRaw = env[key];
    const exports = shell.exports.filter((e) => e.name === key);
    const setting: GoEnvSetting = {
      key,
      effective: json.ok && key in json.values ? show(json.values[key] ?? '') : null,
      winner: winnerOf(key, osRaw, entry?.value),
      shellExports: exports.map((e) => ({
        file: e.file,
        line: e.line,
        value: e.value,
        dynamic: e.dynamic,
        conditional: e.conditional,
      })),
      redacted: exports.some((e) => e.redacted),
    };
    if (entry) {
      setting.fileValue = show(entry.value);
      setting.fileLine = entry.line;
    }
    if (osRaw !== undefined) setting.osValue = show(osRaw);
    if ((key === 'GONOPROXY' || key === 'GONOSUMDB') && setting.winner === 'default' && setting.effective) {
      setting.derivedFrom = 'GOPRIVATE';
    }
    setting.redacted ||= redacted;
    return setting;
  });

  const problems: ReadProblem[] = [...shell.problems];
  if (!json.found) {
    problems.push({
      severity: 'error',
      code: 'tool-missing',
      message: 'go was not found on PATH, so the effective go env is unknown.',
      hint: 'Install Go (https://go.dev/dl/) or add it to PATH.',
    });
  } else if (!json.ok) {
    problems.push({
      severity: 'error',
      code: 'tool-failed',
      message: `go env failed: ${redactSettingValue('stderr', json.stderr.split('\n').slice(-3).join(' | ')).value}`,
      hint: 'go rejects a setting in the environment or the go env file; fix the variable it names.',
    });
  }
  problems.push(
    ...goEnvProblems({
      env,
      goRan: json.ok,
      version,
      envFile,
      fileProblems: fileRead?.problems ?? [],
      settings,
      shellExports: shell.exports,
    }),
  );

  return {
    goFound: json.found,
    goEnvOk: json.ok,
    ...(version ? { version } : {}),
    supportsGoauth: supportsGoauth(version),
    ...(envFile && envFile !== 'off' ? { envFile } : {}),
    envFileExists: fileRead !== undefined,
    settings,
    shellExports: shell.exports,
    problems,
  };
}
