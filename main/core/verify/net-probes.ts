// DNS, TCP and TLS probes with hard timeouts. Their failures map onto the taxonomy's network
// classes (dns-failure, connection-refused, timeout, tls-unknown-authority, tls-bad-cert).
import { lookup } from 'node:dns/promises';
import { connect as tcpConnect } from 'node:net';
import { connect as tlsConnect, type PeerCertificate } from 'node:tls';
import { readFile } from 'node:fs/promises';

export type NetFailure =
  | 'dns-failure'
  | 'connection-refused'
  | 'timeout'
  | 'tls-unknown-authority'
  | 'tls-bad-cert'
  | 'network-error';

export interface ProbeResult {
  ok: boolean;
  failure?: NetFailure;
  message: string;
  durationMs: number;
  address?: string;
  cert?: { subject: string; issuer: string; validFrom: string; validTo: string; altNames: string[] };
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout();
        reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
      }, ms);
    }),
  ]);
}

function classify(err: NodeJS.ErrnoException): { failure: NetFailure; message: string } {
  const code = err.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA')
    return { failure: 'dns-failure', message: `no such host (${code})` };
  if (code === 'ECONNREFUSED') return { failure: 'connection-refused', message: 'connection refused' };
  if (code === 'ETIMEDOUT') return { failure: 'timeout', message: 'i/o timeout' };
  if (['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID'].includes(code))
    return { failure: 'tls-bad-cert', message: `${code}: ${err.message}` };
  if (
    [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'UNABLE_TO_GET_ISSUER_CERT',
    ].includes(code)
  )
    return { failure: 'tls-unknown-authority', message: `${code}: ${err.message}` };
  return { failure: 'network-error', message: `${code || 'error'}: ${err.message}` };
}

export async function probeDns(host: string, timeoutMs: number): Promise<ProbeResult> {
  const t0 = performance.now();
  try {
    const r = await withTimeout(lookup(host), timeoutMs, () => undefined);
    return {
      ok: true,
      message: `${host} → ${r.address}`,
      address: r.address,
      durationMs: performance.now() - t0,
    };
  } catch (e) {
    return { ok: false, ...classify(e as NodeJS.ErrnoException), durationMs: performance.now() - t0 };
  }
}

export function probeTcp(host: string, port: number, timeoutMs: number): Promise<ProbeResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const sock = tcpConnect({ host, port });
    const done = (r: Omit<ProbeResult, 'durationMs'>) => {
      clearTimeout(timer);
      sock.destroy();
      resolve({ ...r, durationMs: performance.now() - t0 });
    };
    const timer = setTimeout(
      () => done({ ok: false, failure: 'timeout', message: `dial tcp ${host}:${port}: i/o timeout` }),
      timeoutMs,
    );
    sock.once('connect', () =>
      done({ ok: true, message: `connected to ${host}:${port}`, address: sock.remoteAddress }),
    );
    sock.once('error', (e) => done({ ok: false, ...classify(e) }));
  });
}

/** CA bundle a TLS client would use: the given files, or undefined for Node's defaults. */
export async function loadCa(files: readonly string[]): Promise<string[] | undefined> {
  if (files.length === 0) return undefined;
  return Promise.all(files.map((f) => readFile(f, 'utf8')));
}

function certSummary(c: PeerCertificate): ProbeResult['cert'] {
  return {
    subject: String(c.subject?.CN ?? ''),
    issuer: String(c.issuer?.CN ?? c.issuer?.O ?? ''),
    validFrom: c.valid_from,
    validTo: c.valid_to,
    altNames: (c.subjectaltname ?? '')
      .split(/,\s*/)
      .filter(Boolean)
      .map((s) => s.replace(/^DNS:/, '')),
  };
}

export async function probeTls(
  host: string,
  port: number,
  caFiles: readonly string[],
  timeoutMs: number,
): Promise<ProbeResult> {
  const t0 = performance.now();
  let ca: string[] | undefined;
  try {
    ca = await loadCa(caFiles);
  } catch (e) {
    return {
      ok: false,
      failure: 'tls-unknown-authority',
      message: `cannot read CA file: ${(e as Error).message}`,
      durationMs: 0,
    };
  }
  return new Promise((resolve) => {
    const sock = tlsConnect({
      host,
      port,
      servername: host,
      ca,
      rejectUnauthorized: true,
      ALPNProtocols: ['http/1.1'],
    });
    const done = (r: Omit<ProbeResult, 'durationMs'>) => {
      clearTimeout(timer);
      sock.destroy();
      resolve({ ...r, durationMs: performance.now() - t0 });
    };
    const timer = setTimeout(
      () => done({ ok: false, failure: 'timeout', message: `TLS handshake timeout with ${host}:${port}` }),
      timeoutMs,
    );
    sock.once('secureConnect', () =>
      done({ ok: true, message: `TLS ok: ${host}:${port}`, cert: certSummary(sock.getPeerCertificate()) }),
    );
    sock.once('error', (e) => {
      // Still report what the server presented: it helps to see the issuer of an unknown CA.
      let cert: ProbeResult['cert'];
      try {
        const c = sock.getPeerCertificate();
        if (c && c.subject) cert = certSummary(c);
      } catch {
        cert = undefined;
      }
      done({ ok: false, ...classify(e), cert });
    });
  });
}
