// Which of the tools Onramp relies on are installed, where, and which version: go, git, ssh,
// ssh-keygen, ssh-add. The PATH searched is the one in the env we were given (the one go and
// git will get), not this process's. A missing tool is reported, never thrown.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { ReadProblem } from '../common/read-problem';
import type { Env } from './paths';
import { baseToolEnv, runTool } from './tool-runner';

export const TOOL_NAMES = ['go', 'git', 'ssh', 'ssh-keygen', 'ssh-add'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export interface ToolInfo {
  name: ToolName;
  found: boolean;
  /** absolute path of the first match on PATH */
  path?: string;
  /** e.g. 1.19.8, 2.39.2, 9.2p1 (undefined for tools without a version flag) */
  version?: string;
  /** the tool's own version line */
  versionLine?: string;
  /** why the version could not be read */
  error?: string;
}

export interface ToolsReport {
  tools: ToolInfo[];
  problems: ReadProblem[];
}

async function isExecutableFile(p: string): Promise<boolean> {
  try {
    if (!(await stat(p)).isFile()) return false;
    await access(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on env.PATH (with PATHEXT on Windows), or undefined. */
export async function whichTool(
  name: string,
  env: Env,
  platform: NodeJS.Platform = process.platform,
): Promise<string | undefined> {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const exts =
    platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').toLowerCase().split(';')] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = join(dir, name + ext);
      if (await isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

// How each tool tells its version, and where the number is in that line.
const VERSION: Record<ToolName, { args: string[]; stream: 'stdout' | 'stderr'; re: RegExp } | undefined> = {
  go: { args: ['version'], stream: 'stdout', re: /\bgo(\d+(?:\.\d+)*(?:(?:rc|beta)\d+)?)/ },
  git: { args: ['--version'], stream: 'stdout', re: /git version (\S+)/ },
  // ssh -V prints to stderr: "OpenSSH_9.2p1 Debian-2+deb12u3, OpenSSL 3.0.15 3 Sep 2024"
  ssh: { args: ['-V'], stream: 'stderr', re: /OpenSSH_([\w.]+)/ },
  'ssh-keygen': undefined,
  'ssh-add': undefined,
};

async function readTool(name: ToolName, env: Env): Promise<ToolInfo> {
  const path = await whichTool(name, env);
  if (!path) return { name, found: false };
  const info: ToolInfo = { name, found: true, path };
  const how = VERSION[name];
  if (!how) return info;
  try {
    const r = await runTool(path, how.args, { env: baseToolEnv(env), timeoutMs: 10_000 });
    const out = how.stream === 'stdout' ? r.stdout : r.stderr;
    const line = (out.trim() || r.stdout.trim() || r.stderr.trim()).split('\n')[0] ?? '';
    info.versionLine = line;
    const m = how.re.exec(line);
    if (m?.[1]) info.version = m[1];
    else info.error = r.timedOut ? 'timed out' : `unexpected output (exit ${r.code ?? r.signal})`;
  } catch (err) {
    info.error = (err as Error).message;
  }
  return info;
}

const MISSING: Record<ToolName, Omit<ReadProblem, 'code' | 'message'>> = {
  go: { severity: 'error', hint: 'Install Go (https://go.dev/dl/) or add its bin directory to PATH.' },
  git: {
    severity: 'error',
    hint: 'Install git: go needs it to fetch modules directly (GOPRIVATE, GONOPROXY).',
  },
  ssh: { severity: 'warning', hint: 'Install OpenSSH if your modules are fetched over ssh:// or git@ URLs.' },
  'ssh-keygen': { severity: 'info', hint: 'Install OpenSSH to manage keys and known_hosts.' },
  'ssh-add': { severity: 'info', hint: 'Install OpenSSH to load keys into the agent.' },
};

/** All five tools, looked up and version-checked in parallel. */
export async function readTools(env: Env): Promise<ToolsReport> {
  const tools = await Promise.all(TOOL_NAMES.map((n) => readTool(n, env)));
  const problems: ReadProblem[] = tools
    .filter((t) => !t.found)
    .map((t) => ({ ...MISSING[t.name], code: 'tool-missing', message: `${t.name} was not found on PATH.` }));
  for (const t of tools)
    if (t.found && t.error)
      problems.push({
        severity: 'warning',
        code: 'tool-failed',
        message: `${t.path} did not report its version: ${t.error}`,
        hint: 'Check that it is the real tool and not a wrapper script that fails.',
      });
  return { tools, problems };
}
