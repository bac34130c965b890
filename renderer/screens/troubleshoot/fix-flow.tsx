// One fix, end to end: ask for what it needs (a token, a CA file) → fix.plan → the plan's diff
// per file → Apply (plan.apply) → the caller re-runs the doctor. A pasted token goes to main
// with the plan request and is dropped from state right after; it never comes back.
import { useState, type FormEvent } from 'react';
import type { FixPlanView } from '../../../main/common/contract-views';
import { useClient } from '../../app/connection';
import { useRemote } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import { Field } from '../../ui/field';
import { PlanDetails } from '../../ui/plan-view';
import { automatedFixes, fixDescription, fixInputs, type FixLike } from './fix-info';

export interface FixScope {
  modules?: string[];
  hosts?: string[];
}

export interface Applied {
  journalId: string;
  files: string[];
  title: string;
}

export function FixFlow(props: {
  fix: FixLike;
  scope: FixScope;
  onApplied?: (a: Applied) => void;
  primary?: boolean;
}) {
  const { fix, scope } = props;
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [login, setLogin] = useState('');
  const [token, setToken] = useState('');
  const [caFile, setCaFile] = useState(fix.params?.caFile ?? '');
  const plan = useRemote('fix.plan');
  const apply = useRemote('plan.apply');
  const [applied, setApplied] = useState<Applied>();
  const needs = fixInputs(fix);
  const automated = automatedFixes.has(fix.id);
  const host = fix.params?.host;
  const description = fixDescription(fix.id);

  const makePlan = async (e?: FormEvent) => {
    e?.preventDefault();
    apply.reset();
    setApplied(undefined);
    const t = token;
    setToken('');
    await plan.run({
      fixIds: [fix.id],
      ...(scope.modules?.length ? { modules: scope.modules } : {}),
      ...(scope.hosts?.length ? { hosts: scope.hosts } : host ? { hosts: [host] } : {}),
      ...(needs.token && t ? { token: t, login: login || undefined } : {}),
      ...(needs.caFile && caFile ? { caFile } : {}),
    });
  };
  const doApply = async (view: FixPlanView) => {
    if (!view.plan) return;
    const r = await apply.run({ planId: view.plan.planId });
    if (r.ok) {
      const a = { ...r.value, title: view.plan.title };
      setApplied(a);
      props.onApplied?.(a);
    }
  };
  const discard = async (view: FixPlanView) => {
    if (view.plan) await client.call('plan.discard', { planId: view.plan.planId });
    plan.reset();
  };

  const view = plan.remote.state === 'ok' ? plan.remote.value : undefined;
  if (!open)
    return (
      <button
        type="button"
        className={`btn ${props.primary ? 'primary' : ''}`}
        onClick={() => setOpen(true)}
        aria-expanded="false"
      >
        {automated ? 'Fix: ' : 'How to: '}
        {fix.title}
      </button>
    );

  return (
    <div className="fix-flow" data-fix={fix.id}>
      <div className="fix-flow-head">
        <strong>{fix.title}</strong>
        <button type="button" className="btn ghost small" onClick={() => setOpen(false)} aria-expanded="true">
          Close
        </button>
      </div>
      {description && <p className="muted small">{description}</p>}
      {!applied && !view?.plan && (
        <form className="fix-form" onSubmit={makePlan}>
          {needs.token && (
            <>
              <label className="field">
                <span>Login{host ? ` for ${host}` : ''}</span>
                <input
                  value={login}
                  onChange={(e) => setLogin(e.target.value)}
                  autoComplete="username"
                  spellCheck={false}
                  required
                />
              </label>
              <Field
                label="Token or password"
                help="Sent to Onramp's main process only; it is never shown again."
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
            </>
          )}
          {needs.caFile && (
            <label className="field">
              <span>CA certificate file (PEM){host ? ` that signs ${host}` : ''}</span>
              <input
                value={caFile}
                onChange={(e) => setCaFile(e.target.value)}
                placeholder="/etc/ssl/corp-ca.pem"
                spellCheck={false}
                required
              />
            </label>
          )}
          <div className="button-row">
            <button type="submit" className="btn primary" disabled={plan.remote.state === 'loading'}>
              {automated ? 'Show the plan' : 'Try to plan it'}
            </button>
          </div>
        </form>
      )}
      <Busy active={plan.remote.state === 'loading'}>Re-checking the machine and planning the fix…</Busy>
      {plan.remote.state === 'error' && (
        <ErrorPanel error={plan.remote.error} context="Planning the fix" onRetry={() => void makePlan()} />
      )}
      {view && !view.plan && (
        <div className="callout warning" role="status">
          <p>
            <strong>Nothing to apply automatically.</strong>{' '}
            {view.skipped.length > 0
              ? view.skipped.map((s) => `${s.fix}: ${s.reason}`).join('; ')
              : 'The doctor found nothing on this machine that this fix applies to (the error may come from another machine or module).'}
          </p>
          {description && <p>What to do by hand: {description}</p>}
        </div>
      )}
      {view?.plan && !applied && (
        <>
          <PlanDetails plan={view.plan} headingLevel={4} />
          {view.skipped.length > 0 && (
            <p className="muted small">
              Skipped: {view.skipped.map((s) => `${s.fix} (${s.reason})`).join('; ')}
            </p>
          )}
          <div className="button-row">
            <button
              type="button"
              className="btn primary"
              onClick={() => void doApply(view)}
              disabled={apply.remote.state === 'loading'}
            >
              Apply
            </button>
            <button type="button" className="btn ghost" onClick={() => void discard(view)}>
              Discard
            </button>
          </div>
        </>
      )}
      <Busy active={apply.remote.state === 'loading'}>Applying the plan (journaled, undoable)…</Busy>
      {apply.remote.state === 'error' && (
        <ErrorPanel
          error={apply.remote.error}
          context="Applying the plan"
          onRetry={() => view && void doApply(view)}
          onReplan={() => void makePlan()}
        />
      )}
      {applied && (
        <div className="callout ok" role="status">
          <p>
            <strong>Applied.</strong> Changed {applied.files.join(', ') || 'nothing'}. Undo it any time from
            History (entry <code>{applied.journalId}</code>).
          </p>
        </div>
      )}
    </div>
  );
}
