// Line-based unified diff for showing a person what a plan will do to one file. It is a display
// diff: a carriage return is shown as '␍' so a CRLF-only change is visible (a patch tool would
// not accept that), and a missing final newline gets git's "\ No newline at end of file" line.
//
// Matching is Myers' O(ND) algorithm in linear space (middle snake, as in diff-match-patch's
// bisect: https://neil.fraser.name/writing/diff/myers.pdf). Two cheap reductions keep the
// 10,000-line case fast: the common prefix and suffix are matched first, and lines that occur
// on only one side are dropped before matching (they can never be part of the longest common
// subsequence, so dropping them keeps the result minimal while shrinking D for rewrites).

export interface UnifiedDiffOptions {
  /** header label of the old side, e.g. 'a/home/me/.gitconfig' or '/dev/null' */
  oldLabel?: string;
  newLabel?: string;
  /** lines of context around each change; default 3 */
  context?: number;
}

interface SplitText {
  lines: string[];
  finalNewline: boolean;
}

function splitLines(text: string): SplitText {
  if (text === '') return { lines: [], finalNewline: true };
  const lines = text.split('\n');
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

/** Maps each line to an int; a last line without newline gets its own id, like diff(1). */
function internLines(a: SplitText, b: SplitText): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const encode = (s: SplitText): Int32Array => {
    const out = new Int32Array(s.lines.length);
    s.lines.forEach((line, i) => {
      const key = i === s.lines.length - 1 && !s.finalNewline ? `${line}\n<noeol>` : line;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      out[i] = id;
    });
    return out;
  };
  return [encode(a), encode(b)];
}

/** Matched index pairs (ai, bi), increasing, forming a longest common subsequence. */
export function matchSequences(a: Int32Array, b: Int32Array): Array<[number, number]> {
  // Lines present on only one side cannot match: drop them, match the rest, map back.
  const inA = new Set(a);
  const inB = new Set(b);
  const aKeep: number[] = [];
  const bKeep: number[] = [];
  a.forEach((v, i) => inB.has(v) && aKeep.push(i));
  b.forEach((v, i) => inA.has(v) && bKeep.push(i));
  const fa = Int32Array.from(aKeep, (i) => a[i] ?? -1);
  const fb = Int32Array.from(bKeep, (i) => b[i] ?? -1);
  const flat: number[] = [];
  diffRange(fa, 0, fa.length, fb, 0, fb.length, flat);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < flat.length; i += 2) out.push([aKeep[flat[i] ?? 0] ?? 0, bKeep[flat[i + 1] ?? 0] ?? 0]);
  return out;
}

function diffRange(
  a: Int32Array,
  aLo: number,
  aHi: number,
  b: Int32Array,
  bLo: number,
  bHi: number,
  out: number[],
) {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.push(aLo++, bLo++);
  let suffix = 0;
  while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
  aHi -= suffix;
  bHi -= suffix;
  if (aLo < aHi && bLo < bHi) bisect(a, aLo, aHi, b, bLo, bHi, out);
  for (let i = 0; i < suffix; i++) out.push(aHi + i, bHi + i);
}

/** Finds the middle snake of an optimal path and recurses on both halves. */
function bisect(
  a: Int32Array,
  aLo: number,
  aHi: number,
  b: Int32Array,
  bLo: number,
  bHi: number,
  out: number[],
) {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const off = maxD;
  const len = 2 * maxD + 2;
  const v1 = new Int32Array(len).fill(-1);
  const v2 = new Int32Array(len).fill(-1);
  v1[off + 1] = 0;
  v2[off + 1] = 0;
  const delta = n - m;
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  const at = (v: Int32Array, i: number) => v[i] ?? -1;
  for (let d = 0; d < maxD; d++) {
    if (d > TOO_EXPENSIVE) {
      splitAtFurthest(v1, off, d, n, m, a, aLo, aHi, b, bLo, bHi, out);
      return;
    }
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1o = off + k1;
      let x1 =
        k1 === -d || (k1 !== d && at(v1, k1o - 1) < at(v1, k1o + 1)) ? at(v1, k1o + 1) : at(v1, k1o - 1) + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
        x1++;
        y1++;
      }
      v1[k1o] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2o = off + delta - k1;
        if (k2o >= 0 && k2o < len && at(v2, k2o) !== -1 && x1 >= n - at(v2, k2o)) {
          diffRange(a, aLo, aLo + x1, b, bLo, bLo + y1, out);
          diffRange(a, aLo + x1, aHi, b, bLo + y1, bHi, out);
          return;
        }
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2o = off + k2;
      let x2 =
        k2 === -d || (k2 !== d && at(v2, k2o - 1) < at(v2, k2o + 1)) ? at(v2, k2o + 1) : at(v2, k2o - 1) + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[aHi - x2 - 1] === b[bHi - y2 - 1]) {
        x2++;
        y2++;
      }
      v2[k2o] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1o = off + delta - k2;
        if (k1o >= 0 && k1o < len && at(v1, k1o) !== -1) {
          const x1 = at(v1, k1o);
          const y1 = off + x1 - k1o;
          if (x1 >= n - x2) {
            diffRange(a, aLo, aLo + x1, b, bLo, bLo + y1, out);
            diffRange(a, aLo + x1, aHi, b, bLo + y1, bHi, out);
            return;
          }
        }
      }
    }
  }
  // No common line at all: everything is deleted and inserted (no matches to record).
}

