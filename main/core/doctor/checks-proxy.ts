// Can go reach the proxy and checksum database it is configured to use? A GOPROXY entry
// separated by "," falls back only on 404/410, so an unreachable public proxy fails every
// public module; an unreachable checksum DB fails every first download of one.
import { finding, fix, type Finding } from '../../common/doctor-report';
import { parseGoproxy } from '../../common/go-proxy';
import { parseGosumdb } from '../../common/go-sumdb';
import type { DoctorContext } from './context';
import { networkCheck, tlsCheck } from './checks-network';

const publicHosts = new Set([
  'proxy.golang.org',
  'sum.golang.org',
  'goproxy.io',
  'goproxy.cn',
  'sum.golang.google.cn',
]);

async function reachable(
  ctx: DoctorContext,
  url: string,
  what: string,
  company: boolean,
): Promise<Finding[]> {
  const u = new URL(url);
  const port = Number(u.port) || (u.protocol === 'http:' ? 80 : 443);
  const net = await networkCheck(ctx, u.hostname, port);
  const tls =
    net.blocked || u.protocol !== 'https:'
      ? undefined
      : await tlsCheck(ctx, u.hostname, { go: true, git: false });
  const failed = [...net.findings, ...(tls?.findings ?? [])].filter((f) => f.severity === 'error');
  if (failed.length === 0)
    return [
      finding('public-proxy-unreachable', 'ok', 'proxy', {
        host: u.hostname,
        title: `${what} ${url} reachable`,
      }),
    ];
  // TLS failures keep their own id (often an intercepting CA); so do network failures to the
  // organisation's own proxy. Only a public proxy that cannot be reached needs a mirror.
  return failed.map((f) =>
    !company && ['dns-failure', 'connection-refused', 'timeout'].includes(f.id)
      ? finding('public-proxy-unreachable', 'error', 'proxy', {
          host: u.hostname,
          evidence: [`${f.id}: ${f.evidence.join('; ')}`],
          explanation: `go cannot reach the ${what} ${url}: public modules (and first downloads checked against it) fail.`,
          fixes: [fix('set-goproxy-mirror'), fix('fix-http-proxy')],
        })
      : {
          ...f,
          check: 'proxy',
          explanation: `${f.explanation ?? ''} This is the ${what} go is configured to use (${url}).`.trim(),
        },
  );
}

export async function proxyReachability(ctx: DoctorContext): Promise<Finding[]> {
  const out: Finding[] = [];
  const list = parseGoproxy(ctx.routing.GOPROXY ?? '');
  const first = list.entries[0];
  if (first?.kind === 'proxy')
    out.push(
      ...(await reachable(ctx, first.url, 'module proxy', !publicHosts.has(new URL(first.url).hostname))),
    );
  const db = parseGosumdb(ctx.routing.GOSUMDB ?? '');
  if (db.kind === 'db') {
    const url = db.url ?? `https://${db.name}`;
    out.push(...(await reachable(ctx, url, 'checksum database', !publicHosts.has(db.name))));
  }
  return out;
}
