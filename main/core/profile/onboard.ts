// The onboarding engine: a profile (or preset) × this machine → one reviewable plan of only the
// steps not done yet, applied as one journaled unit (`onramp undo <id>` reverts all of it), then
// proven by `go mod download` of the profile's test modules. The security review gates it:
// nothing is written while a dangerous item lacks its own override or a warning lacks consent.
import { join } from 'node:path';
import { OnrampError } from '../../common/errors';
import { reviewProfile } from '../../common/profile/review';
import {
  checkConsent,
  sortReview,
  type Consent,
  type ConsentResult,
  type ReviewItem,
} from '../../common/profile/review-types';
import { desiredSettings, type DesiredSettings } from '../../common/profile/settings';
import { signatureReviewItem, type SignatureStatus } from '../../common/profile/signature';
import { applyPlan } from '../apply';
import { pathsOf, type Env } from '../paths';
import { buildPlan, type BuiltPlan } from '../planner';
import { recoverJournal, type RecoveryReport } from '../recovery';
import type { VerifyEvent, VerifyRunResult } from '../verify/runner';
import type { CredentialInput } from './credentials';
import type { LoadedProfile } from './load';
import { readOnboardRecord, writeOnboardRecord } from './onboard-record';
import { onboardingSteps } from './onboard-steps';
import { forgetPendingSecrets, writePendingSecrets, type PendingSecret } from './pending-secrets';
import { resolveSshKey } from './ssh-key';
import { generatedKeyPart, newKeyFile, withGeneratedKey } from './ssh-keygen-step';
import { caExportLine, verifyTestModules } from './verify';

export interface ProfileRunOptions {
  credentials?: CredentialInput;
  /** private key to name in ~/.ssh/config for the profile's ssh hosts */
  sshKeyFile?: string;
  consent?: Consent;
}

export interface ProfilePlanResult {
  profile: { id: string; name: string; origin: string; sha256: string };
  signature: SignatureStatus;
  review: ReviewItem[];
  consent: ConsentResult;
  /** already as the profile wants it */
  done: string[];
  /** what the plan changes, in words */
  todo: string[];
  /** inputs still missing (a token, a login, an SSH key) */
  needs: string[];
  notes: string[];
  /** null when nothing needs to change */
  plan: BuiltPlan | null;
  testModules: string[];
  /** the line to add to a shell profile so go trusts the profile's CA */
  caExport?: string;
  upToDate: boolean;
}

export interface ProfileApplyOptions extends ProfileRunOptions {
  consent: Consent;
  /** run the test modules at the end (default true) */
  verify?: boolean;
  onEvent?: (e: VerifyEvent) => void;
  signal?: AbortSignal;
}

export interface ProfileApplyResult extends ProfilePlanResult {
  applied: boolean;
  journalId?: string;
  recovery: RecoveryReport;
  /** what this run continued from an earlier, unfinished one */
  resumed?: string;
  verification?: VerifyRunResult;
  /** applied (or nothing to apply) and every test module downloaded */
  ok: boolean;
}

export const caDirOf = (env: Env) => join(pathsOf(env).dataDir, 'ca');

export function settingsFor(loaded: LoadedProfile, env: Env, sshKeyFile?: string): DesiredSettings {
  return desiredSettings(loaded.parsed.profile, { caDir: caDirOf(env), sshKeyFile });
}

/** The review a person sees: the signature first, then every setting worth a second look. */
export function reviewLoaded(loaded: LoadedProfile, settings: DesiredSettings, env: Env): ReviewItem[] {
  return sortReview([
    signatureReviewItem(loaded.signature),
    ...reviewProfile(loaded.parsed, settings, caDirOf(env)),
  ]);
}

