// Every screen renders on a healthy machine at 1024×700, in light and dark, keyboard-reachable,
// with no serious or critical axe violations and nothing on the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, seriousViolations, shot } from './browser';
import { startApp, type AppUnderTest } from './app';

let browser: Browser;
let app: AppUnderTest | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const screens = ['dashboard', 'troubleshoot', 'credentials', 'history', 'terminal', 'setup'] as const;

describe('every screen', () => {
  it('renders, passes axe and is reachable by keyboard (light theme)', async () => {
    app = await startApp(browser);
    const { page } = app;
    for (const s of screens) {
      await app.open(`#/${s}`);
      await page
        .locator('.busy .spinner')
        .first()
        .waitFor({ state: 'detached', timeout: 30_000 })
        .catch(() => {});
      if (s === 'dashboard') await page.getByTestId('host-card').first().waitFor();
      if (s === 'terminal') await page.getByTestId('xterm').waitFor();
      if (s === 'credentials') await page.locator('#netrc-title').waitFor();
      if (s === 'history') await page.locator('.empty, .timeline').first().waitFor();
      await shot(page, `screen-${s}-light`);
      expect(await seriousViolations(page), `axe on ${s}`).toEqual([]);
    }
    // keyboard: the first Tab reaches the skip link, the next ones the navigation
    // a fresh page, so the first Tab starts at the top of the document
    const kb = await app.context.newPage();
    await kb.goto(`${app.server.origin}/#/dashboard`);
    await kb.getByTestId('host-card').first().waitFor();
    await kb.keyboard.press('Tab');
    expect(await kb.evaluate('document.activeElement.textContent')).toContain('Skip to content');
    await kb.keyboard.press('Tab');
    expect(await kb.evaluate('document.activeElement.getAttribute("href")')).toBe('#/dashboard');
    await kb.keyboard.press('Tab');
    await shot(kb, 'keyboard-focus');
    await kb.close();
    expect(app.errors).toEqual([]);
  });

  it('dark theme follows the OS, and the toggle switches it', async () => {
    await app?.close();
    app = await startApp(browser, { colorScheme: 'dark' });
    const { page } = app;
    await app.open('#/dashboard');
    await page.getByTestId('host-card').first().waitFor();
    const bg = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(bg).toBe('rgb(14, 17, 22)');
    await shot(page, 'screen-dashboard-dark');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /System theme/ }).click();
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('light');
    await page.getByRole('button', { name: /Light theme/ }).click();
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    await app.open('#/troubleshoot');
    await shot(page, 'screen-troubleshoot-dark');
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('warns where an exported variable overrides the go env file', async () => {
    await app?.close();
    app = await startApp(browser, { prepare: (m) => (m.env.GOPRIVATE = 'github.com/someone-else') });
    const { page } = app;
    await app.open('#/dashboard');
    const row = page.locator('.env-table tr.warned', { hasText: 'GOPRIVATE' });
    await row.waitFor();
    expect(await row.textContent()).toContain('OS environment');
    const warning = page.locator('.env-table tr.warn-row', { hasText: 'GOPRIVATE' });
    expect(await warning.textContent()).toContain('overrides "*.corp.test" in the go env file');
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-env-override');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
