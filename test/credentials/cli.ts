// Runs one of the credential commands in-process with captured output (the lead registers them
// in main/cli/commands/index.ts; until then tests call the Command objects directly).
import type { Command } from '../../main/cli/commands/index';

export async function runCommand(
  env: Record<string, string>,
  cmd: Command,
  argv: string[],
  stdin = '',
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cmd.run(argv, {
    env,
    cwd: env.HOME ?? '/',
    out: (t) => (out += t),
    err: (t) => (err += t),
    readStdin: async () => stdin,
  });
  return { code, out, err };
}
