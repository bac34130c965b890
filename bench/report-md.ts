// The markdown report: machine, a summary of every target, one table per section, and a closing
// note with every missed target (by how much, and what limits it) and what is not measurable yet.
import { formatTarget, formatValue } from './stats';
import type { BenchReport, Metric, SectionResult } from './types';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function verdictText(m: Metric): string {
  if (m.verdict === 'met') return 'met';
  if (m.verdict === 'missed') return `**missed** by ${m.missedBy ?? '?'}`;
  return '';
}

function metricRow(m: Metric): string {
  const f = (v: number) => formatValue(v, m.unit);
  const target = m.target ? formatTarget(m.target, m.unit) : '';
  const label = m.note ? `${m.label} — ${m.note}` : m.label;
  return `| ${esc(label)} | ${f(m.stat.min)} | ${f(m.stat.median)} | ${f(m.stat.max)} | ${m.stat.n} | ${target} | ${verdictText(m)} |`;
}

function sectionMd(s: SectionResult): string[] {
  const out = [`## ${s.title}`, ''];
  if (s.status !== 'measured') {
    out.push(`**${s.status}**: ${s.reason ?? ''}`, '');
  }
  if (s.metrics.length > 0) {
    out.push(
      '| metric | min | median | max | runs | target | verdict |',
      '| --- | --: | --: | --: | --: | --- | --- |',
    );
    out.push(...s.metrics.map(metricRow), '');
  }
  if (s.notes.length > 0) out.push(...s.notes.map((n) => `- ${n}`), '');
  out.push(`_Section took ${formatValue(s.durationMs, 'ms')}._`, '');
  return out;
}

/** Every targeted metric, one row each: the summary printed to the console and into the README. */
export function summaryTable(r: BenchReport): string[] {
  const rows = ['| section | metric | median | target | verdict |', '| --- | --- | --: | --- | --- |'];
  for (const s of r.sections) {
    if (s.status !== 'measured') {
      rows.push(`| ${esc(s.title)} | — | — | — | ${s.status}: ${esc(s.reason ?? '')} |`);
      continue;
    }
    for (const m of s.metrics.filter((x) => x.target))
      rows.push(
        `| ${esc(s.title)} | ${esc(m.label)} | ${formatValue(m.stat.median, m.unit)} | ${m.target ? formatTarget(m.target, m.unit) : ''} | ${verdictText(m)} |`,
      );
  }
  return rows;
}

export function closingNote(r: BenchReport): string[] {
  const out = ['## Closing note', ''];
  const missed = r.sections.flatMap((s) =>
    s.metrics.filter((m) => m.verdict === 'missed').map((m) => ({ s, m })),
  );
  if (missed.length === 0) out.push('Every measured target was met.', '');
  else {
    out.push('Missed targets, by how much, and what limits them:', '');
    for (const { s, m } of missed)
      out.push(
        `- **${s.title} — ${m.label}**: median ${formatValue(m.stat.median, m.unit)} against ${m.target ? formatTarget(m.target, m.unit) : ''}, missed by ${m.missedBy}. ${m.limit ?? ''}`,
      );
    out.push('');
  }
  const open = r.sections.filter((s) => s.status !== 'measured');
  if (open.length > 0) {
    out.push('Not measured in this run:', '');
    for (const s of open) out.push(`- **${s.title}** (${s.status}): ${s.reason ?? ''}`);
    out.push('');
  }
  if (r.mode === 'smoke')
    out.push(
      'This is a smoke run (tiny sizes, one run each): its numbers are not comparable to a full run.',
      '',
    );
  return out;
}

export function reportMarkdown(r: BenchReport): string {
  const m = r.machine.before;
  const la = (x: number[]) => x.map((v) => v.toFixed(2)).join(' / ');
  const took = (Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000;
  return [
    `# Onramp benchmarks — ${r.startedAt.slice(0, 10)} on ${m.hostname}`,
    '',
    `Mode: **${r.mode}**, ${r.runs} run(s) per measurement unless a section says otherwise. Started ${r.startedAt}, took ${took.toFixed(0)} s. Ratios are taken within one repetition (baseline measured back to back), then summarized; verdicts are on the median. Produced by \`npm run bench${r.mode === 'smoke' ? ' -- --smoke' : ''}\`.`,
    '',
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    `| OS | ${esc(m.os)} |`,
    `| CPU | ${esc(m.cpuModel)} × ${m.cores} cores |`,
    `| memory | ${m.memoryGiB} GiB |`,
    `| node / go / git | ${m.node} / ${esc(m.go)} / ${esc(m.git)} |`,
    `| load average (1/5/15 min) | before ${la(m.loadAverage)}, after ${la(r.machine.loadAverageAfter)} |`,
    '',
    '## Summary',
    '',
    ...summaryTable(r),
    '',
    ...r.sections.flatMap(sectionMd),
    ...closingNote(r),
  ].join('\n');
}
