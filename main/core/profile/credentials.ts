// Tokens from --token-stdin, and the NO-KEYCHAIN fallback of onboarding's credential step: one
// managed ~/.netrc entry per host that needs the developer's token (git over HTTPS, go's
// discovery on GitLab subgroups, an authenticated GOPROXY), written in the one-line form Go's
// parser reads.
//
// With a keychain, onboarding goes through the credentials service instead
// (keychain-credentials.ts: Onramp's git credential helper, netrc only where go itself needs it);
// this file is used only when there is none, and the plan notes say so.
import { OnrampError } from '../../common/errors';
import type { FileEditStep } from '../../common/plan';
import {
  goLookup,
  goNetrcEntries,
  parseNetrc,
  setNetrcMachine,
  validateNetrcToken,
} from '../../common/netrc';
import type { NetrcNeed } from '../../common/profile/settings';
import { pathsOf, type Env } from '../paths';
import { readTextIfExists } from '../requests/read-text';

export interface CredentialInput {
  /** the token for every host that needs one (unless `perHost` has its own) */
  token?: string;
  perHost?: Readonly<Record<string, string>>;
  /** user name to pair with the token when the profile does not name one */
  login?: string;
}

export interface CredentialPlan {
  step?: FileEditStep;
  done: string[];
  todo: string[];
  /** inputs still missing (no token, no login) */
  needs: string[];
  secrets: string[];
}

/** Stands in for a token in a plan made before the token is known; never written. */
export const TOKEN_PLACEHOLDER = 'TOKEN-FROM-STDIN';

/**
 * Parses what `--token-stdin` read: one line with a token (used for every host), and/or
 * `host token` lines for hosts that need different ones.
 */
export function parseTokenInput(text: string): Pick<CredentialInput, 'token' | 'perHost'> {
  const perHost: Record<string, string> = {};
  let token: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const fields = line.split(/\s+/);
    if (fields.length === 1) {
      if (token !== undefined)
        throw new OnrampError({
          code: 'usage',
          message: 'stdin holds more than one bare token',
          hint: 'Use "host token" lines for hosts that need different tokens.',
        });
      token = fields[0];
    } else if (fields.length === 2) perHost[fields[0] as string] = fields[1] as string;
    else throw new OnrampError({ code: 'usage', message: 'a stdin line must be "token" or "host token"' });
  }
  for (const t of [token, ...Object.values(perHost)]) if (t !== undefined) validateNetrcToken('password', t);
  return { ...(token !== undefined ? { token } : {}), perHost };
}

export function netrcCredentialStep(
  env: Env,
  needs: readonly NetrcNeed[],
  input: CredentialInput,
  placeholders: boolean,
): CredentialPlan {
  const out: CredentialPlan = { done: [], todo: [], needs: [], secrets: [] };
  if (needs.length === 0) return out;
  const file = pathsOf(env).netrc;
  const before = readTextIfExists(file);
  let text = before;
  for (const need of needs) {
    const current = goLookup(goNetrcEntries(text), need.host);
    const given = input.perHost?.[need.host] ?? input.token;
    const login = need.login ?? input.login ?? current?.login;
    if (
      current?.password &&
      (given === undefined || (given === current.password && login === current.login))
    ) {
      // An entry go will use is there. Whether it is still valid needs an active check (issue 4);
      // the verification at the end of onboarding is that check for now.
      out.done.push(`~/.netrc has a credential for ${need.host} (login ${current.login ?? '?'})`);
      continue;
    }
    const token = given ?? (placeholders ? TOKEN_PLACEHOLDER : undefined);
    if (token === undefined || login === undefined) {
      const scopes = need.tokenScopes?.length ? ` with scopes ${need.tokenScopes.join(', ')}` : '';
      const where = need.tokenCreateUrl ? ` (create one at ${need.tokenCreateUrl})` : '';
      if (token === undefined)
        out.needs.push(
          `a token for ${need.host}${scopes}${where}: ${need.why}; pass it on stdin with --token-stdin`,
        );
      if (login === undefined) out.needs.push(`the user name for ${need.host}: pass --login`);
      continue;
    }
    text = setNetrcMachine(parseNetrc(text, file), { host: need.host, login, password: token }).text;
    if (token !== TOKEN_PLACEHOLDER) out.secrets.push(token);
    out.todo.push(
      `~/.netrc: ${current ? 'replace' : 'add'} the credential for ${need.host} (login ${login}): ${need.why}`,
    );
  }
  if (text !== before)
    out.step = {
      kind: 'file-edit',
      file,
      content: text,
      mode: 0o600,
      secrets: [...out.secrets, TOKEN_PLACEHOLDER],
    };
  return out;
}
