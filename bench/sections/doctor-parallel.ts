// 1. Doctor parallelism: doctor's wall time for 1, 8 and 32 modules over git.corp.test and
// git2.corp.test, against (a) the slowest check it ran and (b) the same checks run one after
// another. Each repetition runs, back to back: a doctor with no module (the fixed start-up: go
// env, git config, tool versions), the doctor on all N modules (default concurrency), then every
// module alone with concurrency 1, one after another. The sequential baseline is the start-up
// once plus each module's alone run minus its start-up: that is every check one after another.
import { cpus } from 'node:os';
import type { DoctorReport } from '../../main/common/doctor-report';
import { runDoctor } from '../../main/core/doctor/index';
import { benchModules } from '../../test/sandbox/bench-repos';
import { healthyHome } from '../client-home';
import { busyPercent, cpuTicks, loadAverage } from '../machine-info';
import { benchSandbox, sandboxUnavailable } from '../sandbox';
import { metric, ratios, stat, sum } from '../stats';
import type { BenchContext, Metric, Section } from '../types';

interface Rep {
  /** how busy all cores were during the parallel run, % */
  cpuBusy: number;
  startup: number;
  wall: number;
  slowestReported: number;
  sumTimings: number;
  alone: number[];
  slowestAlone: number;
  errors: string[];
}

const errorsOf = (r: DoctorReport) =>
  r.findings.filter((f) => f.severity === 'error').map((f) => `${f.id} ${f.module ?? f.host ?? ''}`.trim());

async function repetition(env: Record<string, string>, cwd: string, modules: string[]): Promise<Rep> {
  const zero = await runDoctor({ env, cwd, modules: [] });
  const before = cpuTicks();
  const par = await runDoctor({ env, cwd, modules });
  const cpuBusy = busyPercent(before, cpuTicks());
  const alone: number[] = [];
  let slowestAlone = 0;
  const errors = errorsOf(par);
  for (const m of modules) {
    const r = await runDoctor({ env, cwd, modules: [m], concurrency: 1 });
    alone.push(r.durationMs);
    slowestAlone = Math.max(slowestAlone, ...r.timings.map((t) => t.durationMs));
    errors.push(...errorsOf(r).map((e) => `alone: ${e}`));
  }
  const t = par.timings.map((x) => x.durationMs);
  return {
    cpuBusy,
    startup: zero.durationMs,
    wall: par.durationMs,
    slowestReported: Math.max(...t),
    sumTimings: sum(t),
    alone,
    slowestAlone,
    errors,
  };
}

