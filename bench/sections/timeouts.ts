// 6. Timeouts: doctor on four healthy modules (git.corp.test, git2.corp.test) plus one on
// dropped.corp.test, whose packets the sandbox's network namespace silently drops (a real
// connect timeout, not a refusal). Doctor must finish within its per-check timeout + 10 %,
// report `timeout` for that host, and still complete every other module.
import type { DoctorReport } from '../../main/common/doctor-report';
import { runDoctor } from '../../main/core/doctor/index';
import { benchModules } from '../../test/sandbox/bench-repos';
import { healthyHome } from '../client-home';
import { benchSandbox, sandboxUnavailable } from '../sandbox';
import { metric, ratios, stat } from '../stats';
import type { BenchContext, Section } from '../types';

interface Verdicts {
  timeoutReported: boolean;
  othersCompleted: number;
  evidence: string;
}

function judge(r: DoctorReport, dropped: string, good: string[]): Verdicts {
  const t = r.findings.find((f) => f.id === 'timeout' && f.severity === 'error' && f.host === dropped);
  const completed = good.filter((m) =>
    r.findings.some((f) => f.module === m && f.check === 'content' && f.severity === 'ok'),
  );
  return {
    timeoutReported: t !== undefined,
    othersCompleted: completed.length,
    evidence: t?.evidence[0] ?? '',
  };
}

export const timeoutsSection: Section = {
  id: 'timeouts',
  title: '6. Timeouts',
  async run(ctx: BenchContext) {
    const why = sandboxUnavailable();
    if (why) return { status: 'failed', reason: why, metrics: [], notes: [] };
    // full runs use doctor's default (10 s): the timeout a user gets
    const timeoutMs = ctx.smoke ? 1500 : 10_000;
    const sb = await benchSandbox(2, ctx.log);
    const c = healthyHome(sb);
    const good = benchModules(4);
    const dropped = sb.hosts.dropped;
    const modules = [...good.map((b) => `${b.module}@${b.tag}`), `${dropped}/acme/lib@v1.0.0`];
    const walls: number[] = [];
    const droppedCheck: number[] = [];
    const startOffset: number[] = [];
    const others: number[] = [];
    const bad: number[] = [];
    const evidence = new Set<string>();
    try {
      for (let i = 0; i < ctx.runs; i++) {
        const t0 = performance.now();
        let started = NaN;
        const r = await runDoctor({
          env: c.env,
          cwd: c.work,
          modules,
          timeoutMs,
          onProgress: (p) => {
            if (p.type === 'check-start' && p.check === 'network' && p.subject.startsWith(dropped))
              started = performance.now() - t0;
          },
        });
        startOffset.push(started);
        const v = judge(
          r,
          dropped,
          good.map((g) => g.module),
        );
        walls.push(r.durationMs);
        droppedCheck.push(
          Math.max(0, ...r.timings.filter((t) => t.subject.startsWith(dropped)).map((t) => t.durationMs)),
        );
        others.push(v.othersCompleted);
        bad.push(v.timeoutReported && v.othersCompleted === good.length ? 0 : 1);
        if (v.evidence) evidence.add(v.evidence);
        ctx.log(
          `doctor with ${dropped}, run ${i + 1}/${ctx.runs}: ${r.durationMs.toFixed(0)} ms, timeout reported: ${v.timeoutReported}, others completed: ${v.othersCompleted}/${good.length}`,
        );
      }
    } finally {
      c.cleanup();
    }
    const limit = `Doctor starts the connect to ${dropped} only after its start-up (go env, git config, tool versions, go.mod: a median ${stat(startOffset).median.toFixed(0)} ms here), so that fixed time adds to the timeout; the check itself ends on time (median ${stat(droppedCheck).median.toFixed(0)} ms for a ${timeoutMs} ms timeout).`;
    return {
      status: 'measured',
      metrics: [
        metric({ id: 'timeouts.wall', label: 'doctor wall time', unit: 'ms', samples: walls }),
        metric({
          id: 'timeouts.vs-timeout',
          label: `wall ÷ per-check timeout (${timeoutMs} ms)`,
          unit: 'x',
          samples: ratios(
            walls,
            walls.map(() => timeoutMs),
          ),
          target: { op: '<=', value: 1.1 },
          limit,
        }),
        metric({
          id: 'timeouts.dropped-check',
          label: `${dropped} network check`,
          unit: 'ms',
          samples: droppedCheck,
        }),
        metric({
          id: 'timeouts.start-offset',
          label: `start-up before the ${dropped} connect begins`,
          unit: 'ms',
          samples: startOffset,
        }),
        metric({
          id: 'timeouts.others',
          label: `other modules completed (of ${good.length})`,
          unit: 'count',
          samples: others,
        }),
        metric({
          id: 'timeouts.bad-runs',
          label: `runs (of ${ctx.runs}) where ${dropped} was not reported as timeout or another module did not complete`,
          unit: 'count',
          samples: [bad.reduce((a, b) => a + b, 0)],
          target: { op: '<=', value: 0 },
          limit: 'See the notes for what the run reported.',
        }),
      ],
      notes: [
        `Modules: ${modules.join(', ')}; per-check timeout ${timeoutMs} ms${timeoutMs === 10_000 ? ' (doctor’s default)' : ' (smoke: shorter than doctor’s 10 s default)'}.`,
        `Evidence doctor gave for ${dropped}: ${[...evidence].join(' | ') || '(none: no timeout finding)'}`,
      ],
    };
  },
};
