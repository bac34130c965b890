// The first-run wizard on a machine with nothing set up for the sandbox host (no GOPRIVATE, no
// netrc): preset → security review → plan with a diff → token → apply with progress →
// verification streamed live → done, with what changed and how to undo it.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
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

describe('setup wizard', () => {
  it('takes a bare machine to a verified fetch', async () => {
    app = await startApp(browser, {
      prepare: (m) => {
        m.goenv('GOPRIVATE=');
        rmSync(join(m.home, '.netrc'));
      },
    });
    const { page, m } = app;
    const module = m.sb.repos.lib.module;
    const step = () => page.locator('.wizard-panel').getAttribute('data-step');

    // first run lands in the wizard by itself
    await page.evaluate(`localStorage.removeItem('onramp.setupDone')`);
    await page.goto(`${app.server.origin}/`);
    await page.locator('h1', { hasText: 'Set up private modules' }).waitFor();
    expect(await step()).toBe('source');
    await page.getByLabel('Another self-hosted Git server').check();
    await page.getByLabel('Server address').fill(`https://${m.sb.hosts.git}`);
    await page.getByLabel('Organisation or group (optional)').fill('acme');
    await page.getByLabel('A module to check the result with').fill(`${module}@v1.2.0`);
    await shot(page, 'wizard-1-source');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next: review' }).click();

    await expect.poll(step).toBe('review');
    await page.locator('[data-review="profile-builtin"]').waitFor();
    await shot(page, 'wizard-2-review');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next: make the plan' }).click();

    await expect.poll(step).toBe('plan');
    const plan = page.getByTestId('plan');
    await plan.waitFor({ timeout: 30_000 });
    expect(await plan.locator('.diff-line.add').first().textContent()).toContain(
      `GOPRIVATE=${m.sb.hosts.git}/acme`,
    );
    await shot(page, 'wizard-3-plan');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next: credentials' }).click();

    await expect.poll(step).toBe('credentials');
    await page.getByLabel('Login').fill('alice');
    await page.getByLabel('Token', { exact: true }).fill(m.sb.users.alice.token);
    await page.getByRole('button', { name: 'Check and show the final plan' }).click();
    const netrcLine = page.locator('.diff-line.add', {
      hasText: `machine ${m.sb.hosts.git} login alice password`,
    });
    await netrcLine.waitFor({ timeout: 30_000 });
    // the token itself never comes back to the page
    expect(await page.content()).not.toContain(m.sb.users.alice.token);
    await netrcLine.scrollIntoViewIfNeeded();
    await shot(page, 'wizard-4-credentials');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next: apply' }).click();

    await expect.poll(step).toBe('apply');
    await shot(page, 'wizard-5-apply');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Apply', exact: true }).click();

    // the first streamed line of the verification moves the wizard on, live
    await expect.poll(step, { timeout: 60_000 }).toBe('verify');
    const verdict = page.getByTestId('verify-summary').locator('.verdict-line');
    await verdict.waitFor({ timeout: 90_000 });
    expect(await verdict.textContent()).toContain('Verification passed');
    expect(await page.locator('.xterm-rows').textContent()).toContain('✓');
    await shot(page, 'wizard-6-verify');
    await page.getByRole('button', { name: 'Next: done' }).click();

    await expect.poll(step).toBe('done');
    expect(await page.locator('.done-list').textContent()).toContain('onramp undo');
    await shot(page, 'wizard-7-done');
    expect(await seriousViolations(page)).toEqual([]);
    // the wizard's changes are real: go downloads the module outside the app, with a fresh cache
    // (the preset points GOPROXY at proxy.golang.org, unreachable here, so the doctor would
    // rightly complain about the public proxy; the private module does not use it)
    const fetched = m.fetch(`${module}@v1.2.0`);
    expect(fetched.output).toContain('"Version": "v1.2.0"');
    expect(fetched.ok).toBe(true);
    expect(await page.evaluate(`localStorage.getItem('onramp.setupDone')`)).toBe('1');
    expect(app.errors).toEqual([]);
  });
});
