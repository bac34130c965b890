// Step 5: apply the reviewed plan as one journaled change (onboard.apply). main verifies the
// profile's test modules right after writing; the first streamed line moves the wizard on to
// the Verify step, where the run plays live.
import type { OnboardPlanView, ProfileOpenView } from '../../../main/common/contract-views';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import type { ApplyOutcome } from './steps';

export function StepApply(props: {
  profile: ProfileOpenView;
  planned: OnboardPlanView;
  outcome?: ApplyOutcome;
  running: boolean;
  onApply(): void;
  onBack(): void;
}) {
  const plan = props.planned.plan;
  const files = plan?.changes.filter((c) => c.changed).map((c) => c.file) ?? [];
  const err = props.outcome?.error;
  return (
    <div className="wizard-form">
      {plan ? (
        <>
          <p>
            Ready to apply <strong>{plan.title}</strong>: {plan.steps.length} step
            {plan.steps.length === 1 ? '' : 's'} in {files.length} file{files.length === 1 ? '' : 's'}, as one
            change you can undo from History.
          </p>
          <ul className="plain files">
            {files.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          Nothing to write: this machine already matches the profile. Applying only runs the verification.
        </p>
      )}
      {props.profile.testModules.length > 0 && (
        <p className="muted small">
          Then go downloads {props.profile.testModules.join(', ')} to prove it works.
        </p>
      )}
      <Busy active={props.running}>Applying the plan (snapshots first, then each step)…</Busy>
      {err && (
        <ErrorPanel error={err} context="Applying the plan" onRetry={props.onApply} onReplan={props.onBack} />
      )}
      <div className="wizard-nav">
        <button type="button" className="btn ghost" onClick={props.onBack} disabled={props.running}>
          Back
        </button>
        <button type="button" className="btn primary" onClick={props.onApply} disabled={props.running}>
          {props.running ? 'Applying…' : 'Apply'}
        </button>
      </div>
    </div>
  );
}
