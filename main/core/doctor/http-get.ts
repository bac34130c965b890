// A small HTTPS GET with a timeout, the CA a given tool trusts, and optional basic auth, used
// to ask proxies, checksum databases and git servers questions go and git would ask.
import { request } from 'node:https';
import { request as httpRequest } from 'node:http';
import { loadCa } from '../verify/net-probes';

export interface HttpAnswer {
  status?: number;
  body: string;
  error?: string;
  errorCode?: string;
}

export async function httpGet(
  url: string,
  opts: { caFiles?: readonly string[]; auth?: { login: string; password: string }; timeoutMs: number },
): Promise<HttpAnswer> {
  const ca = await loadCa(opts.caFiles ?? []);
  const u = new URL(url);
  const headers: Record<string, string> = { 'User-Agent': 'Go-http-client/1.1' };
  if (opts.auth)
    headers.Authorization = `Basic ${Buffer.from(`${opts.auth.login}:${opts.auth.password}`).toString('base64')}`;
  const send = u.protocol === 'http:' ? httpRequest : request;
  return new Promise((resolve) => {
    const req = send(u, { method: 'GET', headers, ca, timeout: opts.timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        if (body.length < 65_536) body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode, body }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ body, error: e.message, errorCode: e.code }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('i/o timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ body: '', error: e.message, errorCode: e.code }));
    req.end();
  });
}

/** go's module path escaping for proxy URLs: upper-case letters become !lower-case. */
export function escapeModulePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}
