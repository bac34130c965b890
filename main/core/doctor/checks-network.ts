// DNS → TCP → TLS for one host, memoized per host. TLS is checked twice because go and git
// trust CAs differently (go: SSL_CERT_FILE/system roots; Debian's git: GIT_SSL_CAINFO or
// http.<url>.sslCAInfo, ignoring SSL_CERT_FILE).
import { finding, fix, type Finding } from '../../common/doctor-report';
import { probeDns, probeTcp, probeTls, type ProbeResult } from '../verify/net-probes';
import { gitCaFile, goCaFiles, type DoctorContext } from './context';

export interface NetResult {
  findings: Finding[];
  blocked: boolean;
}

function netFailure(p: ProbeResult, host: string, check: string, port: number, ssh: boolean): Finding {
  const id =
    p.failure === 'dns-failure'
      ? 'dns-failure'
      : p.failure === 'connection-refused'
        ? 'connection-refused'
        : ssh && p.failure === 'timeout'
          ? 'ssh-port-blocked'
          : 'timeout';
  const fixes =
    id === 'dns-failure'
      ? [fix('connect-vpn')]
      : id === 'ssh-port-blocked'
        ? [fix('ssh-over-443'), fix('connect-vpn')]
        : [fix('connect-vpn'), fix('check-service-port')];
  return finding(id, 'error', check, {
    host,
    evidence: [`${host}:${port}: ${p.message}`],
    fixes,
    durationMs: p.durationMs,
  });
}

export function networkCheck(
  ctx: DoctorContext,
  host: string,
  port: number,
  ssh = false,
): Promise<NetResult> {
  return ctx.memo(`net:${host}:${port}`, async () => {
    const dns = await ctx.memo(`dns:${host}`, () => probeDns(host, ctx.timeoutMs));
    if (!dns.ok) return { findings: [netFailure(dns, host, 'dns', port, ssh)], blocked: true };
    const tcp = await probeTcp(host, port, ctx.timeoutMs);
    if (!tcp.ok) return { findings: [netFailure(tcp, host, 'tcp', port, ssh)], blocked: true };
    return {
      findings: [
        finding('dns-failure', 'ok', 'network', {
          host,
          title: `${host}:${port} reachable (${dns.address})`,
          durationMs: dns.durationMs + tcp.durationMs,
        }),
      ],
      blocked: false,
    };
  });
}

function tlsFailure(
  p: ProbeResult,
  host: string,
  view: 'go' | 'git',
  trust: string,
  caParams: Record<string, string>,
): Finding {
  const bad = p.failure === 'tls-bad-cert';
  const evidence = [`${view} (${trust}): ${p.message}`];
  if (p.cert)
    evidence.push(
      `server certificate: CN=${p.cert.subject}, issuer ${p.cert.issuer}, valid ${p.cert.validFrom} – ${p.cert.validTo}, names ${p.cert.altNames.join(', ')}`,
    );
  if (bad)
    return finding('tls-bad-cert', 'error', `tls-${view}`, {
      host,
      evidence,
      explanation:
        'The server presents a certificate that is expired or issued for another name; no client setting fixes that safely.',
      fixes: [fix('check-server-certificate'), fix('check-clock')],
    });
  return finding('tls-unknown-authority', 'error', `tls-${view}`, {
    host,
    evidence,
    explanation: `${view === 'go' ? 'go' : 'git'} does not trust the CA that signed ${host}'s certificate (it trusts ${trust}).`,
    fixes: [
      fix(view === 'go' ? 'set-go-ca' : 'set-git-ca', {
        needsInput: caParams.caFile ? undefined : 'confirmation',
        params: { host, ...caParams },
      }),
    ],
  });
}

/** TLS as go sees it (discovery, proxies) and as git sees it (fetch), for an HTTPS host. */
export function tlsCheck(
  ctx: DoctorContext,
  host: string,
  views: { go: boolean; git: boolean },
  caHint?: string,
): Promise<NetResult> {
  return ctx.memo(`tls:${host}:${views.go}:${views.git}`, async () => {
    const out: Finding[] = [];
    const params: Record<string, string> = caHint ? { caFile: caHint } : {};
    if (views.go) {
      const files = goCaFiles(ctx);
      const p = await probeTls(host, 443, files, ctx.timeoutMs);
      if (!p.ok)
        out.push(
          tlsFailure(p, host, 'go', files[0] ? `SSL_CERT_FILE=${files[0]}` : 'the system roots', params),
        );
    }
    if (views.git) {
      const ca = gitCaFile(ctx, `https://${host}/`);
      const p = await probeTls(host, 443, ca.file ? [ca.file] : [], ctx.timeoutMs);
      if (!p.ok)
        out.push(
          tlsFailure(p, host, 'git', ca.file ? `${ca.source}=${ca.file}` : 'the system roots', params),
        );
    }
    if (out.length === 0)
      out.push(
        finding('tls-unknown-authority', 'ok', 'tls', {
          host,
          title: `TLS to ${host} trusted by ${views.go && views.git ? 'go and git' : views.go ? 'go' : 'git'}`,
        }),
      );
    return { findings: out, blocked: out.some((f) => f.severity === 'error') };
  });
}
