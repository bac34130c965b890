// One app under test: a temp HOME set up against the sandbox Git host (healthy by default, see
// test/scenarios/harness.ts), the real browser-mode server on it, and a signed-in page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { startWebServer, type WebServer } from '../../main/server/index';
import { machine, type Machine } from '../scenarios/harness';
import { collectPageErrors, newContext } from './browser';

export interface AppUnderTest {
  m: Machine;
  server: WebServer;
  context: BrowserContext;
  page: Page;
  /** console errors and uncaught exceptions seen so far */
  errors: string[];
  /** navigate to a screen by hash route, e.g. '#/troubleshoot' */
  open(hash: string): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(
  browser: Browser,
  opts: { ssh?: boolean; colorScheme?: 'light' | 'dark'; prepare?: (m: Machine) => void } = {},
): Promise<AppUnderTest> {
  const m = await machine({ ssh: opts.ssh });
  opts.prepare?.(m);
  // The first-run wizard is its own test; every other test starts on the screen it opens.
  const server = await startWebServer({
    env: { ...m.env },
    cwd: m.app,
    staticDir: join(process.cwd(), 'dist', 'renderer'),
    shell: '/bin/bash',
  });
  const context = await newContext(browser, opts.colorScheme);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(server.url);
  // the sign-in page refreshes to / once the session cookie is set
  await page.waitForURL(`${server.origin}/`);
  await page.evaluate(`localStorage.setItem('onramp.setupDone', '1')`);
  return {
    m,
    server,
    context,
    page,
    errors,
    async open(hash) {
      await page.goto(`${server.origin}/${hash}`);
      await page.locator('h1').first().waitFor();
    },
    async close() {
      await context.close();
      await server.close();
      m.cleanup();
    },
  };
}
