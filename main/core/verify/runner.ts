// Verification runs: real tools with the environment the user's settings produce, per-step
// timeouts and cancellation, every output line redacted before anyone sees it, streamed as
// events (the embedded terminal renders them) and returned as structured results.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineRedactor, redactSecrets } from '../../common/redact';
import { runTool } from '../tool-runner';
import type { Env } from '../paths';
import { goLikeEnv } from './go-like-env';
import { commandFor, stepTitle, type VerifyStep } from './steps';
import { probeDns, probeTcp, probeTls, type NetFailure } from './net-probes';
import { probeGoGet } from './go-get-probe';

export type VerifyEvent =
  | { type: 'step-start'; stepId: string; title: string }
  | { type: 'output'; stepId: string; stream: 'stdout' | 'stderr'; line: string }
  | { type: 'step-end'; stepId: string; ok: boolean; durationMs: number; summary: string };

export interface StepResult {
  stepId: string;
  kind: VerifyStep['kind'];
  title: string;
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
  /** redacted combined output, one line per entry */
  lines: string[];
  failure?: NetFailure;
  data?: unknown;
}

export interface VerifyOptions {
  env: Env;
  cleanRoom?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  onEvent?: (e: VerifyEvent) => void;
  /** secret values to mask in every line (tokens the app knows about) */
  secrets?: readonly string[];
  /** go steps use a fresh module cache so a cached module cannot hide a broken fetch */
  freshModCache?: boolean;
  credentialFor?: (host: string) => { login: string; password: string } | undefined;
  /** CA files go would trust (SSL_CERT_FILE); undefined = system */
  goCaFiles?: string[];
}

export async function runStep(step: VerifyStep, stepId: string, opts: VerifyOptions): Promise<StepResult> {
  const title = redactSecrets(stepTitle(step), opts.secrets);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const emit = opts.onEvent ?? (() => undefined);
  emit({ type: 'step-start', stepId, title });
  const base = { stepId, kind: step.kind, title, exitCode: null, timedOut: false, cancelled: false };
  let result: StepResult;
  const cmd = commandFor(step);
  if (cmd) {
    const env = goLikeEnv(opts.env, { cleanRoom: opts.cleanRoom });
    let scratch: string | undefined;
    if (cmd.command === 'go') {
      scratch = await mkdtemp(join(tmpdir(), 'onramp-verify-'));
      if (opts.freshModCache !== false) {
        env.GOMODCACHE = join(scratch, 'modcache');
        env.GOFLAGS = [env.GOFLAGS, '-modcacherw'].filter(Boolean).join(' ');
      }
    }
    const lines: string[] = [];
    const redactors = { stdout: lineRedactor(opts.secrets), stderr: lineRedactor(opts.secrets) };
    const push = (stream: 'stdout' | 'stderr', ls: string[]) => {
      for (const line of ls) {
        lines.push(line);
        emit({ type: 'output', stepId, stream, line });
      }
    };
    try {
      const r = await runTool(cmd.command, cmd.args, {
        env,
        cwd: step.kind === 'go-get' ? step.dir : (scratch ?? env.HOME),
        timeoutMs,
        signal: opts.signal,
        onOutput: (stream, chunk) => push(stream, redactors[stream].push(chunk)),
      });
      push('stdout', redactors.stdout.flush());
      push('stderr', redactors.stderr.flush());
      result = {
        ...base,
        ok: r.code === 0 && !r.timedOut,
        exitCode: r.code,
        timedOut: r.timedOut,
        cancelled: opts.signal?.aborted ?? false,
        durationMs: r.durationMs,
        lines,
        failure: r.timedOut ? 'timeout' : undefined,
      };
    } catch (e) {
      const line = redactSecrets((e as Error).message, opts.secrets);
      push('stderr', [line]);
      result = { ...base, ok: false, durationMs: 0, lines };
    } finally {
      if (scratch) await rm(scratch, { recursive: true, force: true });
    }
  } else {
    result = await runProbe(step, base, timeoutMs, opts);
    for (const line of result.lines) emit({ type: 'output', stepId, stream: 'stdout', line });
  }
  emit({
    type: 'step-end',
    stepId,
    ok: result.ok,
    durationMs: result.durationMs,
    summary: result.ok
      ? 'ok'
      : result.timedOut
        ? `timed out after ${timeoutMs} ms`
        : (result.lines.at(-1) ?? 'failed'),
  });
  return result;
}

async function runProbe(
  step: VerifyStep,
  base: Omit<StepResult, 'ok' | 'durationMs' | 'lines'>,
  timeoutMs: number,
  opts: VerifyOptions,
): Promise<StepResult> {
  const r =
    step.kind === 'dns'
      ? await probeDns(step.host, timeoutMs)
      : step.kind === 'tcp'
        ? await probeTcp(step.host, step.port, timeoutMs)
        : step.kind === 'tls'
          ? await probeTls(step.host, step.port, step.caFiles, timeoutMs)
          : undefined;
  if (r) {
    const lines = [redactSecrets(r.message, opts.secrets)];
    if (r.cert)
      lines.push(
        `certificate: CN=${r.cert.subject} issuer=${r.cert.issuer} valid ${r.cert.validFrom} – ${r.cert.validTo} names=${r.cert.altNames.join(',')}`,
      );
    return {
      ...base,
      ok: r.ok,
      durationMs: r.durationMs,
      lines,
      failure: r.failure,
      timedOut: r.failure === 'timeout',
      data: r,
    };
  }
  if (step.kind !== 'go-get-probe') throw new Error(`no runner for ${step.kind}`);
  const host = step.importPath.split('/')[0] as string;
  const g = await probeGoGet(step.importPath, {
    caFiles: opts.goCaFiles ?? [],
    credential: opts.credentialFor?.(host),
    timeoutMs,
  });
  const lines = [
    `GET ${g.url} → ${g.status ?? 'no answer'}`,
    ...g.imports.map((i) => `go-import: ${i.prefix} ${i.vcs} ${i.repoRoot}`),
    ...(g.error ? [redactSecrets(g.error, opts.secrets)] : []),
  ];
  return { ...base, ok: g.ok, durationMs: g.durationMs, lines, data: g };
}

export interface VerifyRunResult {
  ok: boolean;
  steps: StepResult[];
  durationMs: number;
}

/** Runs steps one after another (the order a person reads them in), stopping on cancel. */
export async function runVerification(steps: VerifyStep[], opts: VerifyOptions): Promise<VerifyRunResult> {
  const t0 = performance.now();
  const results: StepResult[] = [];
  for (const [i, step] of steps.entries()) {
    if (opts.signal?.aborted) break;
    results.push(await runStep(step, `s${i + 1}`, opts));
  }
  return {
    ok: results.length === steps.length && results.every((r) => r.ok),
    steps: results,
    durationMs: performance.now() - t0,
  };
}
