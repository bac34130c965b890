// Serves the built renderer (dist/renderer) at app://onramp/. The scheme is registered as
// standard + secure before the app is ready (so pages get a real origin, a secure context and
// CSP 'self'), then handled with protocol.handle. Every response carries the CSP. A request can
// only ever read a file inside the renderer directory: the decoded path is resolved, then the
// real path (symlinks followed) must still be inside the real root.
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { SECURITY_HEADERS } from './csp';

export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  // No bypassCSP, no corsEnabled, no stream: nothing our static bundle needs.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const inside = (root: string, file: string): boolean => {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * The file under `root` an app:// URL names, or null when the URL is not ours or would leave
 * `root` ('..', encoded separators, NUL, another drive). '/' is index.html.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const rel = path === '' || path === '/' ? 'index.html' : path.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, rel);
  return inside(base, file) ? file : null;
}

export type ReadFile = (file: string) => Promise<Uint8Array>;

export interface AppFileSystem {
  readFile: ReadFile;
  realpath(path: string): Promise<string>;
}

const nodeFs: AppFileSystem = { readFile: (f) => readFile(f), realpath: (p) => realpath(p) };

const reply = (
  status: number,
  body: Uint8Array<ArrayBuffer> | string | null,
  type = 'text/plain; charset=utf-8',
) => new Response(body, { status, headers: { ...SECURITY_HEADERS, 'content-type': type } });

async function readInside(root: string, file: string, fs: AppFileSystem): Promise<Uint8Array> {
  const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
  if (!inside(realRoot, realFile))
    throw Object.assign(new Error('outside the renderer directory'), { code: 'EACCES' });
  return fs.readFile(realFile);
}

/** The response to one app:// request (protocol.handle's handler, minus Electron). */
export async function appResponse(
  root: string,
  request: { url: string; method: string },
  fs: AppFileSystem = nodeFs,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405, 'method not allowed');
  const file = resolveAppFile(root, request.url);
  if (file === null) return reply(404, 'not found');
  try {
    // A copy: Response wants bytes backed by a plain ArrayBuffer, Buffer's may be shared.
    const body = new Uint8Array(await readInside(root, file, fs));
    return reply(
      200,
      request.method === 'HEAD' ? null : body,
      contentTypes[extname(file)] ?? 'application/octet-stream',
    );
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    // A client-side route (no extension) that is not a file gets the app shell.
    if (code === 'ENOENT' && extname(file) === '')
      return appResponse(root, { ...request, url: `app://${APP_HOST}/` }, fs);
    return reply(code === 'ENOENT' || code === 'ENOTDIR' ? 404 : 403, 'not found');
  }
}

/** Registers the app:// handler on the default session's protocol. Call after app ready. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(root, request));
}
