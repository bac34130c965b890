// Step 4: what the plan still needs from the person (a login and token, or an SSH key file).
// The answers go to main with a new onboard.plan, which shows the final plan (the netrc line or
// keychain entry included) before anything is applied. The token never comes back.
import { useState, type FormEvent } from 'react';
import type { OnboardPlanView } from '../../../main/common/contract-views';
import { useRemote } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import { Field } from '../../ui/field';
import { OnboardPlan } from './onboard-plan-view';
import { needKinds, needText } from './onboarding';
import type { Consent, Credentials } from './steps';

export function StepCredentials(props: {
  handle: string;
  consent: Consent;
  planned: OnboardPlanView;
  credentials: Credentials;
  onPlanned(v: OnboardPlanView, c: Credentials): void;
  onDone(): void;
  onBack(): void;
}) {
  const need = needKinds(props.planned.needs);
  const asks = need.login || need.token;
  const [login, setLogin] = useState(props.credentials.login ?? '');
  const [token, setToken] = useState('');
  const [keyFile, setKeyFile] = useState(props.credentials.sshKeyFile ?? '');
  const replan = useRemote('onboard.plan');
  const [checked, setChecked] = useState<OnboardPlanView>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c: Credentials = {
      ...(login.trim() ? { login: login.trim() } : {}),
      ...(token ? { token } : props.credentials.token ? { token: props.credentials.token } : {}),
      ...(keyFile.trim() ? { sshKeyFile: keyFile.trim() } : {}),
    };
    const r = await replan.run({ handle: props.handle, consent: props.consent, ...c });
    if (r.ok) {
      setChecked(r.value);
      props.onPlanned(r.value, c);
    }
  };
  const nothingNeeded = props.planned.needs.length === 0 && !checked;
  const stillNeeds = checked ? checked.needs : [];

  return (
    <form className="wizard-form" onSubmit={submit} aria-label="Credentials">
      {nothingNeeded ? (
        <div className="callout ok" role="status">
          <p>
            <strong>No credential needed from you.</strong> The plan already has what it needs.
          </p>
        </div>
      ) : (
        !checked && (
          <p>
            The plan needs: <strong>{props.planned.needs.map(needText).join('; ')}</strong>.
          </p>
        )
      )}
      {(asks || need.sshKey) && !checked && (
        <div className="form-grid">
          {asks && (
            <Field label="Login" help="Your user name on the host.">
              {(c) => (
                <input
                  {...c}
                  value={login}
                  onChange={(e) => setLogin(e.target.value)}
                  autoComplete="username"
                  spellCheck={false}
                  required
                />
              )}
            </Field>
          )}
          {asks && (
            <Field
              label="Token"
              help="A read-only token. It goes to Onramp's main process and is never shown again."
            >
              {(c) => (
                <input
                  {...c}
                  type="password"
                  value={token}
                  onChange={(e) => setToken(e.target.value)}
                  autoComplete="off"
                  required
                />
              )}
            </Field>
          )}
          {need.sshKey && (
            <Field
              label="SSH private key file"
              help="An existing key registered with the host, e.g. ~/.ssh/id_ed25519."
            >
              {(c) => (
                <input
                  {...c}
                  value={keyFile}
                  onChange={(e) => setKeyFile(e.target.value)}
                  spellCheck={false}
                  required
                />
              )}
            </Field>
          )}
        </div>
      )}
      <Busy active={replan.remote.state === 'loading'}>Checking the credential against the plan…</Busy>
      {replan.remote.state === 'error' && (
        <ErrorPanel error={replan.remote.error} context="Planning with the credential" />
      )}
      {checked && stillNeeds.length > 0 && (
        <div className="callout warning">
          <p>Still needed: {stillNeeds.map(needText).join('; ')}.</p>
        </div>
      )}
      {checked && stillNeeds.length === 0 && <OnboardPlan view={checked} />}
      <div className="wizard-nav">
        <button type="button" className="btn ghost" onClick={props.onBack}>
          Back
        </button>
        {nothingNeeded || (checked && stillNeeds.length === 0) ? (
          <button type="button" className="btn primary" onClick={props.onDone}>
            Next: apply
          </button>
        ) : checked ? (
          <button type="button" className="btn primary" onClick={() => setChecked(undefined)}>
            Change the answers
          </button>
        ) : (
          <button type="submit" className="btn primary" disabled={replan.remote.state === 'loading'}>
            Check and show the final plan
          </button>
        )}
      </div>
    </form>
  );
}
