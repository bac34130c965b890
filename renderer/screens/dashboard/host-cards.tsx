// The host cards: status, protocol, credential, CA, rewrites and when a verification last ran.
import { navigate } from '../../app/routes';
import { CodeLine } from '../../ui/copy';
import { Glyph } from '../../ui/icons';
import { exactTime, relativeTime } from '../../ui/time';
import type { HostCard } from './hosts';

const verdictText = { ok: 'Looks healthy', warning: 'Needs attention', error: 'Misconfigured' } as const;

function HostCardView({ c }: { c: HostCard }) {
  const id = `host-${c.host.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <article className={`host-card ${c.verdict}`} aria-labelledby={id} data-testid="host-card">
      <header className="host-card-head">
        <Glyph verdict={c.verdict} label={verdictText[c.verdict]} />
        <h3 id={id}>{c.host}</h3>
        <span className="badge subtle">{c.role}</span>
      </header>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{verdictText[c.verdict]}</dd>
        <dt>Protocol</dt>
        <dd>{c.protocol === 'unknown' ? 'not configured' : c.protocol.toUpperCase()}</dd>
        <dt>Credential</dt>
        <dd>
          {c.credentials.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            <ul className="plain">
              {c.credentials.map((x, i) => (
                <li key={i}>
                  {x.text}
                  {x.detail && <span className="muted small"> · {x.detail}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {c.coverage && (
          <>
            <dt>Private</dt>
            <dd>
              {c.coverage.noproxy && c.coverage.nosumdb
                ? 'yes (GOPRIVATE)'
                : c.coverage.noproxy
                  ? 'proxy bypassed, sumdb checked'
                  : 'no'}
            </dd>
          </>
        )}
        {c.ca && (
          <>
            <dt>CA for git</dt>
            <dd>
              <CodeLine text={c.ca} label="CA file path" />
            </dd>
          </>
        )}
        {c.rewrites.map((r, i) => (
          <FragmentRow key={i} label="insteadOf" value={`${r.from} → ${r.to}`} />
        ))}
        <dt>Last verified</dt>
        <dd>
          {c.verified ? (
            <span title={exactTime(c.verified.at)}>
              {relativeTime(c.verified.at)} · {c.verified.ok ? 'passed' : 'failed'}
            </span>
          ) : (
            <span className="muted">not yet</span>
          )}
        </dd>
      </dl>
      {c.notes.length > 0 && (
        <ul className="card-notes">
          {c.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <div className="button-row">
        {c.verdict !== 'ok' && (
          <button
            type="button"
            className="btn small"
            onClick={() => navigate('troubleshoot', { host: c.host, run: '1' })}
          >
            Diagnose
          </button>
        )}
        {c.role === 'code host' && (
          <button
            type="button"
            className="btn small"
            onClick={() => navigate('terminal', { module: `${c.host}/` })}
          >
            Verify a module…
          </button>
        )}
      </div>
    </article>
  );
}

function FragmentRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <CodeLine text={value} label="rewrite rule" />
      </dd>
    </>
  );
}

export function HostCards({ cards }: { cards: HostCard[] }) {
  if (cards.length === 0)
    return (
      <div className="empty">
        <p>No private hosts configured yet: no netrc machines, credential helpers, rewrites or ssh hosts.</p>
        <button type="button" className="btn primary" onClick={() => navigate('setup')}>
          Open the setup wizard
        </button>
      </div>
    );
  return (
    <div className="host-grid">
      {cards.map((c) => (
        <HostCardView key={c.host} c={c} />
      ))}
    </div>
  );
}
