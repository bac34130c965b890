// The first-run wizard over the onboarding contract. State lives here so Back never loses an
// answer, and the apply call (which outlives its step: it streams the verification) reports
// back here. A deep link (onramp://import?url=…) opens it with the profile's address filled in.
import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../app/connection';
import { markSetupDone } from '../../app/first-run';
import { navigate } from '../../app/routes';
import { useVerifyStore } from '../../app/verify-context';
import { ScreenHeader } from '../../ui/screen-header';
import { applyOnboarding } from './onboarding';
import { StepApply } from './step-apply';
import { StepCredentials } from './step-credentials';
import { StepDone } from './step-done';
import { StepPlan } from './step-plan';
import { StepReview } from './step-review';
import { StepSource } from './step-source';
import { StepVerify } from './step-verify';
import { Stepper } from './stepper';
import { initialWizard, stepIndex, wizardSteps, type WizardState, type WizardStepId } from './steps';

export function SetupWizard({ params }: { params: Record<string, string> }) {
  const client = useClient();
  const store = useVerifyStore();
  const [step, setStep] = useState<WizardStepId>('source');
  const [st, setSt] = useState<WizardState>(initialWizard);
  const [applying, setApplying] = useState(false);
  const patch = (p: Partial<WizardState>) => setSt((s) => ({ ...s, ...p }));
  const goTo = (to: WizardStepId, p: Partial<WizardState> = {}) => {
    patch(p);
    setStep(to);
  };
  // Each step replaces the panel: focus its heading so keyboard and screen-reader users start
  // at the top of the new step, not on a button that vanished.
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    heading.current?.focus();
  }, [step]);

  const apply = () => {
    if (!st.profile) return;
    setApplying(true);
    patch({ outcome: undefined });
    const runKey = applyOnboarding(
      client,
      store,
      {
        handle: st.profile.handle,
        consent: st.consent,
        credentials: st.credentials,
        testModules: st.profile.testModules,
      },
      {
        onVerifying: (key) => goTo('verify', { outcome: { runKey: key } }),
        onDone: (outcome) => {
          setApplying(false);
          // the token has reached main; nothing keeps it here any longer
          setSt((s) => ({ ...s, outcome, credentials: { ...s.credentials, token: undefined } }));
          if (outcome.result) setStep('verify');
        },
      },
    );
    patch({ outcome: { runKey } });
  };

  const info = wizardSteps[stepIndex(step)];
  const p = st.profile;
  const applied = !!st.outcome?.result;
  return (
    <>
      <ScreenHeader
        title="Set up private modules"
        lead="A preset or your team's profile, a review, a plan you can read, then a real fetch to prove it works. Every change can be undone."
        actions={
          step === 'source' && (
            <button
              type="button"
              className="btn ghost"
              onClick={() => {
                markSetupDone();
                navigate('dashboard');
              }}
            >
              Skip for now
            </button>
          )
        }
      />
      <Stepper current={step} locked={applying || applied} go={setStep} />
      <section className="panel wizard-panel" aria-labelledby="wizard-step-title" data-step={step}>
        <header className="panel-head">
          <h2 id="wizard-step-title" ref={heading} tabIndex={-1}>
            {info?.title} <span className="muted small">{info?.blurb}</span>
          </h2>
        </header>
        {step === 'source' && (
          <StepSource
            importUrl={params.import}
            onDone={(profile) => goTo('review', { ...initialWizard, profile })}
          />
        )}
        {step === 'review' && p && (
          <StepReview
            profile={p}
            consent={st.consent}
            onConsent={(consent) => patch({ consent })}
            onBack={() => setStep('source')}
            onDone={() => setStep('plan')}
          />
        )}
        {step === 'plan' && p && (
          <StepPlan
            handle={p.handle}
            consent={st.consent}
            credentials={st.credentials}
            onPlanned={(planned) => patch({ planned })}
            onBack={() => setStep('review')}
            onDone={() => setStep('credentials')}
          />
        )}
        {step === 'credentials' && p && st.planned && (
          <StepCredentials
            handle={p.handle}
            consent={st.consent}
            planned={st.planned}
            credentials={st.credentials}
            onPlanned={(planned, credentials) => patch({ planned, credentials })}
            onBack={() => setStep('plan')}
            onDone={() => setStep('apply')}
          />
        )}
        {step === 'apply' && p && st.planned && (
          <StepApply
            profile={p}
            planned={st.planned}
            outcome={st.outcome}
            running={applying}
            onApply={apply}
            onBack={() => setStep('credentials')}
          />
        )}
        {step === 'verify' && p && st.outcome && (
          <StepVerify
            profile={p}
            outcome={st.outcome}
            onDone={() => {
              markSetupDone();
              setStep('done');
            }}
          />
        )}
        {step === 'done' && st.outcome?.result && (
          <StepDone
            result={st.outcome.result}
            verified={!!st.outcome.result.verification?.ok}
            onRestart={() => {
              setSt(initialWizard);
              setStep('source');
            }}
          />
        )}
      </section>
    </>
  );
}
