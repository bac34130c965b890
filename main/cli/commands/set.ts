// `onramp set <primitive> …` and `onramp plan <primitive> …`: every change goes through
// plan → apply → journal, so it can be reviewed first (--dry-run) and undone after.
import { usageError } from '../../common/errors';
import type { Step } from '../../common/plan';
import { parseArgs, flagBool, flagList, flagString, type CommandSpec } from '../args';
import { printJson, type CliIo } from '../io';
import { planView, printPlan } from '../print-plan';
import { goEnvSteps, parseAssignment } from '../../core/requests/go-env';
import { gitConfigSteps } from '../../core/requests/git-config';
import { netrcSteps } from '../../core/requests/netrc';
import { sshHostSteps } from '../../core/requests/ssh-host';
import { buildPlan } from '../../core/planner';
import { applyPlan } from '../../core/apply';
import { recoverAndReport } from './journal';
import { runProfilePlan } from './onboard';
import type { Command } from './index';

const common = { 'dry-run': {}, json: {} };
const specs: Record<string, CommandSpec> = {
  'go-env': {
    usage: 'onramp set go-env KEY=VALUE… [--unset KEY]… [--dry-run] [--json]',
    flags: { ...common, unset: { value: true, multiple: true } },
    positionals: [0, Infinity],
  },
  'git-config': {
    usage: 'onramp set git-config KEY [VALUE] [--add | --unset | --unset-all] [--dry-run] [--json]',
    flags: { ...common, add: {}, unset: {}, 'unset-all': {} },
    positionals: [1, 2],
  },
  netrc: {
    usage: 'onramp set netrc <machine> (--login L --password-stdin | --remove) [--dry-run] [--json]',
    flags: { ...common, login: { value: true }, 'password-stdin': {}, remove: {} },
    positionals: [1, 1],
  },
  'ssh-host': {
    usage: 'onramp set ssh-host <alias> (KEY=VALUE… | --remove) [--dry-run] [--json]',
    flags: { ...common, remove: {} },
    positionals: [1, Infinity],
  },
};

async function stepsFor(
  kind: string,
  argv: string[],
  io: CliIo,
): Promise<{ title: string; steps: Step[]; a: ReturnType<typeof parseArgs> }> {
  const spec = specs[kind];
  if (!spec)
    throw usageError(`unknown primitive ${JSON.stringify(kind)}`, `one of: ${Object.keys(specs).join(', ')}`);
  const a = parseArgs(argv, spec);
  const env = io.env;
  switch (kind) {
    case 'go-env': {
      const assignments = a.positionals.map(parseAssignment);
      const unsets = flagList(a, 'unset');
      const names = [...assignments.map((x) => x.key), ...unsets.map((u) => `-${u}`)];
      return { title: `go env: ${names.join(', ')}`, steps: await goEnvSteps(env, assignments, unsets), a };
    }
    case 'git-config': {
      const modes = (['add', 'unset', 'unset-all'] as const).filter((m) => flagBool(a, m));
      if (modes.length > 1)
        throw usageError('give at most one of --add, --unset, --unset-all', `usage: ${spec.usage}`);
      const mode = modes[0] ?? 'set';
      const [key, value] = a.positionals as [string, string | undefined];
      return { title: `git config ${mode} ${key}`, steps: gitConfigSteps(env, key, value, mode), a };
    }
    case 'netrc': {
      const host = a.positionals[0] as string;
      if (flagBool(a, 'remove')) {
        if (flagString(a, 'login') || flagBool(a, 'password-stdin'))
          throw usageError('--remove takes no --login or --password-stdin');
        return { title: `netrc: remove ${host}`, steps: netrcSteps(env, host, null), a };
      }
      const login = flagString(a, 'login');
      if (!login || !flagBool(a, 'password-stdin'))
        throw usageError(
          'give --login L and --password-stdin (the password is read from stdin, never argv)',
          `usage: ${spec.usage}`,
        );
      const password = (await io.readStdin()).replace(/\r?\n$/, '');
      return { title: `netrc: ${host}`, steps: netrcSteps(env, host, { login, password }), a };
    }
    default: {
      const [alias, ...pairs] = a.positionals as [string, ...string[]];
      if (flagBool(a, 'remove')) {
        if (pairs.length > 0) throw usageError('--remove takes no KEY=VALUE');
        return { title: `ssh host ${alias}: remove`, steps: sshHostSteps(env, alias, null), a };
      }
      if (pairs.length === 0) throw usageError('give KEY=VALUE options or --remove', `usage: ${spec.usage}`);
      const options = pairs.map(parseAssignment).map((p): [string, string] => [p.key, p.value]);
      return { title: `ssh host ${alias}`, steps: sshHostSteps(env, alias, options), a };
    }
  }
}

async function runSet(argv: string[], io: CliIo, forceDryRun: boolean): Promise<number> {
  const [kind, ...rest] = argv;
  if (kind === undefined)
    throw usageError(
      'missing primitive',
      `usage: onramp ${forceDryRun ? 'plan' : 'set'} go-env|git-config|netrc|ssh-host …`,
    );
  const { title, steps, a } = await stepsFor(kind, rest, io);
  const json = flagBool(a, 'json');
  const dryRun = forceDryRun || flagBool(a, 'dry-run');
  await recoverAndReport(io, json);
  const plan = await buildPlan(title, steps, io.env);
  if (dryRun) {
    if (json) printJson(io, { ok: true, applied: false, plan: planView(plan) });
    else printPlan(io, plan);
    return 0;
  }
  const result = await applyPlan(plan, io.env);
  if (json) printJson(io, { ok: true, applied: true, journalId: result.id, plan: planView(plan) });
  else {
    printPlan(io, plan);
    io.out(`\nApplied. Undo with: onramp undo ${result.id}\n`);
  }
  return 0;
}

export const setCommand: Command = {
  summary: 'change one setting (go-env, git-config, netrc, ssh-host) through a journaled plan',
  spec: {
    usage: 'onramp set go-env|git-config|netrc|ssh-host … [--dry-run] [--json]',
    flags: {},
    positionals: [1, Infinity],
  },
  run: (argv, io) => runSet(argv, io, false),
};

const isProfileArg = (a: string) => /^--(profile|preset)(=|$)/.test(a);

export const planCommand: Command = {
  summary:
    'show what a change would do, with a diff per file; writes nothing (a primitive, or --profile/--preset)',
  spec: {
    usage:
      'onramp plan go-env|git-config|netrc|ssh-host … [--json]  |  onramp plan (--profile F | --preset NAME) … [--json]',
    flags: {},
    positionals: [1, Infinity],
  },
  // A team profile or preset plans the whole onboarding; a primitive plans one setting.
  run: (argv, io) => (argv.some(isProfileArg) ? runProfilePlan(argv, io) : runSet(argv, io, true)),
};
