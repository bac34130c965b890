// `onramp fix (--all | <fix-id>…) [--yes] [--json] [--module M]… [--host H]… [--token-stdin
// --login L] [--ca-file F]`: runs doctor, turns the chosen fixes of its findings into ONE plan
// (one journal entry, undone as a unit), applies it, then re-runs doctor to show the result.
import { usageError } from '../../common/errors';
import type { Finding } from '../../common/doctor-report';
import { isFixId } from '../../common/explain';
import { parseArgs, flagBool, flagList, flagString, type CommandSpec } from '../args';
import { printJson } from '../io';
import { planView, printPlan } from '../print-plan';
import { applyPlan } from '../../core/apply';
import type { FixInput } from '../../core/fixes/fix-steps';
import { planFixes, recheck } from '../../core/fixes/fix-service';
import { recoverAndReport } from './journal';
import type { Command } from './index';

const spec: CommandSpec = {
  usage:
    'onramp fix (--all | <fix-id>…) [--yes] [--module M]… [--host H]… [--token-stdin --login L] [--ca-file F] [--json]',
  flags: {
    all: {},
    yes: {},
    json: {},
    module: { value: true, multiple: true },
    host: { value: true, multiple: true },
    'token-stdin': {},
    login: { value: true },
    'ca-file': { value: true },
  },
  positionals: [0, Infinity],
};

export const fixCommand: Command = {
  summary: 'apply the fixes doctor proposes, as one undoable plan, then check again',
  spec,
  async run(argv, io) {
    const a = parseArgs(argv, spec);
    const ids = a.positionals;
    const all = flagBool(a, 'all');
    if (all === ids.length > 0) throw usageError('give --all or fix ids', `usage: ${spec.usage}`);
    for (const id of ids)
      if (!isFixId(id))
        throw usageError(`unknown fix id ${JSON.stringify(id)}`, 'doctor lists the fix ids for each finding');
    const json = flagBool(a, 'json');
    const input: FixInput = {
      login: flagString(a, 'login'),
      caFile: flagString(a, 'ca-file'),
      confirmed: ids.length > 0,
    };
    if (flagBool(a, 'token-stdin')) input.token = (await io.readStdin()).replace(/\r?\n$/, '');
    await recoverAndReport(io, json);
    const scope = { env: io.env, cwd: io.cwd, modules: flagList(a, 'module'), hosts: flagList(a, 'host') };
    let { before, plan, skipped } = await planFixes({ ...scope, fixIds: ids, all, input });
    // On a terminal, ask for what a fix needs instead of failing; the token is never echoed.
    if (io.ask && !json && skipped.some((x) => x.needs === 'token')) {
      input.login ??= (await io.ask('Login for the host: ', false)) || undefined;
      input.token = (await io.ask('Token (not shown): ', true)) || undefined;
      if (input.token) ({ before, plan, skipped } = await planFixes({ ...scope, fixIds: ids, all, input }));
    }
    if (!plan) {
      if (json)
        printJson(io, { ok: before.primary === null, primary: before.primary, applied: false, skipped });
      else {
        io.out(
          before.primary
            ? `Root cause: ${before.primary}. No fix could be applied automatically.\n`
            : 'Everything checked is green: nothing to fix.\n',
        );
        for (const s of skipped) io.out(`  ${s.fix}: ${s.reason}\n`);
      }
      return before.primary ? 1 : 0;
    }
    if (!json) printPlan(io, plan);
    if (!flagBool(a, 'yes')) {
      if (json) printJson(io, { ok: false, applied: false, plan: planView(plan), skipped });
      else io.out('\nNothing applied. Re-run with --yes to apply this plan.\n');
      return 1;
    }
    const applied = await applyPlan(plan, io.env);
    const { after, fixedPrimary: green } = await recheck(scope, before);
    if (json)
      printJson(io, {
        ok: after.primary === null,
        before: before.primary,
        after: after.primary,
        fixedPrimary: green,
        journalId: applied.id,
        plan: planView(plan),
        skipped,
      });
    else {
      io.out(`\nApplied (undo with: onramp undo ${applied.id}).\n`);
      for (const s of skipped) io.out(`  skipped ${s.fix}: ${s.reason}\n`);
      const label = (f: Finding) => `${f.id}${f.module ? ` (${f.module})` : f.host ? ` (${f.host})` : ''}`;
      const errs = (r: typeof before) => r.findings.filter((f) => f.severity === 'error').map(label);
      const still = new Set(errs(after));
      const fixed = errs(before).filter((x) => !still.has(x));
      if (fixed.length > 0) io.out(`Fixed: ${[...new Set(fixed)].join(', ')}\n`);
      io.out(
        after.primary
          ? `Still failing: ${[...still].join(', ')} (root cause: ${after.primary})\n`
          : 'Everything checked is green.\n',
      );
    }
    return after.primary ? 1 : 0;
  },
};
