// `onramp token add <host> --stdin …` and `onramp token remove <host>`. The token comes from
// stdin only (never argv), and no output, JSON or error ever contains it.
import { describePlace, describeProblem, describeDate } from '../../common/credentials/describe';
import { isHostKind, hostKinds, type HostKind } from '../../common/credentials/host-kinds';
import type { StoreKind } from '../../common/credentials/inventory-model';
import { usageError } from '../../common/errors';
import { addToken } from '../../core/credentials/token-add';
import { removeToken } from '../../core/credentials/token-remove';
import { parseArgs, flagBool, flagString, type CommandSpec } from '../args';
import { printJson, type CliIo } from '../io';
import { planView, printPlan } from '../print-plan';
import { recoverAndReport } from './journal';
import type { Command } from './index';

const addSpec: CommandSpec = {
  usage:
    'onramp token add <host> --stdin [--account A] [--kind github|gitlab|gitea|bitbucket|generic] [--api URL] ' +
    '[--repo PATH] [--module HOST/PATH@VERSION] [--store keychain|session|file] [--netrc | --no-netrc] [--dry-run] [--json]',
  flags: {
    stdin: {},
    account: { value: true },
    kind: { value: true },
    api: { value: true },
    repo: { value: true },
    module: { value: true },
    store: { value: true },
    netrc: {},
    'no-netrc': {},
    'dry-run': {},
    json: {},
  },
  positionals: [1, 1],
};

const removeSpec: CommandSpec = {
  usage: 'onramp token remove <host> [--account A] [--dry-run] [--json]',
  flags: { account: { value: true }, 'dry-run': {}, json: {} },
  positionals: [1, 1],
};

/** The first line of stdin, without its line ending. */
export async function readSecretLine(io: CliIo): Promise<string> {
  return (await io.readStdin()).split(/\r?\n/)[0] ?? '';
}

export function storeFlag(value: string | undefined): StoreKind | undefined {
  if (value === undefined) return undefined;
  if (value === 'keychain' || value === 'session' || value === 'file') return value;
  throw usageError(`--store must be keychain, session or file, not ${JSON.stringify(value)}`);
}

async function add(argv: string[], io: CliIo): Promise<number> {
  const a = parseArgs(argv, addSpec);
  const json = flagBool(a, 'json');
  if (!flagBool(a, 'stdin'))
    throw usageError(
      'the token is read from stdin: give --stdin (never put a token in argv)',
      `usage: ${addSpec.usage}`,
    );
  const kind = flagString(a, 'kind');
  if (kind !== undefined && !isHostKind(kind))
    throw usageError(`--kind must be one of ${hostKinds.join(', ')}`);
  if (flagBool(a, 'netrc') && flagBool(a, 'no-netrc'))
    throw usageError('give --netrc or --no-netrc, not both');
  await recoverAndReport(io, json);
  const token = await readSecretLine(io);
  const r = await addToken(io.env, {
    host: a.positionals[0] as string,
    token,
    account: flagString(a, 'account'),
    kind: kind as HostKind | undefined,
    apiBase: flagString(a, 'api'),
    repo: flagString(a, 'repo'),
    module: flagString(a, 'module'),
    store: storeFlag(flagString(a, 'store')),
    netrc: flagBool(a, 'netrc') ? 'always' : flagBool(a, 'no-netrc') ? 'never' : 'auto',
    dryRun: flagBool(a, 'dry-run'),
  });
  if (json) {
    printJson(io, {
      ok: true,
      applied: r.journalId !== undefined,
      journalId: r.journalId,
      record: r.record,
      store: r.storeLabel,
      checkedWith: r.checkedWith,
      problems: r.problems,
      notes: r.notes,
      plan: planView(r.plan),
    });
    return 0;
  }
  const rec = r.record;
  io.out(`Token for ${rec.account}@${rec.host} (${rec.hostKind})\n`);
  for (const c of r.checkedWith) io.out(`  checked: ${c}\n`);
  if (rec.scopes) io.out(`  scopes: ${rec.scopes.join(', ') || '(none)'}\n`);
  io.out(`  expires: ${describeDate(rec.expiresAt, rec.expiryKnown === false ? 'unknown' : 'never')}\n`);
  for (const p of rec.places) io.out(`  ${describePlace(p)}\n`);
  for (const p of r.problems) io.out(`  ${describeProblem(p)}\n`);
  for (const n of r.notes) io.out(`  note: ${n}\n`);
  io.out('\n');
  printPlan(io, r.plan);
  io.out(
    r.journalId
      ? `\nApplied. Undo with: onramp undo ${r.journalId}\n`
      : '\nDry run: nothing was stored or written.\n',
  );
  return 0;
}

async function remove(argv: string[], io: CliIo): Promise<number> {
  const a = parseArgs(argv, removeSpec);
  const json = flagBool(a, 'json');
  await recoverAndReport(io, json);
  const r = await removeToken(io.env, {
    host: a.positionals[0] as string,
    account: flagString(a, 'account'),
    dryRun: flagBool(a, 'dry-run'),
  });
  if (json) {
    printJson(io, { ok: true, applied: r.journalId !== undefined, ...r, plan: planView(r.plan) });
    return 0;
  }
  for (const x of r.removed) io.out(`Removing the token for ${x.account}@${x.host}\n`);
  printPlan(io, r.plan);
  if (r.journalId) {
    io.out(
      `\nRemoved: ${r.deletedItems} keychain item(s) deleted, git credential reject sent to every helper.\n`,
    );
    io.out(
      `The config changes are journaled (onramp undo ${r.journalId}); the deleted token itself is gone.\n`,
    );
  } else io.out('\nDry run: nothing was removed.\n');
  for (const n of r.notes) io.out(`note: ${n}\n`);
  return 0;
}

export const tokenCommand: Command = {
  summary: 'add or remove a host token (kept in the OS keychain, served to git by Onramp’s helper)',
  spec: { usage: 'onramp token add|remove <host> …', flags: {}, positionals: [1, Infinity] },
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'add') return add(rest, io);
    if (sub === 'remove') return remove(rest, io);
    throw usageError(
      `unknown token subcommand ${JSON.stringify(sub ?? '')}`,
      `usage: ${addSpec.usage}\n       ${removeSpec.usage}`,
    );
  },
};
