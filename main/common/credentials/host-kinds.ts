// What Onramp knows about a code host by its kind: where its API lives, which scopes a token
// needs for `go mod download`, where a person manages tokens and keys, whether SSH also answers
// on port 443, and the host keys it publishes. A self-hosted GitHub Enterprise, GitLab or Gitea
// is named with --kind (and --api when the API is not at the default path).

export const hostKinds = ['github', 'gitlab', 'gitea', 'bitbucket', 'generic'] as const;
export type HostKind = (typeof hostKinds)[number];

export function isHostKind(s: string): s is HostKind {
  return (hostKinds as readonly string[]).includes(s);
}

/** The kind of a well-known public host; 'generic' for anything else (no API calls). */
export function detectHostKind(host: string): HostKind {
  const h = host.toLowerCase();
  if (h === 'github.com') return 'github';
  if (h === 'gitlab.com') return 'gitlab';
  if (h === 'bitbucket.org') return 'bitbucket';
  if (h === 'gitea.com' || h === 'codeberg.org') return 'gitea';
  return 'generic';
}

/** The API base for a kind on a host (GitHub Enterprise: /api/v3; GitLab: /api/v4; Gitea: /api/v1). */
export function defaultApiBase(kind: HostKind, host: string): string | undefined {
  switch (kind) {
    case 'github':
      return host === 'github.com' ? 'https://api.github.com' : `https://${host}/api/v3`;
    case 'gitlab':
      return `https://${host}/api/v4`;
    case 'gitea':
      return `https://${host}/api/v1`;
    case 'bitbucket':
      return 'https://api.bitbucket.org/2.0';
    default:
      return undefined;
  }
}

/**
 * Scopes a token needs. `required`: git over HTTPS cannot read private repos without one of
 * each group. `advisory`: go or Onramp features need them (GitLab answers go-get=1 for nested
 * subgroups with the real root only to a token with read_api; without it go sees a truncated
 * root: https://docs.gitlab.com/user/project/use_project_as_go_package/).
 */
export interface ScopeNeeds {
  required: { anyOf: string[]; why: string }[];
  advisory: { anyOf: string[]; why: string }[];
}

export function scopeNeeds(kind: HostKind): ScopeNeeds {
  switch (kind) {
    case 'github':
      return {
        required: [{ anyOf: ['repo'], why: 'git needs it to read private repositories' }],
        advisory: [],
      };
    case 'gitlab':
      return {
        required: [{ anyOf: ['read_repository', 'write_repository', 'api'], why: 'git needs it to fetch' }],
        advisory: [
          {
            anyOf: ['read_api', 'api'],
            why: 'go-get=1 discovery of modules in subgroups answers the full path only with it',
          },
        ],
      };
    case 'gitea':
      return {
        required: [{ anyOf: ['read:repository', 'write:repository', 'all'], why: 'git needs it to fetch' }],
        advisory: [],
      };
    case 'bitbucket':
      return {
        required: [
          { anyOf: ['repository', 'repository:write', 'repository:admin'], why: 'git needs it to fetch' },
        ],
        advisory: [],
      };
    default:
      return { required: [], advisory: [] };
  }
}

/** Where a person creates or revokes a token by hand. */
export function tokenSettingsUrl(kind: HostKind, host: string): string | undefined {
  switch (kind) {
    case 'github':
      return `https://${host}/settings/tokens`;
    case 'gitlab':
      return `https://${host}/-/user_settings/personal_access_tokens`;
    case 'gitea':
      return `https://${host}/user/settings/applications`;
    case 'bitbucket':
      return 'https://bitbucket.org/account/settings/app-passwords/';
    default:
      return undefined;
  }
}

/** Where a person adds an SSH key by hand. */
export function sshKeySettingsUrl(kind: HostKind, host: string): string | undefined {
  switch (kind) {
    case 'github':
      return `https://${host}/settings/keys`;
    case 'gitlab':
      return `https://${host}/-/user_settings/ssh_keys`;
    case 'gitea':
      return `https://${host}/user/settings/keys`;
    case 'bitbucket':
      return 'https://bitbucket.org/account/settings/ssh-keys/';
    default:
      return undefined;
  }
}

/**
 * SSH on port 443 for networks that block 22 (documented by each host:
 * https://docs.github.com/en/authentication/troubleshooting-ssh/using-ssh-over-the-https-port,
 * https://about.gitlab.com/blog/2016/02/18/gitlab-dot-com-now-supports-an-alternate-git-plus-ssh-port/,
 * https://support.atlassian.com/bitbucket-cloud/docs/troubleshoot-ssh-issues/).
 */
export function sshOver443(host: string): { hostName: string; port: 443 } | undefined {
  const h = host.toLowerCase();
  if (h === 'github.com') return { hostName: 'ssh.github.com', port: 443 };
  if (h === 'gitlab.com') return { hostName: 'altssh.gitlab.com', port: 443 };
  if (h === 'bitbucket.org') return { hostName: 'altssh.bitbucket.org', port: 443 };
  return undefined;
}

/**
 * Host key fingerprints the hosts publish (SHA256, as ssh-keygen -l prints them):
 * https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/githubs-ssh-key-fingerprints
 * https://docs.gitlab.com/user/gitlab_com/#ssh-host-keys-fingerprints
 * https://bitbucket.org/site/ssh (ed25519/ecdsa since 2023-05-15)
 * ssh.github.com:443 serves github.com's keys.
 */
export const publishedHostKeys: Record<string, string[]> = {
  'github.com': [
    'SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU',
    'SHA256:p2QAMXNIC1TJYWeIOttrVc98/R1BUFWu3/LiyKgUfQM',
    'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s',
  ],
  'gitlab.com': [
    'SHA256:eUXGGm1YGsMAS7vkcx6JOJdOGHPem5gQp4taiCfCLB8',
    'SHA256:HbW3g8zUjNSksFbqTiUWPWg2Bq1x8xdGUrliXFzSnUw',
    'SHA256:ROQFvPThGrW4RuWLoL9tq9I9zJ42fK4XywyRtbOz/EQ',
  ],
  'bitbucket.org': [
    'SHA256:ybgmFkzwOSotHTHLJgHO0QN8L0xErw6vd0VhFA9m3SM',
    'SHA256:FC73VB6C4OQLSCrjEayhMp9UMxS97caD/Yyi2bhW/J0',
  ],
};
publishedHostKeys['ssh.github.com'] = publishedHostKeys['github.com'] ?? [];
