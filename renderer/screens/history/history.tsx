// Every change Onramp made, newest first, each undoable. Refreshes on journal.changed, so an
// apply or undo from any screen (or another window) shows up here.
import { useEvent } from '../../app/connection';
import { navigate } from '../../app/routes';
import { useLoad, valueOf } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { CodeLine } from '../../ui/copy';
import { ErrorPanel } from '../../ui/error-panel';
import { ScreenHeader } from '../../ui/screen-header';
import { HistoryEntry } from './history-entry';

export function History() {
  const history = useLoad('journal.history', {});
  useEvent('journal.changed', () => void history.reload());
  const value = valueOf(history.remote);
  return (
    <>
      <ScreenHeader
        title="History"
        lead={
          <>
            Every change is journaled with a snapshot of each file, and can be undone here or with{' '}
            <CodeLine text="onramp undo <id>" label="undo command" />.
          </>
        }
        actions={
          <button
            type="button"
            className="btn"
            onClick={() => void history.reload()}
            disabled={history.remote.state === 'loading'}
          >
            Refresh
          </button>
        }
      />
      <Busy active={history.remote.state === 'loading'}>Reading the journal…</Busy>
      {history.remote.state === 'error' && (
        <ErrorPanel
          error={history.remote.error}
          context="Reading the journal"
          onRetry={() => void history.reload()}
        />
      )}
      {value && value.entries.length === 0 && (
        <div className="empty">
          <p>
            No changes yet. Fixes from the doctor and the setup wizard appear here, each with an undo button.
          </p>
          <button
            type="button"
            className="btn primary"
            onClick={() => navigate('troubleshoot', { run: '1' })}
          >
            Run the doctor
          </button>
        </div>
      )}
      {value && value.entries.length > 0 && (
        <ol className="timeline" aria-label="Changes, newest first" data-testid="timeline">
          {value.entries.map((e) => (
            <HistoryEntry key={e.id} item={e} />
          ))}
        </ol>
      )}
    </>
  );
}
