// `onramp support-bundle [--out FILE]`: one redacted JSON file a helpdesk can read. With a
// profile (--profile/--preset) the doctor and `ssh -G` look at the profile's hosts and modules.
import { resolve } from 'node:path';
import { webHostOf } from '../../common/profile/settings';
import { parseArgs, flagBool, flagString, type CommandSpec } from '../args';
import { printJson } from '../io';
import { atomicWrite } from '../../core/atomic-file';
import { buildSupportBundle } from '../../core/profile/support-bundle';
import type { Command } from './index';
import { loadFromArgs, sourceFlags } from './profile-options';

const spec: CommandSpec = {
  usage: 'onramp support-bundle [--out FILE] [--profile F | --preset NAME …] [--no-doctor] [--json]',
  flags: { ...sourceFlags, out: { value: true }, 'no-doctor': {} },
  positionals: [0, 0],
};

export const supportBundleCommand: Command = {
  summary:
    'write a redacted report (status, doctor, git/netrc/ssh settings, tools, last failure) for support',
  spec,
  async run(argv, io) {
    const a = parseArgs(argv, spec);
    const withProfile = flagString(a, 'profile') !== undefined || flagString(a, 'preset') !== undefined;
    const loaded = withProfile ? await loadFromArgs(a, io) : undefined;
    const p = loaded?.parsed.profile;
    const hosts = p
      ? [...new Set(p.hosts.flatMap((h) => [webHostOf(h), ...(h.ssh ? [h.ssh.host] : [])]))]
      : undefined;
    const text = await buildSupportBundle({
      env: io.env,
      cwd: io.cwd,
      hosts,
      modules: p?.testModules?.map((t) => t.module),
      doctor: !flagBool(a, 'no-doctor'),
    });
    const out = flagString(a, 'out');
    if (!out) {
      io.out(text);
      return 0;
    }
    const file = resolve(io.cwd, out);
    // 0600: redacted, but it still describes the machine.
    await atomicWrite(file, text, { mode: 0o600 });
    if (flagBool(a, 'json')) printJson(io, { ok: true, file });
    else io.out(`Wrote ${file}. Secrets are masked; read it before you send it.\n`);
    return 0;
  },
};
