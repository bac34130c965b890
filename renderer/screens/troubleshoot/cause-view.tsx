// One explained cause: title, confidence, the evidence lines (highlighted in the pasted output
// too), the explanation, and a fix button per remedy.
import type { Cause } from '../../../main/common/explain/types';
import { taxonomyTitles } from '../../../main/common/explain/taxonomy';
import { CodeBlock } from '../../ui/copy';
import { FixFlow, type Applied } from './fix-flow';

export function CauseView(props: { cause: Cause; rank: number; onApplied(a: Applied): void }) {
  const c = props.cause;
  const primary = props.rank === 0;
  const pct = Math.round(c.confidence * 100);
  return (
    <article
      className={`cause${primary ? ' primary' : ''}`}
      data-cause={c.id}
      aria-labelledby={`cause-${props.rank}`}
    >
      <header className="cause-head">
        <p className="eyebrow">{primary ? 'Root cause' : `Alternative ${props.rank}`}</p>
        <h3 id={`cause-${props.rank}`}>
          {c.title}
          <span className="badge subtle">{c.id}</span>
        </h3>
        <div className="confidence" aria-label={`confidence ${pct} percent`}>
          <span className="confidence-bar" aria-hidden="true">
            <span style={{ width: `${pct}%` }} />
          </span>
          <span className="small muted">{pct}% confidence</span>
        </div>
        {(c.host || c.module) && (
          <p className="muted small">{[c.host, c.module].filter(Boolean).join(' · ')}</p>
        )}
      </header>
      {c.evidence.length > 0 && (
        <>
          <h4 className="mini-heading">Evidence</h4>
          <CodeBlock lines={c.evidence} label={`evidence for ${c.id}`} highlight />
        </>
      )}
      <p className="cause-explanation">{c.explanation}</p>
      {c.secondary && c.secondary.length > 0 && (
        <p className="muted small">Also explains: {c.secondary.map((s) => taxonomyTitles[s]).join(', ')}</p>
      )}
      {c.fixes.length > 0 && (
        <div className="fix-list">
          {c.fixes.map((f, i) => (
            <FixFlow
              key={f.id}
              fix={f}
              scope={{ ...(c.module ? { modules: [c.module] } : {}) }}
              onApplied={props.onApplied}
              primary={primary && i === 0}
            />
          ))}
        </div>
      )}
    </article>
  );
}
