// One pass over the output, line by line. prefilter.ts drops trace lines and lines no rule
// could match, so in a 10 MB `go mod download -x` log only a handful of lines reach the rules.
// The scanner also tracks two kinds of context a single line cannot carry: which module a
// continuation line belongs to, and whether a line is quoted inside a proxy or sumdb
// "server response" block.
import { findModule } from './extract';
import { anchorRe, isNoiseLine } from './prefilter';
import type { Rule } from './rule';
import { gitRules } from './rules-git';
import { goRules } from './rules-go';
import { goProxyRules } from './rules-go-proxy';
import { hostRules } from './rules-hosts';
import { netRules } from './rules-net';
import { sshRules } from './rules-ssh';
import type { Signal } from './types';

export const allRules: readonly Rule[] = [
  ...goProxyRules,
  ...goRules,
  ...gitRules,
  ...hostRules,
  ...sshRules,
  ...netRules,
];

const MARKER = 'server response';
export interface ScanResult {
  signals: Signal[];
  /** lines that look like errors but matched no rule (for the `other` fallback) */
  errorLines: { line: number; text: string }[];
  lineCount: number;
}

const MAX_ERROR_LINES = 5;
const MAX_LINE = 4000;
/** a continuation line belongs to the module named at most this many lines above it */
const MODULE_REACH = 12;

function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n += 1;
    else if (c === '\t') n += 8;
    else break;
  }
  return n;
}

/** A line that leaves a quoted server-response block: dedented, or a new go error. */
function endsBlock(line: string, markerIndent: number): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  const indent = indentOf(line);
  if (indent < markerIndent) return true;
  return indent <= markerIndent && /^(go: |go get |go mod |verifying |go: downloading )/.test(trimmed);
}

interface Block {
  indent: number;
  owner: number;
}

export function scan(text: string): ScanResult {
  const signals: Signal[] = [];
  const errorLines: { line: number; text: string }[] = [];
  let block: Block | undefined;
  let lastModule: { module: string; line: number } | undefined;
  let lastEvent = -1;

  const runRules = (segment: string, raw: string, line: number, owner: number | undefined): number => {
    let fired = 0;
    for (const rule of allRules) {
      if (!rule.gate.some((g) => segment.includes(g))) continue;
      const m = rule.re.exec(segment);
      if (!m) continue;
      const result = rule.hit(m, segment);
      if (!result) continue;
      for (const hit of Array.isArray(result) ? result : [result]) {
        const signal: Signal = { ...hit, line, text: raw, rule: rule.name };
        if (!signal.module && lastModule && line - lastModule.line <= MODULE_REACH)
          signal.module = lastModule.module;
        if (owner !== undefined) signal.nested = { owner };
        if (hit.facts?.event && owner === undefined) lastEvent = signals.length;
        signals.push(signal);
        fired++;
      }
    }
    return fired;
  };

  let lineNo = 0;
  for (let pos = 0; pos <= text.length; lineNo++) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const noise = isNoiseLine(text, pos);
    if (!noise || block) {
      let line = text.slice(pos, end);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (block && endsBlock(line, block.indent)) block = undefined;
      // Very long lines (minified logs, binary junk) are matched on their head only, which
      // keeps every regex linear in practice.
      if (line.length > MAX_LINE) line = line.slice(0, MAX_LINE);
      if (!noise && anchorRe.test(line)) processLine(line, lineNo);
    }
    pos = end + 1;
  }
  return { signals, errorLines, lineCount: lineNo };

  function processLine(line: string, lineNo: number): void {
    const found = findModule(line);
    const markerAt = line.indexOf(MARKER);
    let fired = 0;
    if (markerAt >= 0) {
      const head = line.slice(0, markerAt);
      fired += runRules(head, line, lineNo, block?.owner);
      if (found && !block) lastModule = { module: found.module, line: lineNo };
      block = { indent: indentOf(line), owner: block?.owner ?? lastEvent };
      const tail = line.slice(markerAt + MARKER.length).replace(/^:\s*/, '');
      if (tail) fired += runRules(tail, line, lineNo, block.owner);
    } else {
      if (found && !block) lastModule = { module: found.module, line: lineNo };
      fired += runRules(line, line, lineNo, block?.owner);
    }
    if (fired === 0 && errorLines.length < MAX_ERROR_LINES && /fatal:|error:|Error:|ERROR:/.test(line))
      errorLines.push({ line: lineNo, text: line });
  }
}
