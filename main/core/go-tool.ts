// Small facts about the installed go: where its env file is and which version it is.
import { OnrampError } from '../common/errors';
import { runToolChecked } from './tool-runner';
import type { Env } from './paths';

/** The go env file (`go env GOENV`); go is the authority on where it is. */
export async function goEnvFile(env: Env): Promise<string> {
  const r = await runToolChecked('go', ['env', 'GOENV'], { env, timeoutMs: 15_000 });
  const file = r.stdout.trim();
  if (file === '' || file === 'off')
    throw new OnrampError({
      code: 'invalid-input',
      message: 'GOENV is off: go has no env file to write',
      hint: 'Unset GOENV in your environment so `go env -w` can persist settings.',
    });
  return file;
}
