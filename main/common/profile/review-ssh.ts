// Security review of the ssh options a profile would put in ~/.ssh/config. ssh runs some
// options as commands (ProxyCommand, LocalCommand, KnownHostsCommand), some turn off the one
// check that tells you the server is the real one (StrictHostKeyChecking no,
// UserKnownHostsFile /dev/null), and ForwardAgent hands the server the use of your keys.
import { canonicalSshKeyword } from '../ssh-config';
import type { SshHostSetting } from './settings';
import type { ReviewItem } from './review-types';

type Item = Omit<ReviewItem, 'line'>;

const runsCommand = [
  'proxycommand',
  'localcommand',
  'knownhostscommand',
  'remotecommand',
  'permitlocalcommand',
];
const harmless = [
  'user',
  'port',
  'identityfile',
  'identitiesonly',
  'connecttimeout',
  'serveraliveinterval',
  'serveralivecountmax',
  'tcpkeepalive',
  'addkeystoagent',
  'compression',
  'loglevel',
  'preferredauthentications',
  'pubkeyauthentication',
  'passwordauthentication',
  'batchmode',
  'hashknownhosts',
  'usekeychain',
  'connectionattempts',
];
const weakensCrypto = [
  'ciphers',
  'macs',
  'kexalgorithms',
  'hostkeyalgorithms',
  'pubkeyacceptedalgorithms',
  'pubkeyacceptedkeytypes',
];
const isYes = (v: string) => ['yes', 'true', 'on'].includes(v.trim().toLowerCase());

function optionItem(
  host: string,
  key: string,
  value: string,
  pointer: string,
  owned: readonly string[],
): Item | undefined {
  const kw = key.toLowerCase();
  const name = canonicalSshKeyword(key) ?? key;
  const base = { setting: `Host ${host}: ${name} ${value}`, pointer };
  const id = (kind: string) => `${kind}:${host}:${name}`;
  if (runsCommand.includes(kw)) {
    if (kw === 'permitlocalcommand' && !isYes(value)) return undefined;
    return {
      ...base,
      id: id('ssh-runs-command'),
      level: 'danger',
      title: `${name} makes ssh run a command for ${host}`,
      explanation: `ssh would run "${value}" on this machine whenever git or go connects to ${host}.`,
    };
  }
  if (kw === 'stricthostkeychecking') {
    const v = value.trim().toLowerCase();
    if (['no', 'off', 'false'].includes(v))
      return {
        ...base,
        id: id('ssh-hostkey-off'),
        level: 'danger',
        title: `host key checking off for ${host}`,
        explanation:
          'ssh would connect to whatever server answers, so an impostor could serve you altered code.',
      };
    if (v === 'accept-new')
      return {
        ...base,
        id: id('ssh-hostkey-tofu'),
        level: 'warning',
        title: `ssh trusts the first key it sees for ${host}`,
        explanation: 'The profile already publishes the real key; accepting an unknown one defeats that pin.',
      };
    return undefined;
  }
  if (kw === 'userknownhostsfile' || kw === 'globalknownhostsfile') {
    const devNull = value.split(/\s+/).includes('/dev/null');
    return {
      ...base,
      id: id(devNull ? 'ssh-hostkey-off' : 'ssh-known-hosts-file'),
      level: devNull ? 'danger' : 'warning',
      title: devNull ? `known host keys discarded for ${host}` : `a different known_hosts file for ${host}`,
      explanation: devNull
        ? 'ssh would forget every host key, so it could never notice an impostor.'
        : 'ssh would check host keys against another file, which decides who is trusted.',
    };
  }
  if (kw === 'forwardagent' || kw === 'forwardx11' || kw === 'forwardx11trusted') {
    if (!isYes(value)) return undefined;
    return {
      ...base,
      id: id('ssh-forwarding'),
      level: 'danger',
      title: `${name} yes for ${host}`,
      explanation: `The server at ${host} could use your ssh keys (or your display) for as long as you are connected.`,
    };
  }
  if (kw === 'hostname' || kw === 'proxyjump' || kw === 'hostkeyalias') {
    const targets = value.split(',').map((t) => t.replace(/^.*@/, '').replace(/:\d+$/, '').toLowerCase());
    const foreign = targets.filter((t) => t !== 'none' && !owned.includes(t));
    return {
      ...base,
      id: id('ssh-redirect'),
      level: foreign.length > 0 ? 'danger' : 'warning',
      title: `${name} ${value} for ${host}`,
      explanation:
        foreign.length > 0
          ? `ssh connections to ${host} would go through or to ${foreign.join(', ')}, a host the profile does not declare.`
          : `ssh connections to ${host} would be routed via ${value}.`,
    };
  }
  if (kw === 'match' || kw === 'host' || kw === 'include')
    return {
      ...base,
      id: id('ssh-block'),
      level: 'danger',
      title: `${name} inside a host block`,
      explanation:
        'A managed block holds options only; Match exec runs commands and Include reads other files.',
    };
  if (harmless.includes(kw)) return undefined;
  return {
    ...base,
    id: id('ssh-option'),
    level: 'warning',
    title: `${name} ${value} for ${host}`,
    explanation: weakensCrypto.includes(kw)
      ? 'Changes which algorithms ssh accepts; it can allow weaker cryptography than the default.'
      : 'Onramp does not know what this option does for private modules.',
  };
}

export function reviewSsh(settings: readonly SshHostSetting[], owned: readonly string[]): Item[] {
  const out: Item[] = [];
  for (const s of settings) {
    if (!owned.includes(s.host))
      out.push({
        id: `ssh-foreign-host:${s.host}`,
        level: 'danger',
        title: `ssh settings for ${s.host}, a host the profile does not declare`,
        explanation: `The profile would change how ssh connects to ${s.host} for everything on this machine, not only its own hosts.`,
        setting: `Host ${s.host}`,
        pointer: s.pointer,
      });
    for (const o of s.options) {
      const item = optionItem(s.host, o.key, o.value, o.pointer, owned);
      if (item) out.push(item);
    }
  }
  return out;
}
