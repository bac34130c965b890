// `onramp secrets [--json]`: the inventory of every secret Onramp manages and where each one is
// (never the secret). `onramp secrets store keychain|file --confirm`: remember where new secrets
// go on a machine without a keychain (the file is plain text, hence the explicit --confirm).
import {
  describeDate,
  describePlace,
  describeProblem,
  describeVerification,
} from '../../common/credentials/describe';
import { usageError } from '../../common/errors';
import { applyPlan } from '../../core/apply';
import { buildPlan } from '../../core/planner';
import { fileStorePath } from '../../core/credentials/file-store';
import { secretsView } from '../../core/credentials/secrets-view';
import { storeSettingsStep } from '../../core/credentials/secret-store';
import { parseArgs, flagBool, type CommandSpec } from '../args';
import { printJson, type CliIo } from '../io';
import { printPlan } from '../print-plan';
import { recoverAndReport } from './journal';
import type { Command } from './index';

const listSpec: CommandSpec = { usage: 'onramp secrets [--json]', flags: { json: {} }, positionals: [0, 0] };
const storeSpec: CommandSpec = {
  usage: 'onramp secrets store keychain|file [--confirm] [--json]',
  flags: { confirm: {}, json: {} },
  positionals: [1, 1],
};

async function list(argv: string[], io: CliIo): Promise<number> {
  const a = parseArgs(argv, listSpec);
  const v = await secretsView(io.env);
  const problems =
    v.rows.flatMap((r) => r.problems).filter((p) => p.severity === 'error').length + v.leaks.length;
  if (flagBool(a, 'json')) {
    printJson(io, { ok: problems === 0, secrets: v });
    return problems === 0 ? 0 : 1;
  }
  io.out(
    `Keychain: ${v.keychain.available ? v.keychain.label : `none (${v.keychain.reason})`}; new secrets go to: ${v.defaultStore === 'file' ? `the file store (opted in)` : 'the keychain'}\n`,
  );
  if (v.rows.length === 0) io.out('\nOnramp manages no secrets yet.\n');
  for (const r of v.rows) {
    io.out(`\n${r.kind} ${r.account}@${r.host}${r.fingerprint ? ` ${r.fingerprint}` : ''}\n`);
    io.out(
      `  created ${describeDate(r.createdAt)}, expires ${describeDate(r.expiresAt, 'never/unknown')}, last verified ${describeVerification(r.lastVerified)}\n`,
    );
    if (r.scopes) io.out(`  scopes: ${r.scopes.join(', ') || '(none)'}\n`);
    for (const p of r.places) io.out(`  - ${describePlace(p)}\n`);
    for (const p of r.problems) io.out(`  ${describeProblem(p)}\n`);
  }
  if (v.orphans.length > 0) {
    io.out(`\n${v.orphans.length} keychain item(s) no record points at (left by an undone change):\n`);
    for (const o of v.orphans) io.out(`  ${o.service} / ${o.account}\n`);
  }
  if (v.leaks.length > 0) {
    io.out('\nCredentials in clear where Onramp does not put them:\n');
    for (const l of v.leaks) io.out(`  ${l.where}: ${l.detail}\n`);
  }
  return problems === 0 ? 0 : 1;
}

async function store(argv: string[], io: CliIo): Promise<number> {
  const a = parseArgs(argv, storeSpec);
  const json = flagBool(a, 'json');
  const choice = a.positionals[0];
  if (choice !== 'keychain' && choice !== 'file')
    throw usageError('choose keychain or file', `usage: ${storeSpec.usage}`);
  if (choice === 'file' && !flagBool(a, 'confirm'))
    throw usageError(
      `the file store keeps secrets in plain text (${fileStorePath(io.env)}, 0600): add --confirm to choose it`,
      'Or start a keyring, or use --store session on each token add.',
    );
  await recoverAndReport(io, json);
  const plan = await buildPlan(`secrets store ${choice}`, [storeSettingsStep(io.env, choice)], io.env);
  const applied = await applyPlan(plan, io.env);
  if (json) printJson(io, { ok: true, store: choice, journalId: applied.id });
  else {
    printPlan(io, plan);
    io.out(
      choice === 'file'
        ? `\nNew secrets now go to ${fileStorePath(io.env)} (plain text, 0600). Undo with: onramp undo ${applied.id}\n`
        : `\nNew secrets go to the OS keychain. Undo with: onramp undo ${applied.id}\n`,
    );
  }
  return 0;
}

export const secretsCommand: Command = {
  summary: 'every secret Onramp manages, per host and account, and where it is (never the secret itself)',
  spec: listSpec,
  async run(argv, io) {
    if (argv[0] === 'store') return store(argv.slice(1), io);
    return list(argv, io);
  },
};
