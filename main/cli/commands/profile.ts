// `onramp profile validate|review|sign-check F` and `onramp profile presets`: a profile examined
// without touching the machine. validate lists every problem with file and line; review shows
// the security review a person must consent to; sign-check says who signed it.
import { resolve } from 'node:path';
import { usageError } from '../../common/errors';
import { checkProfileText, formatProblem } from '../../common/profile/parse';
import { presetNames, presets } from '../../common/profile/presets';
import { checkConsent } from '../../common/profile/review-types';
import { PROFILE_SIG_NAMESPACE } from '../../common/profile/signature';
import { parseArgs, flagBool, flagString, type CommandSpec } from '../args';
import { printJson, type CliIo } from '../io';
import { decodeProfile, readProfileSource } from '../../core/profile/load';
import { reviewLoaded, settingsFor } from '../../core/profile/onboard';
import { verifyProfileSignature } from '../../core/profile/signature';
import type { Command } from './index';
import { loadFromArgs, sourceFlags } from './profile-options';
import { printReview, signatureLine } from './profile-print';

const spec: CommandSpec = {
  usage:
    'onramp profile validate|review|sign-check <FILE|URL|onramp://…> [--allowed-signers FILE] [--ca-file PEM] [--json]\n       onramp profile review --preset NAME [--url U] [--org O] …\n       onramp profile presets [--json]',
  flags: sourceFlags,
  positionals: [1, 2],
};

async function validate(a: ReturnType<typeof parseArgs>, io: CliIo, json: boolean): Promise<number> {
  const input = a.positionals[1];
  if (!input) throw usageError('validate needs a profile', `usage: ${spec.usage}`);
  const src = await readProfileSource(input, { cwd: io.cwd, caFile: flagString(a, 'ca-file') });
  let problems;
  try {
    const r = checkProfileText(decodeProfile(src.bytes, src.origin), src.origin);
    problems = r.ok ? [] : r.problems;
  } catch (e) {
    const err = e as { line?: number; message: string };
    problems = [
      { file: src.origin, line: err.line ?? 1, pointer: '', message: err.message.replace(/^.*?:\d+: /, '') },
    ];
  }
  if (json) printJson(io, { ok: problems.length === 0, file: src.origin, problems });
  else if (problems.length === 0) io.out(`${src.origin}: valid Onramp profile (version 1)\n`);
  else for (const p of problems) io.out(`${formatProblem(p)}\n`);
  return problems.length === 0 ? 0 : 1;
}

async function review(a: ReturnType<typeof parseArgs>, io: CliIo, json: boolean): Promise<number> {
  const loaded = await loadFromArgs({ ...a, positionals: a.positionals.slice(1) }, io);
  const items = reviewLoaded(loaded, settingsFor(loaded, io.env), io.env);
  const consent = checkConsent(items, { acceptWarnings: true, overrides: [] });
  if (json)
    printJson(io, {
      ok: consent.blocked.length === 0,
      origin: loaded.origin,
      signature: loaded.signature,
      review: items,
    });
  else {
    io.out(`Profile: ${loaded.parsed.profile.name} (${loaded.parsed.profile.id}) from ${loaded.origin}\n`);
    io.out(`Signature: ${signatureLine(loaded.signature)}\n`);
    printReview(io, items);
    if (consent.blocked.length > 0)
      io.out(`\n${consent.blocked.length} item(s) would block applying this profile.\n`);
  }
  return consent.blocked.length === 0 ? 0 : 1;
}

async function signCheck(a: ReturnType<typeof parseArgs>, io: CliIo, json: boolean): Promise<number> {
  const input = a.positionals[1];
  if (!input) throw usageError('sign-check needs a profile', `usage: ${spec.usage}`);
  const src = await readProfileSource(input, { cwd: io.cwd, caFile: flagString(a, 'ca-file') });
  const allowedFlag = flagString(a, 'allowed-signers');
  const allowed = allowedFlag ? resolve(io.cwd, allowedFlag) : undefined;
  const status = await verifyProfileSignature(src.bytes, src.sig, allowed, io.env);
  if (json) printJson(io, { ok: status.state === 'good', origin: src.origin, signature: status });
  else {
    io.out(`${src.origin}: ${signatureLine(status)}\n`);
    if (status.state === 'unsigned')
      io.out(
        `  sign it with: ssh-keygen -Y sign -f <key> -n ${PROFILE_SIG_NAMESPACE} ${src.origin}   (writes ${src.origin}.sig)\n`,
      );
  }
  return status.state === 'good' ? 0 : 1;
}

export const profileCommand: Command = {
  summary: 'check a team profile: validate (file and line), review (security), sign-check (signature)',
  spec,
  async run(argv, io) {
    const a = parseArgs(argv, spec);
    const json = flagBool(a, 'json');
    const sub = a.positionals[0];
    switch (sub) {
      case 'validate':
        return validate(a, io, json);
      case 'review':
        return review(a, io, json);
      case 'sign-check':
        return signCheck(a, io, json);
      case 'presets':
        if (json) printJson(io, { ok: true, presets: presetNames.map((n) => ({ name: n, ...presets[n] })) });
        else
          for (const n of presetNames)
            io.out(`${n.padEnd(20)} ${presets[n].title}\n    ${presets[n].explanation}\n`);
        return 0;
      default:
        throw usageError(`unknown profile command ${JSON.stringify(sub)}`, `usage: ${spec.usage}`);
    }
  },
};
