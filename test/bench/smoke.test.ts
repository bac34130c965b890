// The benchmark's smoke mode (`npm run bench -- --smoke`): tiny sizes, one run each, against the
// real sandbox. Asserts that it finishes and writes its reports with every section present; it
// does not judge the numbers (the benchmark reports, it never fails on a target).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sections } from '../../bench/sections/index';
import type { BenchReport } from '../../bench/types';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'onramp-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench -- --smoke', () => {
  it('writes a JSON and a markdown report with every section', { timeout: 60_000 }, () => {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['bin/run-ts.mjs', 'bench/run.ts', '--smoke', '--out', out], {
      cwd: repo,
      env: process.env,
      encoding: 'utf8',
      timeout: 58_000,
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(Date.now() - t0).toBeLessThan(60_000);

    const files = readdirSync(out);
    const json = files.find((f) => /^\d{4}-\d\d-\d\dT\d{6}Z-.+-smoke\.json$/.test(f));
    const md = files.find((f) => /-smoke\.md$/.test(f));
    expect(json, files.join(', ')).toBeDefined();
    expect(md, files.join(', ')).toBeDefined();
    expect(files).toContain('latest.md');

    const report = JSON.parse(readFileSync(join(out, json as string), 'utf8')) as BenchReport;
    expect(report.mode).toBe('smoke');
    expect(report.machine.before.cores).toBeGreaterThan(0);
    expect(report.machine.before.go).not.toBe('');
    expect(report.sections.map((s) => s.id)).toEqual(sections.map((s) => s.id));
    for (const s of report.sections) {
      // a section may be "not measurable yet" (with a reason), but never fail or go missing
      // (off root the sandbox cannot run: those sections say so)
      if (!(s.status === 'failed' && /needs root/.test(s.reason ?? '')))
        expect(s.status, `${s.title}: ${s.reason ?? ''}`).not.toBe('failed');
      if (s.status === 'measured') expect(s.metrics.length, s.title).toBeGreaterThan(0);
      else expect(s.reason, s.title).toBeTruthy();
      for (const m of s.metrics) expect(m.stat.n, `${s.title}: ${m.label}`).toBeGreaterThan(0);
    }

    const text = readFileSync(join(out, md as string), 'utf8');
    expect(readFileSync(join(out, 'latest.md'), 'utf8')).toBe(text);
    for (const s of sections) expect(text).toContain(`## ${s.title}`);
    expect(text).toContain('## Machine');
    expect(text).toContain('## Closing note');
  });
});
