// Serves the built renderer (Vite writes it to dist/renderer). Only files under that folder are
// reachable: the decoded path is resolved and must stay inside the root, so `..`, encoded
// slashes and absolute paths cannot escape. Unknown extension-less paths get index.html so the
// renderer's client-side routes survive a reload.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { escapeHtml, sendPage, sendText, simplePage } from './headers';

/** dist/renderer at the repository root (this file is main/server/static-files.ts). */
export const defaultStaticDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
/** What the "not built" page tells the user to run (the script wraps the second form). */
export const buildCommand = 'npm run build:renderer   (or: npx vite build --config renderer/vite.config.ts)';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

async function fileAt(path: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size } : undefined;
  } catch {
    return undefined;
  }
}

/** The file a URL path names inside root, or undefined when it names nothing servable. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = resolve(root);
  const full = resolve(base, '.' + (decoded.startsWith('/') ? decoded : `/${decoded}`));
  return full === base || full.startsWith(base + sep) ? full : undefined;
}

function missingBuild(root: string): string {
  return simplePage(
    'Onramp: the browser UI is not built',
    `<p>The server is running, but there is no built renderer in <code>${escapeHtml(root)}</code>.</p>` +
      `<p>Build it once, then reload this page:</p><pre>${escapeHtml(buildCommand)}</pre>` +
      '<p>The command-line app works without it: <code>npx onramp status</code>.</p>',
  );
}

export async function serveStatic(
  res: ServerResponse,
  root: string,
  urlPath: string,
  head: boolean,
): Promise<void> {
  const index = await fileAt(resolve(root, 'index.html'));
  if (!index) return sendPage(res, 503, missingBuild(root), head);
  const target = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  if (!target) return sendText(res, 404, 'not found');
  let file = await fileAt(target);
  if (!file && extname(target) === '') file = index;
  if (!file) return sendText(res, 404, 'not found');
  res.statusCode = 200;
  res.setHeader('Content-Type', types[extname(file.path).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Content-Length', file.size);
  if (head) return void res.end();
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}
