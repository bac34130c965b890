// Browser mode listens on loopback only, and answers only to names that mean loopback. A page
// on evil.example can make a browser resolve evil.example to 127.0.0.1 (DNS rebinding) and then
// talk to us "same-origin"; the Host header it sends still says evil.example, so the Host check
// is what stops it: https://en.wikipedia.org/wiki/DNS_rebinding
import { OnrampError } from '../common/errors';

export type LoopbackHost = '127.0.0.1' | '::1';
export const loopbackHosts: readonly LoopbackHost[] = ['127.0.0.1', '::1'];

/** The bind address, or a usage error: a name (even `localhost`) could resolve elsewhere. */
export function checkBindHost(host: string): LoopbackHost {
  if ((loopbackHosts as readonly string[]).includes(host)) return host as LoopbackHost;
  throw new OnrampError({
    code: 'usage',
    message: `refusing to listen on ${JSON.stringify(host)}: browser mode binds 127.0.0.1 or ::1 only`,
    hint: 'For a remote machine, forward the port over SSH: ssh -L 8080:127.0.0.1:8080 host',
  });
}

export function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new OnrampError({ code: 'usage', message: `not a port: ${String(port)}` });
  return port;
}

/** host:port as it appears in a URL or a Host header ([::1]:port for IPv6). */
export function authority(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The Host header values we answer to. */
export function allowedHostHeaders(port: number): Set<string> {
  return new Set([authority('127.0.0.1', port), authority('localhost', port), authority('::1', port)]);
}

/** The page origins allowed to call us (the same three names, over http). */
export function allowedOrigins(port: number): Set<string> {
  return new Set([...allowedHostHeaders(port)].map((a) => `http://${a}`));
}

export function hostAllowed(header: string | undefined, port: number): boolean {
  return header !== undefined && allowedHostHeaders(port).has(header.toLowerCase());
}

export function originAllowed(header: string | undefined, port: number): boolean {
  return header !== undefined && allowedOrigins(port).has(header.toLowerCase());
}
