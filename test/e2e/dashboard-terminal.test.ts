// The dashboard draws a sandbox module's route (proxy bypassed, discovery answered, the VCS URL,
// netrc credential, CA), and a verification run of that module streams into the terminal.
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

describe('dashboard and terminal', () => {
  it('draws the route of a sandbox module', async () => {
    app = await startApp(browser);
    const { page, m } = app;
    await app.open('#/dashboard');
    const card = page.getByTestId('host-card').filter({ hasText: m.sb.hosts.git });
    await card.first().waitFor();
    expect(await card.first().textContent()).toContain('netrc login alice');

    // no dead ends: a refused input says what is wrong, what to do next, and offers a retry
    await page.getByLabel('Module path').fill('not a module');
    await page.getByRole('button', { name: 'Show route' }).click();
    const alert = page.locator('.route-box [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/not a module path.*(Next|What to do):/s);
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await alert.scrollIntoViewIfNeeded();
    await shot(page, 'error-panel');
    expect(await seriousViolations(page)).toEqual([]);

    const module = m.sb.repos.lib.module;
    await page.getByLabel('Module path').fill(module);
    await page.getByRole('button', { name: 'Show route' }).click();
    const diagram = page.getByTestId('route-diagram');
    await diagram.waitFor({ timeout: 60_000 });
    const station = (key: string) => diagram.locator(`[data-station="${key}"]`);
    expect(await station('proxy').textContent()).toContain('skips the proxy');
    expect(await station('sumdb').getAttribute('class')).toContain('skipped');
    expect(await station('discovery').textContent()).toContain(`${module}?go-get=1`);
    expect(await station('vcs').textContent()).toContain(`https://${m.sb.hosts.git}/acme/lib`);
    expect(await station('credential').textContent()).toContain('alice');
    expect(await station('ca').textContent()).toContain(m.sb.caFile);
    await page.getByRole('heading', { name: 'Route of a module' }).scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-route');
    await station('vcs').scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-route-vcs');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('heading', { name: 'go env' }).scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-goenv');
  });

  it('a verification run streams into the terminal', async () => {
    const { page, m } = app as AppUnderTest;
    await page.getByRole('button', { name: /^Verify git\.corp\.test/ }).click();
    await page.locator('h1', { hasText: 'Terminal' }).waitFor();
    await page.getByTestId('xterm').waitFor();
    const input = page.getByLabel('Module(s) to fetch with go');
    expect(await input.inputValue()).toBe(m.sb.repos.lib.module);
    await input.fill(`${m.sb.repos.lib.module}@v1.2.0`);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const rows = page.locator('.xterm-rows');
    // streamed: the step header appears before the run is over
    await expect.poll(() => rows.textContent(), { timeout: 30_000 }).toContain('▶');
    const verdict = page.getByTestId('verify-summary').locator('.verdict-line');
    await verdict.waitFor({ timeout: 90_000 });
    expect(await verdict.textContent()).toContain('Verification passed');
    expect(await rows.textContent()).toContain('✓ verification passed');
    await shot(page, 'terminal-verification');
    expect(await seriousViolations(page)).toEqual([]);
    // the search addon finds text in the output
    await page.getByLabel('Search the terminal output').fill('verification');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    expect(await page.locator('.term-search [role="status"]').textContent()).toBe('');

    // the host card now says when it was last verified
    await (app as AppUnderTest).open('#/dashboard');
    const card = page.getByTestId('host-card').filter({ hasText: m.sb.hosts.git }).first();
    await expect.poll(() => card.textContent()).toContain('passed');
    expect((app as AppUnderTest).errors).toEqual([]);
  });

  it('the shell tab runs a real shell over /pty', async () => {
    const { page } = app as AppUnderTest;
    await (app as AppUnderTest).open('#/terminal?tab=shell');
    await page.getByRole('button', { name: 'Start a shell' }).click();
    const rows = page.locator('.shell-tab .xterm-rows');
    await rows.waitFor();
    await page.keyboard.type('echo onramp-$((6*7))\n');
    await expect.poll(() => rows.textContent(), { timeout: 20_000 }).toContain('onramp-42');
    await shot(page, 'terminal-shell');
  });
});
