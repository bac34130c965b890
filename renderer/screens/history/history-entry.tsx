// One journal entry on the timeline: what it changed (files and steps) and its undo button.
// Undo asks once (showing what will be restored); if a file changed since, it explains and
// offers to undo anyway, which discards that later edit.
import { useState } from 'react';
import type { HistoryItem } from '../../../main/common/contract-views';
import { useRemote } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { CodeBlock, CodeLine } from '../../ui/copy';
import { ErrorPanel } from '../../ui/error-panel';
import { exactTime, relativeTime } from '../../ui/time';

const stateText: Record<HistoryItem['state'], string> = {
  preparing: 'preparing',
  pending: 'interrupted',
  applied: 'applied',
  'rolled-back': 'rolled back',
  recovered: 'recovered',
  undone: 'undone',
};

export function HistoryEntry({ item }: { item: HistoryItem }) {
  const [confirming, setConfirming] = useState(false);
  const undo = useRemote('journal.undo');
  const canUndo = item.state === 'applied' && !item.undoneBy;
  const run = (force: boolean) => void undo.run({ id: item.id, ...(force ? { force: true } : {}) });
  const err = undo.remote.state === 'error' ? undo.remote.error : undefined;
  return (
    <li className={`timeline-item ${item.kind} ${item.state}`} data-entry={item.id}>
      <span className="timeline-dot" aria-hidden="true" />
      <article className="timeline-card" aria-labelledby={`h-${item.id}`}>
        <header className="timeline-head">
          <h2 id={`h-${item.id}`} className="timeline-title">
            {item.kind === 'undo' ? '↶ ' : ''}
            {item.title}
          </h2>
          <span
            className={`badge ${item.state === 'applied' ? 'ok' : item.state === 'undone' ? 'subtle' : 'warning'}`}
          >
            {stateText[item.state]}
          </span>
          <time dateTime={item.createdAt} title={exactTime(item.createdAt)} className="muted small">
            {relativeTime(item.createdAt)}
          </time>
        </header>
        <p className="muted small">
          Entry <CodeLine text={item.id} label="journal entry id" />
          {item.undoOf && <> · undoes {item.undoOf}</>}
          {item.undoneBy && <> · undone by {item.undoneBy}</>}
        </p>
        <details>
          <summary>
            {item.files.length} file{item.files.length === 1 ? '' : 's'}, {item.steps.length} step
            {item.steps.length === 1 ? '' : 's'}
          </summary>
          <ul className="plain files">
            {item.files.map((f) => (
              <li key={f}>
                <CodeLine text={f} label="file path" />
              </li>
            ))}
          </ul>
          {item.steps.length > 0 && <CodeBlock lines={item.steps} label="steps" />}
        </details>
        {canUndo && !confirming && undo.remote.state !== 'ok' && (
          <div className="button-row">
            <button type="button" className="btn" onClick={() => setConfirming(true)}>
              {item.kind === 'undo' ? 'Redo (undo this undo)…' : 'Undo…'}
            </button>
          </div>
        )}
        {confirming && undo.remote.state === 'idle' && (
          <div className="callout warning">
            <p>
              Put {item.files.length === 1 ? 'this file' : `these ${item.files.length} files`} back exactly as
              they were before this change? The undo is journaled too, so it can itself be undone.
            </p>
            <div className="button-row">
              <button type="button" className="btn primary" onClick={() => run(false)}>
                Undo this change
              </button>
              <button type="button" className="btn ghost" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        <Busy active={undo.remote.state === 'loading'}>Restoring the files…</Busy>
        {err && (
          <>
            <ErrorPanel error={err} context="Undoing the change" onRetry={() => run(false)} />
            {err.code === 'changed-since-apply' && (
              <div className="button-row">
                <button type="button" className="btn danger" onClick={() => run(true)}>
                  Undo anyway (discard the later edits)
                </button>
              </div>
            )}
          </>
        )}
        {undo.remote.state === 'ok' && (
          <div className="callout ok" role="status">
            <p>
              <strong>Undone.</strong> Restored{' '}
              {undo.remote.value.restored.join(', ') || 'nothing (already as before)'}.
            </p>
          </div>
        )}
      </article>
    </li>
  );
}
