// Security review of the git config a profile would write to ~/.gitconfig. git runs many of
// its settings as commands (core.sshCommand, core.fsmonitor, hooks, credential helpers,
// filters…), so a profile that sets one runs code on every git operation in every repository;
// url.*.insteadOf silently sends fetches for one host to another. Keys Onramp does not know
// are shown as warnings: git config has hundreds of keys, and an unknown one needs a human.
import { shellQuote } from '../plan';
import { gitUrlHost } from './review-scope';
import type { GitSetting } from './settings';
import type { ReviewItem } from './review-types';

type Item = Omit<ReviewItem, 'line'>;

/** Keys (lower-case, `*` = any subsection) whose value git runs as a program or shell command. */
const commandKeys = [
  'core.sshcommand',
  'core.fsmonitor',
  'core.hookspath',
  'core.gitproxy',
  'core.pager',
  'core.editor',
  'core.askpass',
  'sequence.editor',
  'diff.external',
  'diff.*.command',
  'diff.*.textconv',
  'merge.*.driver',
  'filter.*.clean',
  'filter.*.smudge',
  'filter.*.process',
  'difftool.*.cmd',
  'mergetool.*.cmd',
  'gpg.program',
  'gpg.*.program',
  'uploadpack.packobjectshook',
  'remote.*.uploadpack',
  'remote.*.receivepack',
  'pager.*',
  'browser.*.cmd',
  'man.*.cmd',
  'web.browser',
  'include.path',
  'includeif.*.path',
  'ssh.variant',
];

/** Keys that are part of what private modules need and have no risk of their own. */
const harmless = [
  'user.name',
  'user.email',
  'credential.*.username',
  'credential.*.usehttppath',
  'credential.usehttppath',
];

function splitKey(key: string): { section: string; sub?: string; name: string } {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  const section = key.slice(0, first).toLowerCase();
  const name = key.slice(last + 1).toLowerCase();
  return first === last ? { section, name } : { section, sub: key.slice(first + 1, last), name };
}

function keyMatches(key: string, pattern: string): boolean {
  const k = splitKey(key);
  const parts = pattern.split('.');
  if (parts.length === 2) return k.sub === undefined && `${k.section}.${k.name}` === pattern;
  if (parts.length === 3 && parts[1] === '*')
    return k.sub !== undefined && k.section === parts[0] && k.name === parts[2];
  return false;
}

const matchesAny = (key: string, patterns: readonly string[]) =>
  patterns.some(
    (p) => keyMatches(key, p) || (p.endsWith('.*') && key.toLowerCase().startsWith(p.slice(0, -1))),
  );

function urlScopeHost(sub: string | undefined): string | undefined {
  return sub === undefined ? undefined : gitUrlHost(sub);
}

export function reviewGitSetting(s: GitSetting, owned: readonly string[], caDir: string): Item[] {
  const k = splitKey(s.key);
  const base = { setting: `git config --global ${s.key} ${shellQuote(s.value)}`, pointer: s.pointer };
  const lowerValue = s.value.trim().toLowerCase();
  if (k.section === 'url' && (k.name === 'insteadof' || k.name === 'pushinsteadof')) {
    const from = gitUrlHost(s.value);
    const to = gitUrlHost(k.sub ?? '');
    const foreign = [from, to].filter((h) => h === undefined || !owned.includes(h));
    if (foreign.length === 0) return [];
    return [
      {
        ...base,
        id: `git-insteadof-foreign:${s.key}`,
        level: 'danger',
        title: `git would rewrite ${s.value} to ${k.sub ?? '?'}`,
        explanation: `Every git fetch of a URL starting with ${s.value} would go to ${k.sub ?? '?'} instead. ${foreign.map((h) => h ?? 'an unparseable URL').join(' and ')} ${foreign.length > 1 ? 'are' : 'is'} not a host this profile declares, so code you think comes from one place would come from another.`,
      },
    ];
  }
  if (k.section === 'credential' && k.name === 'helper') {
    const shell = s.value.trim().startsWith('!') || s.value.includes('/');
    return [
      {
        ...base,
        id: `git-credential-helper:${s.key}`,
        level: shell ? 'danger' : 'warning',
        title: `a git credential helper: ${s.value}`,
        explanation: shell
          ? 'git would run this command to get your passwords, and hand it every credential it stores.'
          : `git would run the program git-credential-${s.value.split(/\s/)[0] ?? ''} and hand it your credentials.`,
      },
    ];
  }
  if (matchesAny(s.key, commandKeys) || (k.section === 'alias' && s.value.trim().startsWith('!')))
    return [
      {
        ...base,
        id: `git-runs-command:${s.key}`,
        level: 'danger',
        title: `${s.key} makes git run a command`,
        explanation: `git runs or loads what this setting names (${s.value}) during ordinary operations, in every repository on this machine: whoever wrote the profile would choose code that runs as you.`,
      },
    ];
  if (k.section === 'protocol' && k.name === 'allow')
    return [
      {
        ...base,
        id: `git-protocol-allow:${s.key}`,
        level: lowerValue === 'never' ? 'warning' : 'danger',
        title: `${s.key}=${s.value}`,
        explanation:
          'Changes which transports git may use. Some (ext::, file://) run commands or read local files when a repository or submodule URL asks for them.',
      },
    ];
  if (k.section === 'http') {
    const scope = urlScopeHost(k.sub);
    const ownScope = scope !== undefined && owned.includes(scope);
    if (k.name === 'sslverify' && ['false', 'no', 'off', '0'].includes(lowerValue))
      return [
        {
          ...base,
          id: `git-ssl-verify-off:${s.key}`,
          level: 'danger',
          title: 'git would stop checking HTTPS certificates',
          explanation: `${scope ? `For ${scope}` : 'For every host'}, anyone on the network could pose as the server, read your credentials and change the code you fetch.`,
        },
      ];
    if (k.name === 'sslcainfo' || k.name === 'sslcapath') {
      if (ownScope && s.value.startsWith(`${caDir}/`)) return [];
      return [
        {
          ...base,
          id: `git-ca-file:${s.key}`,
          level: ownScope ? 'warning' : 'danger',
          title: `git would trust certificates from ${s.value}`,
          explanation: ownScope
            ? `git would trust that file's authorities for ${scope}.`
            : 'git would replace its trusted authorities for hosts beyond the profile’s own with that file.',
        },
      ];
    }
    if (k.name === 'extraheader')
      return [
        {
          ...base,
          id: `git-extra-header:${s.key}`,
          level: ownScope ? 'warning' : 'danger',
          title: `git would send an extra header${scope ? ` to ${scope}` : ' to every host'}`,
          explanation:
            'Headers usually carry credentials; stored here they sit in plain text in ~/.gitconfig and go to every matching request.',
        },
      ];
    if (k.name === 'proxy')
      return [
        {
          ...base,
          id: `git-http-proxy:${s.key}`,
          level: 'warning',
          title: `git would send HTTPS through ${s.value}`,
          explanation: 'That proxy would see which hosts you fetch from.',
        },
      ];
  }
  if (matchesAny(s.key, harmless)) return [];
  return [
    {
      ...base,
      id: `git-setting:${s.key}`,
      level: 'warning',
      title: `git setting ${s.key}`,
      explanation:
        'Onramp does not know what this setting does; it would apply to every repository on this machine.',
    },
  ];
}

export function reviewGit(settings: readonly GitSetting[], owned: readonly string[], caDir: string): Item[] {
  return settings.flatMap((s) => reviewGitSetting(s, owned, caDir));
}
