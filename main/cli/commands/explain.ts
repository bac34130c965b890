// `onramp explain [--json] [FILE|-]`: what go/git/ssh printed → root causes, ranked.
import { readFile } from 'node:fs/promises';
import { explainOutput } from '../../common/explain';
import { OnrampError } from '../../common/errors';
import { parseArgs, flagBool, type CommandSpec } from '../args';
import { printJson } from '../io';
import { loadContext } from '../../core/doctor/context';
import { explainContextOf } from '../../core/doctor/explain-context';
import type { Command } from './index';

const spec: CommandSpec = {
  usage: 'onramp explain [--json] [--no-machine] [FILE|-]',
  flags: { json: {}, 'no-machine': {} },
  positionals: [0, 1],
};

export const explainCommand: Command = {
  summary: 'read what go/git/ssh printed and name the root cause (with evidence and fixes)',
  spec,
  async run(argv, io) {
    const a = parseArgs(argv, spec);
    const file = a.positionals[0];
    let text: string;
    if (file === undefined || file === '-') text = await io.readStdin();
    else
      text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new OnrampError({
          code: 'not-found',
          message: `cannot read ${file}: ${e.code ?? e.message}`,
          file,
        });
      });
    // Knowing the machine (netrc entries, helpers, GOPRIVATE) sharpens the answer.
    const context = flagBool(a, 'no-machine')
      ? {}
      : explainContextOf(await loadContext(io.env, io.cwd, 5000));
    const result = explainOutput(text, context);
    if (flagBool(a, 'json')) {
      printJson(io, result);
      return 0;
    }
    if (result.causes.length === 0) {
      io.out('No known failure found in that output.\n');
      return 0;
    }
    result.causes.forEach((c, i) => {
      io.out(
        `${i === 0 ? 'Root cause' : 'Also possible'}: ${c.id} (${Math.round(c.confidence * 100)}%) — ${c.title}\n`,
      );
      for (const e of c.evidence) io.out(`  │ ${e}\n`);
      io.out(`  ${c.explanation}\n`);
      for (const f of c.fixes) io.out(`  → ${f.id}: ${f.title}\n`);
      io.out('\n');
    });
    return 0;
  },
};
