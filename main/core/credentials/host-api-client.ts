// One HTTPS JSON request to a code host's API with a token, the CA go would trust, and a
// timeout. Only https: a token is never sent in clear. Failures come back as data (status,
// body) or as an OnrampError whose message names the URL and the network error, never the token.
import { request } from 'node:https';
import type { ApiAnswer } from '../../common/credentials/token-info';
import { OnrampError } from '../../common/errors';
import { redactSecrets } from '../../common/redact';
import type { Env } from '../paths';
import { loadCa } from '../verify/net-probes';

export type ApiAuth =
  | { scheme: 'token' | 'bearer'; token: string }
  | { scheme: 'private-token'; token: string }
  | { scheme: 'basic'; login: string; token: string };

export interface ApiCall {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  auth?: ApiAuth;
  body?: unknown;
  caFiles?: readonly string[];
  timeoutMs?: number;
}

/** The CA files go trusts in this environment (SSL_CERT_FILE), which the API shares with git. */
export function apiCaFiles(env: Env): string[] {
  return env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : [];
}

function authHeaders(auth: ApiAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if (auth.scheme === 'private-token') return { 'PRIVATE-TOKEN': auth.token };
  if (auth.scheme === 'basic')
    return { Authorization: `Basic ${Buffer.from(`${auth.login}:${auth.token}`).toString('base64')}` };
  return { Authorization: `${auth.scheme === 'bearer' ? 'Bearer' : 'token'} ${auth.token}` };
}

export async function callApi(call: ApiCall): Promise<ApiAnswer> {
  const url = new URL(call.url);
  const secrets = call.auth ? [call.auth.token] : [];
  if (url.protocol !== 'https:')
    throw new OnrampError({
      code: 'invalid-input',
      message: `refusing to send a token to ${url.origin}: the API must be https`,
    });
  const ca = await loadCa(call.caFiles ?? []);
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': 'onramp',
    ...authHeaders(call.auth),
    ...(payload !== undefined
      ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }
      : {}),
  };
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: call.method, headers, ca, timeout: call.timeoutMs ?? 20_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          if (text.length < 1_000_000) text += c;
        });
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = text === '' ? undefined : JSON.parse(text);
          } catch {
            /* not JSON: keep the text */
          }
          const h: Record<string, string | undefined> = {};
          for (const [k, v] of Object.entries(res.headers))
            h[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: h, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        new OnrampError({
          code: e.code === 'ETIMEDOUT' ? 'timeout' : 'io',
          message: redactSecrets(
            `${call.method} ${url.origin}${url.pathname} failed: ${e.code ?? ''} ${e.message}`,
            secrets,
          ),
          hint: 'Check the API URL (--api) and that the host’s CA is trusted (SSL_CERT_FILE).',
        }),
      ),
    );
    req.end(payload);
  });
}
