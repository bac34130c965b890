// Every failure shown the same way: what went wrong, the service's hint, what to do next, and
// a button that does it. Messages come redacted from main; nothing here logs them.
import type { ErrorData } from '../../main/common/errors';
import { navigate } from '../app/routes';
import { CodeLine } from './copy';
import { nextSteps } from './next-step';

export interface ErrorPanelProps {
  error: ErrorData;
  /** what was being attempted, e.g. "Reading the machine status" */
  context?: string;
  onRetry?: () => void;
  /** for replan errors: make the plan again */
  onReplan?: () => void;
}

export function ErrorPanel({ error, context, onRetry, onReplan }: ErrorPanelProps) {
  const next = nextSteps[error.code] ?? nextSteps.internal;
  const replan = next.action === 'replan' && onReplan;
  return (
    <div className="error-panel" role="alert">
      <div className="error-head">
        <span className="glyph err" aria-hidden="true">
          ✗
        </span>
        <div>
          <p className="error-title">
            {context ? `${context} failed` : 'Something went wrong'}
            <span className="badge subtle">{error.code}</span>
          </p>
          <p className="error-message">{error.message}</p>
        </div>
      </div>
      {error.file && (
        <p className="error-file">
          In <CodeLine text={error.line ? `${error.file}:${error.line}` : error.file} label="file path" />
        </p>
      )}
      {error.hint && (
        <p className="error-hint">
          <strong>What to do:</strong> {error.hint}
        </p>
      )}
      {/* the service's hint is specific; the generic next step is only the fallback */}
      {!error.hint && (
        <p className="error-next">
          <strong>Next:</strong> {next.text}
        </p>
      )}
      <div className="button-row">
        {replan && (
          <button type="button" className="btn primary" onClick={onReplan}>
            Make the plan again
          </button>
        )}
        {onRetry && (
          <button type="button" className={`btn ${replan ? '' : 'primary'}`} onClick={onRetry}>
            Try again
          </button>
        )}
        {next.action === 'reload' && (
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            Reload
          </button>
        )}
        {next.action === 'doctor' && (
          <button type="button" className="btn" onClick={() => navigate('troubleshoot', { run: '1' })}>
            Run the doctor
          </button>
        )}
      </div>
    </div>
  );
}
