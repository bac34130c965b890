// go's network and TLS errors (net/http, crypto/x509), as printed inside go's own requests
// (discovery, GOPROXY, GOSUMDB).
import { findHost, isPublicProxyHost } from './extract';
import type { Rule, RuleHit } from './rule';

/** A TCP-level failure to a public proxy/sumdb is the "mirror needed" case. */
function netHit(
  cause: RuleHit['cause'],
  weight: number,
  host: string | undefined,
  extra: Partial<RuleHit> = {},
): RuleHit {
  if (isPublicProxyHost(host) && (cause === 'timeout' || cause === 'connection-refused'))
    return {
      cause: 'public-proxy-unreachable',
      weight: 0.85,
      host,
      alternatives: [{ id: cause, weight: 0.4 }],
      fixes: ['set-goproxy-mirror'],
      ...extra,
    };
  return { cause, weight, host, ...extra };
}

function requestHost(line: string): string | undefined {
  const m = /Get "?(https?:\/\/[^\s"]+)"?/.exec(line);
  return findHost(m?.[1] ?? line);
}

export const netRules: Rule[] = [
  {
    name: 'proxyconnect',
    gate: ['proxyconnect', 'Proxy Authentication Required'],
    re: /proxyconnect tcp: (.*)$|407 Proxy Authentication Required|Proxy Authentication Required/,
    hit: (m, line) => ({
      cause: 'http-proxy-misconfig',
      weight: 0.9,
      host: requestHost(line),
      note: m[1]
        ? `go could not reach the HTTP proxy from HTTPS_PROXY/HTTP_PROXY (${m[1].trim()}); fix the proxy address or exempt the host with NO_PROXY.`
        : 'The HTTP proxy requires credentials (407).',
      fixes: ['fix-http-proxy'],
    }),
  },
  {
    name: 'dns-lookup',
    gate: ['no such host', 'lookup ', 'name resolution'],
    re: /lookup ([\w.-]+)(?: on ([\d.:[\]a-f]+))?: (no such host|server misbehaving|read udp [^:]+:?\d*->[^:]+:\d+: i\/o timeout|.*i\/o timeout|Temporary failure in name resolution|no such host)|Temporary failure in name resolution/,
    hit: (m, line) => {
      if (line.includes('proxyconnect')) return null;
      const h = m[1]?.toLowerCase() ?? requestHost(line);
      const reason = m[3] ?? '';
      return {
        cause: 'dns-failure',
        weight: reason.includes('no such host') ? 0.9 : 0.8,
        host: h,
        alternatives: isPublicProxyHost(h) ? [{ id: 'public-proxy-unreachable', weight: 0.45 }] : undefined,
        note: reason.includes('timeout')
          ? `The DNS server${m[2] ? ` ${m[2]}` : ''} did not answer; check the resolver (VPN, container DNS) rather than the host name.`
          : `${h ?? 'The host'} does not resolve: internal hosts need the VPN or corporate DNS; otherwise check the name for typos.`,
        fixes: ['connect-vpn'],
      };
    },
  },
  {
    name: 'dial-refused',
    gate: ['connection refused'],
    re: /dial tcp ([^:\s]+|\[[^\]]+\]):(\d+): connect: connection refused/,
    hit: (m, line) =>
      line.includes('proxyconnect')
        ? null
        : netHit('connection-refused', 0.9, requestHost(line) ?? m[1], { fixes: ['check-service-port'] }),
  },
  {
    name: 'dial-timeout',
    gate: [
      'i/o timeout',
      'connection timed out',
      'TLS handshake timeout',
      'deadline exceeded',
      'Client.Timeout',
      'network is unreachable',
      'no route to host',
    ],
    re: /dial tcp (?:[^:\s]+|\[[^\]]+\]):\d+: (?:i\/o timeout|connect: connection timed out|connect: network is unreachable|connect: no route to host)|dial tcp: i\/o timeout|net\/http: TLS handshake timeout|context deadline exceeded|Client\.Timeout exceeded/,
    hit: (m, line) => {
      if (line.includes('proxyconnect') || /lookup \S+ on /.test(line)) return null;
      const unreachable = /unreachable|no route/.test(m[0]);
      return netHit('timeout', unreachable ? 0.6 : 0.85, requestHost(line), {
        note: unreachable
          ? 'No network route to the host: a VPN that is down or an IPv6-only path.'
          : undefined,
        fixes: ['connect-vpn', 'fix-http-proxy'],
      });
    },
  },
  {
    name: 'x509-unknown-authority',
    gate: [
      'x509: certificate signed by unknown authority',
      'x509: certificate is not trusted',
      'certificate is not standards compliant',
    ],
    re: /x509: certificate signed by unknown authority|x509: certificate is not trusted|x509: .*certificate is not standards compliant/,
    hit: (_m, line) => ({
      cause: 'tls-unknown-authority',
      weight: 0.95,
      host: requestHost(line),
      note: 'The certificate chains to a CA this machine does not trust: a private CA, or a proxy that intercepts TLS.',
      fixes: ['set-go-ca', 'set-git-ca'],
    }),
  },
  {
    name: 'x509-bad-cert',
    gate: [
      'x509: certificate has expired',
      'x509: certificate is valid for',
      "doesn't contain any IP SANs",
      'legacy Common Name',
    ],
    re: /x509: certificate has expired or is not yet valid|x509: certificate is valid for (.*), not (\S+?)\)?$|cannot validate certificate for (\S+) because it doesn't contain any IP SANs|relies on legacy Common Name field/,
    hit: (m, line) => ({
      cause: 'tls-bad-cert',
      weight: 0.95,
      host: (m[2] ?? m[3])?.toLowerCase() ?? requestHost(line),
      note: m[0].includes('expired')
        ? "The server's certificate is outside its validity period (or this machine's clock is wrong)."
        : 'The certificate names another host than the one go connected to.',
      fixes: m[0].includes('expired')
        ? ['check-server-certificate', 'check-clock']
        : ['check-server-certificate'],
    }),
  },
  {
    name: 'proxy-connect-status-text',
    gate: ['Forbidden', 'Bad Gateway', 'Service Unavailable'],
    // go's HTTP client reports a refused proxy CONNECT as the bare status text, with no code:
    // `Get https://host/…?go-get=1: Forbidden` (a server's own 403 would read "403 Forbidden").
    re: /Get "?https?:\/\/[^\s"]+"?: (Forbidden|Bad Gateway|Service Unavailable|Proxy Authentication Required)\)?\s*$/,
    hit: (_m, line) => ({
      cause: 'http-proxy-misconfig',
      weight: 0.75,
      host: requestHost(line),
      note: 'A bare status text instead of a status code is how go reports an HTTP proxy that refused the CONNECT.',
      fixes: ['fix-http-proxy'],
    }),
  },
];
