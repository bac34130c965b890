// `onramp apply --profile F [--yes] [--allow ID]…` and `onramp plan --profile F`: onboarding from a
// team profile or a built-in preset. plan writes nothing; apply refuses to write until the
// person has consented (--yes accepts the review's warnings; each dangerous item needs its own
// --allow ID), then applies one journaled change and verifies with the profile's test modules.
// Tokens come from stdin (--token-stdin), never from argv.
import { parseArgs, flagBool, flagList, flagString, type CommandSpec } from '../args';
import { printJson, type CliIo } from '../io';
import { applyProfile, planProfile } from '../../core/profile/onboard';
import { describeRecovery } from '../../core/recovery';
import type { Command } from './index';
import { recoverAndReport } from './journal';
import {
  credentialFlags,
  credentialsFromArgs,
  loadFromArgs,
  sourceFlags,
  sourceUsage,
} from './profile-options';
import { applyJson, planJson, printProfileApply, printProfilePlan } from './profile-print';

const planSpec: CommandSpec = {
  usage: `onramp plan ${sourceUsage} [--ssh-key FILE] [--login L] [--token-stdin] [--json]`,
  flags: { ...sourceFlags, ...credentialFlags },
  positionals: [0, 0],
};

const applySpec: CommandSpec = {
  usage: `onramp apply ${sourceUsage} [--yes] [--allow ID]… [--ssh-key FILE] [--login L] [--token-stdin] [--no-verify] [--json]`,
  flags: {
    ...sourceFlags,
    ...credentialFlags,
    yes: {},
    allow: { value: true, multiple: true },
    'no-verify': {},
  },
  positionals: [0, 0],
};

/** `onramp plan --profile F …` (the lead routes here from `plan` when --profile/--preset is given). */
export async function runProfilePlan(argv: string[], io: CliIo): Promise<number> {
  const a = parseArgs(argv, planSpec);
  const json = flagBool(a, 'json');
  // Like `onramp plan <primitive>`: an interrupted change is finished first, so the plan is real.
  await recoverAndReport(io, json);
  const loaded = await loadFromArgs(a, io);
  const result = await planProfile(loaded, io.env, {
    credentials: await credentialsFromArgs(a, io),
    sshKeyFile: flagString(a, 'ssh-key'),
  });
  if (json) printJson(io, { ok: true, ...planJson(result) });
  else printProfilePlan(io, result);
  return 0;
}

export async function runProfileApply(argv: string[], io: CliIo): Promise<number> {
  const a = parseArgs(argv, applySpec);
  const json = flagBool(a, 'json');
  const loaded = await loadFromArgs(a, io);
  const credentials = await credentialsFromArgs(a, io);
  const sshKeyFile = flagString(a, 'ssh-key');
  const consent = { acceptWarnings: flagBool(a, 'yes'), overrides: flagList(a, 'allow') };
  if (!consent.acceptWarnings) {
    // Without --yes nothing is written: show what would happen and how to consent.
    await recoverAndReport(io, json);
    const preview = await planProfile(loaded, io.env, { credentials, sshKeyFile, consent });
    if (json) printJson(io, { ok: false, applied: false, reason: 'consent-required', ...planJson(preview) });
    else {
      printProfilePlan(io, preview);
      io.err(
        '\nonramp: nothing was applied. Read the plan and the review above, then run again with --yes.\n',
      );
    }
    return 1;
  }
  const result = await applyProfile(loaded, io.env, {
    credentials,
    sshKeyFile,
    consent,
    verify: !flagBool(a, 'no-verify'),
  });
  // applyProfile recovered an interrupted run itself, so the result can say what it resumed.
  if (!json) for (const l of describeRecovery(result.recovery)) io.err(`onramp: ${l}\n`);
  if (json) printJson(io, { ok: result.ok, ...applyJson(result) });
  else printProfileApply(io, result);
  return result.ok ? 0 : 1;
}

export const profilePlanCommand: Command = {
  summary: 'show what onboarding from a team profile or preset would change; writes nothing',
  spec: planSpec,
  run: runProfilePlan,
};

export const applyCommand: Command = {
  summary: 'onboard this machine from a team profile or preset: review, one undoable change, verification',
  spec: applySpec,
  run: runProfileApply,
};
