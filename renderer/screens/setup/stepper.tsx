// The row of steps above the wizard: done steps can be revisited (until the plan is applied),
// the current one is marked for assistive tech with aria-current="step".
import { stepIndex, wizardSteps, type WizardStepId } from './steps';

export function Stepper({
  current,
  locked,
  go,
}: {
  current: WizardStepId;
  locked: boolean;
  go(id: WizardStepId): void;
}) {
  const at = stepIndex(current);
  return (
    <ol className="stepper" aria-label="Setup steps">
      {wizardSteps.map((s, i) => {
        const state = i < at ? 'done' : i === at ? 'current' : 'upcoming';
        const canGo = i < at && !locked;
        return (
          <li key={s.id} className={`step ${state}`} aria-current={i === at ? 'step' : undefined}>
            {canGo ? (
              <button type="button" className="step-btn" onClick={() => go(s.id)}>
                <span className="step-num" aria-hidden="true">
                  ✓
                </span>
                <span className="step-title">{s.title}</span>
              </button>
            ) : (
              <span className="step-btn">
                <span className="step-num" aria-hidden="true">
                  {state === 'done' ? '✓' : i + 1}
                </span>
                <span className="step-title">{s.title}</span>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
