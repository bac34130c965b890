// What go's `?go-get=1` discovery sees: an HTTPS GET carrying the netrc credential for the
// host (go sends netrc only over HTTPS), redirects followed, go-import tags parsed.
import { request } from 'node:https';
import { parseGoImports, matchGoImport, type GoImport } from '../../common/go-import-meta';
import { loadCa } from './net-probes';

export interface GoGetProbeResult {
  ok: boolean;
  url: string;
  status?: number;
  /** go-import tags found */
  imports: GoImport[];
  match?: GoImport;
  error?: string;
  /** looks like a login page or an HTML error rather than discovery */
  htmlWithoutTags: boolean;
  durationMs: number;
}

export interface GoGetProbeOptions {
  caFiles: readonly string[];
  credential?: { login: string; password: string };
  timeoutMs: number;
}

function get(
  url: URL,
  ca: string[] | undefined,
  auth: string | undefined,
  timeoutMs: number,
): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'User-Agent': 'Go-http-client/1.1' };
    if (auth) headers.Authorization = `Basic ${auth}`;
    const req = request(url, { method: 'GET', ca, headers, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        if (body.length < 1_000_000) body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('i/o timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

export async function probeGoGet(importPath: string, opts: GoGetProbeOptions): Promise<GoGetProbeResult> {
  const t0 = performance.now();
  const first = new URL(`https://${importPath}?go-get=1`);
  const ca = await loadCa(opts.caFiles);
  const auth = opts.credential
    ? Buffer.from(`${opts.credential.login}:${opts.credential.password}`).toString('base64')
    : undefined;
  let url = first;
  const base = { url: first.href, imports: [], htmlWithoutTags: false };
  try {
    for (let hop = 0; hop < 10; hop++) {
      // go's client drops credentials on a redirect to another host
      const r = await get(url, ca, url.host === first.host ? auth : undefined, opts.timeoutMs);
      if (r.status >= 300 && r.status < 400 && r.location) {
        url = new URL(r.location, url);
        continue;
      }
      if (r.status !== 200)
        return {
          ...base,
          ok: false,
          status: r.status,
          error: `${url.href}: ${r.status}`,
          durationMs: performance.now() - t0,
        };
      const imports = parseGoImports(r.body);
      const m = matchGoImport(imports, importPath);
      return {
        ...base,
        ok: m.ok,
        status: r.status,
        imports,
        match: m.ok ? m.match : undefined,
        error: m.ok ? undefined : m.error,
        htmlWithoutTags: imports.length === 0 && /<html|<!doctype/i.test(r.body),
        durationMs: performance.now() - t0,
      };
    }
    return { ...base, ok: false, error: 'stopped after 10 redirects', durationMs: performance.now() - t0 };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return {
      ...base,
      ok: false,
      error: `${err.code ?? 'error'}: ${err.message}`,
      durationMs: performance.now() - t0,
    };
  }
}
