// Test-only entry point until `onramp set …` / `onramp undo` land. With a steps file it
// recovers, plans and applies the JSON steps in argv[2]; with `--undo-last` it recovers and
// undoes the last applied change. It uses this process's environment as given by the test
// (including ONRAMP_FAULT). Prints "planned" once the plan is built, then one JSON result line.
import { readFileSync } from 'node:fs';
import { toErrorData } from '../../main/common/errors';
import type { Step } from '../../main/common/plan';
import { applyPlan } from '../../main/core/apply';
import { buildPlan } from '../../main/core/planner';
import { recoverJournal } from '../../main/core/recovery';
import { undo } from '../../main/core/undo';

const arg = process.argv[2];
if (!arg) {
  process.stderr.write('usage: apply-child.ts <steps.json> | --undo-last\n');
  process.exit(2);
}
const env = { ...process.env };
try {
  await recoverJournal(env);
  if (arg === '--undo-last') {
    process.stdout.write('planned\n');
    const result = await undo(env, { last: true });
    process.stdout.write(`${JSON.stringify({ ok: true, id: result.id })}\n`);
  } else {
    const steps = JSON.parse(readFileSync(arg, 'utf8')) as Step[];
    const plan = await buildPlan('apply-child', steps, env);
    process.stdout.write('planned\n');
    const result = await applyPlan(plan, env);
    process.stdout.write(`${JSON.stringify({ ok: true, id: result.id })}\n`);
  }
} catch (err) {
  process.stdout.write(`${JSON.stringify({ ok: false, error: toErrorData(err) })}\n`);
  process.exitCode = 1;
}
