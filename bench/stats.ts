// Summaries and verdicts: min/median/max over samples, a target check on the median, and the
// "missed by how much" wording the report uses.
import type { Metric, Stat, Target, Unit } from './types';

export function stat(samples: readonly number[]): Stat {
  if (samples.length === 0) return { min: NaN, median: NaN, max: NaN, n: 0 };
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return { min: s[0] as number, median, max: s[s.length - 1] as number, n: s.length };
}

/** Elementwise a[i] / b[i]: ratios taken within one repetition, so drift cancels. */
export function ratios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((x, i) => x / (b[i] as number));
}

export const sum = (xs: readonly number[]) => xs.reduce((acc, x) => acc + x, 0);

export function meets(value: number, t: Target): boolean {
  return t.op === '<=' ? value <= t.value : value < t.value;
}

export function formatValue(v: number, unit: Unit): string {
  if (!Number.isFinite(v)) return '–';
  switch (unit) {
    case 'ms':
      return v >= 10_000
        ? `${(v / 1000).toFixed(2)} s`
        : v >= 100
          ? `${v.toFixed(0)} ms`
          : `${v.toFixed(1)} ms`;
    case 'x':
      return `${v.toFixed(v < 0.1 ? 3 : 2)}×`;
    case 'KB':
      return `${v.toFixed(1)} KB`;
    case 'MB':
      return `${v.toFixed(1)} MB`;
    case '%':
      return `${v.toFixed(0)} %`;
    default:
      return Number.isInteger(v) ? String(v) : v.toFixed(1);
  }
}

export function formatTarget(t: Target, unit: Unit): string {
  return `${t.op === '<=' ? '≤' : '<'} ${formatValue(t.value, unit)}`;
}

/** "+0.42× (32 % over)": how far the median is past the target. */
export function missedBy(value: number, t: Target, unit: Unit): string {
  const over = value - t.value;
  const p = t.value !== 0 ? (over / t.value) * 100 : NaN;
  const pct = Number.isFinite(p) ? ` (${p.toFixed(p < 1 ? 2 : p < 10 ? 1 : 0)} % over)` : '';
  return `+${formatValue(over, unit)}${pct}`;
}

export interface MetricInput {
  id: string;
  label: string;
  unit: Unit;
  samples: readonly number[];
  target?: Target;
  /** what limits it, shown when the target is missed */
  limit?: string;
  note?: string;
}

/** A metric judged on its median. */
export function metric(m: MetricInput): Metric {
  const s = stat(m.samples);
  const out: Metric = { id: m.id, label: m.label, unit: m.unit, stat: s, verdict: 'no target' };
  if (m.note) out.note = m.note;
  if (m.target) {
    out.target = m.target;
    if (meets(s.median, m.target)) out.verdict = 'met';
    else {
      out.verdict = 'missed';
      out.missedBy = missedBy(s.median, m.target, m.unit);
      if (m.limit) out.limit = m.limit;
    }
  }
  return out;
}

/** Runs fn `runs` times one after another and returns each duration in ms. */
export async function timeRuns(
  runs: number,
  fn: (i: number) => Promise<unknown> | unknown,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}
