// `onramp set git-config KEY VALUE [--add|--unset]` on the user's global config file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OnrampError, usageError } from '../../common/errors';
import type { GitConfigStep } from '../../common/plan';
import { homeOf, type Env } from '../paths';

/** The file `git config --global` writes: $GIT_CONFIG_GLOBAL, ~/.gitconfig, or the XDG one when only it exists. */
export function globalGitConfigFile(env: Env): string {
  if (env.GIT_CONFIG_GLOBAL) return env.GIT_CONFIG_GLOBAL;
  const home = homeOf(env);
  const dotfile = join(home, '.gitconfig');
  if (existsSync(dotfile)) return dotfile;
  const xdg = join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'config');
  return existsSync(xdg) ? xdg : dotfile;
}

// section[.subsection].name: section and name are alphanumeric/-, the subsection is anything
// but a newline (git's own rule, config.c: git_config_parse_key).
const keyPattern = /^[A-Za-z0-9-]+(\.[^\n\0]*)?\.[A-Za-z][A-Za-z0-9-]*$/;

export function checkGitConfigKey(key: string): void {
  if (!keyPattern.test(key))
    throw new OnrampError({
      code: 'invalid-input',
      message: `invalid git config key ${JSON.stringify(key)}`,
      hint: 'Keys look like section.name or section.<subsection>.name, e.g. url.https://git.corp/.insteadOf',
    });
}

export type GitConfigMode = 'set' | 'add' | 'unset' | 'unset-all';

/** Escapes a literal value for git's value-pattern (an extended regex), anchored. */
export function exactValuePattern(value: string): string {
  return `^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

export function gitConfigSteps(
  env: Env,
  key: string,
  value: string | undefined,
  mode: GitConfigMode,
): GitConfigStep[] {
  checkGitConfigKey(key);
  const file = globalGitConfigFile(env);
  if (mode === 'set' || mode === 'add') {
    if (value === undefined) throw usageError(`git-config ${mode} needs a VALUE`);
    if (value.includes('\0'))
      throw new OnrampError({ code: 'invalid-input', message: `${key}: the value contains NUL` });
    return [{ kind: 'git-config', file, action: mode, key, value }];
  }
  const step: GitConfigStep = { kind: 'git-config', file, action: mode, key };
  if (value !== undefined) step.valuePattern = exactValuePattern(value);
  return [step];
}
