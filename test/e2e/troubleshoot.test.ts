// Troubleshooting against the real service: a pasted error gets the root cause the service
// finds; the doctor finds a proxy leak, its fix is planned, shown as a diff, applied, and the
// automatic re-check is green; the change is then undone from History.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { taxonomyTitles, type TaxonomyId } from '../../main/common/explain/taxonomy';
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

describe('troubleshooting', () => {
  it('paste an error and see the root cause, its evidence and fixes', async () => {
    app = await startApp(browser, { prepare: (m) => m.goenv('GOPRIVATE=') });
    const { page, m, server } = app;
    const output = m.fetch(`${m.sb.repos.lib.module}@v1.0.0`).output;
    const expected = await server.dispatcher.call('explain.text', { text: output });
    if (!expected.ok) throw new Error(expected.error.message);
    const primary = (expected.value as { causes: { id: TaxonomyId }[] }).causes[0]?.id;
    expect(primary).toBeDefined();

    await app.open('#/troubleshoot');
    await page.getByLabel('Paste the output of go, git or ssh').fill(output);
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    const cause = page.locator('.cause.primary');
    await cause.waitFor();
    expect(await cause.getAttribute('data-cause')).toBe(primary);
    await expect
      .poll(() => cause.locator('h3').textContent())
      .toContain(taxonomyTitles[primary as TaxonomyId]);
    expect(await cause.locator('.code-block.highlight').count()).toBeGreaterThan(0);
    await shot(page, 'explain-root-cause');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('run doctor → proxy-leak → fix add-goprivate → green; then undo it from History', async () => {
    const { page } = app as AppUnderTest;
    await page.getByRole('tab', { name: 'Run the doctor' }).click();
    await page.getByRole('button', { name: 'Run the doctor' }).click();
    const results = page.getByTestId('doctor-results');
    await results.waitFor({ timeout: 60_000 });
    const primary = page.locator('.finding.primary');
    await primary.waitFor();
    expect(await primary.getAttribute('data-finding')).toBe('proxy-leak');
    expect(await page.locator('.progress-list .progress-row').count()).toBeGreaterThan(0);
    await shot(page, 'doctor-findings');
    expect(await seriousViolations(page)).toEqual([]);

    await primary.getByRole('button', { name: /^Fix: Add the module path to GOPRIVATE/ }).click();
    await primary.getByRole('button', { name: 'Show the plan' }).click();
    const plan = primary.getByTestId('plan');
    await plan.waitFor({ timeout: 60_000 });
    expect(await plan.locator('.diff-line.add').first().textContent()).toContain('GOPRIVATE=');
    await plan.scrollIntoViewIfNeeded();
    await shot(page, 'fix-plan-diff');
    expect(await seriousViolations(page)).toEqual([]);

    await primary.getByRole('button', { name: 'Apply', exact: true }).click();
    const recheck = page.getByTestId('recheck');
    await recheck.waitFor({ timeout: 90_000 });
    await expect.poll(() => recheck.textContent(), { timeout: 90_000 }).toContain('No root cause left');
    expect(await page.locator('.verdict-line.ok').count()).toBeGreaterThan(0);
    await recheck.scrollIntoViewIfNeeded();
    await shot(page, 'fix-applied-green');

    await (app as AppUnderTest).open('#/history');
    await page.locator('.timeline-item').first().waitFor();
    // pinned by id: after the undo, the list refreshes and the undo entry is on top
    const id = await page.locator('.timeline-item').first().getAttribute('data-entry');
    const entry = page.locator(`.timeline-item[data-entry="${id}"]`);
    expect(await entry.locator('.timeline-title').textContent()).toContain('fix:');
    await shot(page, 'history-timeline');
    expect(await seriousViolations(page)).toEqual([]);
    await entry.getByRole('button', { name: 'Undo…' }).click();
    await entry.getByRole('button', { name: 'Undo this change' }).click();
    await entry.getByText('Undone.').waitFor({ timeout: 30_000 });
    // journal.changed refreshes the list: the undo is now the newest entry
    await expect
      .poll(() => page.locator('.timeline-item').first().locator('.timeline-title').textContent())
      .toMatch(/^↶/);
    await shot(page, 'history-undone');
    const doctor = await (app as AppUnderTest).m.doctor();
    expect(doctor.primary).toBe('proxy-leak');
    expect((app as AppUnderTest).errors).toEqual([]);
  });
});
