// Services' results → the views the contract sends: plans without their secrets, verification
// events with every line masked.
import type { PlanView, VerifyEventView } from '../common/contract-views';
import { describeStep, type Plan } from '../common/plan';
import { redactSecrets } from '../common/redact';
import type { BuiltPlan } from './planner';
import type { VerifyEvent } from './verify/runner';

export function viewOf(plan: BuiltPlan | Plan): PlanView {
  return {
    planId: plan.id,
    title: plan.title,
    steps: plan.steps.map(describeStep),
    changes: plan.changes.map((c) => ({
      ...c,
      changed: c.before.sha256 !== c.after.sha256 || c.before.mode !== c.after.mode,
    })),
    notes: 'notes' in plan ? plan.notes : [],
  };
}

export function verifyEventView(runId: string, e: VerifyEvent, secrets: readonly string[]): VerifyEventView {
  if (e.type === 'output')
    return { runId, stepId: e.stepId, type: e.type, stream: e.stream, line: redactSecrets(e.line, secrets) };
  if (e.type === 'step-start') return { runId, stepId: e.stepId, type: e.type, title: e.title };
  return { runId, stepId: e.stepId, type: e.type, ok: e.ok, summary: e.summary };
}
