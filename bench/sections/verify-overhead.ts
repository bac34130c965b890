// 2. Verification overhead: a one-step verification through the runner (in process: events,
// per-line redaction, a fresh module cache made and removed for go steps) against the same
// command spawned directly with the same environment. Pairs alternate which goes first, so
// drift on a busy machine lands on both sides; the ratio is taken within each pair.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerification } from '../../main/core/verify/runner';
import { commandFor, type VerifyStep } from '../../main/core/verify/steps';
import { goLikeEnv } from '../../main/core/verify/go-like-env';
import { healthyHome } from '../client-home';
import { loadAverage } from '../machine-info';
import { benchSandbox, sandboxUnavailable } from '../sandbox';
import { metric, ratios, stat } from '../stats';
import type { BenchContext, Metric, Section } from '../types';

interface Timed {
  ms: number;
  ok: boolean;
  /** raw go runs: making and removing the scratch module cache, timed apart from the command */
  cacheMs?: number;
}

function spawnRaw(cmd: string, args: string[], env: Record<string, string>, cwd: string): Promise<Timed> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    // read the output as a caller would (strings), so the pipes never fill
    const lines: string[] = [];
    child.stdout.setEncoding('utf8').on('data', (c: string) => lines.push(c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => lines.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, ok: code === 0 }));
  });
}

/** The raw command exactly as the runner would run it: same argv, env and (for go) a fresh cache. */
async function raw(step: VerifyStep, userEnv: Record<string, string>): Promise<Timed> {
  const cmd = commandFor(step);
  if (!cmd) throw new Error(`${step.kind} is not a tool command`);
  const env = goLikeEnv(userEnv) as Record<string, string>;
  if (cmd.command !== 'go') return spawnRaw(cmd.command, cmd.args, env, userEnv.HOME as string);
  const t0 = performance.now();
  const scratch = await mkdtemp(join(tmpdir(), 'onramp-bench-raw-'));
  const made = performance.now() - t0;
  let r: Timed | undefined;
  try {
    env.GOMODCACHE = join(scratch, 'modcache');
    env.GOFLAGS = [env.GOFLAGS, '-modcacherw'].filter(Boolean).join(' ');
    r = await spawnRaw(cmd.command, cmd.args, env, scratch);
  } finally {
    const t1 = performance.now();
    await rm(scratch, { recursive: true, force: true });
    if (r) r.cacheMs = made + performance.now() - t1;
  }
  return r;
}

async function viaRunner(step: VerifyStep, env: Record<string, string>, secrets: string[]): Promise<Timed> {
  const t0 = performance.now();
  const events: string[] = [];
  const r = await runVerification([step], { env, secrets, onEvent: (e) => events.push(e.type) });
  return { ms: performance.now() - t0, ok: r.ok };
}

