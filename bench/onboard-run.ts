// One onboarding of a fresh HOME from the sandbox profile through the services, and one run of
// the manual route as a script. Kept apart from the section so that the section can load it
// lazily and report "not measurable yet" while the onboarding services are missing.
import { loadProfile } from '../main/core/profile/load';
import { applyProfile, caDirOf, planProfile, settingsFor } from '../main/core/profile/onboard';
import { runTool } from '../main/core/tool-runner';
import type { Sandbox } from '../test/sandbox/sandbox';
import { bareHome } from './client-home';
import { manualCommands, type ManualCommand } from './manual-route';
import { writeSandboxProfile } from './sandbox-profile';

export interface Onboarded {
  ms: number;
  ok: boolean;
  inputs: string[];
  manual: { commands: ManualCommand[]; runnable: boolean };
}

export async function onboardOnce(sb: Sandbox): Promise<Onboarded> {
  const c = bareHome('onramp-bench-green-');
  try {
    const file = writeSandboxProfile(sb, c.root);
    const t0 = performance.now();
    // input 1: the profile (a file here; a URL or an onramp:// link works the same way)
    const loaded = await loadProfile(file, c.env, { cwd: c.root });
    const preview = await planProfile(loaded, c.env, {});
    const needs = settingsFor(loaded, c.env).netrc;
    const inputs = ['the profile (file, URL or onramp:// link)'];
    if (needs.some((n) => n.login === undefined)) inputs.push('user name (one --login for every host)');
    for (const n of needs) inputs.push(`token for ${n.host}`);
    inputs.push(...preview.needs.filter((n) => !/user name/.test(n)));
    if (preview.consent.unconsented.length > 0)
      inputs.push(`consent to the review's ${preview.consent.unconsented.length} warnings (one --yes)`);
    for (const b of preview.consent.blocked) inputs.push(`override: --allow ${b.id}`);
    const token = sb.users.alice.token;
    const result = await applyProfile(loaded, c.env, {
      credentials: { login: 'alice', perHost: Object.fromEntries(needs.map((n) => [n.host, token])) },
      consent: { acceptWarnings: true, overrides: preview.consent.blocked.map((b) => b.id) },
    });
    const ms = performance.now() - t0;
    const manual = manualCommands({
      env: c.env,
      steps: result.plan?.steps ?? [],
      netrcHosts: needs.map((n) => n.host),
      caDir: caDirOf(c.env),
      caSource: sb.caFile,
      caExport: result.caExport,
      testModules: result.testModules,
    });
    return { ms, ok: result.ok, inputs, manual };
  } finally {
    c.cleanup();
  }
}

export async function manualOnce(
  sb: Sandbox,
  script: string,
): Promise<{ ms: number; ok: boolean; tail: string }> {
  const c = bareHome('onramp-bench-manual-');
  try {
    const r = await runTool('bash', ['-c', script], {
      env: { ...c.env, LOGIN: 'alice', TOKEN: sb.users.alice.token },
      cwd: c.home,
      timeoutMs: 120_000,
    });
    return { ms: r.durationMs, ok: r.code === 0, tail: r.stderr.trim().split('\n').slice(-2).join(' | ') };
  } finally {
    c.cleanup();
  }
}
