// git's own HTTP(S) transport messages (git 2.x with curl or GnuTLS).
import { findHost } from './extract';
import type { Rule, RuleHit } from './rule';

const host = (line: string) => findHost(line);

function fromHttpStatus(code: number, line: string): RuleHit | null {
  const h = host(line);
  const facts = { status: String(code) };
  if (code === 401) return { cause: 'auth-rejected', weight: 0.8, host: h, facts };
  if (code === 403) return { cause: 'forbidden', weight: 0.8, host: h, facts };
  if (code === 404) return { cause: 'repo-not-found', weight: 0.75, host: h, facts };
  if (code === 407) return { cause: 'http-proxy-misconfig', weight: 0.9, host: h, facts };
  if (code === 429)
    return { cause: 'rate-limited', weight: 0.9, host: h, facts, fixes: ['authenticate-requests'] };
  if (code >= 500)
    return { cause: 'other', weight: 0.35, host: h, facts, note: `The server answered HTTP ${code}.` };
  return null;
}

export const gitRules: Rule[] = [
  {
    name: 'terminal-prompts-disabled',
    gate: ['could not read Username', 'could not read Password', 'Cannot prompt because'],
    re: /could not read (?:Username|Password) for '([^']+)'|Cannot prompt because/,
    hit: (m, line) => ({
      cause: 'https-no-credentials',
      weight: 0.85,
      host: m[1] ? host(m[1]) : host(line),
      facts: { prompt: 'disabled' },
    }),
  },
  {
    name: 'authentication-failed',
    gate: ['Authentication failed'],
    re: /fatal: Authentication failed for '([^']+)'|Authentication failed/,
    hit: (m, line) => ({ cause: 'auth-rejected', weight: 0.85, host: host(m[1] ?? line) }),
  },
  {
    name: 'http-status',
    gate: ['returned error: ', 'RPC failed; HTTP', ' while accessing'],
    re: /The requested URL returned error: (\d{3})|RPC failed; HTTP (\d{3})|error: (\d{3}) while accessing/,
    hit: (m, line) => fromHttpStatus(Number(m[1] ?? m[2] ?? m[3]), line),
  },
  {
    name: 'repository-not-found',
    gate: ["' not found", 'Repository not found', 'repository not found'],
    re: /fatal: repository '([^']+)' not found|Repository not found|repository not found/,
    hit: (m, line) => ({
      cause: 'repo-not-found',
      weight: 0.8,
      host: host(m[1] ?? line),
      facts: m[1] ? { url: m[1] } : undefined,
    }),
  },
  {
    name: 'not-a-git-repository',
    gate: ['does not appear to be a git repository'],
    re: /'([^']*)' does not appear to be a git repository/,
    hit: (m) => {
      const path = m[1] ?? '';
      // A path that still carries a scheme, a host or a doubled slash was built by an insteadOf
      // rule; a plain path is a repository that is not there.
      const malformed = /:\/\/|^:|\/\/|^[\w.-]+\.[a-z]+[:/]|https?:/i.test(path);
      return malformed
        ? { cause: 'insteadof-malformed', weight: 0.75, facts: { path }, fixes: ['fix-insteadof'] }
        : {
            cause: 'repo-not-found',
            weight: 0.6,
            facts: { path },
            alternatives: [{ id: 'insteadof-malformed', weight: 0.3 }],
            note: `The server has no repository at '${path}': a wrong path, or a url.insteadOf rule that rewrote it.`,
          };
    },
  },
  {
    name: 'ssl-certificate-problem',
    gate: [
      'SSL certificate problem',
      'SSL: no alternative',
      'SSL: certificate subject name',
      'certificate verify failed',
    ],
    re: /SSL certificate problem: (.*)|SSL: (no alternative certificate subject name matches|certificate subject name .* does not match)|certificate verify failed/,
    hit: (m, line) => {
      const detail = (m[1] ?? m[2] ?? '').toLowerCase();
      if (
        detail.includes('expired') ||
        detail.includes('not yet valid') ||
        detail.includes('does not match') ||
        detail.includes('no alternative')
      )
        return {
          cause: 'tls-bad-cert',
          weight: 0.9,
          host: host(line),
          fixes: ['check-server-certificate', 'check-clock'],
        };
      return {
        cause: 'tls-unknown-authority',
        weight: 0.9,
        host: host(line),
        fixes: ['set-git-ca', 'set-go-ca'],
      };
    },
  },
  {
    name: 'gnutls-verification-failed',
    gate: ['server certificate verification failed', 'certificate verification failed'],
    re: /server certificate verification failed\. CAfile: (\S+) CRLfile: \S+|SSL: certificate verification failed \(result: \d+\)/,
    hit: (m, line) => ({
      cause: 'tls-unknown-authority',
      weight: 0.65,
      host: host(line),
      alternatives: [{ id: 'tls-bad-cert', weight: 0.45 }],
      facts: { cafile: m[1] ?? '' },
      note: 'git built with GnuTLS prints this one message for an unknown CA, a self-signed certificate and an expired one; an active TLS check can tell them apart.',
      fixes: ['set-git-ca', 'check-server-certificate'],
    }),
  },
  {
    name: 'could-not-resolve-host',
    gate: ['resolve host', 'unable to look up'],
    re: /Could(?: not|n't) resolve host:? '?([^\s']+)|unable to look up (\S+) \(port (\d+)\)/,
    hit: (m) => {
      const h = (m[1] ?? m[2] ?? '').toLowerCase();
      const facts: Record<string, string> = m[3] ? { port: m[3] } : {};
      if (h.includes(':') || h.includes('/'))
        return { cause: 'insteadof-malformed', weight: 0.85, host: h, facts, fixes: ['fix-insteadof'] };
      return {
        cause: 'dns-failure',
        weight: 0.9,
        host: h,
        facts,
        note:
          m[3] === '9418'
            ? 'go reports only its last attempt (git:// on port 9418) after https and ssh failed; the host name itself does not resolve.'
            : undefined,
      };
    },
  },
  {
    name: 'failed-to-connect',
    gate: ['Failed to connect to'],
    re: /Failed to connect to (\S+) port (\d+)(?: after \d+ ms)?: (.*)$/,
    hit: (m) => {
      const reason = (m[3] ?? '').toLowerCase();
      const h = (m[1] ?? '').toLowerCase();
      const facts = { port: m[2] ?? '' };
      if (reason.includes('refused')) return { cause: 'connection-refused', weight: 0.85, host: h, facts };
      if (reason.includes("couldn't connect"))
        // curl ≥ 7.82 prints the same text for refused and unreachable.
        return {
          cause: 'connection-refused',
          weight: 0.7,
          host: h,
          facts,
          alternatives: [{ id: 'timeout', weight: 0.35 }],
        };
      if (reason.includes('timed out')) return { cause: 'timeout', weight: 0.85, host: h, facts };
      return { cause: 'timeout', weight: 0.6, host: h, facts };
    },
  },
  {
    name: 'proxy-connect',
    gate: [
      'from proxy after CONNECT',
      'CONNECT tunnel failed',
      'Proxy CONNECT aborted',
      'resolve proxy',
      'connect to proxy',
    ],
    re: /Received HTTP code (\d{3}) from proxy after CONNECT|CONNECT tunnel failed, response (\d{3})|Proxy CONNECT aborted|Could(?: not|n't) resolve proxy|Failed to connect to proxy/,
    hit: (m, line) => ({
      cause: 'http-proxy-misconfig',
      weight: 0.9,
      host: host(line),
      facts: { status: m[1] ?? m[2] ?? '' },
      note:
        (m[1] ?? m[2]) === '407'
          ? 'The HTTP proxy wants credentials (407).'
          : 'The HTTP proxy refused or failed to open the tunnel; check HTTPS_PROXY, NO_PROXY and git http.proxy.',
      fixes: ['fix-http-proxy'],
    }),
  },
  {
    name: 'extraheader',
    gate: ['extraheader'],
    re: /extraheader/i,
    hit: () => ({
      cause: 'credential-precedence',
      weight: 0.3,
      note: 'An http.extraheader with an Authorization value is set; git sends it instead of your credential helper.',
      fixes: ['remove-extraheader'],
    }),
  },
];
