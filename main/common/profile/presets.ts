// Built-in presets, usable with no profile at all: each asks for the few things only the person
// knows (the server URL, the org or group) and produces an ordinary version-1 profile text, so a
// preset goes through exactly the same validation, review and engine as a published profile.
// Public hosts' SSH fingerprints are the ones each service publishes (docs linked below); the
// engine only keeps a key that ssh-keyscan returns and that matches one of them.
import { OnrampError } from '../errors';
import { PROFILE_VERSION, type HostKind } from './schema';

export const presetNames = [
  'github',
  'github-enterprise',
  'gitlab',
  'gitlab-self-managed',
  'gitea',
  'bitbucket',
  'generic',
] as const;
export type PresetName = (typeof presetNames)[number];

export interface PresetAnswers {
  /** the server's web address (GitHub Enterprise, self-managed GitLab, Gitea, generic) */
  url?: string;
  /** org / group / workspace: the module path prefix under the host */
  org?: string;
  protocol?: 'https' | 'ssh';
  /** published SSH host key fingerprints of a self-hosted server (needed for ssh) */
  sshFingerprints?: string[];
  /** a module (module[@version]) to verify with */
  testModule?: string;
}

interface PresetDef {
  title: string;
  kind: HostKind;
  /** fixed web URL for SaaS hosts; undefined: asked */
  url?: string;
  apiPath?: string;
  fingerprints?: string[];
  tokenScopes: string[];
  tokenPath?: string;
  tokenLogin?: string;
  discoveryNeedsAuth?: boolean;
  explanation: string;
}

// https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/githubs-ssh-key-fingerprints
const githubFingerprints = [
  'SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU',
  'SHA256:p2QAMXNIC1TJYWeIOttrVc98/R1BUFWu3/LiyKgUfQM',
  'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s',
];
// https://docs.gitlab.com/ee/user/gitlab_com/#ssh-host-keys-fingerprints
const gitlabFingerprints = [
  'SHA256:eUXGGm1YGsMAS7vkcx6JOJdOGHPem5gQp4taiCfCLB8',
  'SHA256:HbW3g8zUjNSksFbqTiUWPWg2Bq1x8xdGUrliXFzSnUw',
  'SHA256:ROQFvPThGrW4RuWLoL9tq9I9zJ42fK4XywyRtbOz/EQ',
];
// https://support.atlassian.com/bitbucket-cloud/docs/configure-ssh-and-two-step-verification/
const bitbucketFingerprints = [
  'SHA256:ybgmFkzwOSotHTHLJgHO0QN8L0xErw6vd0VhFA9m3SM',
  'SHA256:FC73VB6C4OQLSCrjEayhMp9UMxS97caD/Yyi2bhW/J0',
  'SHA256:46OSHA1Rmj8E8ERTC6xkNcmGOw9oFxYr0WF6zWW8l1E',
];

const subgroupExplanation =
  'GitLab answers go’s ?go-get=1 discovery for a private project only to a signed-in request; ' +
  'anyone else gets the first two path elements (group/subgroup) as the repository, which is wrong for ' +
  'group/subgroup/project. So Onramp stores your token in ~/.netrc for the host, which go sends with ' +
  'its discovery request. The alternative is the .git qualifier in the module path ' +
  '(host/group/subgroup/project.git), which skips discovery but puts .git in every import path, and ' +
  'without credentials go 1.19 then falls back to git:// and fails.';

