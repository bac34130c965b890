// SSH as go will use it: keys (type, fingerprint, permissions), the agent, known hosts, and the
// effective settings of each Host alias. go runs ssh in BatchMode, so every prompt is a failure.
import type { StatusView } from '../../../main/common/contract-views';
import { CodeLine } from '../../ui/copy';
import { ErrorPanel } from '../../ui/error-panel';
import { Glyph } from '../../ui/icons';
import { Panel } from '../../ui/screen-header';

const agentText = {
  keys: 'running, with keys',
  empty: 'running, but holds no keys',
  unreachable: 'SSH_AUTH_SOCK is set but nothing answers',
  'no-socket': 'not running (no SSH_AUTH_SOCK)',
  error: 'could not be queried',
} as const;

export function SshPanel({ status, onRetry }: { status: StatusView; onRetry(): void }) {
  if (!status.ssh.ok)
    return (
      <Panel id="ssh" title="SSH">
        <ErrorPanel error={status.ssh.error} context="Reading ssh" onRetry={onRetry} />
      </Panel>
    );
  const r = status.ssh.value;
  return (
    <Panel id="ssh" title="SSH keys and hosts">
      {r.keys.keys.length === 0 ? (
        <p className="muted">
          No private keys in <code>{r.keys.dir}</code>.
        </p>
      ) : (
        <ul className="key-list">
          {r.keys.keys.map((k) => (
            <li key={k.file} className="key-item">
              <Glyph verdict={k.tooOpen ? 'error' : 'ok'} label={k.tooOpen ? 'readable by others' : 'ok'} />
              <div>
                <p>
                  <strong>{k.type ?? k.format}</strong>
                  {k.bits ? ` ${k.bits}` : ''} {k.comment && <span className="muted">{k.comment}</span>}
                </p>
                <CodeLine text={k.file} label="key file path" />
                {k.publicFile && <CodeLine text={k.publicFile} label="public key path" />}
                {k.fingerprint && <p className="mono small muted">{k.fingerprint}</p>}
                {k.tooOpen && (
                  <p className="err-text small">Readable by others: ssh refuses to use it (chmod 600).</p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="meta-line">
        <span>
          Agent: <strong>{agentText[r.agent.state]}</strong>
          {r.agent.keys.length > 0 && ` (${r.agent.keys.length} key${r.agent.keys.length === 1 ? '' : 's'})`}
        </span>
        <span>
          known_hosts: {r.knownHosts.exists ? `${r.knownHosts.entries.length} entries` : 'none'}{' '}
          <CodeLine text={r.knownHosts.file} label="known_hosts path" />
        </span>
      </p>
      {status.sshHosts.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">ssh hosts</caption>
            <thead>
              <tr>
                <th scope="col">Host</th>
                <th scope="col">Connects as</th>
                <th scope="col">Identity files</th>
              </tr>
            </thead>
            <tbody>
              {status.sshHosts.map((h) => (
                <tr key={h.host}>
                  <th scope="row">{h.host}</th>
                  <td>
                    {h.effective ? (
                      `${h.effective.user}@${h.effective.hostname}:${h.effective.port}`
                    ) : (
                      <span className="muted">{h.error}</span>
                    )}
                  </td>
                  <td>{h.effective?.identityFiles.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.problems.map((p, i) => (
        <p key={i} className="problem-line">
          <Glyph verdict={p.severity === 'error' ? 'error' : 'warning'} /> {p.message}{' '}
          <span className="muted small">{p.hint}</span>
        </p>
      ))}
    </Panel>
  );
}
