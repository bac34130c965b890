// The secrets Onramp manages (secrets.list): where each is stored, whether the keychain works
// here, and credentials found in clear where Onramp does not put them. Refreshes on any change.
import { useEvent } from '../../app/connection';
import { useLoad, valueOf } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import { Glyph } from '../../ui/icons';
import { Panel } from '../../ui/screen-header';
import { SecretRow } from './secret-row';

export function SecretsPanel() {
  const list = useLoad('secrets.list', {});
  useEvent('journal.changed', () => void list.reload());
  const v = valueOf(list.remote);
  return (
    <Panel id="secrets" title="Secrets Onramp manages">
      <Busy active={list.remote.state === 'loading'}>
        Checking the keychain and every place a secret lives…
      </Busy>
      {list.remote.state === 'error' && (
        <ErrorPanel error={list.remote.error} context="Listing secrets" onRetry={() => void list.reload()} />
      )}
      {v && (
        <>
          <p className="meta-line">
            <span>
              <Glyph verdict={v.keychain.available ? 'ok' : 'warning'} />{' '}
              {v.keychain.available ? `Keychain: ${v.keychain.label}` : `No keychain: ${v.keychain.reason}`}
            </span>
            <span className="muted small">
              New tokens go to the {v.defaultStore === 'keychain' ? 'keychain' : 'file store'}.
            </span>
          </p>
          {v.rows.length === 0 ? (
            <p className="muted">No managed secrets yet. Add a token below, or let the setup wizard do it.</p>
          ) : (
            <ul className="secret-list">
              {v.rows.map((r) => (
                <SecretRow key={`${r.kind}:${r.account}@${r.host}`} row={r} />
              ))}
            </ul>
          )}
          {v.leaks.map((l, i) => (
            <p key={i} className="problem-line">
              <Glyph verdict="warning" label="credential in clear" /> {l.where}: {l.detail}
            </p>
          ))}
          {v.orphans.length > 0 && (
            <p className="muted small">
              Keychain items nothing points at any more (left by an undo):{' '}
              {v.orphans.map((o) => `${o.service}/${o.account}`).join(', ')}.
            </p>
          )}
        </>
      )}
    </Panel>
  );
}
