// What a host's API says about a token (who it belongs to, its scopes, when it expires), read
// from the documented answers, and what that means before Onramp stores it:
//   GitHub  GET /user: login; X-OAuth-Scopes (classic tokens only; fine-grained tokens send
//           none); github-authentication-token-expiration "YYYY-MM-DD HH:MM:SS UTC"
//           https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api
//   GitLab  GET /personal_access_tokens/self: scopes, expires_at (date), active, revoked;
//           GET /user: username  https://docs.gitlab.com/api/personal_access_tokens/
//   Gitea   GET /user: login (no scope or expiry introspection for a token)
//   Bitbucket GET /2.0/user: username; X-OAuth-Scopes when the host sends it
import { scopeNeeds, type HostKind } from './host-kinds';

export interface ApiAnswer {
  status: number;
  /** lower-case header names */
  headers: Record<string, string | undefined>;
  body: unknown;
}

export interface TokenInfo {
  login: string;
  /** undefined: the host does not tell (GitHub fine-grained tokens, Gitea) */
  scopes?: string[];
  /** ISO 8601; undefined with expiryKnown: never expires */
  expiresAt?: string;
  expiryKnown: boolean;
  tokenName?: string;
  tokenId?: string;
}

export interface CredentialProblem {
  severity: 'error' | 'warning' | 'info';
  code:
    | 'rejected'
    | 'missing-scope'
    | 'scopes-unknown'
    | 'expired'
    | 'expires-soon'
    | 'api-error'
    | 'wrong-account'
    | 'unverified';
  message: string;
  hint?: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const field = (body: unknown, key: string): unknown =>
  body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;

/** "2024-05-06 07:08:09 UTC" (GitHub) or "2024-05-06" (GitLab) → ISO; undefined when unreadable. */
export function parseExpiry(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?(?:\s*(UTC|Z|[+-]\d{2}:?\d{2}))?$/.exec(
    text.trim(),
  );
  if (!m?.[1]) return undefined;
  const zone = !m[3] || m[3] === 'UTC' || m[3] === 'Z' ? 'Z' : m[3];
  // A date alone (GitLab) means the token stops working at the start of that day (UTC).
  const d = new Date(`${m[1]}T${m[2] ?? '00:00:00'}${zone}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

const splitScopes = (h: string) =>
  h
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function githubTokenInfo(user: ApiAnswer): TokenInfo | undefined {
  const login = str(field(user.body, 'login'));
  if (user.status !== 200 || !login) return undefined;
  const scopes = user.headers['x-oauth-scopes'];
  const expires = user.headers['github-authentication-token-expiration'];
  return {
    login,
    scopes: scopes === undefined ? undefined : splitScopes(scopes),
    expiresAt: parseExpiry(expires),
    expiryKnown: true,
  };
}

export function gitlabTokenInfo(self: ApiAnswer, user: ApiAnswer): TokenInfo | undefined {
  const login = str(field(user.body, 'username'));
  if (self.status !== 200 || user.status !== 200 || !login) return undefined;
  const scopes = field(self.body, 'scopes');
  const id = field(self.body, 'id');
  const info: TokenInfo = {
    login,
    scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : undefined,
    expiresAt: parseExpiry(str(field(self.body, 'expires_at'))),
    expiryKnown: true,
  };
  const name = str(field(self.body, 'name'));
  if (name) info.tokenName = name;
  if (typeof id === 'number' || typeof id === 'string') info.tokenId = String(id);
  return info;
}

export function giteaTokenInfo(user: ApiAnswer): TokenInfo | undefined {
  const login = str(field(user.body, 'login'));
  return user.status === 200 && login ? { login, expiryKnown: false } : undefined;
}

export function bitbucketTokenInfo(user: ApiAnswer): TokenInfo | undefined {
  const login = str(field(user.body, 'username'));
  if (user.status !== 200 || !login) return undefined;
  const scopes = user.headers['x-oauth-scopes'];
  return { login, scopes: scopes === undefined ? undefined : splitScopes(scopes), expiryKnown: false };
}

const DAY = 24 * 3600 * 1000;

/** Expired, or expiring within `warnDays`: the warning comes ahead of time, not on failure. */
export function expiryProblem(
  expiresAt: string | undefined,
  now: Date,
  warnDays = 14,
): CredentialProblem | undefined {
  if (!expiresAt) return undefined;
  const left = new Date(expiresAt).getTime() - now.getTime();
  const day = expiresAt.slice(0, 10);
  if (left <= 0)
    return {
      severity: 'error',
      code: 'expired',
      message: `the token expired on ${day}`,
      hint: 'Create a new token and run `onramp rotate <host> --stdin`.',
    };
  if (left <= warnDays * DAY)
    return {
      severity: 'warning',
      code: 'expires-soon',
      message: `the token expires on ${day} (in ${Math.ceil(left / DAY)} days)`,
      hint: 'Rotate it before then: `onramp rotate <host> --stdin`.',
    };
  return undefined;
}

/** Missing scopes (required ones are errors: git would fail), expiry, unknowable scopes. */
export function tokenProblems(
  kind: HostKind,
  info: TokenInfo,
  now: Date,
  warnDays = 14,
): CredentialProblem[] {
  const out: CredentialProblem[] = [];
  const needs = scopeNeeds(kind);
  if (info.scopes === undefined) {
    if (needs.required.length > 0)
      out.push({
        severity: 'info',
        code: 'scopes-unknown',
        message:
          kind === 'github'
            ? 'a fine-grained token: GitHub does not list its permissions, so Onramp checks it with git instead'
            : 'the host does not list this token’s scopes; Onramp checks it with git instead',
        hint: kind === 'github' ? 'It needs Contents: read-only on the repositories go fetches.' : undefined,
      });
  } else {
    const have = new Set(info.scopes);
    for (const need of needs.required)
      if (!need.anyOf.some((s) => have.has(s)))
        out.push({
          severity: 'error',
          code: 'missing-scope',
          message: `the token lacks ${need.anyOf.join(' or ')}: ${need.why}`,
          hint: `Create a token with the ${need.anyOf[0]} scope.`,
        });
    for (const need of needs.advisory)
      if (!need.anyOf.some((s) => have.has(s)))
        out.push({
          severity: 'warning',
          code: 'missing-scope',
          message: `the token lacks ${need.anyOf.join(' or ')}: ${need.why}`,
          hint: `Add the ${need.anyOf[0]} scope if your modules live in subgroups.`,
        });
  }
  const exp = expiryProblem(info.expiresAt, now, warnDays);
  if (exp) out.push(exp);
  return out;
}
