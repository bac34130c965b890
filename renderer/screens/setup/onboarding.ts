// The wizard's calls into main: plan with the current consent and credentials, and apply while
// the verification streams into the store. Kept apart from the step components so each step
// only says what the person decided.
import type { OnrampClient, Input, Reply } from '../../../main/common/contract';
import type { VerifyRunView } from '../../../main/common/contract-views';
import type { VerifyStore } from '../../app/verify-store';
import type { ApplyOutcome, Consent, Credentials } from './steps';

function onboardInput(handle: string, consent: Consent, c: Credentials): Input<'onboard.plan'> {
  return {
    handle,
    consent: { acceptWarnings: consent.acceptWarnings, overrides: consent.overrides },
    ...(c.login ? { login: c.login } : {}),
    ...(c.token ? { token: c.token } : {}),
    ...(c.sshKeyFile ? { sshKeyFile: c.sshKeyFile } : {}),
  };
}

export function planOnboarding(
  client: OnrampClient,
  handle: string,
  consent: Consent,
  c: Credentials,
): Promise<Reply<'onboard.plan'>> {
  return client.call('onboard.plan', onboardInput(handle, consent, c));
}

/**
 * Applies the plan; onboard.apply verifies the profile's test modules as it goes and streams
 * verify.event, which the store collects under a watched run. `onVerifying` fires at the first
 * streamed line (the plan is written by then), `onDone` with the final answer.
 */
export function applyOnboarding(
  client: OnrampClient,
  store: VerifyStore,
  args: { handle: string; consent: Consent; credentials: Credentials; testModules: string[] },
  hooks: { onVerifying(key: number): void; onDone(outcome: ApplyOutcome): void },
): number {
  const watch = store.watch(args.testModules);
  let verifying = false;
  const off = store.subscribe(() => {
    const run = store.runs().find((r) => r.key === watch.key);
    if (!verifying && run && run.events.length > 0) {
      verifying = true;
      hooks.onVerifying(watch.key);
    }
  });
  void client.call('onboard.apply', onboardInput(args.handle, args.consent, args.credentials)).then((r) => {
    off();
    if (!r.ok) {
      watch.settle({ error: r.error });
      hooks.onDone({ runKey: watch.key, error: r.error });
      return;
    }
    const v = r.value.verification;
    const result: VerifyRunView | undefined = v && {
      runId: '',
      ok: v.ok,
      durationMs: v.steps.reduce((n, s) => n + s.durationMs, 0),
      steps: v.steps.map((s, i) => ({
        runId: '',
        stepId: `s${i + 1}`,
        title: s.title,
        ok: s.ok,
        durationMs: s.durationMs,
      })),
    };
    watch.settle(result ? { result } : {});
    hooks.onDone({ runKey: watch.key, result: r.value });
  });
  return watch.key;
}

/** Parses a CLI-phrased need ("the user name for h: pass --login") into the field it asks for. */
export function needKinds(needs: readonly string[]): { login: boolean; token: boolean; sshKey: boolean } {
  const text = needs.join('\n');
  return {
    login: /--login|user name|login/i.test(text),
    token: /token/i.test(text),
    sshKey: /ssh key|--ssh-key/i.test(text),
  };
}

/** A need without its CLI flag advice, for people in the app. */
export function needText(need: string): string {
  return need.replace(/:\s*pass --[a-z-]+.*$/i, '').replace(/\s*\(--[a-z-]+[^)]*\)/gi, '');
}
