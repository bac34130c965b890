// Credentials against the real services: a token is checked with the sandbox host and stored in
// a real keychain, listed as managed; a rotation to a token git refuses is rolled back, one to
// a fresh token goes through; then it is removed. The page never receives a token back.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useTestKeyring } from '../helpers/keyring';
import { startHostApi, type HostApiStandIn } from '../sandbox/host-api';
import { launchChromium, seriousViolations, shot } from './browser';
import { startApp, type AppUnderTest } from './app';

// a real Secret Service on a private D-Bus (see test/helpers/keyring.ts)
const keyring = useTestKeyring();
let browser: Browser;
let app: AppUnderTest | undefined;
let api: HostApiStandIn | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await api?.stop();
  await app?.close();
  await browser?.close();
});

describe('credentials', () => {
  it('adds, rotates and removes a token', async () => {
    app = await startApp(browser, {
      prepare: (m) => {
        rmSync(join(m.home, '.netrc'));
        Object.assign(m.env, keyring.kr.env);
      },
    });
    const { page, m } = app;
    const { alice, bob } = m.sb.users;
    await app.open('#/credentials');
    await page.getByText(/Keychain: /).waitFor();

    await page.getByLabel('Host', { exact: true }).fill(m.sb.hosts.git);
    await page.getByLabel('Account').fill('alice');
    await page.getByLabel('Token', { exact: true }).fill(alice.token);
    await page.getByLabel('Host kind').selectOption('generic');
    await page.getByLabel('A module on the host (optional)').fill(`${m.sb.repos.lib.module}@v1.2.0`);
    await page.getByLabel('A repository the token can read (optional)').fill('acme/lib');
    await page.getByRole('button', { name: 'Check and store the token' }).click();
    const added = page.locator('[data-testid="token-added"], .token-form [role="alert"]').first();
    await added.waitFor({ timeout: 60_000 });
    await added.scrollIntoViewIfNeeded();
    await shot(page, 'credentials-token-added');
    expect(await added.getAttribute('data-testid'), (await added.textContent()) ?? '').toBe('token-added');

    const row = page.locator(`[data-secret="alice@${m.sb.hosts.git}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'credentials-managed');
    expect(await seriousViolations(page)).toEqual([]);

    // bob's token under alice's name fails the verification: rolled back, nothing changed
    await row.getByRole('button', { name: 'Rotate…' }).click();
    await row.getByLabel('New token').fill(bob.token);
    await row.getByRole('button', { name: 'Rotate', exact: true }).click();
    const refused = row.locator('.callout[role="status"]', { hasText: 'Not rotated.' });
    await refused.waitFor({ timeout: 90_000 });
    expect(await refused.textContent()).toContain('Rolled back');
    await refused.scrollIntoViewIfNeeded();
    await shot(page, 'credentials-rotation-rolled-back');

    // a fresh token for alice (the sandbox's stand-in API mints one git accepts) goes through
    api = await startHostApi(m.sb);
    const fresh = api.issueToken({ user: 'alice', scopes: [], gitAccess: true });
    await row.getByLabel('New token').fill(fresh);
    await row.getByRole('button', { name: 'Rotate', exact: true }).click();
    const rotated = row.locator('.callout[role="status"]', { hasText: 'Rotated.' });
    await rotated.waitFor({ timeout: 90_000 });
    await rotated.scrollIntoViewIfNeeded();
    await shot(page, 'credentials-rotated');
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole('button', { name: 'Remove…' }).click();
    await row.getByRole('button', { name: 'Remove the token' }).click();
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0);
    const html = await page.content();
    for (const t of [alice.token, bob.token, fresh]) expect(html).not.toContain(t);
    expect(app.errors).toEqual([]);
  });
});
