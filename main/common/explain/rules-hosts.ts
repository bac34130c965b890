// What GitHub, GitLab, Gitea and Bitbucket print on `remote:` lines. Hosts word the same cause
// differently, and some wording points the wrong way (a private repository answers "not found").
import { findHost } from './extract';
import type { Rule } from './rule';

const hidesPrivate =
  'Hosts answer "not found" for a private repository when the credential is missing or cannot see it, so this may be an access problem rather than a wrong path.';

export const hostRules: Rule[] = [
  {
    name: 'github-password-removed',
    gate: ['Support for password authentication was removed'],
    re: /Support for password authentication was removed/,
    hit: (_m, line) => ({
      cause: 'auth-rejected',
      weight: 0.95,
      host: findHost(line) ?? 'github.com',
      note: 'GitHub no longer accepts account passwords over HTTPS; a personal access token is required.',
      fixes: ['use-token-not-password', 'replace-credential'],
    }),
  },
  {
    name: 'gitlab-basic-denied',
    gate: ['HTTP Basic: Access denied'],
    re: /HTTP Basic: Access denied/,
    hit: (_m, line) => ({
      cause: 'auth-rejected',
      weight: 0.9,
      host: findHost(line),
      note: 'GitLab rejected the user/token pair (with 2FA enabled, only a personal access token works).',
      fixes: ['replace-credential', 'use-token-not-password'],
    }),
  },
  {
    name: 'invalid-username-password',
    // GitHub since 2023: "Invalid username or token. Password authentication is not supported".
    gate: ['Invalid username or', 'Invalid credentials', 'stopped supporting account passwords'],
    re: /Invalid username or (?:password|token)|Invalid credentials|stopped supporting account passwords/,
    hit: (_m, line) => ({
      cause: 'auth-rejected',
      weight: 0.9,
      host: findHost(line),
      fixes: ['replace-credential', 'use-token-not-password'],
    }),
  },
  {
    name: 'remote-unauthorized',
    gate: ['Unauthorized'],
    re: /^\s*(?:remote: )?(?:Gitea: )?Unauthorized\s*$|remote: Unauthorized/,
    hit: (_m, line) => ({
      cause: 'auth-rejected',
      weight: 0.8,
      host: findHost(line),
      fixes: ['replace-credential'],
    }),
  },
  {
    name: 'saml-sso',
    gate: ['SAML'],
    re: /enabled or enforced SAML SSO|SAML enforcement|SAML single sign-on/,
    hit: (_m, line) => ({
      cause: 'forbidden',
      weight: 0.95,
      host: findHost(line) ?? 'github.com',
      note: "The organisation enforces SAML SSO; the token must be authorized for it before it can read the organisation's repositories.",
      fixes: ['authorize-sso'],
    }),
  },
  {
    name: 'write-access-not-granted',
    gate: ['Write access to repository not granted', 'Permission to '],
    re: /Write access to repository not granted|Permission to (\S+) denied to (\S+?)\.?$/,
    hit: (m, line) => ({
      cause: 'forbidden',
      weight: 0.85,
      host: findHost(line),
      facts: m[2] ? { user: m[2] } : undefined,
      note: m[2]
        ? `The host knows the credential (user ${m[2]}) but that account may not use the repository.`
        : 'The token authenticated but does not cover this repository (fine-grained token without the repository, or missing scope).',
      fixes: ['check-token-scope', 'request-repo-access'],
    }),
  },
  {
    name: 'gitlab-not-allowed',
    gate: ['You are not allowed to download code', 'not allowed to download'],
    re: /You are not allowed to download code from this project/,
    hit: (_m, line) => ({
      cause: 'forbidden',
      weight: 0.9,
      host: findHost(line),
      fixes: ['check-token-scope', 'request-repo-access'],
    }),
  },
  {
    name: 'azure-devops-not-found',
    gate: ['TF401019'],
    re: /TF401019: The Git repository with name or identifier (\S+) does not exist or you do not have permissions/,
    hit: (_m, line) => ({ cause: 'repo-not-found', weight: 0.75, host: findHost(line), note: hidesPrivate }),
  },
  {
    name: 'rate-limit-wording',
    gate: ['rate limit', 'rate-limited', 'Too Many Requests'],
    re: /secondary rate limit|API rate limit exceeded|rate-limited due to too many requests|429 Too Many Requests/,
    hit: (_m, line) => ({
      cause: 'rate-limited',
      weight: 0.9,
      host: findHost(line),
      fixes: ['authenticate-requests'],
    }),
  },
  {
    name: 'gitlab-project-not-found',
    gate: ['The project you were looking for could not be found'],
    re: /The project you were looking for could not be found/,
    hit: (_m, line) => ({
      cause: 'repo-not-found',
      weight: 0.75,
      host: findHost(line),
      note: `GitLab says this for a missing project and for one the credential cannot see. ${hidesPrivate}`,
    }),
  },
  {
    name: 'bitbucket-no-access',
    gate: ['You may not have access to this repository', 'does not exist, or you do not have permission'],
    re: /You may not have access to this repository or it no longer exists|does not exist, or you do not have permission/,
    hit: (_m, line) => ({ cause: 'repo-not-found', weight: 0.75, host: findHost(line), note: hidesPrivate }),
  },
  {
    name: 'remote-not-found',
    gate: ['remote: Not Found', 'ERROR: Repository not found'],
    re: /remote: Not Found|ERROR: Repository not found/,
    hit: (_m, line) => ({ cause: 'repo-not-found', weight: 0.8, host: findHost(line) }),
  },
];

export { hidesPrivate };
