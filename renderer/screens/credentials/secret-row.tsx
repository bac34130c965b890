// One managed secret: where it lives and whether each place still holds it, its age, expiry
// and last successful use, its problems, and rotate / remove.
import { useState, type FormEvent } from 'react';
import type { Output } from '../../../main/common/contract';
import { useRemote } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { CodeBlock } from '../../ui/copy';
import { ErrorPanel } from '../../ui/error-panel';
import { Field } from '../../ui/field';
import { Glyph } from '../../ui/icons';
import { exactTime, relativeTime } from '../../ui/time';

type Row = Output<'secrets.list'>['rows'][number];

function RotateForm({ row }: { row: Row }) {
  const rotate = useRemote('token.rotate');
  const [token, setToken] = useState('');
  const [revoke, setRevoke] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = token;
    setToken('');
    void rotate.run({ host: row.host, account: row.account, token: t, ...(revoke ? { revoke: true } : {}) });
  };
  const r = rotate.remote.state === 'ok' ? rotate.remote.value : undefined;
  return (
    <div className="fix-flow">
      <form onSubmit={submit} className="fix-form" aria-label={`Rotate the token for ${row.host}`}>
        <Field label="New token" help="Staged, verified with a real fetch, and rolled back if that fails.">
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
        <label className="check">
          <input type="checkbox" checked={revoke} onChange={(e) => setRevoke(e.target.checked)} />
          <span>Revoke the old token afterwards (where the host allows it)</span>
        </label>
        <div className="button-row">
          <button type="submit" className="btn primary" disabled={rotate.remote.state === 'loading'}>
            Rotate
          </button>
        </div>
      </form>
      <Busy active={rotate.remote.state === 'loading'}>Staging the new token and verifying it…</Busy>
      {rotate.remote.state === 'error' && (
        <ErrorPanel error={rotate.remote.error} context="Rotating the token" />
      )}
      {r && (
        <div className={`callout ${r.ok ? 'ok' : 'warning'}`} role="status">
          <p>
            <strong>{r.ok ? 'Rotated.' : 'Not rotated.'}</strong> Verified with {r.verification.how}:{' '}
            {r.verification.ok ? 'it works' : 'it failed'}.
            {r.rolledBack && ` Rolled back (undo entry ${r.rolledBack.undoId}).`}
            {r.revocation &&
              (r.revocation.revoked
                ? ` Old token revoked (${r.revocation.how}).`
                : ` Revoke the old token by hand: ${r.revocation.manual}`)}
          </p>
          {!r.ok && (
            <p className="small">
              The old token is still in place. Check that the new one belongs to {row.account} and can read
              the repository, then rotate again.
            </p>
          )}
          {r.verification.lines.length > 0 && (
            <details open={!r.ok}>
              <summary>Verification output ({r.verification.lines.length} lines)</summary>
              <CodeBlock lines={r.verification.lines} label="verification output" />
            </details>
          )}
        </div>
      )}
    </div>
  );
}

export function SecretRow({ row }: { row: Row }) {
  const [mode, setMode] = useState<'none' | 'rotate' | 'remove'>('none');
  const remove = useRemote('token.remove');
  const bad = row.problems.some((p) => p.severity === 'error');
  return (
    <li
      className={`secret-row ${bad ? 'error' : row.problems.length ? 'warning' : 'ok'}`}
      data-secret={`${row.account}@${row.host}`}
    >
      <header className="timeline-head">
        <Glyph verdict={bad ? 'error' : row.problems.length ? 'warning' : 'ok'} />
        <h3>
          {row.account}@{row.host}
        </h3>
        <span className="badge subtle">{row.kind}</span>
        {row.store && <span className="badge info">{row.store}</span>}
      </header>
      <dl className="facts">
        <dt>Created</dt>
        <dd title={exactTime(row.createdAt)}>{relativeTime(row.createdAt)}</dd>
        {row.expiresAt && (
          <>
            <dt>Expires</dt>
            <dd title={exactTime(row.expiresAt)}>{relativeTime(row.expiresAt)}</dd>
          </>
        )}
        <dt>Last verified</dt>
        <dd>
          {row.lastVerified
            ? `${relativeTime(row.lastVerified.at)} · ${row.lastVerified.ok ? 'worked' : 'failed'} (${row.lastVerified.how})`
            : 'never'}
        </dd>
        {row.scopes && (
          <>
            <dt>Scopes</dt>
            <dd>{row.scopes.join(', ') || 'none'}</dd>
          </>
        )}
        <dt>Lives in</dt>
        <dd>
          <ul className="plain">
            {row.places.map((p, i) => (
              <li key={i}>
                <Glyph
                  verdict={p.present === null ? 'pending' : p.present ? 'ok' : 'error'}
                  label={p.present === null ? 'cannot check' : p.present ? 'present' : 'missing'}
                />{' '}
                {p.kind} <code>{p.detail}</code>
                {p.plaintext && <span className="badge warning">plain text</span>}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {row.problems.map((p, i) => (
        <p key={i} className="problem-line">
          <Glyph verdict={p.severity === 'error' ? 'error' : 'warning'} label={p.severity} /> {p.message}
          {p.hint && <span className="muted small"> {p.hint}</span>}
        </p>
      ))}
      {row.kind === 'token' && (
        <div className="button-row">
          <button
            type="button"
            className="btn small"
            aria-expanded={mode === 'rotate'}
            onClick={() => setMode(mode === 'rotate' ? 'none' : 'rotate')}
          >
            Rotate…
          </button>
          <button
            type="button"
            className="btn small ghost"
            aria-expanded={mode === 'remove'}
            onClick={() => setMode(mode === 'remove' ? 'none' : 'remove')}
          >
            Remove…
          </button>
        </div>
      )}
      {mode === 'rotate' && <RotateForm row={row} />}
      {mode === 'remove' && remove.remote.state !== 'ok' && (
        <div className="callout warning">
          <p>
            Remove this token from every place it lives? git and go stop sending it. Journaled, so undoable.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="btn danger"
              onClick={() => void remove.run({ host: row.host, account: row.account })}
            >
              Remove the token
            </button>
            <button type="button" className="btn ghost" onClick={() => setMode('none')}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <Busy active={remove.remote.state === 'loading'}>Removing…</Busy>
      {remove.remote.state === 'error' && (
        <ErrorPanel error={remove.remote.error} context="Removing the token" />
      )}
    </li>
  );
}
