// 3. Time to green: a fresh HOME onboarded from a team profile through the services, no UI
// (loadProfile → planProfile, the review a person reads → applyProfile: one journaled change,
// then `go mod download` of the profile's test modules). Measured: wall time and the number of
// inputs a person gives; next to it, the manual route from the same profile — the commands a
// person would type, counted, and run as a script to prove they end green too.
import { manualScript } from '../manual-route';
import type { Onboarded } from '../onboard-run';
import { benchSandbox, sandboxUnavailable } from '../sandbox';
import { metric } from '../stats';
import type { BenchContext, Section } from '../types';

export const timeToGreenSection: Section = {
  id: 'time-to-green',
  title: '3. Time to green',
  async run(ctx: BenchContext) {
    let run: typeof import('../onboard-run');
    try {
      run = await import('../onboard-run');
    } catch (e) {
      return {
        status: 'not measurable yet',
        reason: `the profile onboarding services (main/core/profile/onboard.ts, load.ts) do not load: ${(e as Error).message.split('\n')[0]}`,
        metrics: [],
        notes: [],
      };
    }
    const why = sandboxUnavailable();
    if (why) return { status: 'failed', reason: why, metrics: [], notes: [] };
    const sb = await benchSandbox(1, ctx.log);
    const services: Onboarded[] = [];
    const manual: { ms: number; ok: boolean; tail: string }[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      const o = await run.onboardOnce(sb);
      services.push(o);
      const m = o.manual.runnable ? await run.manualOnce(sb, manualScript(o.manual.commands)) : undefined;
      if (m) manual.push(m);
      ctx.log(
        `onboarding run ${i + 1}/${ctx.runs}: services ${o.ms.toFixed(0)} ms (green: ${o.ok}), manual script ${m ? `${m.ms.toFixed(0)} ms (green: ${m.ok})` : 'not runnable'}`,
      );
    }
    const last = services[services.length - 1] as Onboarded;
    const failed = services.filter((s) => !s.ok).length;
    const manualFailed = manual.filter((m) => !m.ok);
    const notes = [
      `A fresh HOME each run; the profile: ${sb.hosts.git} and ${sb.hosts.git2} over HTTPS with the sandbox's private CA, ${sb.hosts.git2} discovery behind auth, GOPRIVATE=*.corp.test, test modules ${last.manual.commands.filter((c) => c.line.startsWith('go mod download')).length}. Wall time = load + plan (the review) + apply (one journaled change) + verification, in process.`,
      `Inputs through the services (${last.inputs.length}): ${last.inputs.join('; ')}. With one token valid on both hosts it is ${last.inputs.length - 1}.`,
      `Manual route from the same profile (${last.manual.commands.length} commands): ${last.manual.commands.map((c) => `\`${c.line}\``).join(' · ')}`,
      manual.length > 0
        ? `The manual commands, run as a bash script in a fresh HOME (machine time only; a person also reads docs and types), ended green in ${manual.length - manualFailed.length}/${manual.length} runs${manualFailed[0] ? ` (last failure: ${manualFailed[0].tail})` : ''}.`
        : 'The manual route contains hand edits, so it was counted but not run.',
    ];
    if (failed > 0)
      notes.push(
        `Onboarding through the services did not end green in ${failed} of ${services.length} runs.`,
      );
    return {
      status: 'measured',
      metrics: [
        metric({
          id: 'green.services',
          label: 'onboarding through the services: wall time',
          unit: 'ms',
          samples: services.map((s) => s.ms),
        }),
        metric({
          id: 'green.inputs',
          label: 'user inputs needed (services)',
          unit: 'inputs',
          samples: services.map((s) => s.inputs.length),
          target: { op: '<=', value: 5 },
          limit:
            'Each host is its own account (a token each), the login is personal (the profile cannot name it), and the review has warnings a person must accept.',
        }),
        metric({
          id: 'green.manual-commands',
          label: 'manual route: commands a person types',
          unit: 'commands',
          samples: services.map((s) => s.manual.commands.length),
        }),
        ...(manual.length > 0
          ? [
              metric({
                id: 'green.manual-script',
                label: 'manual route run as a script (machine time only)',
                unit: 'ms',
                samples: manual.map((m) => m.ms),
              }),
            ]
          : []),
        metric({
          id: 'green.not-green',
          label: `runs that did not end green (services, of ${services.length})`,
          unit: 'count',
          samples: [failed],
          target: { op: '<=', value: 0 },
          limit: 'See the notes.',
        }),
      ],
      notes,
      raw: { inputs: last.inputs, manual: last.manual.commands },
    };
  },
};
