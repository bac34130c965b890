// How a plan reads in a terminal: the steps as the commands a person would type, then one
// redacted diff per file with its mode change.
import { describeStep, type FileState, type Plan } from '../common/plan';
import type { CliIo } from './io';

export function modeText(s: FileState): string {
  return s.exists ? '0' + (s.mode & 0o7777).toString(8).padStart(3, '0') : 'absent';
}

export function planView(plan: Plan) {
  return {
    id: plan.id,
    title: plan.title,
    steps: plan.steps.map(describeStep),
    changes: plan.changes.map((c) => ({
      file: c.file,
      before: { exists: c.before.exists, sha256: c.before.sha256, mode: modeText(c.before) },
      after: { exists: c.after.exists, sha256: c.after.sha256, mode: modeText(c.after) },
      changed: c.before.sha256 !== c.after.sha256 || c.before.mode !== c.after.mode,
      diff: c.diff,
    })),
  };
}

export function printPlan(io: CliIo, plan: Plan): void {
  io.out(`Plan: ${plan.title}\n`);
  plan.steps.forEach((s, i) => io.out(`  ${i + 1}. ${describeStep(s)}\n`));
  const changed = plan.changes.filter(
    (c) => c.before.sha256 !== c.after.sha256 || c.before.mode !== c.after.mode,
  );
  if (changed.length === 0) {
    io.out('\nNothing would change: the machine already has these settings.\n');
    return;
  }
  for (const c of changed) {
    io.out(`\n${c.file} (${modeText(c.before)} → ${modeText(c.after)})\n`);
    io.out(c.diff.endsWith('\n') || c.diff === '' ? c.diff : c.diff + '\n');
  }
}
