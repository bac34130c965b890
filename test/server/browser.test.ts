// Browser mode in a real browser (Debian's Chromium through playwright-core): the printed link
// signs in and lands on / with an httpOnly cookie, the CSP blocks inline script, the real
// ws-client talks to /api and /pty from the page, and another origin on the same machine (a
// different port: same site, so the cookie goes along) cannot use the socket or read a page. A
// host name resolved to 127.0.0.1 (DNS rebinding, via --host-resolver-rules) gets nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import type { AppInfo } from '../../main/common/contract-views';
import { startWebServer, type WebServer } from '../../main/server/index';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

const chromiumPath = '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);

interface PageApi {
  onrampTest: {
    client: import('../../main/common/contract').OnrampClient;
    connectPty: typeof import('../../renderer/client/ws-client').connectPty;
  };
}

let dir: string;
let t: TempHome;
let server: WebServer;
let evil: Server;
let evilOrigin: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!haveChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'onramp-browser-fixture-'));
  // The real client, bundled the way Vite bundles the renderer.
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('./fixtures/browser-entry.ts', import.meta.url)),
        formats: ['es'],
        fileName: () => 'app.js',
      },
    },
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>fixture</title>' +
      '<script type="module" src="/app.js"></script>' +
      '<script>window.inlineRan = true</script></head><body>fixture</body></html>',
  );
  t = makeTempHome();
  writeFileSync(join(t.home, '.bashrc'), "PS1='$ '\n");
  server = await startWebServer({
    env: t.env,
    cwd: t.home,
    staticDir: dir,
    version: 'browser-test',
    shell: '/bin/bash',
  });
  evil = createServer((_q, r) =>
    r.writeHead(200, { 'content-type': 'text/html' }).end('<title>evil</title>'),
  );
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
  evilOrigin = `http://127.0.0.1:${(evil.address() as { port: number }).port}`;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP rebind.test 127.0.0.1',
    ],
  });
  page = await (await browser.newContext()).newPage();
}, 120_000);

afterAll(async () => {
  if (!haveChromium) return;
  await browser?.close();
  await server?.close();
  await new Promise((r) => evil?.close(r));
  t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveChromium)('browser mode in Chromium', () => {
  it('signs in from the printed link, lands on / without the token, cookie hidden from script, inline script blocked', async () => {
    const violations: string[] = [];
    page.on('console', (m) => violations.push(m.text()));
    await page.goto(server.url);
    await page.waitForURL(`${server.origin}/`);
    await page.waitForFunction(() => 'onrampTest' in globalThis);
    expect(await page.title()).toBe('fixture');
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => (globalThis as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    expect(violations.join('\n')).toMatch(/Content Security Policy/);
    const cookies = await page.context().cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(page.url()).not.toContain(server.token);
  });

  it('calls the contract and receives events through ws-client in the page', async () => {
    const info = await page.evaluate(() =>
      (globalThis as unknown as PageApi).onrampTest.client.call('app.info', {}),
    );
    expect(info).toMatchObject({ ok: true, value: { transport: 'browser', version: 'browser-test' } });
    expect((info as { value: AppInfo }).value.home).toBe(t.home);
    const progress = await page.evaluate(async () => {
      const { client } = (globalThis as unknown as PageApi).onrampTest;
      const seen: unknown[] = [];
      const off = client.on('doctor.progress', (p) => seen.push(p));
      const r = await client.call('doctor.run', { modules: [], hosts: [], timeoutMs: 2000 });
      off();
      return { ok: r.ok, events: seen.length };
    });
    expect(progress.ok).toBe(true);
    expect(progress.events).toBeGreaterThan(0);
  });

  it('runs a shell through connectPty in the page', async () => {
    const out = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          let text = '';
          const pty = (globalThis as unknown as PageApi).onrampTest.connectPty(
            (d) => (text += d),
            () => resolve(text),
            { cols: 80, rows: 24 },
          );
          pty.write('echo "h""i-from-browser"; exit\r');
        }),
    );
    expect(out).toMatch(/[\r\n]hi-from-browser\r\n/);
  });

  it('another origin on this machine cannot open the socket or read a page, though it shares the cookie', async () => {
    const other = await page.context().newPage();
    await other.goto(evilOrigin);
    const result = await other.evaluate(async (origin) => {
      const ws = await new Promise<string>((resolve) => {
        const s = new WebSocket(`${origin.replace('http', 'ws')}/api`);
        s.onopen = () => resolve('open');
        s.onerror = () => resolve('refused');
      });
      const read = await fetch(`${origin}/`, { credentials: 'include' })
        .then((r) => r.text())
        .catch(() => 'blocked');
      const post = await fetch(`${origin}/api`, {
        method: 'POST',
        mode: 'no-cors',
        body: '{}',
        credentials: 'include',
      })
        .then(() => 'sent')
        .catch(() => 'blocked');
      return { ws, read, post };
    }, server.origin);
    expect(result.ws).toBe('refused');
    expect(result.read).toBe('blocked');
    // no-cors POSTs go out opaquely; the server refused it (403, see attacks.test.ts)
    expect(['sent', 'blocked']).toContain(result.post);
    await other.close();
  });

  it('a rebinding host name resolving to 127.0.0.1 gets a 403, not the app', async () => {
    const other = await page.context().newPage();
    const r = await other.goto(`http://rebind.test:${server.port}/?token=${server.token}`);
    expect(r?.status()).toBe(403);
    expect(await other.content()).not.toContain('fixture');
    await other.close();
  });

  it('without a build, the page says how to build the renderer', async () => {
    const bare = await startWebServer({ env: t.env, cwd: t.home, staticDir: join(dir, 'missing') });
    try {
      const other = await page.context().newPage();
      await other.goto(bare.url);
      await other.waitForURL(`${bare.origin}/`);
      expect(await other.textContent('body')).toContain('npm run build:renderer');
      await other.close();
    } finally {
      await bare.close();
    }
  });
});
