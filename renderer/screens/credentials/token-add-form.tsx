// Add a token (token.add): main checks it with the host first (its API, or git ls-remote on a
// repository for a generic host), refuses a rejected or under-scoped one, then stores it in the
// keychain (or the file store when there is none) and wires git and go to it as one journaled,
// undoable change. The token is cleared from this form as soon as it is sent.
import { useState, type FormEvent } from 'react';
import { useRemote } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import { Field } from '../../ui/field';
import { Glyph } from '../../ui/icons';
import { PlanDetails } from '../../ui/plan-view';

const kinds = ['auto', 'github', 'github-enterprise', 'gitlab', 'gitea', 'bitbucket', 'generic'] as const;
type Kind = (typeof kinds)[number];

export function TokenAddForm() {
  const add = useRemote('token.add');
  const [host, setHost] = useState('');
  const [account, setAccount] = useState('');
  const [token, setToken] = useState('');
  const [module, setModule] = useState('');
  const [repo, setRepo] = useState('');
  const [kind, setKind] = useState<Kind>('auto');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const t = token;
    setToken('');
    void add.run({
      host: host.trim(),
      token: t,
      ...(account.trim() ? { account: account.trim() } : {}),
      ...(kind !== 'auto' ? { kind } : {}),
      ...(module.trim() ? { module: module.trim() } : {}),
      ...(repo.trim() ? { repo: repo.trim() } : {}),
    });
  };
  const r = add.remote.state === 'ok' ? add.remote.value : undefined;
  return (
    <div className="token-form">
      <form onSubmit={submit} aria-label="Add a token">
        <div className="form-grid">
          <Field label="Host">
            {(c) => (
              <input
                {...c}
                value={host}
                onChange={(e) => setHost(e.target.value)}
                placeholder="git.example.com"
                spellCheck={false}
                required
              />
            )}
          </Field>
          <Field label="Account" help="The user name git sends with the token.">
            {(c) => (
              <input
                {...c}
                value={account}
                onChange={(e) => setAccount(e.target.value)}
                autoComplete="username"
                spellCheck={false}
              />
            )}
          </Field>
          <Field label="Token" help="Checked with the host before anything is stored; never shown again.">
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
          <Field label="Host kind">
            {(c) => (
              <select {...c} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {k === 'auto' ? 'detect from the host' : k}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="A module on the host (optional)"
            help="Used to probe discovery and for later verifications."
          >
            {(c) => (
              <input
                {...c}
                value={module}
                onChange={(e) => setModule(e.target.value)}
                placeholder="git.example.com/acme/lib"
                spellCheck={false}
              />
            )}
          </Field>
          <Field
            label="A repository the token can read (optional)"
            help="Needed for a generic host: Onramp checks the token with git ls-remote on it."
          >
            {(c) => (
              <input
                {...c}
                value={repo}
                onChange={(e) => setRepo(e.target.value)}
                placeholder="acme/lib"
                spellCheck={false}
              />
            )}
          </Field>
        </div>
        <div className="button-row">
          <button type="submit" className="btn primary" disabled={add.remote.state === 'loading'}>
            Check and store the token
          </button>
          <span className="muted small">Applied as one journaled change; undo it from History.</span>
        </div>
      </form>
      <Busy active={add.remote.state === 'loading'}>
        Checking the token with {host || 'the host'}, then storing it…
      </Busy>
      {add.remote.state === 'error' && <ErrorPanel error={add.remote.error} context="Adding the token" />}
      {r && (
        <div className="callout ok" role="status" data-testid="token-added">
          <p>
            <strong>Stored in {r.storeLabel}.</strong> Checked with{' '}
            {r.checkedWith.join(', ') || 'nothing (no check available)'}.
            {r.journalId && ` Journal entry ${r.journalId}.`}
          </p>
          {r.problems.map((p, i) => (
            <p key={i} className="problem-line">
              <Glyph verdict={p.severity === 'error' ? 'error' : 'warning'} label={p.severity} /> {p.message}
              {p.hint && <span className="muted small"> {p.hint}</span>}
            </p>
          ))}
          {r.notes.length > 0 && (
            <ul className="notes">
              {r.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
          <details>
            <summary>What was changed</summary>
            <PlanDetails plan={r.plan} headingLevel={4} />
          </details>
        </div>
      )}
    </div>
  );
}
