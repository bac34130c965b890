// `onramp status [--json]`
import { parseArgs, flagBool, type CommandSpec } from '../args';
import { printJson } from '../io';
import { printStatus } from '../print-status';
import { readStatus, statusErrors } from '../../core/status';
import type { Command } from './index';

const spec: CommandSpec = { usage: 'onramp status [--json]', flags: { json: {} }, positionals: [0, 0] };

export const statusCommand: Command = {
  summary: 'what the machine has for private Go modules, and where each value comes from',
  spec,
  async run(argv, io) {
    const a = parseArgs(argv, spec);
    const status = await readStatus(io.env);
    const errors = statusErrors(status);
    if (flagBool(a, 'json')) printJson(io, { ok: errors.length === 0, status });
    else printStatus(io, status);
    return errors.length === 0 ? 0 : 1;
  },
};