export const verifyOverheadSection: Section = {
  id: 'verification-overhead',
  title: '2. Verification overhead',
  async run(ctx: BenchContext) {
    const why = sandboxUnavailable();
    if (why) return { status: 'failed', reason: why, metrics: [], notes: [] };
    const sb = await benchSandbox(1, ctx.log);
    const c = healthyHome(sb);
    const secrets = [sb.users.alice.token, sb.users.bob.token];
    const localRepo = join(sb.runDir, 'repos', sb.repos.lib.host, `${sb.repos.lib.path}.git`);
    const steps: { id: string; label: string; step: VerifyStep; target: boolean }[] = [
      {
        id: 'go-list',
        label: `go list -m -versions -json ${sb.repos.lib.module}`,
        step: { kind: 'go-list-versions', module: sb.repos.lib.module },
        target: true,
      },
      {
        id: 'ls-remote',
        label: `git ls-remote ${sb.repos.lib.httpsUrl}`,
        step: { kind: 'git-ls-remote', url: sb.repos.lib.httpsUrl },
        target: true,
      },
      {
        // no network, a few ms of git: what is left of the difference is the runner's fixed cost
        id: 'ls-remote-local',
        label: 'git ls-remote of a local bare repo (the runner’s fixed cost)',
        step: { kind: 'git-ls-remote', url: localRepo },
        target: false,
      },
    ];
    const pairs = ctx.smoke ? 1 : Math.max(30, ctx.runs * 6);
    const metrics: Metric[] = [];
    const notes = [
      `${pairs} interleaved pairs per command (order alternates, one untimed warm-up pair); runner = runVerification([step]) in this process with the sandbox tokens as known secrets; raw = child_process.spawn of the same argv with the same environment (goLikeEnv) and, for go, the same kind of fresh module cache, made and removed outside the timing. Ratios are per pair.`,
    ];
    const raws: Record<string, number[]> = {};
    const load: number[] = [];
    const measured: { s: (typeof steps)[number]; r: number[]; v: number[]; cache: number[] }[] = [];
    try {
      for (const s of steps) {
        await raw(s.step, c.env);
        await viaRunner(s.step, c.env, secrets);
        const r: number[] = [];
        const v: number[] = [];
        const cache: number[] = [];
        let failures = 0;
        for (let i = 0; i < pairs; i++) {
          const first = i % 2 === 0;
          const a = first ? await raw(s.step, c.env) : undefined;
          const b = await viaRunner(s.step, c.env, secrets);
          const a2 = a ?? (await raw(s.step, c.env));
          r.push(a2.ms);
          if (a2.cacheMs !== undefined) cache.push(a2.cacheMs);
          v.push(b.ms);
          if (!a2.ok || !b.ok) failures++;
        }
        load.push(loadAverage()[0] as number);
        raws[s.id] = r;
        raws[`${s.id}-runner`] = v;
        measured.push({ s, r, v, cache });
        ctx.log(`${s.label}: runner ${stat(v).median.toFixed(1)} ms, raw ${stat(r).median.toFixed(1)} ms`);
        if (failures > 0) notes.push(`${s.label}: ${failures} of ${pairs} pairs had a failing command`);
      }
    } finally {
      c.cleanup();
    }
    const diff = (m: (typeof measured)[number]) => stat(m.v.map((x, i) => x - (m.r[i] as number))).median;
    const local = measured.find((m) => m.s.id === 'ls-remote-local');
    const fixed = local ? diff(local) : NaN;
    notes.push(
      `The runner's fixed cost, from the local repo: a median ${fixed.toFixed(1)} ms per step (runVerification, event objects, line splitting and redaction, a process group for the tool). Load average (1 min) while measuring: ${load.map((l) => l.toFixed(1)).join(', ')}.`,
    );
    for (const m of measured) {
      const rs = ratios(m.v, m.r);
      const cacheMs = stat(m.cache).median;
      const explained = m.cache.length > 0 ? fixed + cacheMs : fixed;
      const parts =
        m.cache.length > 0
          ? `the runner's fixed cost (${fixed.toFixed(1)} ms, measured on the local repo) plus making and removing a fresh module cache (${cacheMs.toFixed(1)} ms: rm -r of the VCS clone go made, which the raw run does outside its timing) = ${explained.toFixed(1)} ms`
          : `the runner's fixed cost (${fixed.toFixed(1)} ms, measured on the local repo)`;
      metrics.push(
        metric({
          id: `${m.s.id}.runner`,
          label: `${m.s.label}: through the runner`,
          unit: 'ms',
          samples: m.v,
        }),
        metric({ id: `${m.s.id}.raw`, label: `${m.s.label}: spawned directly`, unit: 'ms', samples: m.r }),
        metric({
          id: `${m.s.id}.ratio`,
          label: `${m.s.label}: runner ÷ raw`,
          unit: 'x',
          samples: rs,
          ...(m.s.target ? { target: { op: '<=' as const, value: 1.05 } } : {}),
          limit: `The median difference per pair was ${diff(m).toFixed(1)} ms; explained: ${parts}; the rest is scheduling noise (ratios ranged ${stat(rs).min.toFixed(2)}–${stat(rs).max.toFixed(2)} on a machine at load average up to ${stat(load).max.toFixed(1)} with ${cpus().length} cores).`,
        }),
      );
      if (m.cache.length > 0)
        metrics.push(
          metric({
            id: `${m.s.id}.cache`,
            label: `${m.s.label}: making + removing a fresh module cache (part of the runner's work)`,
            unit: 'ms',
            samples: m.cache,
          }),
        );
    }
    return { status: 'measured', metrics, notes, raw: raws };
  },
};
