// Runs one of the profile commands in-process the way main() does (errors printed, exit codes),
// before the lead registers them in main/cli/commands/index.ts.
import type { Command } from '../../main/cli/commands/index';
import { exitCodeFor, printError } from '../../main/cli/io';

export interface CmdRun {
  code: number;
  out: string;
  err: string;
}

export async function runCmd(
  cmd: Command,
  argv: string[],
  env: Record<string, string>,
  opts: { stdin?: string; cwd?: string } = {},
): Promise<CmdRun> {
  let out = '';
  let err = '';
  const io = {
    env,
    cwd: opts.cwd ?? env.HOME ?? '/',
    out: (t: string) => void (out += t),
    err: (t: string) => void (err += t),
    readStdin: async () => opts.stdin ?? '',
  };
  let code: number;
  try {
    code = await cmd.run(argv, io);
  } catch (e) {
    code = exitCodeFor(printError(io, e, argv.includes('--json')));
  }
  return { code, out, err };
}
