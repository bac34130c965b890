// `onramp ssh list|keygen|trust|upload|test`. A passphrase comes from stdin only
// (--passphrase-stdin) and is never printed; host keys are added only on a pinned match or an
// explicit --accept of the fingerprint the person checked.
import { usageError } from '../../common/errors';
import { listSshKeys, sshTest } from '../../core/credentials/ssh-check';
import { keygenForHost } from '../../core/credentials/ssh-keygen';
import { trustHost } from '../../core/credentials/ssh-trust';
import { uploadKey } from '../../core/credentials/ssh-upload';
import { parseArgs, flagBool, flagList, flagString, type CommandSpec } from '../args';
import { printJson, type CliIo } from '../io';
import { planView, printPlan } from '../print-plan';
import { recoverAndReport } from './journal';
import { readSecretLine } from './token';
import type { Command } from './index';

const specs: Record<string, CommandSpec> = {
  list: { usage: 'onramp ssh list [--json]', flags: { json: {} }, positionals: [0, 0] },
  keygen: {
    usage:
      'onramp ssh keygen <host> [--file PATH] [--user git] [--passphrase-stdin [--remember-passphrase]] [--port-443] [--no-agent] [--dry-run] [--json]',
    flags: {
      file: { value: true },
      user: { value: true },
      'passphrase-stdin': {},
      'remember-passphrase': {},
      'port-443': {},
      'no-agent': {},
      'dry-run': {},
      json: {},
    },
    positionals: [1, 1],
  },
  trust: {
    usage: 'onramp ssh trust <host> [--fingerprint SHA256:…]… [--accept SHA256:…]… [--dry-run] [--json]',
    flags: {
      fingerprint: { value: true, multiple: true },
      accept: { value: true, multiple: true },
      'dry-run': {},
      json: {},
    },
    positionals: [1, 1],
  },
  upload: {
    usage: 'onramp ssh upload <host> [--title TEXT] [--json]',
    flags: { title: { value: true }, json: {} },
    positionals: [1, 1],
  },
  test: {
    usage: 'onramp ssh test <host> [--user git] [--json]',
    flags: { user: { value: true }, json: {} },
    positionals: [1, 1],
  },
};

async function list(a: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const r = await listSshKeys(io.env);
  if (flagBool(a, 'json')) return (printJson(io, { ok: true, ...r }), 0);
  if (r.keys.length === 0) io.out('No private keys in ~/.ssh.\n');
  for (const k of r.keys) {
    const mode = `0${k.mode.toString(8)}`;
    io.out(
      `${k.file}\n  ${k.type ?? k.format} ${k.fingerprint ?? '(no fingerprint)'} "${k.comment ?? ''}" mode ${mode}${k.tooOpen ? ' (TOO OPEN: ssh ignores it)' : ''}${k.encrypted ? ', passphrase' : ''}${k.managedBy ? `, managed by ${k.managedBy}` : ''}\n`,
    );
    io.out(`  used by: ${k.usedBy.length ? k.usedBy.join(', ') : '(no host among those Onramp checked)'}\n`);
  }
  return 0;
}

async function keygen(a: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const json = flagBool(a, 'json');
  if (flagBool(a, 'remember-passphrase') && !flagBool(a, 'passphrase-stdin'))
    throw usageError('--remember-passphrase needs --passphrase-stdin');
  await recoverAndReport(io, json);
  const passphrase = flagBool(a, 'passphrase-stdin') ? await readSecretLine(io) : undefined;
  if (passphrase === '') throw usageError('--passphrase-stdin read an empty passphrase');
  const r = await keygenForHost(io.env, {
    host: a.positionals[0] as string,
    file: flagString(a, 'file'),
    user: flagString(a, 'user'),
    passphrase,
    rememberPassphrase: flagBool(a, 'remember-passphrase'),
    port443: flagBool(a, 'port-443'),
    agent: !flagBool(a, 'no-agent'),
    dryRun: flagBool(a, 'dry-run'),
  });
  if (json) return (printJson(io, { ok: true, ...r, plan: planView(r.plan) }), 0);
  printPlan(io, r.plan);
  io.out(`\nKey ${r.keyFile} (${r.fingerprint})\nPublic key (give this to the host):\n  ${r.publicKey}\n`);
  if (r.agent?.added) io.out(`Added to the ssh agent at ${r.agent.socket}.\n`);
  if (r.agent?.startedPid)
    io.out(
      `Started an agent for this: export SSH_AUTH_SOCK=${r.agent.socket} SSH_AGENT_PID=${r.agent.startedPid}\n${r.agent.persistHint ?? ''}\n`,
    );
  for (const n of r.notes) io.out(`note: ${n}\n`);
  io.out(
    r.journalId
      ? `Undo with: onramp undo ${r.journalId}\nNext: onramp ssh trust ${a.positionals[0]}, onramp ssh upload ${a.positionals[0]}\n`
      : 'Dry run: nothing was written.\n',
  );
  return 0;
}

