// A unified diff per file, as the plan carries it (secrets already redacted by main). Lines are
// classified by their first character; +/- are also spelled out for screen readers and for
// anyone who cannot tell the colours apart.
import type { PlanView } from '../../main/common/contract-views';
import { CodeLine } from './copy';

type Change = PlanView['changes'][number];

function lineKind(l: string): 'add' | 'del' | 'hunk' | 'meta' | 'ctx' {
  if (l.startsWith('+++') || l.startsWith('---')) return 'meta';
  if (l.startsWith('@@')) return 'hunk';
  if (l.startsWith('+')) return 'add';
  if (l.startsWith('-')) return 'del';
  return 'ctx';
}

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(3, '0');

export function fileVerdict(c: Change): string {
  if (!c.before.exists && c.after.exists) return `new file, mode ${octal(c.after.mode)}`;
  if (c.before.exists && !c.after.exists) return 'deleted';
  if (!c.changed) return 'unchanged';
  if (c.before.mode !== c.after.mode) return `mode ${octal(c.before.mode)} → ${octal(c.after.mode)}`;
  return 'modified';
}

export function FileDiff({ change }: { change: Change }) {
  const lines = change.diff.replace(/\n$/, '').split('\n');
  const adds = lines.filter((l) => lineKind(l) === 'add').length;
  const dels = lines.filter((l) => lineKind(l) === 'del').length;
  return (
    <section className="file-diff" aria-label={`Changes to ${change.file}`}>
      <header className="file-diff-head">
        <CodeLine text={change.file} label="file path" />
        <span className="badge subtle">{fileVerdict(change)}</span>
        <span className="diff-stat">
          <span className="add">+{adds}</span> <span className="del">−{dels}</span>
        </span>
      </header>
      {change.diff.trim() === '' ? (
        <p className="muted small">No content change.</p>
      ) : (
        <pre className="diff" tabIndex={0} aria-label={`Diff of ${change.file}`}>
          {lines.map((l, i) => {
            const k = lineKind(l);
            return (
              <span key={i} className={`diff-line ${k}`}>
                {k === 'add' && <span className="sr-only">added: </span>}
                {k === 'del' && <span className="sr-only">removed: </span>}
                {l}
                {'\n'}
              </span>
            );
          })}
        </pre>
      )}
    </section>
  );
}