export const presets: Record<PresetName, PresetDef> = {
  github: {
    title: 'GitHub (github.com)',
    kind: 'github',
    url: 'https://github.com',
    fingerprints: githubFingerprints,
    tokenScopes: ['repo'],
    tokenPath: '/settings/tokens',
    explanation:
      'Private modules under github.com/<org>. Only that org becomes private: the rest of github.com keeps using the public proxy and checksum database.',
  },
  'github-enterprise': {
    title: 'GitHub Enterprise Server',
    kind: 'github-enterprise',
    apiPath: '/api/v3',
    tokenScopes: ['repo'],
    tokenPath: '/settings/tokens',
    explanation: 'Your GitHub Enterprise server: give its address with --url.',
  },
  gitlab: {
    title: 'GitLab.com',
    kind: 'gitlab',
    url: 'https://gitlab.com',
    apiPath: '/api/v4',
    fingerprints: gitlabFingerprints,
    tokenScopes: ['read_api', 'read_repository'],
    tokenPath: '/-/user_settings/personal_access_tokens',
    discoveryNeedsAuth: true,
    explanation: `Private modules under gitlab.com/<group>. ${subgroupExplanation}`,
  },
  'gitlab-self-managed': {
    title: 'Self-managed GitLab',
    kind: 'gitlab',
    apiPath: '/api/v4',
    tokenScopes: ['read_api', 'read_repository'],
    tokenPath: '/-/user_settings/personal_access_tokens',
    discoveryNeedsAuth: true,
    explanation: `Your GitLab server: give its address with --url. ${subgroupExplanation}`,
  },
  gitea: {
    title: 'Gitea / Forgejo',
    kind: 'gitea',
    apiPath: '/api/v1',
    tokenScopes: ['read:repository'],
    tokenPath: '/user/settings/applications',
    explanation:
      'Your Gitea or Forgejo server: give its address with --url; the token pairs with your user name.',
  },
  bitbucket: {
    title: 'Bitbucket Cloud',
    kind: 'bitbucket',
    url: 'https://bitbucket.org',
    fingerprints: bitbucketFingerprints,
    tokenScopes: ['repository:read'],
    explanation:
      'Private modules under bitbucket.org/<workspace>. Bitbucket needs your user name with an app password (or API token).',
  },
  generic: {
    title: 'Another self-hosted Git server',
    kind: 'generic',
    tokenScopes: [],
    explanation: 'Any Git server that answers ?go-get=1: give its address with --url.',
  },
};

function need(what: string, preset: PresetName): never {
  throw new OnrampError({
    code: 'usage',
    message: `the ${preset} preset needs ${what}`,
    hint: what.startsWith('--url') ? 'e.g. --url https://git.example.com' : 'e.g. --org my-team',
  });
}

/** A version-1 profile for a preset, as JSON text (validated by the caller like any profile). */
export function presetProfileText(name: PresetName, a: PresetAnswers): string {
  const def = presets[name];
  const url = (def.url ?? a.url ?? need('--url <https address of the server>', name)).replace(/\/+$/, '');
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new OnrampError({ code: 'invalid-input', message: `--url ${JSON.stringify(url)} is not a URL` });
  }
  const saas = def.url !== undefined;
  const org = a.org?.replace(/^\/+|\/+$/g, '');
  if (saas && !org) need('--org <org, group or workspace>', name);
  const protocol = a.protocol ?? 'https';
  const fingerprints = def.fingerprints ?? a.sshFingerprints;
  if (protocol === 'ssh' && !fingerprints?.length)
    throw new OnrampError({
      code: 'usage',
      message: `ssh for ${host} needs its published host key fingerprints`,
      hint: 'Ask your admin for them and pass --ssh-fingerprint SHA256:… (Onramp never trusts a host key on first use).',
    });
  const [module, version] = (a.testModule ?? '').split('@');
  const profile = {
    version: PROFILE_VERSION,
    id: `preset-${name}`,
    name: org ? `${def.title}: ${org}` : def.title,
    description: def.explanation,
    hosts: [
      {
        kind: def.kind,
        webUrl: url,
        ...(def.apiPath
          ? { apiUrl: name === 'github' ? 'https://api.github.com' : `${url}${def.apiPath}` }
          : {}),
        protocol,
        ...(fingerprints?.length ? { ssh: { host, user: 'git', fingerprints } } : {}),
        ...(def.discoveryNeedsAuth ? { discoveryNeedsAuth: true } : {}),
        token: {
          ...(def.tokenLogin ? { login: def.tokenLogin } : {}),
          ...(def.tokenScopes.length ? { scopes: def.tokenScopes } : {}),
          ...(def.tokenPath ? { createUrl: `${url}${def.tokenPath}` } : {}),
        },
      },
    ],
    modules: { private: [org ? `${host}/${org}` : host] },
    publicMirror: 'proxy.golang.org',
    sumdb: 'sum.golang.org',
    testModules: module ? [{ module, ...(version ? { version } : {}) }] : [],
  };
  return `${JSON.stringify(profile, null, 2)}\n`;
}
