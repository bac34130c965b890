// `onramp undo` and `onramp history`, plus the crash-recovery notice every writing command
// prints first when an earlier run was interrupted.
import { parseArgs, flagBool, type CommandSpec } from '../args';
import { printJson, type CliIo } from '../io';
import { history, undo } from '../../core/undo';
import { describeRecovery, recoverJournal } from '../../core/recovery';
import { usageError } from '../../common/errors';
import type { Command } from './index';

export async function recoverAndReport(io: CliIo, json: boolean): Promise<void> {
  const report = await recoverJournal(io.env);
  const lines = describeRecovery(report);
  if (lines.length === 0) return;
  if (json) io.err(JSON.stringify({ recovery: report }) + '\n');
  else for (const l of lines) io.err(`onramp: ${l}\n`);
}

const undoSpec: CommandSpec = {
  usage: 'onramp undo [--last | <id>] [--force] [--json]',
  flags: { last: {}, force: {}, json: {} },
  positionals: [0, 1],
};

export const undoCommand: Command = {
  summary: 'restore the files of a journaled change byte-for-byte (default: the last one)',
  spec: undoSpec,
  async run(argv, io) {
    const a = parseArgs(argv, undoSpec);
    const json = flagBool(a, 'json');
    const id = a.positionals[0];
    if (id && flagBool(a, 'last'))
      throw usageError('give either --last or an id', `usage: ${undoSpec.usage}`);
    await recoverAndReport(io, json);
    const result = await undo(io.env, { id, last: !id, force: flagBool(a, 'force') });
    if (json) printJson(io, { ok: true, ...result });
    else {
      io.out(`Undid ${result.undid} (${result.title}).\n`);
      for (const f of result.restored) io.out(`  restored ${f}\n`);
      io.out(
        `This undo is itself journaled as ${result.id}: onramp undo ${result.id} re-applies the change.\n`,
      );
    }
    return 0;
  },
};

const historySpec: CommandSpec = {
  usage: 'onramp history [--json]',
  flags: { json: {} },
  positionals: [0, 0],
};

export const historyCommand: Command = {
  summary: 'list journaled changes, newest first',
  spec: historySpec,
  async run(argv, io) {
    const a = parseArgs(argv, historySpec);
    const json = flagBool(a, 'json');
    await recoverAndReport(io, json);
    const entries = await history(io.env);
    if (json) {
      printJson(io, { ok: true, entries });
      return 0;
    }
    if (entries.length === 0) io.out('No changes recorded yet.\n');
    for (const e of entries) {
      io.out(`${e.id}  ${e.state.padEnd(11)} ${e.createdAt}  ${e.title}\n`);
      for (const f of e.files) io.out(`    ${f}\n`);
    }
    return 0;
  },
};
