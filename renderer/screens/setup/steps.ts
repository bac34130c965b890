// The wizard's steps, in order, as a typed list: the stepper, the Back/Next buttons and the
// e2e tests all read it. Each step maps onto the onboarding contract: source → profile.open,
// review and plan → onboard.plan, apply and verify → onboard.apply (which verifies as it goes).
import type { OnboardApplyView, OnboardPlanView, ProfileOpenView } from '../../../main/common/contract-views';
import type { ErrorData } from '../../../main/common/errors';

export const wizardSteps = [
  { id: 'source', title: 'Start', blurb: 'A preset or a team profile' },
  { id: 'review', title: 'Review', blurb: 'Security review: what changes, what it exposes' },
  { id: 'plan', title: 'Plan', blurb: 'A diff per file' },
  { id: 'credentials', title: 'Credentials', blurb: 'A token or an SSH key' },
  { id: 'apply', title: 'Apply', blurb: 'One journaled, undoable change' },
  { id: 'verify', title: 'Verify', blurb: 'A real fetch, streamed live' },
  { id: 'done', title: 'Done', blurb: 'What changed, how to undo' },
] as const;

export type WizardStepId = (typeof wizardSteps)[number]['id'];

export interface Consent {
  acceptWarnings: boolean;
  /** ids of dangerous review items the person overrides one by one */
  overrides: string[];
}

export interface Credentials {
  login?: string;
  /** held only until onboard.plan/apply hand it to main; cleared after apply */
  token?: string;
  sshKeyFile?: string;
}

export interface ApplyOutcome {
  /** the verification run in the store (events streamed while applying) */
  runKey: number;
  result?: OnboardApplyView;
  error?: ErrorData;
}

export interface WizardState {
  profile?: ProfileOpenView;
  consent: Consent;
  /** the last onboard.plan answer (with the credentials given so far) */
  planned?: OnboardPlanView;
  credentials: Credentials;
  outcome?: ApplyOutcome;
}

export const initialWizard: WizardState = {
  consent: { acceptWarnings: false, overrides: [] },
  credentials: {},
};

export function stepIndex(id: WizardStepId): number {
  return wizardSteps.findIndex((s) => s.id === id);
}
