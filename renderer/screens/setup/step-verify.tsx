// Step 6: the verification onboard.apply runs, streamed live into the (lazily loaded) terminal;
// afterwards it can be run again with verify.run. A profile without test modules asks for one.
import { lazy, Suspense, useState } from 'react';
import type { ProfileOpenView } from '../../../main/common/contract-views';
import { navigate } from '../../app/routes';
import { useVerifyStore } from '../../app/verify-context';
import { useVerifyRuns } from '../../app/verify-store';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import { Field } from '../../ui/field';
import type { ApplyOutcome } from './steps';

const VerifyTerminal = lazy(() =>
  import('../terminal/verify-terminal').then((m) => ({ default: m.VerifyTerminal })),
);

export function StepVerify(props: { profile: ProfileOpenView; outcome: ApplyOutcome; onDone(): void }) {
  const store = useVerifyStore();
  const runs = useVerifyRuns(store);
  const [key, setKey] = useState(props.outcome.runKey);
  const [module, setModule] = useState(props.profile.testModules[0] ?? '');
  const run = runs.find((r) => r.key === key);
  const result = props.outcome.result;
  const applied = !!result && (result.applied || result.upToDate);
  const modules = props.profile.testModules.length ? props.profile.testModules : module ? [module] : [];
  const again = () => modules.length && setKey(store.start(modules).key);
  const ok = run?.result?.ok ?? result?.verification?.ok;
  const noTests = !!result && !result.verification && props.profile.testModules.length === 0;

  return (
    <div className="wizard-form">
      {!result && !props.outcome.error && <Busy active>Applying, then fetching the test modules…</Busy>}
      {props.outcome.error && <ErrorPanel error={props.outcome.error} context="Applying the plan" />}
      {applied && (
        <p>The plan is applied{result?.journalId ? ` (journal entry ${result.journalId})` : ''}.</p>
      )}
      {noTests && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            again();
          }}
        >
          <Field label="The profile names no test module: check one" className="grow">
            {(c) => (
              <input
                {...c}
                value={module}
                onChange={(e) => setModule(e.target.value)}
                placeholder="git.example.com/acme/lib"
                spellCheck={false}
                required
              />
            )}
          </Field>
          <button type="submit" className="btn">
            Verify
          </button>
        </form>
      )}
      {(run?.events.length ?? 0) > 0 || !noTests ? (
        <Suspense fallback={<Busy active>Loading the terminal…</Busy>}>
          <VerifyTerminal run={run} />
        </Suspense>
      ) : null}
      {run?.done && ok === false && (
        <div className="callout warning" role="status">
          <p>
            <strong>The fetch failed.</strong> The changes are applied; the doctor can tell what is still
            missing.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="btn"
              onClick={() => navigate('troubleshoot', { module: modules[0]?.split('@')[0] ?? '', run: '1' })}
            >
              Run the doctor
            </button>
            <button type="button" className="btn ghost" onClick={again}>
              Verify again
            </button>
          </div>
        </div>
      )}
      <div className="wizard-nav">
        <button type="button" className="btn primary" onClick={props.onDone} disabled={!result || !run?.done}>
          {ok ? 'Next: done' : 'Finish anyway'}
        </button>
      </div>
    </div>
  );
}
