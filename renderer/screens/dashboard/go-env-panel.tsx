// go env with provenance: for each variable the value go uses and where it came from (the OS
// environment, the go env file, or go's default), with a warning where an exported variable
// silently beats the file that `go env -w` writes.
import type { StatusView } from '../../../main/common/contract-views';
import { CodeLine } from '../../ui/copy';
import { ErrorPanel } from '../../ui/error-panel';
import { Glyph } from '../../ui/icons';

type GoEnvSection = StatusView['goEnv'];
type Setting = Extract<GoEnvSection, { ok: true }>['value']['settings'][number];

const routing = new Set([
  'GOPRIVATE',
  'GONOPROXY',
  'GONOSUMDB',
  'GOPROXY',
  'GOSUMDB',
  'GOINSECURE',
  'GOAUTH',
  'GOFLAGS',
  'GO111MODULE',
  'GOTOOLCHAIN',
  'GOVCS',
]);

function Source({ s }: { s: Setting }) {
  if (s.winner === 'os') return <span className="badge warning">OS environment</span>;
  if (s.winner === 'file')
    return <span className="badge info">go env file{s.fileLine ? `, line ${s.fileLine}` : ''}</span>;
  return (
    <span className="badge subtle">{s.derivedFrom ? `default (from ${s.derivedFrom})` : 'default'}</span>
  );
}

function overrideWarning(s: Setting): string | undefined {
  if (s.winner !== 'os') return undefined;
  const where = s.shellExports[0] ? ` (exported at ${s.shellExports[0].file}:${s.shellExports[0].line})` : '';
  if (s.fileValue !== undefined && s.fileValue !== s.osValue)
    return `${s.key} from the environment${where} overrides ${JSON.stringify(s.fileValue)} in the go env file: \`go env -w\` cannot change it.`;
  return `Set by the environment${where}: \`go env -w\` cannot change it while the export exists.`;
}

function Row({ s }: { s: Setting }) {
  const warn = overrideWarning(s);
  return (
    <>
      <tr className={warn ? 'warned' : undefined}>
        <th scope="row">
          <code>{s.key}</code>
        </th>
        <td>
          {s.effective ? (
            <CodeLine text={s.effective} label={`${s.key} value`} />
          ) : (
            <span className="muted">(empty)</span>
          )}
          {s.redacted && <span className="muted small"> A credential in this value is hidden.</span>}
        </td>
        <td>
          <Source s={s} />
        </td>
      </tr>
      {warn && (
        <tr className="warn-row">
          <td colSpan={3}>
            <span className="override">
              <Glyph verdict="warning" label="override" /> <span>{warn}</span>
            </span>
          </td>
        </tr>
      )}
    </>
  );
}

function SettingsTable({ settings, caption }: { settings: Setting[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="env-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Value go uses</th>
            <th scope="col">Comes from</th>
          </tr>
        </thead>
        <tbody>
          {settings.map((s) => (
            <Row key={s.key} s={s} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GoEnvPanel({ section, onRetry }: { section: GoEnvSection; onRetry(): void }) {
  if (!section.ok) return <ErrorPanel error={section.error} context="Reading go env" onRetry={onRetry} />;
  const r = section.value;
  const main = r.settings.filter((s) => routing.has(s.key));
  const rest = r.settings.filter((s) => !routing.has(s.key));
  return (
    <div className="go-env">
      <p className="meta-line">
        {r.goFound ? (
          <span>{r.version?.raw ?? 'go (version unknown)'}</span>
        ) : (
          <span className="err-text">go not found on PATH</span>
        )}
        {r.envFile && (
          <span>
            go env file <CodeLine text={r.envFile} label="go env file path" />
            {!r.envFileExists && <span className="muted"> (not created yet)</span>}
          </span>
        )}
      </p>
      {r.problems.length > 0 && (
        <ul className="problems">
          {r.problems.map((p, i) => (
            <li key={i} className={p.severity}>
              <Glyph verdict={p.severity === 'error' ? 'error' : 'warning'} label={p.severity} />
              <div>
                <p>{p.message}</p>
                <p className="muted small">{p.hint}</p>
                {p.file && <CodeLine text={p.line ? `${p.file}:${p.line}` : p.file} label="file path" />}
              </div>
            </li>
          ))}
        </ul>
      )}
      <SettingsTable settings={main} caption="Module routing variables" />
      {rest.length > 0 && (
        <details className="more">
          <summary>Other go variables ({rest.length})</summary>
          <SettingsTable settings={rest} caption="Other go variables" />
        </details>
      )}
    </div>
  );
}
