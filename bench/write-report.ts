// Writes a report: <out>/<ISO date>-<host>.json and .md, <out>/latest.md, and (full runs into
// bench/results only) the summary block of bench/README.md. Each file is written to a temp name
// and renamed, so a reader never sees half a report.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportMarkdown, summaryTable } from './report-md';
import type { BenchReport } from './types';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const defaultResultsDir = join(benchDir, 'results');
const readme = join(benchDir, 'README.md');
const BEGIN = '<!-- bench:latest:begin -->';
const END = '<!-- bench:latest:end -->';

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

export function reportBaseName(r: BenchReport): string {
  const stamp = r.startedAt.replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
  const host = r.machine.before.hostname.replace(/[^A-Za-z0-9.-]/g, '_');
  return `${stamp}-${host}${r.mode === 'smoke' ? '-smoke' : ''}`;
}

export interface Written {
  json: string;
  md: string;
  latest: string;
  readme?: string;
}

export async function writeReport(r: BenchReport, outDir: string): Promise<Written> {
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, reportBaseName(r));
  const md = reportMarkdown(r);
  const written: Written = { json: `${base}.json`, md: `${base}.md`, latest: join(outDir, 'latest.md') };
  writeAtomic(written.json, `${JSON.stringify(r, null, 2)}\n`);
  writeAtomic(written.md, `${md}\n`);
  writeAtomic(written.latest, `${md}\n`);
  if (r.mode === 'full' && outDir === defaultResultsDir && existsSync(readme)) {
    const text = readFileSync(readme, 'utf8');
    const a = text.indexOf(BEGIN);
    const b = text.indexOf(END);
    if (a >= 0 && b > a) {
      const m = r.machine.before;
      const block = [
        BEGIN,
        '',
        `Latest full run: ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel} × ${m.cores} cores, ${m.memoryGiB} GiB, node ${m.node}, go ${m.go.split(' ')[0]}, git ${m.git} (load average before ${m.loadAverage[0]}). Full report: [results/latest.md](results/latest.md).`,
        '',
        ...summaryTable(r),
        '',
        END,
      ].join('\n');
      // formatted as the repo's prettier config wants, so `npm run lint` stays green after a run
      const prettier = await import('prettier');
      const options = (await prettier.resolveConfig(readme)) ?? {};
      const next = await prettier.format(text.slice(0, a) + block + text.slice(b + END.length), {
        ...options,
        parser: 'markdown',
      });
      writeAtomic(readme, next);
      written.readme = readme;
    }
  }
  return written;
}
