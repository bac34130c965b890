// Browser mode against real Chromium (playwright-core driving the system's Chromium): from
// server start to the first interactive render, the JS the page loaded for it, and the server
// process's resident memory. "Interactive" = the app shell is rendered (the Screens navigation
// and the first screen's heading) and the /api WebSocket is open (no "Connecting…" banner).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebServer } from '../main/server/index';
import { gzipOfServed, type JsFile } from './renderer-build';

const repo = fileURLToPath(new URL('..', import.meta.url));
const chromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.ONRAMP_BENCH_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const bundled = (() => {
    try {
      return chromium.executablePath();
    } catch {
      return undefined;
    }
  })();
  return [...chromiumPaths, bundled].find((p): p is string => p !== undefined && existsSync(p));
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  // --no-sandbox: Chromium refuses to run its sandbox as root, and this machine runs as root.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
}

// A function, not a string: the page's CSP (script-src 'self') forbids evaluating strings.
const interactive = () => {
  const d = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
  return (
    !!d.querySelector('nav') && !!d.querySelector('main h1, main h2') && !d.querySelector('.conn-banner')
  );
};

export interface RenderRun {
  /** start → interactive */
  ms: number;
  /** the JS the page fetched before it was interactive */
  js: JsFile[];
}

/** Opens url in a fresh context (cold cache, no cookies) and waits until interactive. */
async function render(browser: Browser, url: string, staticDir: string, t0: number, timeoutMs: number) {
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    const js: JsFile[] = [];
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.endsWith('.js')) {
        const f = gzipOfServed(staticDir, u.pathname);
        if (f) js.push(f);
      }
    });
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await page.waitForFunction(interactive, undefined, { polling: 'raf', timeout: timeoutMs });
    return { ms: performance.now() - t0, js: [...js] };
  } finally {
    await context.close();
  }
}

/** startWebServer() in this process → interactive page. */
export async function inProcessRun(
  browser: Browser,
  staticDir: string,
  env: Record<string, string>,
  cwd: string,
): Promise<RenderRun> {
  const t0 = performance.now();
  const server = await startWebServer({ staticDir, env, cwd });
  try {
    return await render(browser, server.url, staticDir, t0, 15_000);
  } finally {
    await server.close();
  }
}

function rssKiB(pid: number, field = 'VmRSS'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

async function startChild(
  mode: 'serve' | 'idle',
  staticDir: string,
  env: Record<string, string>,
  cwd: string,
) {
  const child: ChildProcess = spawn(
    process.execPath,
    [`${repo}bin/run-ts.mjs`, `${repo}bench/server-child.ts`, mode, staticDir],
    { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server child did not start: ${stderr.trim()}`)), 60_000);
    lines.once('line', (l) => (clearTimeout(timer), resolve(l)));
    child.once(
      'exit',
      (code) => (clearTimeout(timer), reject(new Error(`server child exited ${code}: ${stderr.trim()}`))),
    );
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.stdin?.end();
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return { child, ready: JSON.parse(first) as { url?: string }, stop };
}

export interface ChildRun extends RenderRun {
  /** process start → listening (URL printed) */
  readyMs: number;
  rssAfterStartKiB: number;
  rssAfterRenderKiB: number;
  peakKiB: number;
}

/** A new server process (node + tsx, as `onramp web` runs) → interactive page, with its memory. */
export async function childProcessRun(
  browser: Browser,
  staticDir: string,
  env: Record<string, string>,
  cwd: string,
): Promise<ChildRun> {
  const t0 = performance.now();
  const c = await startChild('serve', staticDir, env, cwd);
  const readyMs = performance.now() - t0;
  try {
    const pid = c.child.pid as number;
    const rssAfterStartKiB = rssKiB(pid);
    const r = await render(browser, c.ready.url as string, staticDir, t0, 30_000);
    await new Promise((res) => setTimeout(res, 200));
    return { ...r, readyMs, rssAfterStartKiB, rssAfterRenderKiB: rssKiB(pid), peakKiB: rssKiB(pid, 'VmHWM') };
  } finally {
    await c.stop();
  }
}

/** RSS of the same child that loads nothing: node + tsx alone. */
export async function baselineRssKiB(env: Record<string, string>, cwd: string): Promise<number> {
  const c = await startChild('idle', '', env, cwd);
  try {
    return rssKiB(c.child.pid as number);
  } finally {
    await c.stop();
  }
}
