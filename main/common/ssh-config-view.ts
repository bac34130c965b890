// What an ssh_config says, block by block, and a best-effort view of the options ssh would use
// for a host alias. The real effective config comes from `ssh -G` (main/core); this view lets the
// UI explain which line wins without running ssh (which runs `Match exec` commands).
import { canonicalSshKeyword } from './ssh-config-keywords';
import type { MatchCriterion, SshBlock, SshConfigDocument, SshLine } from './ssh-config-syntax';

export interface SshOptionSummary {
  /** canonical spelling (e.g. IdentityFile); lower-cased when unknown to Onramp */
  keyword: string;
  args: string[];
  line: number;
}

export interface SshBlockSummary {
  kind: 'global' | 'host' | 'match';
  /** Host patterns as written (`!` negation kept) */
  patterns: string[];
  criteria: MatchCriterion[];
  /** 1-based line of the Host/Match line; null for the global block */
  line: number | null;
  /** inside an `# >>> onramp managed:` region */
  managed: boolean;
  options: SshOptionSummary[];
}

export interface SshIncludeSummary {
  args: string[];
  /** args with relative paths made relative to the user's ~/.ssh, as ssh resolves them */
  resolved: string[];
  line: number;
  /** line of the Host/Match block the Include sits in; null at top level */
  blockLine: number | null;
}

export interface SshConfigSummary {
  blocks: SshBlockSummary[];
  includes: SshIncludeSummary[];
  /** commands `ssh -G` would run while reading this file */
  matchExec: { command: string; line: number }[];
}

function blockLines(doc: SshConfigDocument, b: SshBlock): SshLine[] {
  return doc.lines.slice(b.kind === 'global' ? b.start : b.start + 1, b.end);
}

function isManaged(doc: SshConfigDocument, index: number): boolean {
  return doc.managed.some((r) => r.begin < index && index < r.end);
}

/** Summary of every block, Include and `Match exec` command. */
export function summarizeSshConfig(doc: SshConfigDocument): SshConfigSummary {
  const includes: SshIncludeSummary[] = [];
  const matchExec: { command: string; line: number }[] = [];
  const blocks = doc.blocks.map((b): SshBlockSummary => {
    const options: SshOptionSummary[] = [];
    for (const l of blockLines(doc, b)) {
      if (l.kind !== 'directive') continue;
      if (l.keyword === 'include') {
        // Relative Include paths in a user config are taken from ~/.ssh (ssh_config(5)).
        const resolved = l.args.map((a) => (a.startsWith('/') || a.startsWith('~') ? a : `~/.ssh/${a}`));
        includes.push({ args: l.args, resolved, line: l.number, blockLine: b.line });
      } else
        options.push({ keyword: canonicalSshKeyword(l.keyword) ?? l.keyword, args: l.args, line: l.number });
    }
    for (const c of b.criteria)
      if (c.name === 'exec' && c.arg !== undefined) matchExec.push({ command: c.arg, line: b.line ?? 0 });
    const managed = b.kind !== 'global' && isManaged(doc, b.start);
    return { kind: b.kind, patterns: b.patterns, criteria: b.criteria, line: b.line, managed, options };
  });
  return { blocks, includes, matchExec };
}

/** ssh's match_pattern(): '*' and '?' wildcards over the whole string, case-sensitive. */
export function sshPatternMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starT = t;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** A Host line applies when a pattern matches and no `!pattern` does. */
export function hostPatternsMatch(patterns: string[], alias: string): boolean {
  let hit = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (sshPatternMatches(p.slice(1), alias)) return false;
    } else if (sshPatternMatches(p, alias)) hit = true;
  }
  return hit;
}

export interface SshValue {
  value: string;
  line: number;
}

export interface SshHostOptions {
  /** every IdentityFile that applies, in order, without repeats (ssh tries them all) */
  identityFiles: SshValue[];
  identitiesOnly?: SshValue;
  port?: SshValue;
  user?: SshValue;
  hostName?: SshValue;
  /** lines of the Host/Match blocks that applied (null: the global block) */
  blocks: (number | null)[];
  /** why this view may differ from `ssh -G`: unevaluated Match blocks, unread Includes */
  uncertain: { line: number; reason: string }[];
}

const firstWins = {
  identitiesonly: 'identitiesOnly',
  port: 'port',
  user: 'user',
  hostname: 'hostName',
} as const;

/**
 * The options ssh would take for `ssh alias` from this one file: the first value obtained wins,
 * IdentityFile accumulates. Host blocks are matched against the alias as typed; only `Match all`
 * is evaluated; other Match blocks and Includes are listed as uncertain.
 */
export function hostOptions(doc: SshConfigDocument, alias: string): SshHostOptions {
  const out: SshHostOptions = { identityFiles: [], blocks: [], uncertain: [] };
  for (const b of doc.blocks) {
    if (b.kind === 'host' && !hostPatternsMatch(b.patterns, alias)) continue;
    if (b.kind === 'match') {
      const all = b.criteria.every((c) => c.name === 'all' || c.name === 'canonical' || c.name === 'final');
      const plainAll = all && b.criteria.length === 1 && b.criteria[0]?.negated === false;
      if (!plainAll) {
        if (!(all && b.criteria.some((c) => c.name === 'all' && c.negated))) {
          out.uncertain.push({ line: b.line ?? 0, reason: 'Match block not evaluated' });
        }
        continue;
      }
    }
    out.blocks.push(b.line);
    for (const l of blockLines(doc, b)) {
      if (l.kind !== 'directive') continue;
      const value = { value: l.args.join(' '), line: l.number };
      if (l.keyword === 'include') out.uncertain.push({ line: l.number, reason: 'Include not followed' });
      // readconf.c add_identity_file() skips a path it already holds.
      else if (l.keyword === 'identityfile') {
        if (!out.identityFiles.some((f) => f.value === value.value)) out.identityFiles.push(value);
      } else if (l.keyword in firstWins) {
        const key = firstWins[l.keyword as keyof typeof firstWins];
        out[key] ??= value;
      }
    }
  }
  return out;
}
