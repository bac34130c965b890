// Wiring Onramp's credential helper into git, scoped to one host, and talking to git's
// credential machinery (`git credential fill|approve|reject`) with secrets on stdin only.
//
// The helper is configured by ABSOLUTE path, not as a `!shell snippet` (security review flags
// those). git runs an absolute-path helper through the shell as `<path> <op>`, so the path must
// not need quoting. The empty value before it resets helpers inherited from other config lines
// (gitcredentials(7): "an empty string … resets the helper list"), so a stale `store` helper
// cannot answer first with an old token.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCredentialInput } from '../../common/credentials/credential-protocol';
import { OnrampError } from '../../common/errors';
import type { GitConfigStep } from '../../common/plan';
import type { Env } from '../paths';
import { exactValuePattern, globalGitConfigFile } from '../requests/git-config';
import { baseToolEnv, runTool, type RunResult } from '../tool-runner';

/** The helper executable: ONRAMP_CREDENTIAL_HELPER (packaged app) or the repo's bin script. */
export function helperPath(env: Env): string {
  const p =
    env.ONRAMP_CREDENTIAL_HELPER ||
    fileURLToPath(new URL('../../../bin/git-credential-onramp.mjs', import.meta.url));
  if (!/^\/[A-Za-z0-9_./+@-]+$/.test(p))
    throw new OnrampError({
      code: 'invalid-input',
      message: `the credential helper path ${JSON.stringify(p)} is not a plain absolute path`,
      hint: 'git runs it through the shell unquoted: install Onramp in a directory without spaces or shell characters.',
    });
  return p;
}

export const helperKey = (host: string) => `credential.https://${host}.helper`;

function ourValues(file: string, host: string, helper: string): GitConfigStep[] {
  return ['', helper].map((v) => ({
    kind: 'git-config' as const,
    file,
    action: 'unset-all' as const,
    key: helperKey(host),
    valuePattern: exactValuePattern(v),
  }));
}

/** `credential.https://HOST.helper = ""` then `= <helper>`, idempotently. */
export function helperConfigSteps(env: Env, host: string, helper = helperPath(env)): GitConfigStep[] {
  const file = globalGitConfigFile(env);
  return [
    ...ourValues(file, host, helper),
    { kind: 'git-config', file, action: 'add', key: helperKey(host), value: '' },
    { kind: 'git-config', file, action: 'add', key: helperKey(host), value: helper },
  ];
}

/** Removes exactly the two values Onramp added for the host. */
export function helperRemovalSteps(env: Env, host: string, helper = helperPath(env)): GitConfigStep[] {
  return ourValues(globalGitConfigFile(env), host, helper);
}

/** Extra env that configures the helper for one git run, without touching any file. */
export function helperGitEnv(env: Env, host: string, helper = helperPath(env)): Record<string, string> {
  let n = Number(env.GIT_CONFIG_COUNT ?? 0);
  const out: Record<string, string> = {};
  for (const v of ['', helper]) {
    out[`GIT_CONFIG_KEY_${n}`] = helperKey(host);
    out[`GIT_CONFIG_VALUE_${n}`] = v;
    n++;
  }
  out.GIT_CONFIG_COUNT = String(n);
  return out;
}

export interface GitCredentialInput {
  host: string;
  username?: string;
  password?: string;
}

/**
 * `git credential approve|reject|fill` for https://host: reject runs `erase` on every helper git
 * is configured with, which is how a token copy in another helper (store, cache, osxkeychain)
 * is removed. The credential travels on stdin.
 */
export async function gitCredential(
  env: Env,
  op: 'fill' | 'approve' | 'reject',
  cred: GitCredentialInput,
): Promise<RunResult> {
  return runTool('git', ['credential', op], {
    env: baseToolEnv(env),
    stdin: formatCredentialInput({ protocol: 'https', ...cred }),
    timeoutMs: 30_000,
  });
}

/**
 * `git credential reject` as the person's OTHER helpers see it: Onramp's reset line hides them
 * for the host, so the reject runs against a private copy of the global config without Onramp's
 * two lines (GIT_CONFIG_GLOBAL). That is how a copy of the token in `store`, `cache` or a desktop
 * keychain helper gets erased. (Relative include paths in that file do not resolve from the copy
 * and are skipped, as git skips a missing include.)
 */
export async function rejectInOtherHelpers(env: Env, cred: GitCredentialInput): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'onramp-reject-'));
  try {
    const global = globalGitConfigFile(env);
    const copy = join(dir, 'gitconfig');
    if (existsSync(global)) await copyFile(global, copy);
    for (const v of ['', helperPath(env)])
      await runTool(
        'git',
        ['config', '--file', copy, '--unset-all', '--', helperKey(cred.host), exactValuePattern(v)],
        {
          env: baseToolEnv(env),
          timeoutMs: 10_000,
        },
      );
    return await gitCredential({ ...env, GIT_CONFIG_GLOBAL: copy }, 'reject', cred);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
