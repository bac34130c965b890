// Every fixture in test/fixtures/explain is real tool output (public bug reports, or captures
// against loopback services on the sandbox): the primary cause must match `# expect:` and
// every `# secondary:` id must be folded into it.
import { afterAll, describe, expect, it } from 'vitest';
import { explainOutput, isTaxonomyId, type ExplainResult } from '../../main/common/explain';
import { loadFixtures } from './explain-fixtures';

const fixtures = loadFixtures();
const perClass = new Map<string, { pass: number; total: number }>();

function record(id: string, ok: boolean): void {
  const row = perClass.get(id) ?? { pass: 0, total: 0 };
  row.total++;
  if (ok) row.pass++;
  perClass.set(id, row);
}

function summary(r: ExplainResult): string {
  return r.causes
    .map((c) => `${c.id}(${c.confidence})${c.secondary ? `[${c.secondary.join(',')}]` : ''}`)
    .join(' ');
}

describe('explain fixtures', () => {
  it('has enough real-world coverage', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(80);
    expect(new Set(fixtures.map((f) => f.expect)).size).toBeGreaterThanOrEqual(30);
    for (const f of fixtures) {
      expect(isTaxonomyId(f.expect), `${f.file}: ${f.expect}`).toBe(true);
      for (const s of f.secondary) expect(isTaxonomyId(s), `${f.file}: ${s}`).toBe(true);
      expect(f.source, `${f.file} needs a # source: header`).toMatch(/^(https:\/\/|captured: )/);
    }
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const result = explainOutput(f.body, f.context);
    const primary = result.causes[0];
    const ok = primary?.id === f.expect && f.secondary.every((s) => primary.secondary?.includes(s as never));
    record(f.expect, ok);
    expect(primary?.id, summary(result)).toBe(f.expect);
    for (const s of f.secondary) expect(primary?.secondary ?? [], summary(result)).toContain(s);
    // Every fixture's primary cause must quote at least one input line as evidence.
    expect(primary?.evidence.length).toBeGreaterThan(0);
  });

  afterAll(() => {
    const rows = [...perClass.entries()].sort(([a], [b]) => a.localeCompare(b));
    const pass = rows.reduce((n, [, r]) => n + r.pass, 0);
    const total = rows.reduce((n, [, r]) => n + r.total, 0);
    const lines = rows.map(([id, r]) => `  ${id.padEnd(26)} ${r.pass}/${r.total}`);
    console.log(
      `explain fixtures by primary id (${pass}/${total} pass, ${rows.length} ids):\n${lines.join('\n')}`,
    );
  });
});
