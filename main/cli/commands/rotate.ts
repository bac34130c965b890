// `onramp rotate <host> --stdin`: the new token from stdin, staged everywhere the old one is,
// verified with a real fetch, then the old one revoked. Exit 1 when verification failed and the
// rotation was rolled back (the old token still works).
import { describeProblem } from '../../common/credentials/describe';
import { usageError } from '../../common/errors';
import { rotateToken } from '../../core/credentials/rotate';
import { parseArgs, flagBool, flagString, type CommandSpec } from '../args';
import { printJson } from '../io';
import { recoverAndReport } from './journal';
import { readSecretLine } from './token';
import type { Command } from './index';

const spec: CommandSpec = {
  usage:
    'onramp rotate <host> --stdin [--account A] [--module HOST/PATH@VERSION | --repo PATH] [--no-revoke] [--json]',
  flags: {
    stdin: {},
    account: { value: true },
    module: { value: true },
    repo: { value: true },
    'no-revoke': {},
    json: {},
  },
  positionals: [1, 1],
};

export const rotateCommand: Command = {
  summary:
    'replace a host token: stage, verify with a real fetch, then revoke the old one (rolls back on failure)',
  spec,
  async run(argv, io) {
    const a = parseArgs(argv, spec);
    const json = flagBool(a, 'json');
    if (!flagBool(a, 'stdin'))
      throw usageError(
        'the new token is read from stdin: give --stdin (paste it, or pipe it in)',
        `usage: ${spec.usage}`,
      );
    await recoverAndReport(io, json);
    const r = await rotateToken(io.env, {
      host: a.positionals[0] as string,
      account: flagString(a, 'account'),
      token: await readSecretLine(io),
      module: flagString(a, 'module'),
      repo: flagString(a, 'repo'),
      revoke: !flagBool(a, 'no-revoke'),
    });
    if (json) {
      printJson(io, { ok: r.ok, rotation: r });
      return r.ok ? 0 : 1;
    }
    io.out(`Rotating the token for ${r.account}@${r.host}\n`);
    for (const p of r.problems) io.out(`  ${describeProblem(p)}\n`);
    io.out(
      `  staged (journal ${r.journalId}), verified with: ${r.verification.how} → ${r.verification.ok ? 'ok' : 'FAILED'}\n`,
    );
    if (!r.ok) {
      for (const l of r.verification.lines.slice(-8)) io.out(`    ${l}\n`);
      io.out(
        `  Rolled back (journal ${r.rolledBack?.undoId}): the old token is still in place and still works.\n`,
      );
      return 1;
    }
    const rev = r.revocation;
    if (rev?.revoked)
      io.out(`  old token revoked via ${rev.how}${rev.confirmed ? ' (the host now rejects it)' : ''}\n`);
    else if (rev) io.out(`  old token NOT revoked: ${rev.manual}\n`);
    else io.out('  old token left alive (--no-revoke); Onramp no longer keeps it.\n');
    io.out(
      `Done. The new token is in use. Undo the staging with: onramp undo ${r.journalId} (only useful before the old token is revoked)\n`,
    );
    return 0;
  },
};
