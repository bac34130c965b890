// Fetches a profile (and its .sig) over HTTPS: https only, even across redirects; a size cap so a
// hostile server cannot fill memory; a timeout; no cookies, no credentials; strict UTF-8. The
// certificate is checked against Node's roots plus an optional CA file (an intranet's private CA).
import { request } from 'node:https';
import { readFile } from 'node:fs/promises';
import { OnrampError } from '../../common/errors';
import { MAX_PROFILE_BYTES } from '../../common/profile/parse';
import { checkProfileUrl } from '../../common/profile/source-ref';
import { rootCertificates } from 'node:tls';

export interface FetchOptions {
  /** PEM file of an extra CA to trust (added to Node's roots) */
  caFile?: string;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface Fetched {
  url: string;
  status: number;
  /** raw body; undefined unless status is 200 */
  body?: Buffer;
}

const MAX_REDIRECTS = 3;

function getOnce(url: string, ca: string[] | undefined, timeoutMs: number, maxBytes: number) {
  return new Promise<{ status: number; location?: string; body?: Buffer }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        headers: { accept: 'application/json, */*', 'user-agent': 'onramp' },
        ...(ca ? { ca } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          res.resume();
          resolve({ status, location: res.headers.location });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            req.destroy();
            reject(
              new OnrampError({ code: 'invalid-input', message: `${url} is larger than ${maxBytes} bytes` }),
            );
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => resolve({ status, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () =>
      req.destroy(new OnrampError({ code: 'timeout', message: `${url}: no answer within ${timeoutMs} ms` })),
    );
    req.on('error', (e) =>
      reject(
        e instanceof OnrampError
          ? e
          : new OnrampError({ code: 'io', message: `cannot fetch ${url}: ${e.message}` }),
      ),
    );
    req.end();
  });
}

/** GET an https URL; follows up to 3 https redirects; 404 and friends come back as a status. */
export async function fetchHttps(url: string, opts: FetchOptions = {}): Promise<Fetched> {
  const ca = opts.caFile ? [...rootCertificates, await readFile(opts.caFile, 'utf8')] : undefined;
  let current = checkProfileUrl(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const r = await getOnce(current, ca, opts.timeoutMs ?? 15_000, opts.maxBytes ?? MAX_PROFILE_BYTES);
    if (r.status >= 300 && r.status < 400 && r.location) {
      // A redirect must not downgrade to http or add credentials: checkProfileUrl refuses both.
      current = checkProfileUrl(new URL(r.location, current).toString());
      continue;
    }
    return { url: current, status: r.status, body: r.body };
  }
  throw new OnrampError({ code: 'io', message: `${url}: more than ${MAX_REDIRECTS} redirects` });
}
