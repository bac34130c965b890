// Shared pieces of the differential tests that compare our git semantics with git itself:
// a seeded PRNG (a failure names its seed and is reproducible), a gitconfig writer that
// quotes like git expects, and a bounded pool so thousands of git runs finish quickly.
import { runTool, type RunResult } from '../../main/core/tool-runner';

/** mulberry32: small, fast, good enough to spread test cases. */
export function makeRng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => {
    if (xs.length === 0) throw new Error('pick from empty list');
    return xs[int(xs.length)] as T;
  };
  const chance = (p: number): boolean => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof makeRng>;

/** The seed: ONRAMP_DIFF_SEED reproduces a failing run. */
export function diffSeed(fallback: number): number {
  const s = process.env.ONRAMP_DIFF_SEED;
  return s && /^\d+$/.test(s) ? Number(s) : fallback;
}

/** A value or subsection in double quotes, with `\` and `"` escaped (git-config(1) syntax). */
export function quoteConfig(s: string): string {
  return (
    '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t') + '"'
  );
}

export interface ConfigLine {
  section: string;
  subsection?: string;
  name: string;
  /** undefined writes `name` alone (a key without value) */
  value?: string;
}

/** Writes one `[section "sub"]` header per line so the order of entries is exactly the input's. */
export function renderConfig(lines: readonly ConfigLine[]): string {
  return lines
    .map((l) => {
      const header =
        l.subsection === undefined ? `[${l.section}]` : `[${l.section} ${quoteConfig(l.subsection)}]`;
      const body = l.value === undefined ? `\t${l.name}` : `\t${l.name} = ${quoteConfig(l.value)}`;
      return `${header}\n${body}\n`;
    })
    .join('');
}

/** Runs tasks with at most `limit` in flight; results keep the input order. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function git(args: string[], env: Record<string, string>, cwd: string): Promise<RunResult> {
  return runTool('git', args, { env, cwd, timeoutMs: 20_000 });
}
