// `onramp export-ci --profile F --target github-actions|gitlab-ci [--out FILE]`: the profile's
// settings as a CI snippet. The same security review gates it as `apply`: a dangerous item is
// not exported to every CI job unless overridden with its own --allow ID.
import { resolve } from 'node:path';
import { OnrampError, usageError } from '../../common/errors';
import { ciTargets, type CiTarget } from '../../common/profile/ci-job';
import { exportCi } from '../../common/profile/ci-yaml';
import { checkConsent } from '../../common/profile/review-types';
import { parseArgs, flagBool, flagList, flagString, type CommandSpec } from '../args';
import { printJson } from '../io';
import { atomicWrite } from '../../core/atomic-file';
import { reviewLoaded, settingsFor } from '../../core/profile/onboard';
import type { Command } from './index';
import { loadFromArgs, sourceFlags, sourceUsage } from './profile-options';

const spec: CommandSpec = {
  usage: `onramp export-ci ${sourceUsage} --target github-actions|gitlab-ci [--out FILE] [--allow ID]… [--json]`,
  flags: {
    ...sourceFlags,
    target: { value: true },
    out: { value: true },
    allow: { value: true, multiple: true },
  },
  positionals: [0, 0],
};

export const exportCiCommand: Command = {
  summary:
    'write a GitHub Actions or GitLab CI snippet with the profile’s settings (secrets from the CI store)',
  spec,
  async run(argv, io) {
    const a = parseArgs(argv, spec);
    const json = flagBool(a, 'json');
    const target = flagString(a, 'target');
    if (!target || !(ciTargets as readonly string[]).includes(target))
      throw usageError(`--target must be one of ${ciTargets.join(', ')}`, `usage: ${spec.usage}`);
    const loaded = await loadFromArgs(a, io);
    const settings = settingsFor(loaded, io.env);
    const review = reviewLoaded(loaded, settings, io.env);
    // Warnings are the CI owner's to read in the output; dangerous items need their own override.
    const consent = checkConsent(review, { acceptWarnings: true, overrides: flagList(a, 'allow') });
    if (!consent.ok)
      throw new OnrampError({
        code: 'invalid-input',
        message: `not exported: ${[
          ...consent.blocked.map((i) => `${i.title}${i.overridable === false ? '' : ` (--allow ${i.id})`}`),
          ...consent.unknownOverrides.map((id) => `--allow ${id} matches no review item`),
        ].join('; ')}`,
      });
    const { text, job } = exportCi(loaded.parsed.profile, settings, target as CiTarget);
    const out = flagString(a, 'out');
    if (out) await atomicWrite(resolve(io.cwd, out), text, { mode: 0o644 });
    if (json)
      printJson(io, {
        ok: true,
        target,
        ...(out ? { file: resolve(io.cwd, out) } : { text }),
        secrets: job.secrets,
        review,
      });
    else if (out) {
      io.out(`Wrote ${resolve(io.cwd, out)}. Create these CI secrets:\n`);
      for (const s of job.secrets) io.out(`  ${s.name}: ${s.what}\n`);
    } else io.out(text);
    for (const i of review.filter((r) => r.level === 'warning')) io.err(`onramp: warning: ${i.title}\n`);
    return 0;
  },
};
