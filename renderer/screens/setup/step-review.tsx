// Step 2: the security review of the opened profile (onboard.plan's review, before any consent):
// who signed it, and everything it would change that deserves a second look. Warnings need the
// person's consent; dangerous items must be allowed one by one; some cannot be allowed at all.
import { useEffect, useState } from 'react';
import type { OnboardPlanView, ProfileOpenView } from '../../../main/common/contract-views';
import type { ErrorData } from '../../../main/common/errors';
import { checkConsent, sortReview, type ReviewItem } from '../../../main/common/profile/review-types';
import { useClient } from '../../app/connection';
import { Busy } from '../../ui/busy';
import { CodeLine } from '../../ui/copy';
import { ErrorPanel } from '../../ui/error-panel';
import { Glyph } from '../../ui/icons';
import { planOnboarding } from './onboarding';
import type { Consent } from './steps';

const signatureText: Record<ProfileOpenView['signature']['state'], string> = {
  good: 'signed by a trusted key',
  unsigned: 'not signed',
  untrusted: 'signed by a key nobody vouched for',
  bad: 'signature does not match: the profile was changed after signing',
  builtin: 'built into Onramp',
};

function Item({
  item,
  consent,
  onChange,
}: {
  item: ReviewItem;
  consent: Consent;
  onChange(c: Consent): void;
}) {
  const allowed = consent.overrides.includes(item.id);
  const verdict = item.level === 'danger' ? 'error' : item.level === 'warning' ? 'warning' : 'ok';
  return (
    <li className={`review-item ${item.level}`} data-review={item.id}>
      <Glyph verdict={verdict} label={item.level} />
      <div>
        <p>
          <strong>{item.title}</strong>
        </p>
        <p className="small">{item.explanation}</p>
        {item.setting && <CodeLine text={item.setting} label="setting" />}
        {item.level === 'danger' &&
          (item.overridable === false ? (
            <p className="err-text small">This cannot be allowed.</p>
          ) : (
            <label className="check small">
              <input
                type="checkbox"
                checked={allowed}
                onChange={(e) =>
                  onChange({
                    ...consent,
                    overrides: e.target.checked
                      ? [...consent.overrides, item.id]
                      : consent.overrides.filter((o) => o !== item.id),
                  })
                }
              />
              <span>Allow this anyway</span>
            </label>
          ))}
      </div>
    </li>
  );
}

export function StepReview(props: {
  profile: ProfileOpenView;
  consent: Consent;
  onConsent(c: Consent): void;
  onDone(): void;
  onBack(): void;
}) {
  const client = useClient();
  const [review, setReview] = useState<{ view?: OnboardPlanView; error?: ErrorData; loading: boolean }>({
    loading: true,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setReview({ loading: true });
    void planOnboarding(client, props.profile.handle, { acceptWarnings: false, overrides: [] }, {}).then(
      (r) => {
        if (live) setReview(r.ok ? { view: r.value, loading: false } : { error: r.error, loading: false });
      },
    );
    return () => {
      live = false;
    };
  }, [client, props.profile.handle, attempt]);

  const items = review.view ? sortReview(review.view.review) : [];
  const verdict = checkConsent(items, props.consent);
  const hasWarnings = items.some((i) => i.level === 'warning');
  const p = props.profile;
  return (
    <div className="wizard-form">
      <div className="profile-head">
        <p>
          <strong>{p.name}</strong> <span className="muted small">from {p.origin}</span>
        </p>
        <p className="small">
          <Glyph
            verdict={
              p.signature.state === 'bad'
                ? 'error'
                : p.signature.state === 'good' || p.signature.state === 'builtin'
                  ? 'ok'
                  : 'warning'
            }
          />{' '}
          {signatureText[p.signature.state]}
          {p.signature.state === 'good' && ` (${p.signature.signer}, ${p.signature.fingerprint})`}
          {(p.signature.state === 'untrusted' || p.signature.state === 'bad') && `: ${p.signature.reason}`}
        </p>
        <p className="small muted">
          Hosts: {p.hosts.join(', ') || 'none'} · test modules: {p.testModules.join(', ') || 'none'}
        </p>
      </div>
      <Busy active={review.loading}>Reviewing what the profile would change…</Busy>
      {review.error && (
        <ErrorPanel
          error={review.error}
          context="Reviewing the profile"
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
      {items.length > 0 && (
        <ul className="review-list">
          {items.map((i) => (
            <Item key={i.id} item={i} consent={props.consent} onChange={props.onConsent} />
          ))}
        </ul>
      )}
      {review.view && hasWarnings && (
        <label className="check">
          <input
            type="checkbox"
            checked={props.consent.acceptWarnings}
            onChange={(e) => props.onConsent({ ...props.consent, acceptWarnings: e.target.checked })}
          />
          <span>I have read the warnings and accept them</span>
        </label>
      )}
      {review.view && !verdict.ok && verdict.blocked.length > 0 && (
        <p className="err-text small">
          Blocked until allowed: {verdict.blocked.map((b) => b.title).join('; ')}.
        </p>
      )}
      <div className="wizard-nav">
        <button type="button" className="btn ghost" onClick={props.onBack}>
          Back
        </button>
        <button
          type="button"
          className="btn primary"
          disabled={!review.view || !verdict.ok}
          onClick={props.onDone}
        >
          Next: make the plan
        </button>
      </div>
    </div>
  );
}
