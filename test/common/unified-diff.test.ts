import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../main/common/unified-diff';

/** Applies our unified diff to `old` (a test-side patcher: hunks in order, context checked). */
function applyDiff(old: string, diff: string): string {
  if (diff === '') return old;
  const oldFinalNewline = old === '' || old.endsWith('\n');
  const src = old === '' ? [] : old.split('\n');
  if (oldFinalNewline && old !== '') src.pop();
  const out: string[] = [];
  let pos = 0;
  let lastFromDiff = false;
  let newNoEol = false;
  let lastTag = '';
  const lines = diff.split('\n').slice(2);
  lines.pop(); // the diff ends with a newline
  for (const l of lines) {
    const hunk = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(l);
    if (hunk) {
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      const start = count === 0 ? Number(hunk[1]) : Number(hunk[1]) - 1;
      while (pos < start) out.push(src[pos++] ?? '');
      continue;
    }
    if (l === '\\ No newline at end of file') {
      if (lastTag !== '-') newNoEol = true;
      continue;
    }
    const [tag, text] = [l[0] ?? '', l.slice(1)];
    lastTag = tag;
    if (tag === ' ' || tag === '-') expect(src[pos++]).toBe(text);
    if (tag === ' ' || tag === '+') {
      out.push(text);
      lastFromDiff = true;
      newNoEol = false;
    }
  }
  while (pos < src.length) {
    out.push(src[pos++] ?? '');
    lastFromDiff = false;
  }
  if (out.length === 0) return '';
  const finalNewline = lastFromDiff ? !newNoEol : oldFinalNewline;
  return out.join('\n') + (finalNewline ? '\n' : '');
}

function gnuCounts(a: string, b: string): [number, number] {
  const dir = mkdtempSync(join(tmpdir(), 'udiff-'));
  try {
    writeFileSync(join(dir, 'a'), a);
    writeFileSync(join(dir, 'b'), b);
    const r = spawnSync('diff', ['-u', '--minimal', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' });
    const body = r.stdout.split('\n').slice(2);
    return [body.filter((l) => l.startsWith('-')).length, body.filter((l) => l.startsWith('+')).length];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const counts = (d: string): [number, number] => {
  const body = d.split('\n').slice(2);
  return [body.filter((l) => l.startsWith('-')).length, body.filter((l) => l.startsWith('+')).length];
};

describe('unifiedDiff', () => {
  it('prints git-style headers, hunks with 3 lines of context, and the no-newline marker', () => {
    const a = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n';
    const b = 'one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven';
    expect(unifiedDiff(a, b, { oldLabel: 'a/x', newLabel: 'b/x' })).toBe(
      [
        '--- a/x',
        '+++ b/x',
        '@@ -1,6 +1,6 @@',
        ' one',
        ' two',
        '-three',
        '+THREE',
        ' four',
        ' five',
        ' six',
        '@@ -8,3 +8,4 @@',
        ' eight',
        ' nine',
        ' ten',
        '+eleven',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
  });

  it('is empty for equal texts and names the empty range of a new file like diff(1)', () => {
    expect(unifiedDiff('same\n', 'same\n')).toBe('');
    expect(unifiedDiff('', 'x\n', { oldLabel: '/dev/null', newLabel: 'b/x' })).toBe(
      '--- /dev/null\n+++ b/x\n@@ -0,0 +1 @@\n+x\n',
    );
    expect(unifiedDiff('x\n', '')).toContain('@@ -1 +0,0 @@\n-x\n');
  });

  it('makes a CRLF-only change visible', () => {
    const d = unifiedDiff('a\r\nb\r\n', 'a\nb\n');
    expect(d).toContain('-a␍\n-b␍\n+a\n+b\n');
  });

  it('marks a change of the final newline alone', () => {
    const d = unifiedDiff('a\nb\n', 'a\nb');
    expect(d).toContain('-b\n+b\n\\ No newline at end of file\n');
  });

  it('reconstructs the new text and is as short as GNU diff --minimal (property, real diff)', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', 'd', '', 'x y'), { maxLength: 25 })
      .chain((lines) => fc.boolean().map((eol) => lines.join('\n') + (eol && lines.length > 0 ? '\n' : '')));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = unifiedDiff(a, b);
        expect(applyDiff(a, d)).toBe(b);
        const [minus, plus] = counts(d);
        expect(minus + plus).toBe(gnuCounts(a, b).reduce((x, y) => x + y, 0));
      }),
      { numRuns: 150 },
    );
  });

  it('stays fast on 10,000-line files, even when every line moved', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => `line ${i} ${(i * 7919) % 10007}`);
    const sparse = big.map((l, i) => (i % 97 === 0 ? `${l} changed` : l));
    // deterministic Fisher-Yates shuffle (LCG): the worst case for an O(ND) diff
    const shuffled = [...big];
    let seed = 42;
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
    }
    for (const other of [sparse, shuffled, big.map((l) => `other ${l}`)]) {
      const started = performance.now();
      const d = unifiedDiff(big.join('\n'), other.join('\n'));
      expect(performance.now() - started).toBeLessThan(1500);
      expect(applyDiff(big.join('\n'), d)).toBe(other.join('\n'));
    }
  });
});
