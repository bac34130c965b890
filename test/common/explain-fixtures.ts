// Loads test/fixtures/explain/*.txt: header lines `# expect: <id>`, optional `# secondary: a,b`,
// `# source: <url or capture note>`, `# context: {json}`, then the raw tool output.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExplainContext } from '../../main/common/explain';

export interface Fixture {
  file: string;
  expect: string;
  secondary: string[];
  source: string;
  context: ExplainContext;
  body: string;
}

export const fixtureDir = join(import.meta.dirname, '..', 'fixtures', 'explain');

const header = /^# (expect|secondary|source|context): ?(.*)$/;

export function parseFixture(file: string, raw: string): Fixture {
  const lines = raw.split('\n');
  const fields: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = header.exec(lines[i] ?? '');
    if (!m?.[1]) break;
    fields[m[1]] = m[2] ?? '';
  }
  if (!fields.expect) throw new Error(`${file}: missing "# expect:" header`);
  return {
    file,
    expect: fields.expect.trim(),
    secondary: (fields.secondary ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    source: fields.source ?? '',
    context: fields.context ? (JSON.parse(fields.context) as ExplainContext) : {},
    body: lines.slice(i).join('\n'),
  };
}

export function loadFixtures(): Fixture[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseFixture(f, readFileSync(join(fixtureDir, f), 'utf8')));
}
