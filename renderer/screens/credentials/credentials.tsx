// What the machine authenticates with, never the secrets themselves: the secrets Onramp manages
// (secrets.list, with add / rotate / remove), then what go and git actually read: netrc
// machines, git credential helpers, SSH keys and the agent (status.read).
import { useEvent } from '../../app/connection';
import { useLoad, valueOf } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { CodeLine } from '../../ui/copy';
import { ErrorPanel } from '../../ui/error-panel';
import { Glyph } from '../../ui/icons';
import { Panel, ScreenHeader } from '../../ui/screen-header';
import { SshPanel } from './ssh-panel';
import { SecretsPanel } from './secrets-panel';
import { TokenAddForm } from './token-add-form';

const octal = (m?: number) => (m === undefined ? '' : (m & 0o777).toString(8).padStart(3, '0'));

export function Credentials() {
  const status = useLoad('status.read', {});
  useEvent('journal.changed', () => void status.reload());
  const s = valueOf(status.remote);
  const reload = () => void status.reload();
  return (
    <>
      <ScreenHeader
        title="Credentials"
        lead="Where go and git find a login for each host. Passwords and tokens are never shown, only where they live."
        actions={
          <button type="button" className="btn" onClick={reload} disabled={status.remote.state === 'loading'}>
            Refresh
          </button>
        }
      />
      <SecretsPanel />
      <Panel id="token" title="Add a token">
        <TokenAddForm />
      </Panel>
      <h2 className="sub-heading section-title">What go and git read</h2>
      <Busy active={status.remote.state === 'loading'}>Reading netrc, git config and ssh…</Busy>
      {status.remote.state === 'error' && (
        <ErrorPanel error={status.remote.error} context="Reading credentials" onRetry={reload} />
      )}
      {!s && status.remote.state !== 'error' && <div className="skeleton panel" />}
      {s && (
        <Panel id="netrc" title="netrc (go's own requests, and git)">
          {!s.netrc.ok ? (
            <ErrorPanel error={s.netrc.error} context="Reading netrc" onRetry={reload} />
          ) : (
            <>
              <p className="meta-line">
                <CodeLine text={s.netrc.value.file} label="netrc path" />
                {s.netrc.value.exists ? (
                  <span className={s.netrc.value.tooOpen ? 'err-text' : 'muted'}>
                    mode {octal(s.netrc.value.mode)}
                    {s.netrc.value.tooOpen && ' — readable by others: chmod 600 it'}
                  </span>
                ) : (
                  <span className="muted">does not exist yet</span>
                )}
              </p>
              {(s.netrc.value.summary?.machines.length ?? 0) > 0 && (
                <div className="table-wrap">
                  <table>
                    <caption className="sr-only">netrc machines</caption>
                    <thead>
                      <tr>
                        <th scope="col">Host</th>
                        <th scope="col">Login</th>
                        <th scope="col">Password</th>
                        <th scope="col">Line</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.netrc.value.summary?.machines.map((m) => (
                        <tr key={`${m.host}-${m.line}`}>
                          <th scope="row">{m.host}</th>
                          <td>{m.login ?? <span className="err-text">missing</span>}</td>
                          <td>
                            {m.hasPassword ? 'stored (hidden)' : <span className="err-text">missing</span>}
                          </td>
                          <td>{m.line}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {s.netrc.value.summary?.goCompat.map((p, i) => (
                <p key={i} className="problem-line">
                  <Glyph verdict="warning" /> line {p.line}: {p.message}
                </p>
              ))}
            </>
          )}
        </Panel>
      )}
      {s && (
        <Panel id="helpers" title="git credential helpers">
          {!s.git.ok ? (
            <ErrorPanel error={s.git.error} context="Reading git config" onRetry={reload} />
          ) : s.git.value.summary.credentialHelpers.length === 0 ? (
            <p className="muted">
              No credential helper configured: git falls back to netrc, and go never prompts.
            </p>
          ) : (
            <ul className="plain rows">
              {s.git.value.summary.credentialHelpers.map((h, i) => (
                <li key={i}>
                  <code>{h.reset ? '(reset)' : h.helper}</code>{' '}
                  <span className="muted small">for {h.urlScope ?? 'every host'}</span>
                  {h.file && <CodeLine text={h.file} label="config file path" />}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      )}
      {s && <SshPanel status={s} onRetry={reload} />}
    </>
  );
}