async function compute(
  loaded: LoadedProfile,
  env: Env,
  opts: ProfileRunOptions,
  mode: 'plan' | 'apply',
): Promise<ProfilePlanResult & { secrets: string[]; pending: PendingSecret[] }> {
  const p = loaded.parsed.profile;
  let key = resolveSshKey(env, p, opts.sshKeyFile);
  // No key at all: one is made (after the consent check below), inside the plan so undo takes it
  // away with the rest; the settings and the review already name its file.
  const keyToMake = key.noKey ? newKeyFile(env, p) : undefined;
  if (keyToMake) key = { file: keyToMake, needs: [], notes: [] };
  const settings = settingsFor(loaded, env, key.file);
  const review = reviewLoaded(loaded, settings, env);
  const consent = checkConsent(review, opts.consent ?? { acceptWarnings: false, overrides: [] });
  // Before anything else runs (ssh-keyscan, git, go): a refused profile gets no further.
  if (mode === 'apply' && !consent.ok) refuse(consent);
  const generated = keyToMake ? await generatedKeyPart(env, p, keyToMake) : undefined;
  const c = await onboardingSteps(env, settings, {
    credentials: opts.credentials ?? {},
    placeholders: mode === 'plan',
    caDir: caDirOf(env),
    profile: p,
  });
  const steps = withGeneratedKey(env, generated, c.steps);
  const plan = steps.length === 0 ? null : await buildPlan(`Onboard ${p.name} (${p.id})`, steps, env);
  return {
    profile: { id: p.id, name: p.name, origin: loaded.origin, sha256: loaded.sha256 },
    signature: loaded.signature,
    review,
    consent,
    done: c.done,
    todo: [...(generated?.todo ?? []), ...c.todo],
    needs: [...key.needs, ...c.needs],
    notes: [...key.notes, ...(generated?.notes ?? []), ...c.notes, ...(plan?.notes ?? [])],
    plan,
    testModules: settings.testModules,
    ...(settings.ca.length > 0 ? { caExport: caExportLine(env, caDirOf(env)) } : {}),
    upToDate: steps.length === 0,
    secrets: c.secrets,
    pending: c.pending,
  };
}

/** What applying the profile would change; writes nothing. Missing tokens show as placeholders. */
export async function planProfile(
  loaded: LoadedProfile,
  env: Env,
  opts: ProfileRunOptions = {},
): Promise<ProfilePlanResult> {
  const { secrets: _secrets, pending: _pending, ...result } = await compute(loaded, env, opts, 'plan');
  return result;
}

function refuse(consent: ConsentResult): never {
  const lines = [
    ...consent.blocked.map(
      (i) =>
        `${i.overridable === false ? 'refused' : 'blocked'}: ${i.title}${i.overridable === false ? '' : ` (override with --allow ${i.id})`}`,
    ),
    ...consent.unconsented.map((i) => `needs consent: ${i.title}`),
    ...consent.unknownOverrides.map((id) => `--allow ${id} matches no review item`),
  ];
  throw new OnrampError({
    code: 'invalid-input',
    message: `the profile was not applied: ${lines.join('; ')}`,
    hint:
      consent.unconsented.length > 0
        ? 'Read the review, then run again with --yes to accept its warnings.'
        : undefined,
  });
}

/** Recovers an interrupted run, applies what is missing as one journaled change, then verifies. */
export async function applyProfile(
  loaded: LoadedProfile,
  env: Env,
  opts: ProfileApplyOptions,
): Promise<ProfileApplyResult> {
  const recovery = await recoverJournal(env);
  const previous = await readOnboardRecord(env, loaded.parsed.profile.id);
  const { secrets, pending, ...p } = await compute(loaded, env, opts, 'apply');
  if (p.needs.length > 0)
    throw new OnrampError({
      code: 'invalid-input',
      message: `nothing was applied; still needed: ${p.needs.join('; ')}`,
    });
  const record = { profileId: p.profile.id, profileSha256: p.profile.sha256, origin: p.profile.origin };
  let journalId = previous?.journalId;
  let resumed: string | undefined;
  if (recovery.recovered.length > 0)
    resumed = `an interrupted run was rolled back (${recovery.recovered.map((r) => r.id).join(', ')}) and is applied again now`;
  if (p.plan) {
    // The keychain items first (the plan's inventory record points at them), removed again if
    // the plan does not apply; see pending-secrets.ts for what undo does with them.
    p.notes.push(...(await writePendingSecrets(env, pending)));
    const applied = await applyPlan(p.plan, env).catch(async (err: unknown) => {
      await forgetPendingSecrets(pending);
      throw err;
    });
    journalId = applied.id;
    await writeOnboardRecord(env, {
      ...record,
      phase: 'applied',
      journalId,
      updatedAt: new Date().toISOString(),
    });
  } else if (previous && previous.phase !== 'verified')
    resumed = `the settings from an earlier run (${previous.journalId ?? 'no journal entry'}) are all in place; continuing with verification`;
  let verification: VerifyRunResult | undefined;
  if (opts.verify !== false && p.testModules.length > 0) {
    verification = await verifyTestModules({
      env,
      modules: p.testModules,
      caDir: p.caExport ? caDirOf(env) : undefined,
      secrets,
      onEvent: opts.onEvent,
      signal: opts.signal,
    });
    await writeOnboardRecord(env, {
      ...record,
      phase: verification.ok ? 'verified' : 'verify-failed',
      ...(journalId ? { journalId } : {}),
      updatedAt: new Date().toISOString(),
    });
  }
  return {
    ...p,
    applied: p.plan !== null,
    ...(p.plan && journalId ? { journalId } : {}),
    recovery,
    ...(resumed ? { resumed } : {}),
    ...(verification ? { verification } : {}),
    ok: verification ? verification.ok : true,
  };
}
