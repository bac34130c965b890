// The renderer as built from the working tree: the project's own vite config, written to a temp
// directory (dist/renderer belongs to the app build and is left alone), and what the first
// render has to download: the entry chunk and what index.html preloads, gzipped, against the
// lazy chunks. xterm is recognised by a class name its code always contains.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runTool } from '../main/core/tool-runner';

const repo = fileURLToPath(new URL('..', import.meta.url));
const XTERM_MARKER = 'xterm-helper-textarea';

export interface RendererBuild {
  dir: string;
  buildMs: number;
  cleanup(): void;
}

/** Builds the renderer into a temp dir; throws with vite's last lines when the build fails. */
export async function buildRenderer(): Promise<RendererBuild> {
  const vite = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) throw new Error('vite is not installed (node_modules/vite)');
  const dir = mkdtempSync(join(tmpdir(), 'onramp-bench-renderer-'));
  const args = [
    vite,
    'build',
    '--config',
    'renderer/vite.config.ts',
    '--outDir',
    dir,
    '--emptyOutDir',
    '--logLevel',
    'error',
  ];
  const r = await runTool(process.execPath, args, { env: { ...process.env }, cwd: repo, timeoutMs: 300_000 });
  if (r.code !== 0 || !existsSync(join(dir, 'index.html'))) {
    rmSync(dir, { recursive: true, force: true });
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`the renderer build failed (exit ${r.code ?? r.signal}): ${tail}`);
  }
  return { dir, buildMs: r.durationMs, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface JsFile {
  /** path relative to the build dir */
  file: string;
  bytes: number;
  gzipBytes: number;
  xterm: boolean;
}

export interface JsBudget {
  /** what index.html loads or preloads */
  initial: JsFile[];
  lazy: JsFile[];
}

function jsFile(dir: string, rel: string): JsFile {
  const buf = readFileSync(resolve(dir, rel));
  return {
    file: rel,
    bytes: buf.length,
    gzipBytes: gzipSync(buf).length,
    xterm: buf.includes(XTERM_MARKER),
  };
}

export function jsBudget(dir: string): JsBudget {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => (m[1] as string).replace(/^\.?\//, ''));
  const initial = [...new Set(refs)].map((r) => jsFile(dir, r));
  const all = readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const lazy = all.filter((f) => !initial.some((i) => i.file === f)).map((f) => jsFile(dir, f));
  return { initial, lazy };
}

/** gzipped size of a served file, for the JS the page actually loaded (null when not in the build). */
export function gzipOfServed(dir: string, urlPath: string): JsFile | null {
  const rel = decodeURIComponent(urlPath).replace(/^\/+/, '');
  const full = resolve(dir, rel);
  if (!full.startsWith(resolve(dir)) || !existsSync(full)) return null;
  return jsFile(dir, rel);
}
