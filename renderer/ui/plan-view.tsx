// A plan before it is applied: the commands it runs, a diff per file, and notes. Applying is a
// separate, explicit button owned by the caller (the plan itself never changes anything).
import type { PlanView } from '../../main/common/contract-views';
import { CodeBlock } from './copy';
import { FileDiff } from './diff';

export function PlanDetails({ plan, headingLevel = 3 }: { plan: PlanView; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const changed = plan.changes.filter((c) => c.changed);
  return (
    <div className="plan" data-testid="plan">
      <H className="plan-title">{plan.title}</H>
      <p className="muted small">
        {plan.steps.length} step{plan.steps.length === 1 ? '' : 's'}, {changed.length} file
        {changed.length === 1 ? '' : 's'} changed. Nothing is written until you apply; every change is
        journaled and can be undone from History.
      </p>
      {plan.steps.length > 0 && <CodeBlock lines={plan.steps} label="plan steps" />}
      {plan.notes.length > 0 && (
        <ul className="notes">
          {plan.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {plan.changes.map((c) => (
        <FileDiff key={c.file} change={c} />
      ))}
    </div>
  );
}
