// `onramp set ssh-host <alias> KEY=VALUE… | --remove`: a managed Host block in ~/.ssh/config,
// placed before the first Host/Match block (ssh keeps the first value it obtains), every
// other byte kept. The editor refuses StrictHostKeyChecking no and UserKnownHostsFile /dev/null.
import { OnrampError } from '../../common/errors';
import type { FileEditStep } from '../../common/plan';
import { parseSshConfig, removeManagedHost, upsertManagedHost } from '../../common/ssh-config';
import { pathsOf, type Env } from '../paths';
import { readTextIfExists } from './read-text';

export function sshHostSteps(env: Env, alias: string, options: [string, string][] | null): FileEditStep[] {
  const file = pathsOf(env).sshConfig;
  const before = readTextIfExists(file);
  const doc = parseSshConfig(before, file);
  const content = options === null ? removeManagedHost(doc, alias) : upsertManagedHost(doc, alias, options);
  if (options === null && content === before)
    throw new OnrampError({
      code: 'not-found',
      message: `${file} has no Onramp-managed block for ${alias}`,
      file,
    });
  return [{ kind: 'file-edit', file, content, mode: 0o600 }];
}
