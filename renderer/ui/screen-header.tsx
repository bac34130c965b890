// The heading every screen starts with. It takes focus on navigation (tabIndex -1), so it is
// the first thing a screen reader announces on the new screen.
import type { ReactNode } from 'react';

export function ScreenHeader(props: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="screen-header">
      <div>
        <h1 tabIndex={-1}>{props.title}</h1>
        {props.lead && <p className="lead">{props.lead}</p>}
      </div>
      {props.actions && <div className="screen-actions">{props.actions}</div>}
    </header>
  );
}

/** A titled panel; `id` lets the heading label the region. */
export function Panel(props: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <section className={`panel ${props.className ?? ''}`} aria-labelledby={`${props.id}-title`}>
      <header className="panel-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {props.actions && <div className="panel-actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}
