// `npm run bench [-- --smoke] [--runs N] [--only id,…] [--out DIR]`: measures how fast Onramp gets
// a machine to green and how fast it says what is wrong, against the sandbox Git host on
// loopback, and writes a JSON and a markdown report. It reports; it never fails on a missed
// target (exit 1 only when the benchmark itself could not run).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadAverage, machineInfo } from './machine-info';
import { summaryTable } from './report-md';
import { sections } from './sections/index';
import type { BenchContext, BenchReport, SectionResult } from './types';
import { defaultResultsDir, writeReport } from './write-report';

const usage = `usage: npm run bench -- [--smoke] [--runs N] [--only ID,…] [--out DIR]
  --smoke    tiny sizes, one run each (what CI may run)
  --runs N   repetitions per measurement (default 5; at least 5 for a full report)
  --only     run only these sections: ${sections.map((s) => s.id).join(', ')}
  --out DIR  where to write the reports (default bench/results, or bench/results/smoke)`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      runs: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const smoke = values.smoke === true;
  const runs = values.runs !== undefined ? Number(values.runs) : smoke ? 1 : 5;
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`--runs must be a positive integer\n${usage}\n`);
    return 2;
  }
  const only = values.only?.split(',').map((s) => s.trim());
  const unknown = only?.filter((id) => !sections.some((s) => s.id === id)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(`unknown section ${unknown.join(', ')}\n${usage}\n`);
    return 2;
  }
  const outDir = values.out
    ? resolve(values.out)
    : smoke
      ? resolve(defaultResultsDir, 'smoke')
      : defaultResultsDir;
  const t0 = Date.now();
  const log = (line: string) =>
    process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(1)} s] ${line}\n`);
  const ctx: BenchContext = { smoke, runs, log };
  const startedAt = new Date().toISOString();
  const before = machineInfo();
  log(
    `${smoke ? 'smoke' : 'full'} run, ${runs} run(s) each, on ${before.cpuModel} × ${before.cores}, load ${before.loadAverage.join(' ')}`,
  );
  const results: SectionResult[] = [];
  for (const s of sections) {
    if (only && !only.includes(s.id)) continue;
    log(`— ${s.title}`);
    const st = performance.now();
    try {
      const r = await s.run(ctx);
      results.push({ id: s.id, title: s.title, durationMs: performance.now() - st, ...r });
    } catch (e) {
      const err = e as Error;
      log(`${s.title} failed: ${err.stack ?? err.message}`);
      results.push({
        id: s.id,
        title: s.title,
        status: 'failed',
        reason: err.message.split('\n')[0] ?? 'error',
        metrics: [],
        notes: [],
        durationMs: performance.now() - st,
      });
    }
  }
  const report: BenchReport = {
    tool: 'onramp-bench',
    version: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    runs,
    machine: { before, loadAverageAfter: loadAverage() },
    sections: results,
  };
  const w = await writeReport(report, outDir);
  process.stdout.write(`${summaryTable(report).join('\n')}\n\n`);
  process.stdout.write(
    `wrote ${w.json}\n      ${w.md}\n      ${w.latest}\n${w.readme ? `      ${w.readme}\n` : ''}`,
  );
  return 0;
}

const code = await main(process.argv.slice(2)).catch((e: Error) => {
  process.stderr.write(`bench: ${e.message}\n`);
  return 1;
});
process.exitCode = code;