function metricsFor(n: number, reps: Rep[]): { metrics: Metric[]; notes: string[] } {
  const wall = reps.map((r) => r.wall);
  const startup = reps.map((r) => r.startup);
  // every check one after another: start-up once, then each module's own work
  const sequential = reps.map((r) => r.startup + sum(r.alone.map((a) => Math.max(0, a - r.startup))));
  // the best any schedule can do: start-up, then the longest module chain
  const ideal = reps.map((r) => r.startup + Math.max(...r.alone.map((a) => Math.max(0, a - r.startup))));
  const cores = cpus().length;
  const chainLimit = `A module's checks are a chain (network → discovery → auth → content, each needing the previous answer), so they cannot overlap each other; the wall time is the start-up (median ${stat(startup).median.toFixed(0)} ms: go env, git config, tool versions) plus that chain.`;
  const busy = stat(reps.map((r) => r.cpuBusy)).median;
  const cpuLimit = `CPU: ${n} modules are ${n} \`go mod download\` and ${2 * n}+ git processes, plus the Git host's own nginx/git-http-backend work, all on ${cores} cores (the cores were ${busy.toFixed(0)} % busy during the parallel run). CPU-bound work cannot run more than ${cores}× faster than one after another, so on ${cores} cores the floor is about ${(1 / cores).toFixed(2)}× of the sequential baseline; the run's own timings also include the time a check waited for one of doctor's 8 slots.`;
  const limit = n === 1 ? chainLimit : cpuLimit;
  const m = (
    id: string,
    label: string,
    samples: number[],
    extra: Partial<Parameters<typeof metric>[0]> = {},
  ) =>
    metric({
      id: `doctor-${n}.${id}`,
      label: `${n} module${n > 1 ? 's' : ''}: ${label}`,
      unit: 'x',
      samples,
      ...extra,
    });
  const metrics: Metric[] = [
    m('wall', 'doctor wall time', wall, { unit: 'ms' }),
    m(
      'slowest',
      'slowest check (its own timings)',
      reps.map((r) => r.slowestReported),
      { unit: 'ms' },
    ),
    m(
      'vs-slowest',
      'wall ÷ slowest check it ran',
      ratios(
        wall,
        reps.map((r) => r.slowestReported),
      ),
      {
        target: { op: '<=', value: 1.3 },
        limit,
      },
    ),
    m(
      'vs-slowest-alone',
      'wall ÷ slowest check measured alone',
      ratios(
        wall,
        reps.map((r) => r.slowestAlone),
      ),
      {
        note: 'uncontended: nothing else running, no queueing',
      },
    ),
    m('sequential', 'sequential baseline (every check one after another)', sequential, { unit: 'ms' }),
    m('vs-sequential', 'wall ÷ sequential baseline', ratios(wall, sequential), {
      ...(n === 8 ? { target: { op: '<=' as const, value: 0.3 }, limit: cpuLimit } : {}),
    }),
    m(
      'vs-sum-timings',
      'wall ÷ sum of its own check timings',
      ratios(
        wall,
        reps.map((r) => r.sumTimings),
      ),
      {
        note: 'timings measured inside the parallel run, so inflated by contention and queueing',
      },
    ),
    m('vs-ideal', 'wall ÷ ideal (start-up + longest module chain alone)', ratios(wall, ideal)),
    m(
      'cpu-busy',
      'CPU busy during the parallel run (all cores, whole machine)',
      reps.map((r) => r.cpuBusy),
      { unit: '%' },
    ),
  ];
  const errs = [...new Set(reps.flatMap((r) => r.errors))];
  const notes = errs.length
    ? [`${n} modules: unexpected errors (the machine should be healthy): ${errs.slice(0, 5).join('; ')}`]
    : [];
  return { metrics, notes };
}

export const doctorParallelSection: Section = {
  id: 'doctor-parallelism',
  title: '1. Doctor parallelism',
  async run(ctx: BenchContext) {
    const why = sandboxUnavailable();
    if (why) return { status: 'failed', reason: why, metrics: [], notes: [] };
    const sizes = ctx.smoke ? [1, 2] : [1, 8, 32];
    const sb = await benchSandbox(Math.ceil(Math.max(...sizes) / 2), ctx.log);
    const c = healthyHome(sb);
    const reps = new Map<number, Rep[]>(sizes.map((n) => [n, []]));
    const load: number[][] = [];
    try {
      for (let i = 0; i < ctx.runs; i++)
        for (const n of sizes) {
          const modules = benchModules(n).map((b) => `${b.module}@${b.tag}`);
          const rep = await repetition(c.env, c.work, modules);
          reps.get(n)?.push(rep);
          load.push(loadAverage());
          ctx.log(
            `doctor ${n} module(s), run ${i + 1}/${ctx.runs}: wall ${rep.wall.toFixed(0)} ms, sequential ${(rep.startup + sum(rep.alone.map((a) => a - rep.startup))).toFixed(0)} ms`,
          );
        }
    } finally {
      c.cleanup();
    }
    const metrics: Metric[] = [];
    const notes = [
      `Modules: <host>/bench/mNN@v1.0.0 alternating git.corp.test and git2.corp.test (git2 discovery needs the netrc credential); healthy HOME (GOPRIVATE=*.corp.test, CA, netrc), each doctor run with a fresh module cache, so every run really fetches.`,
      'Sequential baseline: a doctor with no module gives the start-up; every module then runs alone with concurrency 1, one after another; baseline = start-up + Σ(alone run − start-up). Host checks shared in the parallel run are repeated per module there (a few ms each on loopback).',
      `Load average (1 min) during the section: ${stat(load.map((l) => l[0] as number)).min}–${stat(load.map((l) => l[0] as number)).max}.`,
    ];
    for (const n of sizes) {
      const r = metricsFor(n, reps.get(n) ?? []);
      metrics.push(...r.metrics);
      notes.push(...r.notes);
    }
    return { status: 'measured', metrics, notes, raw: { sizes, reps: Object.fromEntries(reps) } };
  },
};
