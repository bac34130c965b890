// One doctor finding: what is wrong, the evidence, why, and the fix buttons.
import type { Finding } from '../../../main/common/doctor-report';
import { CodeBlock } from '../../ui/copy';
import { Glyph } from '../../ui/icons';
import { FixFlow, type Applied, type FixScope } from './fix-flow';
import { severityVerdict } from './finding-groups';

export function FindingView(props: {
  finding: Finding;
  primary: boolean;
  scope: FixScope;
  onApplied(a: Applied): void;
}) {
  const f = props.finding;
  // titles often name the module or host already; repeat them only when they add something
  const where = [f.host, f.module].filter((x) => x && !f.title.includes(x)).join(' · ');
  if (f.severity === 'ok')
    return (
      <li className="finding ok">
        <Glyph verdict="ok" />
        <span>{f.title}</span>
        {where && <span className="muted small"> {where}</span>}
      </li>
    );
  return (
    <li className={`finding ${f.severity}${props.primary ? ' primary' : ''}`} data-finding={f.id}>
      <div className="finding-head">
        <Glyph verdict={severityVerdict[f.severity]} />
        <div>
          <p className="finding-title">
            {f.title}
            {props.primary && <span className="badge error">root cause</span>}
            <span className="badge subtle">{f.id}</span>
          </p>
          {where && <p className="muted small">{where}</p>}
        </div>
      </div>
      {f.explanation && <p className="finding-explanation">{f.explanation}</p>}
      {f.evidence.length > 0 && <CodeBlock lines={f.evidence} label={`evidence for ${f.id}`} highlight />}
      {f.fixes.length > 0 && (
        <div className="fix-list">
          {f.fixes.map((fx, i) => (
            <FixFlow
              key={`${fx.id}-${i}`}
              fix={fx}
              scope={props.scope}
              onApplied={props.onApplied}
              primary={props.primary && i === 0}
            />
          ))}
        </div>
      )}
    </li>
  );
}
