// Runs the CLI in-process with captured output, an explicit env and optional stdin.
import { main } from '../../main/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(
  argv: string[],
  env: Record<string, string>,
  stdin = '',
  cwd?: string,
): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    env,
    cwd: cwd ?? env.HOME ?? '/',
    out: (t) => (out += t),
    err: (t) => (err += t),
    readStdin: async () => stdin,
  });
  return { code, out, err };
}
