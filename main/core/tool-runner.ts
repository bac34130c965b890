// One entry point for every external tool (git, go, ssh, ssh-keygen, ssh-add…): argument
// arrays (never a shell string), an explicit environment, a timeout, cancellation, and
// secrets only through stdin or the environment, never argv.
import { spawn } from 'node:child_process';
import { OnrampError } from '../common/errors';
import type { Env } from './paths';

export interface RunOptions {
  env: Env;
  cwd?: string;
  /** milliseconds; default 30 s */
  timeoutMs?: number;
  stdin?: string;
  signal?: AbortSignal;
  /** called with each chunk of output as it arrives */
  onOutput?: (stream: 'stdout' | 'stderr', chunk: string) => void;
}

export interface RunResult {
  command: string;
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
}

/** Runs a tool and resolves with its result; rejects only when the tool cannot be started. */
export function runTool(command: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.env)) if (v !== undefined) env[k] = v;
    const child = spawn(command, args as string[], {
      env,
      cwd: opts.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      // Own process group, so a timeout or cancel kills the whole tree: git hands HTTPS to a
      // git-remote-https child that would otherwise keep the pipes open after git dies.
      detached: process.platform !== 'win32',
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const kill = () => {
      if (child.pid === undefined) return;
      try {
        if (process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.timeoutMs ?? 30_000);
    const onAbort = () => kill();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      stdout += c;
      opts.onOutput?.('stdout', c);
    });
    child.stderr.on('data', (c: string) => {
      stderr += c;
      opts.onOutput?.('stderr', c);
    });
    child.stdin.on('error', () => {
      /* the tool may exit before reading stdin */
    });
    child.stdin.end(opts.stdin ?? '');
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (err.code === 'ENOENT') {
        reject(
          new OnrampError({
            code: 'tool-missing',
            message: `${command} was not found on PATH`,
            hint: `Install ${command} or add it to PATH.`,
          }),
        );
      } else reject(new OnrampError({ code: 'io', message: `could not start ${command}: ${err.message}` }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({
        command,
        args: [...args],
        code,
        signal,
        stdout,
        stderr,
        timedOut,
        durationMs: performance.now() - started,
      });
    });
  });
}

/** Runs a tool and throws a tool-failed error (with its stderr) on a non-zero exit. */
export async function runToolChecked(
  command: string,
  args: readonly string[],
  opts: RunOptions,
): Promise<RunResult> {
  const r = await runTool(command, args, opts);
  if (r.timedOut)
    throw new OnrampError({
      code: 'timeout',
      message: `${command} ${args[0] ?? ''} timed out after ${opts.timeoutMs ?? 30_000} ms`,
    });
  if (r.code !== 0)
    throw new OnrampError({
      code: 'tool-failed',
      message: `${command} ${args.slice(0, 2).join(' ')} failed (exit ${r.code ?? r.signal}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`,
    });
  return r;
}

/**
 * The environment tools run with: the caller's env minus variables that would make a tool
 * behave differently from what the user's settings produce when explicitly requested.
 * Tests always pass their own env.
 */
export function baseToolEnv(env: Env): Env {
  const out: Env = { ...env };
  // Never let a tool prompt: go runs git this way too (see design notes).
  out.GIT_TERMINAL_PROMPT = '0';
  out.LC_ALL = 'C';
  out.LANG = 'C';
  return out;
}
