// `onramp set netrc <machine> --login L --password-stdin | --remove`: one entry, written in
// the form Go's parser reads (`machine H login L password P` on one line, before any
// `default`), every other byte of the file kept. The password reaches the plan only as file
// content and is listed as a secret so no diff, log or journal text shows it.
import { OnrampError } from '../../common/errors';
import type { FileEditStep } from '../../common/plan';
import { parseNetrc, removeNetrcMachine, setNetrcMachine, validateNetrcToken } from '../../common/netrc';
import { pathsOf, type Env } from '../paths';
import { readTextIfExists } from './read-text';

export function netrcSteps(
  env: Env,
  host: string,
  cred: { login: string; password: string } | null,
): FileEditStep[] {
  const file = pathsOf(env).netrc;
  validateNetrcToken('host', host);
  const doc = parseNetrc(readTextIfExists(file), file);
  if (cred === null) {
    const r = removeNetrcMachine(doc, host);
    if (r.removed === 0)
      throw new OnrampError({ code: 'not-found', message: `${file} has no entry for ${host}`, file });
    return [{ kind: 'file-edit', file, content: r.text, mode: 0o600 }];
  }
  validateNetrcToken('login', cred.login);
  validateNetrcToken('password', cred.password);
  const r = setNetrcMachine(doc, { host, login: cred.login, password: cred.password });
  return [{ kind: 'file-edit', file, content: r.text, mode: 0o600, secrets: [cred.password] }];
}
