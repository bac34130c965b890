// The onboarding half of the contract: open a profile (preset, file/URL/deep link, or pasted
// text), then plan or apply it. Opened profiles are kept here by handle for the session; a
// pasted token stays in main (the dispatcher masks it in every reply).
import { randomUUID, createHash } from 'node:crypto';
import type { Input, Output } from '../common/contract';
import type { OnboardPlanView } from '../common/contract-views';
import { OnrampError } from '../common/errors';
import { parseProfileText } from '../common/profile/parse';
import { presetNames, presets, type PresetName } from '../common/profile/presets';
import { loadPreset, loadProfile, type LoadedProfile } from '../core/profile/load';
import { applyProfile, planProfile, type ProfilePlanResult } from '../core/profile/onboard';
import type { VerifyEvent } from './verify/runner';
import type { Env } from './paths';
import { viewOf } from './contract-mapping';

export interface OnboardHandlers {
  presets(): Promise<Output<'profile.presets'>>;
  open(i: Input<'profile.open'>): Promise<Output<'profile.open'>>;
  plan(i: Input<'onboard.plan'>): Promise<Output<'onboard.plan'>>;
  apply(i: Input<'onboard.apply'>, onEvent: (e: VerifyEvent) => void): Promise<Output<'onboard.apply'>>;
}

function planView(p: ProfilePlanResult): OnboardPlanView {
  return {
    review: p.review,
    consentOk: p.consent.ok,
    blocked: [...p.consent.blocked.map((i) => i.id), ...p.consent.unconsented.map((i) => i.id)],
    done: p.done,
    todo: p.todo,
    needs: p.needs,
    notes: p.notes,
    plan: p.plan ? viewOf(p.plan) : null,
    caExport: p.caExport,
    upToDate: p.upToDate,
  };
}

export function onboardHandlers(env: Env, cwd: string): OnboardHandlers {
  const opened = new Map<string, LoadedProfile>();
  const get = (handle: string) => {
    const p = opened.get(handle);
    if (!p)
      throw new OnrampError({ code: 'not-found', message: 'that profile is no longer open: open it again' });
    return p;
  };
  const runOpts = (i: Input<'onboard.plan'>) => ({
    consent: { acceptWarnings: i.consent.acceptWarnings, overrides: i.consent.overrides },
    credentials: i.token || i.login ? { token: i.token, login: i.login } : undefined,
    sshKeyFile: i.sshKeyFile,
  });
  return {
    async presets() {
      return {
        presets: presetNames.map((name) => ({
          name,
          title: presets[name].title,
          description: presets[name].explanation,
        })),
      };
    },
    async open(i) {
      let loaded: LoadedProfile;
      if (i.preset) {
        if (!(presetNames as readonly string[]).includes(i.preset.name))
          throw new OnrampError({
            code: 'usage',
            message: `unknown preset ${JSON.stringify(i.preset.name)}`,
          });
        const { name, ...answers } = i.preset;
        loaded = loadPreset(name as PresetName, answers);
      } else if (i.text) {
        loaded = {
          parsed: parseProfileText(i.text.text, i.text.fileName),
          origin: i.text.fileName,
          sha256: createHash('sha256').update(i.text.text).digest('hex'),
          signature: { state: 'unsigned' },
        };
      } else loaded = await loadProfile(i.source as string, env, { cwd });
      const handle = randomUUID();
      opened.set(handle, loaded);
      const p = loaded.parsed.profile;
      return {
        handle,
        id: p.id,
        name: p.name,
        origin: loaded.origin,
        signature: loaded.signature,
        hosts: p.hosts.map((h) => new URL(h.webUrl).host),
        testModules: (p.testModules ?? []).map((t) =>
          typeof t === 'string' ? t : `${t.module}${t.version ? `@${t.version}` : ''}`,
        ),
      };
    },
    async plan(i) {
      return planView(await planProfile(get(i.handle), env, runOpts(i)));
    },
    async apply(i, onEvent) {
      const r = await applyProfile(get(i.handle), env, { ...runOpts(i), verify: true, onEvent });
      return {
        ...planView(r),
        applied: r.applied,
        journalId: r.journalId,
        resumed: r.resumed,
        verification: r.verification
          ? {
              ok: r.verification.ok,
              steps: r.verification.steps.map((s) => ({
                title: s.title,
                ok: s.ok,
                durationMs: s.durationMs,
              })),
            }
          : undefined,
        ok: r.ok,
      };
    },
  };
}
