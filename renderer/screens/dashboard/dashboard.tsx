// The machine at a glance: one card per host, the route of any module, go env with provenance.
// Reloads itself when a change is applied or undone anywhere in the app.
import { useMemo } from 'react';
import { useEvent } from '../../app/connection';
import { useLoad, valueOf } from '../../app/use-remote';
import { readVerified } from '../../app/verified-hosts';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import { Glyph } from '../../ui/icons';
import { Panel, ScreenHeader } from '../../ui/screen-header';
import { exactTime, relativeTime } from '../../ui/time';
import { GoEnvPanel } from './go-env-panel';
import { HostCards } from './host-cards';
import { hostCards } from './hosts';
import { RouteBox } from './route-box';

export function Dashboard({ params }: { params: Record<string, string> }) {
  const status = useLoad('status.read', {});
  useEvent('journal.changed', () => void status.reload());
  const value = valueOf(status.remote);
  const cards = useMemo(() => (value ? hostCards(value, readVerified()) : []), [value]);
  const tools = value?.tools.ok ? value.tools.value.tools : [];

  return (
    <>
      <ScreenHeader
        title="Dashboard"
        lead="What this machine does when go fetches a private module, and where each setting comes from."
        actions={
          <button
            type="button"
            className="btn"
            onClick={() => void status.reload()}
            disabled={status.remote.state === 'loading'}
          >
            Refresh
          </button>
        }
      />
      <Busy active={status.remote.state === 'loading'}>Reading go env, git config, netrc and ssh…</Busy>
      {status.remote.state === 'error' && (
        <ErrorPanel
          error={status.remote.error}
          context="Reading the machine status"
          onRetry={() => void status.reload()}
        />
      )}
      {value && (
        <p className="meta-line" aria-label="Tools">
          {tools.map((t) => (
            <span key={t.name} className="tool">
              <Glyph verdict={t.found ? 'ok' : 'error'} label={t.found ? 'found' : 'missing'} /> {t.name}{' '}
              <span className="muted">{t.found ? (t.version ?? '') : 'not found'}</span>
            </span>
          ))}
          <span className="muted small" title={exactTime(value.generatedAt)}>
            read {relativeTime(value.generatedAt)}
          </span>
        </p>
      )}
      <Panel id="hosts" title="Hosts">
        {value ? (
          <HostCards cards={cards} />
        ) : (
          status.remote.state !== 'error' && <div className="skeleton" />
        )}
      </Panel>
      <Panel id="route" title="Route of a module">
        <p className="muted small">
          Type a module path to see every hop go takes: proxy or direct, checksum database, discovery, the VCS
          URL after insteadOf, the credential and the CA.
        </p>
        <RouteBox initial={params.module} />
      </Panel>
      <Panel id="goenv" title="go env">
        {value ? (
          <GoEnvPanel section={value.goEnv} onRetry={() => void status.reload()} />
        ) : (
          <div className="skeleton" />
        )}
      </Panel>
    </>
  );
}
