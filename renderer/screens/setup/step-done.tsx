// Step 7: what changed (the journal entry and its files) and how to undo it.
import type { OnboardApplyView } from '../../../main/common/contract-views';
import { navigate } from '../../app/routes';
import { CodeLine } from '../../ui/copy';
import { Glyph } from '../../ui/icons';

export function StepDone(props: { result: OnboardApplyView; verified: boolean; onRestart(): void }) {
  const r = props.result;
  const files = r.plan?.changes.filter((c) => c.changed).map((c) => c.file) ?? [];
  return (
    <div className="wizard-form">
      <p className={`verdict-line ${props.verified ? 'ok' : 'warning'}`}>
        <Glyph verdict={props.verified ? 'ok' : 'warning'} />
        <strong>
          {props.verified
            ? 'go can fetch your private modules on this machine.'
            : 'Set up, but the test fetch did not pass yet.'}
        </strong>
      </p>
      <h2 className="sub-heading">What changed</h2>
      {!r.journalId || files.length === 0 ? (
        <p className="muted">Nothing: the machine already matched the profile.</p>
      ) : (
        <div className="done-list">
          <p>
            <strong>{r.plan?.title}</strong>
          </p>
          <ul className="plain files">
            {files.map((f) => (
              <li key={f}>
                <CodeLine text={f} label="file path" />
              </li>
            ))}
          </ul>
          <p className="small">
            Undo it all at once: History → Undo, or{' '}
            <CodeLine text={`onramp undo ${r.journalId}`} label="undo command" />
          </p>
        </div>
      )}
      {r.notes.length > 0 && (
        <ul className="notes">
          {r.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <div className="wizard-nav">
        <button type="button" className="btn ghost" onClick={props.onRestart}>
          Set up another host
        </button>
        {!props.verified && (
          <button type="button" className="btn" onClick={() => navigate('troubleshoot', { run: '1' })}>
            Run the doctor
          </button>
        )}
        <button type="button" className="btn primary" onClick={() => navigate('dashboard')}>
          Go to the dashboard
        </button>
      </div>
    </div>
  );
}