/**
 * Past this many edits a range is split where the forward search got furthest, like GNU diff's
 * "too expensive" heuristic: the diff may be a little longer than minimal, but a shuffled
 * 10,000-line file no longer costs seconds.
 */
const TOO_EXPENSIVE = 512;

function splitAtFurthest(
  v1: Int32Array,
  off: number,
  d: number,
  n: number,
  m: number,
  a: Int32Array,
  aLo: number,
  aHi: number,
  b: Int32Array,
  bLo: number,
  bHi: number,
  out: number[],
) {
  let bestX = 0;
  let bestY = 0;
  for (let k = -d + 1; k <= d - 1; k += 2) {
    const x = Math.min(v1[off + k] ?? -1, n);
    const y = x - k;
    if (x >= 0 && y >= 0 && y <= m && x + y > bestX + bestY) {
      bestX = x;
      bestY = y;
    }
  }
  if (bestX + bestY === 0 || (bestX === n && bestY === m)) return; // no progress: treat as replaced
  diffRange(a, aLo, aLo + bestX, b, bLo, bLo + bestY, out);
  diffRange(a, aLo + bestX, aHi, b, bLo + bestY, bHi, out);
}

type Op = { t: ' ' | '-' | '+'; ai: number; bi: number };

function opsFrom(aLen: number, bLen: number, matches: Array<[number, number]>): Op[] {
  const ops: Op[] = [];
  let ai = 0;
  let bi = 0;
  for (const [ma, mb] of [...matches, [aLen, bLen] as [number, number]]) {
    while (ai < ma) ops.push({ t: '-', ai: ai++, bi });
    while (bi < mb) ops.push({ t: '+', ai, bi: bi++ });
    if (ai < aLen && bi < bLen) ops.push({ t: ' ', ai: ai++, bi: bi++ });
  }
  return ops;
}

function range(start: number, count: number): string {
  // diff(1): a hunk that adds to an empty range names the line before it.
  const first = count === 0 ? start : start + 1;
  return count === 1 ? `${first}` : `${first},${count}`;
}

const visible = (line: string) => line.replace(/\r/g, '␍');

/** A unified diff of two texts; '' when they are equal. */
export function unifiedDiff(oldText: string, newText: string, opts: UnifiedDiffOptions = {}): string {
  if (oldText === newText) return '';
  const ctx = opts.context ?? 3;
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const [ia, ib] = internLines(a, b);
  const ops = opsFrom(a.lines.length, b.lines.length, matchSequences(ia, ib));
  const out: string[] = [`--- ${opts.oldLabel ?? 'a/file'}`, `+++ ${opts.newLabel ?? 'b/file'}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]?.t === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - ctx);
    let lastChange = i;
    let j = i;
    for (; j < ops.length; j++) {
      if (ops[j]?.t !== ' ') lastChange = j;
      else if (j - lastChange > 2 * ctx) break;
    }
    const end = Math.min(ops.length, lastChange + ctx + 1);
    const hunk = ops.slice(start, end);
    const first = hunk[0] ?? { ai: 0, bi: 0 };
    const oldCount = hunk.filter((o) => o.t !== '+').length;
    const newCount = hunk.filter((o) => o.t !== '-').length;
    out.push(`@@ -${range(first.ai, oldCount)} +${range(first.bi, newCount)} @@`);
    for (const o of hunk) {
      const line = o.t === '+' ? b.lines[o.bi] : a.lines[o.ai];
      out.push(`${o.t}${visible(line ?? '')}`);
      const lastOld = o.t !== '+' && o.ai === a.lines.length - 1 && !a.finalNewline;
      const lastNew = o.t !== '-' && o.bi === b.lines.length - 1 && !b.finalNewline;
      if (lastOld || lastNew) out.push('\\ No newline at end of file');
    }
    i = end;
  }
  return `${out.join('\n')}\n`;
}
