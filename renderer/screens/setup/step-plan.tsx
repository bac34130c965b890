// Step 3: the plan for this machine (onboard.plan with the consent given), a diff per file,
// before anything is written.
import { useEffect, useState } from 'react';
import type { OnboardPlanView } from '../../../main/common/contract-views';
import type { ErrorData } from '../../../main/common/errors';
import { useClient } from '../../app/connection';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import { OnboardPlan } from './onboard-plan-view';
import { planOnboarding } from './onboarding';
import type { Consent, Credentials } from './steps';

export function StepPlan(props: {
  handle: string;
  consent: Consent;
  credentials: Credentials;
  onPlanned(v: OnboardPlanView): void;
  onDone(): void;
  onBack(): void;
}) {
  const client = useClient();
  const [state, setState] = useState<{ view?: OnboardPlanView; error?: ErrorData; loading: boolean }>({
    loading: true,
  });
  const [attempt, setAttempt] = useState(0);
  const { handle, consent, credentials, onPlanned } = props;
  useEffect(() => {
    let live = true;
    setState({ loading: true });
    void planOnboarding(client, handle, consent, credentials).then((r) => {
      if (!live) return;
      setState(r.ok ? { view: r.value, loading: false } : { error: r.error, loading: false });
      if (r.ok) onPlanned(r.value);
    });
    return () => {
      live = false;
    };
    // planned once per visit (and per retry): the inputs do not change while this step shows
  }, [client, attempt]);

  return (
    <div className="wizard-form">
      <Busy active={state.loading}>Reading this machine and planning the changes…</Busy>
      {state.error && (
        <ErrorPanel
          error={state.error}
          context="Planning the setup"
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
      {state.view && <OnboardPlan view={state.view} />}
      <div className="wizard-nav">
        <button type="button" className="btn ghost" onClick={props.onBack}>
          Back
        </button>
        <button type="button" className="btn primary" disabled={!state.view} onClick={props.onDone}>
          Next: credentials
        </button>
      </div>
    </div>
  );
}
