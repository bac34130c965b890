// An onboard.plan answer for a person: what is already in place, what will change (the plan,
// a diff per file), what is still needed, and the notes (e.g. "no keychain: netrc instead").
import type { OnboardPlanView } from '../../../main/common/contract-views';
import { CodeLine } from '../../ui/copy';
import { Glyph } from '../../ui/icons';
import { PlanDetails } from '../../ui/plan-view';
import { needText } from './onboarding';

export function OnboardPlan({ view }: { view: OnboardPlanView }) {
  return (
    <div className="onboard-plan">
      {view.upToDate && (
        <div className="callout ok" role="status">
          <p>
            <strong>This machine already matches the profile.</strong> Nothing needs to change.
          </p>
        </div>
      )}
      {(view.done.length > 0 || view.todo.length > 0) && (
        <ul className="review-list">
          {view.done.map((d, i) => (
            <li key={`d${i}`}>
              <Glyph verdict="ok" label="already in place" /> <span>{d}</span>
            </li>
          ))}
          {view.todo.map((t, i) => (
            <li key={`t${i}`}>
              <Glyph verdict="pending" label="will change" /> <span>{t}</span>
            </li>
          ))}
        </ul>
      )}
      {view.needs.length > 0 && (
        <div className="callout warning">
          <p>
            <strong>Still needed:</strong> {view.needs.map(needText).join('; ')}.
          </p>
        </div>
      )}
      {view.notes.length > 0 && (
        <ul className="notes">
          {view.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {view.caExport && (
        <p className="small">
          CA bundle written for go: <CodeLine text={view.caExport} label="CA bundle path" />
        </p>
      )}
      {view.plan && <PlanDetails plan={view.plan} />}
    </div>
  );
}
