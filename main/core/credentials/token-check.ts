// Checking a token before Onramp relies on it: the host's API says who it is, its scopes and
// expiry; a generic host (or a token whose scopes the API does not list) is checked with a
// real authenticated `git ls-remote` through Onramp's own helper, so the check exercises the
// exact path git will use. The token reaches git only through the helper (never argv or URL).
import { defaultApiBase, type HostKind } from '../../common/credentials/host-kinds';
import { tokenProblems, type CredentialProblem, type TokenInfo } from '../../common/credentials/token-info';
import { OnrampError } from '../../common/errors';
import { redactSecrets } from '../../common/redact';
import type { Env } from '../paths';
import { baseToolEnv, runTool } from '../tool-runner';
import { helperGitEnv } from './git-helper-config';
import { formatOverride, HELPER_OVERRIDE_ENV, type HelperOverride } from './helper';
import { apiCaFiles } from './host-api-client';
import { introspectToken, type HostApi } from './host-apis';

const HOST_RE = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/;

export function checkHost(host: string): void {
  if (!HOST_RE.test(host))
    throw new OnrampError({
      code: 'invalid-input',
      message: `not a host name: ${JSON.stringify(host)}`,
      hint: 'Give the bare host, e.g. github.com or git.example.com:8443 (no scheme, no path).',
    });
}

/** A token must be one printable ASCII word: it travels in protocol lines and netrc. */
export function checkToken(token: string): void {
  if (token === '')
    throw new OnrampError({
      code: 'invalid-input',
      message: 'no token on stdin',
      hint: 'Pipe the token in: … | onramp token add HOST --stdin',
    });
  if (!/^[\x21-\x7e]+$/.test(token))
    throw new OnrampError({
      code: 'invalid-input',
      message: 'the token contains whitespace, a control character or non-ASCII text',
      hint: 'Paste exactly the token the host showed you (one line).',
    });
}

export function hostApiFor(env: Env, host: string, kind: HostKind, apiBase?: string): HostApi | undefined {
  if (kind === 'generic') return undefined;
  const base = (apiBase ?? defaultApiBase(kind, host) ?? '').replace(/\/+$/, '');
  return { kind, host, base, caFiles: apiCaFiles(env) };
}

/** `acme/lib`, `/acme/lib.git` or a module path on the host → the repo path git fetches. */
export function repoPathFor(host: string, repo?: string, module?: string): string | undefined {
  if (repo) return repo.replace(/^\/+/, '').replace(/\.git$/, '');
  if (!module) return undefined;
  const path = module.split('@')[0] as string;
  return path.startsWith(`${host}/`) ? path.slice(host.length + 1) : undefined;
}

export interface ApiCheck {
  info?: TokenInfo;
  problems: CredentialProblem[];
  via: string;
}

export async function checkWithApi(
  api: HostApi,
  token: string,
  now: Date,
  login?: string,
): Promise<ApiCheck> {
  const via = `GET ${api.base}${api.kind === 'gitlab' ? '/personal_access_tokens/self' : '/user'}`;
  const r = await introspectToken(api, token, login);
  if (!r.ok) return { problems: [{ severity: 'error', code: 'rejected', message: r.message }], via };
  return { info: r.info, problems: tokenProblems(api.kind, r.info, now), via };
}

export interface GitCheck {
  ok: boolean;
  via: string;
  /** redacted git output */
  output: string;
}

/** `git ls-remote https://host/repo.git`, credential from the helper for `override`. */
export async function checkWithGit(
  env: Env,
  repo: string,
  override: HelperOverride,
  secrets: string[],
): Promise<GitCheck> {
  const url = `https://${override.host}/${repo}.git`;
  const r = await runTool('git', ['ls-remote', '--heads', '--', url], {
    env: {
      ...baseToolEnv(env),
      ...helperGitEnv(env, override.host),
      [HELPER_OVERRIDE_ENV]: formatOverride(override),
    },
    timeoutMs: 60_000,
  });
  return {
    ok: r.code === 0 && !r.timedOut,
    via: `git ls-remote ${url}`,
    output: redactSecrets(r.stderr.trim().split('\n').slice(-3).join('\n'), secrets),
  };
}
