// OpenSSH client messages. go runs ssh with BatchMode=yes, so anything that would prompt (an
// unknown host key, a passphrase, a PIN) becomes a failure.
import { findHost } from './extract';
import type { Rule } from './rule';

export const sshRules: Rule[] = [
  {
    name: 'publickey-denied',
    gate: ['Permission denied (publickey', 'Permission denied (password,publickey'],
    re: /(?:(\S+)@(\S+?): )?Permission denied \(([^)]*publickey[^)]*)\)/,
    hit: (m) => ({
      cause: 'ssh-publickey-denied',
      weight: 0.85,
      host: m[2]?.toLowerCase(),
      fixes: ['add-ssh-key', 'set-ssh-identity', 'load-key-into-agent'],
    }),
  },
  {
    name: 'too-many-auth-failures',
    gate: ['Too many authentication failures'],
    re: /Too many authentication failures/,
    hit: (_m, line) => ({
      cause: 'ssh-publickey-denied',
      weight: 0.85,
      host: findHost(line),
      note: 'ssh offered several keys (agent and defaults) and the server gave up before the right one; pin the key for the host.',
      fixes: ['set-ssh-identity'],
    }),
  },
  {
    name: 'host-key-changed',
    gate: ['HOST IDENTIFICATION HAS CHANGED', 'POSSIBLE DNS SPOOFING'],
    re: /REMOTE HOST IDENTIFICATION HAS CHANGED|POSSIBLE DNS SPOOFING DETECTED/,
    hit: () => ({
      cause: 'ssh-host-key-unknown',
      weight: 0.95,
      facts: { changed: 'yes' },
      note: 'The server presented a different host key than known_hosts pins. Verify the new key with the host (GitHub rotated its RSA key in March 2023) before replacing it.',
      fixes: ['pin-host-key'],
    }),
  },
  {
    name: 'host-key-unknown',
    gate: [
      'Host key verification failed',
      'host key is known for',
      "can't be established",
      'has changed and you have requested strict checking',
    ],
    re: /Host key verification failed|No \S+ host key is known for (\S+)|The authenticity of host '([^']+)' can't be established|[Hh]ost key for (\S+) has changed/,
    hit: (m, line) => ({
      cause: 'ssh-host-key-unknown',
      weight: m[0].startsWith('The authenticity') ? 0.6 : 0.9,
      host: (m[1] ?? m[2] ?? m[3])?.replace(/^\[([^\]]+)\].*$/, '$1').toLowerCase() ?? findHost(line),
      fixes: ['pin-host-key'],
    }),
  },
  {
    name: 'unprotected-key',
    gate: ['UNPROTECTED PRIVATE KEY FILE', 'are too open', 'bad permissions'],
    re: /UNPROTECTED PRIVATE KEY FILE|Permissions (\d+) for '([^']+)' are too open|Load key "([^"]+)": bad permissions/,
    hit: (m) => ({
      cause: 'ssh-key-permissions',
      weight: 0.95,
      facts: m[2] || m[3] ? { keyFile: m[2] ?? m[3] ?? '' } : undefined,
      fixes: ['chmod-key-600'],
    }),
  },
  {
    name: 'agent-problem',
    gate: [
      'authentication agent',
      'agent refused operation',
      'signing failed',
      'Agent admitted failure',
      'Error connecting to agent',
      'incorrect passphrase',
      "can't open /dev/tty",
      'Enter passphrase for key',
    ],
    re: /Could not open a connection to your authentication agent|Error connecting to agent|agent refused operation|sign_and_send_pubkey: signing failed|Agent admitted failure to sign|incorrect passphrase supplied|read_passphrase: can't open \/dev\/tty|Enter passphrase for key/,
    hit: (m) => ({
      cause: 'ssh-agent-problem',
      weight: 0.9,
      note: /passphrase|tty/.test(m[0])
        ? 'The key is protected by a passphrase and go cannot ask for it; load it into ssh-agent first.'
        : 'ssh could not use the agent (not running, not reachable from this shell, or it refused to sign — a locked key or a hardware key waiting for a touch/PIN).',
      fixes: ['load-key-into-agent'],
    }),
  },
  {
    name: 'server-accepts-key',
    gate: ['Server accepts key'],
    re: /Server accepts key: (\S+)/,
    // In `ssh -v`, an accepted key followed by "Permission denied" means the private key could
    // not be used: a passphrase or PIN that BatchMode cannot ask for.
    hit: (m) => ({
      cause: 'ssh-agent-problem',
      weight: 0.55,
      facts: { keyFile: m[1] ?? '' },
      fixes: ['load-key-into-agent'],
    }),
  },
  {
    name: 'ssh-connect',
    gate: ['connect to host', 'banner exchange', 'kex_exchange_identification'],
    re: /ssh: connect to host (\S+) port (\d+): (.*)$|banner exchange: Connection to (\S+) port (\d+): (.*)$|kex_exchange_identification: (.*)$/,
    hit: (m) => {
      const h = (m[1] ?? m[4])?.toLowerCase();
      const port = m[2] ?? m[5] ?? '22';
      const reason = (m[3] ?? m[6] ?? m[7] ?? '').toLowerCase();
      const facts = { port };
      if (reason.includes('refused')) return { cause: 'connection-refused', weight: 0.8, host: h, facts };
      if (reason.includes('could not resolve') || reason.includes('name or service'))
        return { cause: 'dns-failure', weight: 0.85, host: h, facts };
      if (reason.includes('network is unreachable') || reason.includes('no route'))
        return {
          cause: 'timeout',
          weight: 0.55,
          host: h,
          facts,
          alternatives: [{ id: 'ssh-port-blocked', weight: 0.4 }],
        };
      if (
        reason.includes('timed out') ||
        reason.includes('reset by peer') ||
        reason.includes('closed by remote')
      )
        return {
          cause: 'ssh-port-blocked',
          weight: m[1] ? 0.85 : 0.7,
          host: h,
          facts,
          note: `Connections to port ${port} are dropped (firewall, proxy or VPN); HTTPS or SSH over port 443 usually gets through.`,
          fixes: ['ssh-over-443'],
        };
      return null;
    },
  },
  {
    name: 'ssh-resolve-hostname',
    gate: ['Could not resolve hostname'],
    re: /ssh: Could not resolve hostname ([^\s:]+(?::[^\s:]+)?):/,
    hit: (m) => {
      const h = (m[1] ?? '').toLowerCase();
      // "host:org" as a host name is the tell of an insteadOf rule like "ssh://git@host:".
      if (h.includes(':') || h.includes('/'))
        return {
          cause: 'insteadof-malformed',
          weight: 0.9,
          host: h.split(':')[0],
          facts: { hostname: h },
          note: `ssh was asked to resolve "${h}": a url.insteadOf rule produced an ssh:// URL with a colon after the host.`,
          fixes: ['fix-insteadof'],
        };
      return { cause: 'dns-failure', weight: 0.9, host: h };
    },
  },
  {
    name: 'ssh-bad-port',
    gate: ['Bad port', 'bad port'],
    re: /ssh: Bad port '([^']*)'|strange hostname|invalid port/,
    hit: () => ({ cause: 'insteadof-malformed', weight: 0.8, fixes: ['fix-insteadof'] }),
  },
];
