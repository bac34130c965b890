// Run the doctor → live progress → findings grouped ✓ ! ✗ → fix → doctor again, automatically,
// so the person sees the root cause go away (or what is next) without another click.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TaxonomyId } from '../../../main/common/explain/taxonomy';
import { taxonomyTitles } from '../../../main/common/explain/taxonomy';
import { useEvent } from '../../app/connection';
import { useRemote, valueOf } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import { Glyph } from '../../ui/icons';
import { duration } from '../../ui/time';
import { DoctorProgress, mergeProgress, type ProgressRow } from './doctor-progress';
import { groupFindings } from './finding-groups';
import { FindingView } from './finding-view';
import type { Applied, FixScope } from './fix-flow';

const split = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function DoctorPanel(props: { initialModule?: string; initialHost?: string; runToken: number }) {
  const [modules, setModules] = useState(props.initialModule ?? '');
  const [hosts, setHosts] = useState(props.initialHost ?? '');
  const [rows, setRows] = useState<ProgressRow[]>([]);
  const [scope, setScope] = useState<FixScope>({});
  const [recheck, setRecheck] = useState<{ before: TaxonomyId | null; applied: Applied }>();
  // a new key per run: fix forms of the previous report must not carry over to new findings
  const [runSeq, setRunSeq] = useState(0);
  const doctor = useRemote('doctor.run');
  const running = doctor.remote.state === 'loading';
  const listening = useRef(false);
  useEvent('doctor.progress', (p) => {
    if (listening.current) setRows((r) => mergeProgress(r, p));
  });

  const run = async (s: FixScope) => {
    setScope(s);
    setRows([]);
    setRunSeq((n) => n + 1);
    listening.current = true;
    await doctor.run({
      ...(s.modules?.length ? { modules: s.modules } : {}),
      ...(s.hosts?.length ? { hosts: s.hosts } : {}),
    });
    listening.current = false;
  };
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setRecheck(undefined);
    void run({ modules: split(modules), hosts: split(hosts) });
  };
  const lastToken = useRef(0);
  useEffect(() => {
    if (props.runToken > lastToken.current) {
      lastToken.current = props.runToken;
      submit();
    }
  });

  const report = valueOf(doctor.remote);
  const onApplied = (a: Applied) => {
    setRecheck({ before: report?.primary ?? null, applied: a });
    void run(scope);
  };
  const groups = report ? groupFindings(report.findings) : [];
  const primary = report?.findings.find((f) => f.severity === 'error' && f.id === report.primary);
  const count = (sev: string) => report?.findings.filter((f) => f.severity === sev).length ?? 0;

  return (
    <div className="doctor">
      <form className="inline-form" onSubmit={submit} aria-label="Doctor scope">
        <label className="field grow">
          <span>Modules (optional)</span>
          <input
            value={modules}
            onChange={(e) => setModules(e.target.value)}
            placeholder="the current module's requirements"
            spellCheck={false}
          />
        </label>
        <label className="field">
          <span>Hosts (optional)</span>
          <input
            value={hosts}
            onChange={(e) => setHosts(e.target.value)}
            placeholder="git.example.com"
            spellCheck={false}
          />
        </label>
        <button type="submit" className="btn primary" disabled={running}>
          {report ? 'Run the doctor again' : 'Run the doctor'}
        </button>
      </form>
      <DoctorProgress rows={rows} running={running} />
      <Busy active={running && rows.length === 0}>
        Loading go env, git config and the module's requirements…
      </Busy>
      {doctor.remote.state === 'error' && (
        <ErrorPanel
          error={doctor.remote.error}
          context="Running the doctor"
          onRetry={() => void run(scope)}
        />
      )}
      {recheck && report && !running && (
        <div className={`callout ${report.primary ? 'warning' : 'ok'}`} role="status" data-testid="recheck">
          <p>
            <strong>Re-checked after “{recheck.applied.title}”.</strong>{' '}
            {report.primary === null
              ? `No root cause left${recheck.before ? `: ${taxonomyTitles[recheck.before]} is fixed` : ''}.`
              : report.primary === recheck.before
                ? `The root cause is still ${taxonomyTitles[report.primary]}.`
                : `Next root cause: ${taxonomyTitles[report.primary]}.`}
          </p>
        </div>
      )}
      {report && (
        <section
          key={runSeq}
          aria-label="Doctor results"
          className="doctor-results"
          data-testid="doctor-results"
        >
          <p className={`verdict-line ${report.primary ? 'error' : 'ok'}`}>
            <Glyph verdict={report.primary ? 'error' : 'ok'} />
            {report.primary ? (
              <span>
                Root cause: <strong>{taxonomyTitles[report.primary]}</strong>{' '}
                <span className="badge subtle">{report.primary}</span>
              </span>
            ) : (
              <span>
                <strong>No problems found.</strong> Every checked route works.
              </span>
            )}
            <span className="muted small">
              {count('error')} errors · {count('warning')} warnings · {count('ok')} passed ·{' '}
              {duration(report.durationMs)}
              {report.modules.length > 0 &&
                ` · ${report.modules.length} module${report.modules.length === 1 ? '' : 's'}`}
            </span>
          </p>
          {groups.map((g) => (
            <section key={g.key} className={`finding-group ${g.worst}`} aria-labelledby={`grp-${g.key}`}>
              <h3 id={`grp-${g.key}`}>
                <Glyph verdict={g.worst} />
                {g.title}
              </h3>
              <ul className="findings">
                {g.findings.map((f, i) => (
                  <FindingView
                    key={i}
                    finding={f}
                    primary={f === primary}
                    scope={scope}
                    onApplied={onApplied}
                  />
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
    </div>
  );
}
