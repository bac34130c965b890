// A verification run rendered into xterm as it streams: new events are appended, a different
// run (or a buffer that was trimmed) redraws from the start. Beside it, the steps as a plain
// list with ✓/✗, which is what a screen reader reads (the canvas-like terminal is not).
import { useEffect, useRef } from 'react';
import type { VerifyRun } from '../../app/verify-store';
import { ErrorPanel } from '../../ui/error-panel';
import { Glyph } from '../../ui/icons';
import { duration } from '../../ui/time';
import { eventText, runFooter, runHeader } from './verify-ansi';
import { XTermView, type XTermHandle } from './xterm-view';

interface Written {
  key: number;
  count: number;
  footer: boolean;
}

function paint(h: XTermHandle, run: VerifyRun | undefined, w: Written): Written {
  if (!run) return w;
  if (run.key !== w.key || run.events.length < w.count) {
    h.term.reset();
    h.term.write(runHeader(run.modules, run.cleanRoom));
    w = { key: run.key, count: 0, footer: false };
  }
  const text = run.events.slice(w.count).map(eventText).join('');
  if (text) h.term.write(text);
  let footer = w.footer;
  if (run.result && !footer) {
    h.term.write(runFooter(run.result));
    footer = true;
  }
  return { key: run.key, count: run.events.length, footer };
}

export function VerifyTerminal({ run }: { run: VerifyRun | undefined }) {
  const handle = useRef<XTermHandle>();
  const written = useRef<Written>({ key: -1, count: 0, footer: false });
  const latest = useRef(run);
  latest.current = run;

  useEffect(() => {
    if (handle.current) written.current = paint(handle.current, run, written.current);
  }, [run]);

  const steps = (run?.events ?? []).filter((e) => e.type === 'step-end');
  const titles = new Map(
    (run?.events ?? []).filter((e) => e.type === 'step-start').map((e) => [e.stepId, e.title]),
  );
  const current =
    run && !run.done ? [...titles.entries()].find(([id]) => !steps.some((s) => s.stepId === id)) : undefined;

  return (
    <div className="verify-terminal">
      <XTermView
        label="Verification output"
        onReady={(h) => {
          handle.current = h;
          written.current = paint(h, latest.current, { key: -1, count: 0, footer: false });
          return () => {
            handle.current = undefined;
          };
        }}
      />
      {run && (
        <div className="verify-summary" aria-live="polite" data-testid="verify-summary">
          <ol className="plain step-list">
            {steps.map((s) => (
              <li key={s.stepId}>
                <Glyph verdict={s.ok ? 'ok' : 'error'} /> {titles.get(s.stepId) ?? s.stepId}
                {s.summary && <span className="muted small"> — {s.summary}</span>}
              </li>
            ))}
            {current && (
              <li>
                <span className="spinner small" role="img" aria-label="running" /> {current[1]}
              </li>
            )}
          </ol>
          {run.result && (
            <p className={`verdict-line ${run.result.ok ? 'ok' : 'error'}`}>
              <Glyph verdict={run.result.ok ? 'ok' : 'error'} />
              <strong>{run.result.ok ? 'Verification passed' : 'Verification failed'}</strong>
              <span className="muted small">{duration(run.result.durationMs)}</span>
            </p>
          )}
          {run.error && <ErrorPanel error={run.error} context="The verification run" />}
        </div>
      )}
    </div>
  );
}
