// The doctor's checks as they run (doctor.progress events): one row per check and subject, a
// spinner while it runs, ✓ or ✗ with its duration when it ends.
import type { Events } from '../../../main/common/contract';
import { Glyph } from '../../ui/icons';
import { duration } from '../../ui/time';

export type ProgressRow = Events['doctor.progress'];

export function mergeProgress(rows: ProgressRow[], p: ProgressRow): ProgressRow[] {
  const i = rows.findIndex((r) => r.check === p.check && r.subject === p.subject && r.state === 'start');
  if (p.state !== 'start' && i >= 0) return rows.map((r, j) => (j === i ? p : r));
  return [...rows, p];
}

export function DoctorProgress({ rows, running }: { rows: ProgressRow[]; running: boolean }) {
  if (rows.length === 0) return null;
  const done = rows.filter((r) => r.state !== 'start').length;
  return (
    <details className="progress-list" open={running}>
      <summary>
        {running ? `Running checks… ${done} of ${rows.length} done` : `${rows.length} checks ran`}
      </summary>
      <ol aria-live="polite" aria-relevant="additions text">
        {rows.map((r, i) => (
          <li key={i} className={`progress-row ${r.state}`}>
            {r.state === 'start' ? (
              <span className="spinner small" role="img" aria-label="running" />
            ) : (
              <Glyph verdict={r.state === 'ok' ? 'ok' : 'error'} />
            )}
            <span className="check-name">{r.check}</span>
            <code className="subject">{r.subject}</code>
            {r.durationMs !== undefined && <span className="muted small">{duration(r.durationMs)}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
