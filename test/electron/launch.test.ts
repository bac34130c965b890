// Launches the real app with Playwright's Electron driver and checks, from inside, what the
// stand-in tests assert from outside: our origin, no Node in the page, the contract API on
// window.onramp, a working IPC round trip, the CSP, navigation and window.open refused.
// The Electron binary cannot be downloaded on the development machines (its postinstall is
// denied), so this test SKIPS, saying why, wherever the binary is missing or there is no display.
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bundleElectron } from '../../build/bundle-electron';
import { methods } from '../../main/common/contract';
import { preloadNames } from '../../main/common/contract-wire';

/** The Electron executable, or why there is none. */
function electronBinary(): { path: string } | { missing: string } {
  if (!existsSync('node_modules/electron/dist'))
    return {
      missing: 'node_modules/electron/dist is absent (the electron postinstall download did not run)',
    };
  let path: string;
  try {
    // electron's index.js only resolves the path of the binary; it does not start it.
    path = createRequire(import.meta.url)('electron') as string;
  } catch (e) {
    return { missing: `require('electron') failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return { missing: `${path} is not executable` };
  }
  return { path };
}

function noDisplay(): string | undefined {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return 'no DISPLAY or WAYLAND_DISPLAY (run under xvfb-run)';
}

const minimalPage =
  '<!doctype html><html><head><meta charset="utf-8"><title>Onramp</title></head><body></body></html>';

describe('the packaged shell, launched', () => {
  it('runs isolated, sandboxed, on app://onramp with the contract on window.onramp', async (ctx) => {
    const bin = electronBinary();
    if ('missing' in bin) return ctx.skip(`Electron binary missing: ${bin.missing}`);
    const why = noDisplay();
    if (why) return ctx.skip(why);

    const work = mkdtempSync(join(tmpdir(), 'onramp-launch-'));
    const { main } = await bundleElectron(join(work, 'dist', 'electron'));
    const renderer = join(work, 'dist', 'renderer');
    if (existsSync('dist/renderer/index.html')) cpSync('dist/renderer', renderer, { recursive: true });
    else {
      mkdirSync(renderer, { recursive: true });
      writeFileSync(join(renderer, 'index.html'), minimalPage);
    }
    const app = await _electron.launch({
      executablePath: bin.path,
      args: [main],
      // Own config dir: own preferences and single-instance lock, apart from an installed copy.
      env: { ...process.env, XDG_CONFIG_HOME: join(work, 'config'), ONRAMP_DATA_DIR: join(work, 'data') },
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toBe('app://onramp/index.html');

      const inside = await page.evaluate(() => {
        const g = globalThis as unknown as Record<string, unknown> & { onramp: Record<string, unknown> };
        return { require: typeof g.require, process: typeof g.process, api: Object.keys(g.onramp).sort() };
      });
      expect(inside).toEqual({
        require: 'undefined',
        process: 'undefined',
        api: [...methods.map((m) => preloadNames[m]), 'on'].sort(),
      });

      const info = await page.evaluate(() =>
        (globalThis as unknown as { onramp: { appInfo(i: object): Promise<unknown> } }).onramp.appInfo({}),
      );
      expect(info).toMatchObject({ ok: true, value: { transport: 'electron' } });

      // Electron has no getter for a window's webPreferences (getLastWebPreferences is gone);
      // the options are asserted on the factory (window.test.ts), their effect here.
      const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
      expect(windows).toBe(1);

      const csp = await page.evaluate(async () =>
        (await fetch('app://onramp/index.html')).headers.get('content-security-policy'),
      );
      expect(csp).toContain("script-src 'self'");

      const opened = await page.evaluate(
        () => (globalThis as unknown as { open(u: string): unknown }).open('https://example.com/') === null,
      );
      expect(opened).toBe(true);
      await page.evaluate(() => {
        (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://onramp/index.html');
    } finally {
      await app.close();
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