async function trust(a: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const json = flagBool(a, 'json');
  await recoverAndReport(io, json);
  const host = a.positionals[0] as string;
  const r = await trustHost(io.env, {
    host,
    pins: flagList(a, 'fingerprint'),
    accept: flagList(a, 'accept'),
    dryRun: flagBool(a, 'dry-run'),
  });
  const ok = r.status !== 'needs-confirmation';
  if (json) return (printJson(io, { ok, ...r, plan: r.plan ? planView(r.plan) : undefined }), ok ? 0 : 1);
  io.out(`${r.target.hostname}:${r.target.port} presents:\n`);
  for (const k of r.keys)
    io.out(`  ${k.type} ${k.fingerprint}${k.pinned ? `  matches ${r.pinsFrom.join(' / ')}` : ''}\n`);
  if (r.status === 'already-trusted') io.out('Already in known_hosts.\n');
  if (r.status === 'needs-confirmation') {
    io.out(
      `No published or team fingerprint for ${host}. Compare with what the host's admins publish, then:\n`,
    );
    io.out(`  onramp ssh trust ${host} --accept ${r.keys[0]?.fingerprint ?? 'SHA256:…'}\n`);
    return 1;
  }
  if (r.plan) printPlan(io, r.plan);
  if (r.journalId) io.out(`\nAdded. Undo with: onramp undo ${r.journalId}\n`);
  return 0;
}

async function upload(a: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const json = flagBool(a, 'json');
  await recoverAndReport(io, json);
  const r = await uploadKey(io.env, { host: a.positionals[0] as string, title: flagString(a, 'title') });
  if (json) return (printJson(io, { ok: r.uploaded, ...r }), r.uploaded ? 0 : 1);
  io.out(`${r.uploaded ? 'Uploaded' : 'Not uploaded'}: ${r.message}\n`);
  if (!r.uploaded) {
    io.out(`Copy this public key:\n  ${r.publicKey}\n`);
    if (r.settingsUrl) io.out(`and add it at ${r.settingsUrl}\n`);
  }
  return r.uploaded ? 0 : 1;
}

async function test(a: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const r = await sshTest(io.env, a.positionals[0] as string, flagString(a, 'user'));
  const ok = r.verdict === 'authenticated';
  if (flagBool(a, 'json')) return (printJson(io, { ok, ...r }), ok ? 0 : 1);
  io.out(`ssh -T ${a.positionals[0]}: ${r.verdict}\n`);
  for (const l of r.output.slice(-5)) io.out(`  ${l}\n`);
  for (const l of r.advice) io.out(`→ ${l}\n`);
  return ok ? 0 : 1;
}

export const sshCommand: Command = {
  summary: 'ssh keys for code hosts: list, keygen, trust <host>, upload <host>, test <host>',
  spec: { usage: 'onramp ssh list|keygen|trust|upload|test …', flags: {}, positionals: [1, Infinity] },
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const spec = sub ? specs[sub] : undefined;
    if (!sub || !spec)
      throw usageError(
        `unknown ssh subcommand ${JSON.stringify(sub ?? '')}`,
        Object.values(specs)
          .map((s) => `usage: ${s.usage}`)
          .join('\n'),
      );
    const a = parseArgs(rest, spec);
    if (sub === 'list') return list(a, io);
    if (sub === 'keygen') return keygen(a, io);
    if (sub === 'trust') return trust(a, io);
    if (sub === 'upload') return upload(a, io);
    return test(a, io);
  },
};
