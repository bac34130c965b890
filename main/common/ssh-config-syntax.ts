// Lossless ssh_config parser. The document is a list of lines kept byte for byte (terminator
// included), each with what ssh reads from it; printing joins the lines back.
//
// Reading follows OpenSSH 9.2 readconf.c, checked with `ssh -G -F <file>`: trailing whitespace
// (\r and \f included) is ignored, the keyword ends at whitespace or one '=' (`Port=22`,
// `Port = 22`), a line whose keyword starts with '#' is a comment, and arguments are split like
// argv_split(): double or single quotes group, \" \' \\ and "\ " escape, and an unquoted '#'
// at the start of an argument ends the line. What ssh rejects ("invalid quotes", "no argument
// after keyword", "Bad Match condition"…) is a parse error here too.
import { parseError } from './errors';

export interface SshLine {
  /** 1-based */
  number: number;
  /** the line's bytes without its terminator */
  raw: string;
  eol: '' | '\n' | '\r\n';
  kind: 'blank' | 'comment' | 'directive';
  /** lower-cased keyword; '' unless a directive */
  keyword: string;
  /** arguments as ssh reads them (quotes and escapes removed, trailing comment dropped) */
  args: string[];
}

export interface MatchCriterion {
  /** lower-cased: all, canonical, final, exec, host, originalhost, user, localuser, … */
  name: string;
  negated: boolean;
  arg?: string;
}

export interface SshBlock {
  kind: 'global' | 'host' | 'match';
  /** 1-based line of the Host/Match line; null for the global block */
  line: number | null;
  /** 0-based line index range [start, end), header included */
  start: number;
  end: number;
  patterns: string[];
  criteria: MatchCriterion[];
}

/** Lines from `# >>> onramp managed: <label>` to `# <<< onramp managed: <label>` (0-based, inclusive). */
export interface ManagedRegion {
  label: string;
  begin: number;
  end: number;
}

export interface SshConfigDocument {
  fileName: string;
  lines: SshLine[];
  blocks: SshBlock[];
  managed: ManagedRegion[];
  /** the file's newline style, from its first line ('\n' when it has none) */
  eol: '\n' | '\r\n';
}

export const managedBegin = '# >>> onramp managed: ';
export const managedEnd = '# <<< onramp managed: ';

// Criteria of OpenSSH 9.2 plus those newer releases added (localnetwork and tagged in 9.4,
// version, sessiontype and command in 10.0), so configs written for a newer ssh still parse.
const argCriteria = new Set([
  'exec',
  'host',
  'originalhost',
  'user',
  'localuser',
  'localnetwork',
  'tagged',
  'version',
  'sessiontype',
  'command',
]);

const ws = ' \t\r\n';

/** readconf.c strdelim(): the next word (split at whitespace, '"' or one '='), or null on an open quote. */
export function strdelim(s: string, pos: number): { word: string; next: number } | null {
  let p = pos;
  while (p < s.length && !(ws + '"=').includes(s[p] as string)) p++;
  const skip = (i: number) => {
    while (i < s.length && ws.includes(s[i] as string)) i++;
    return i;
  };
  if (p >= s.length) return { word: s.slice(pos), next: s.length };
  if (s[p] === '"') {
    const close = s.indexOf('"', p + 1);
    if (close < 0) return null;
    return { word: s.slice(pos, p) + s.slice(p + 1, close), next: skip(close + 1) };
  }
  let next = skip(p + 1);
  if (s[p] !== '=' && s[next] === '=') next = skip(next + 1);
  return { word: s.slice(pos, p), next };
}

/** misc.c argv_split(s, …, terminate_on_comment=1); null when a quote is not closed. */
export function argvSplit(s: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === ' ' || s[i] === '\t') {
      i++;
      continue;
    }
    if (s[i] === '#') break;
    let arg = '';
    let quote = '';
    for (; i < s.length; i++) {
      const c = s[i] as string;
      const n = s[i + 1];
      if (c === '\\' && (n === "'" || n === '"' || n === '\\' || (quote === '' && n === ' '))) arg += s[++i];
      else if (quote === '' && (c === ' ' || c === '\t')) break;
      else if (quote === '' && (c === '"' || c === "'")) quote = c;
      else if (quote !== '' && c === quote) quote = '';
      else arg += c;
    }
    if (quote !== '') return null;
    out.push(arg);
  }
  return out;
}

function splitLines(text: string): Pick<SshLine, 'raw' | 'eol'>[] {
  const pieces = text.split('\n');
  const last = pieces.pop() as string;
  const lines: Pick<SshLine, 'raw' | 'eol'>[] = pieces.map((p) =>
    p.endsWith('\r') ? { raw: p.slice(0, -1), eol: '\r\n' } : { raw: p, eol: '\n' },
  );
  if (last !== '') lines.push({ raw: last, eol: '' });
  return lines;
}

function parseLine(
  fileName: string,
  number: number,
  raw: string,
): Pick<SshLine, 'kind' | 'keyword' | 'args'> {
  const content = raw.replace(/[ \t\r\n\f]+$/, '');
  let kw = strdelim(content, 0);
  if (kw !== null && kw.word === '') kw = strdelim(content, kw.next);
  if (kw === null)
    throw parseError(
      fileName,
      number,
      'unterminated quote in keyword',
      'close the quote (ssh silently ignores this line)',
    );
  if (kw.word === '') return { kind: content.trim() === '' ? 'blank' : 'comment', keyword: '', args: [] };
  if (kw.word.startsWith('#')) return { kind: 'comment', keyword: '', args: [] };
  const keyword = kw.word.toLowerCase();
  const rest = content.slice(kw.next);
  const args = argvSplit(rest);
  if (args === null)
    throw parseError(fileName, number, 'invalid quotes', 'close the quote: ssh refuses the whole file');
  if (args.length === 0) {
    throw parseError(
      fileName,
      number,
      `no argument after keyword "${keyword}"`,
      'give the option a value or remove the line: ssh refuses the whole file',
    );
  }
  if (keyword === 'host' && args.includes(''))
    throw parseError(fileName, number, 'empty Host pattern', 'remove the empty quotes');
  return { kind: 'directive', keyword, args };
}

/** readconf.c match_cfg_line(): the criteria of a Match line. */
function parseMatch(fileName: string, number: number, raw: string): MatchCriterion[] {
  const content = raw.replace(/[ \t\r\n\f]+$/, '');
  let w = strdelim(content, 0);
  if (w !== null && w.word === '') w = strdelim(content, w.next);
  let pos = w?.next ?? content.length;
  const bad: (message: string) => never = (message) => {
    throw parseError(fileName, number, message, 'see "Match" in ssh_config(5): ssh refuses the whole file');
  };
  const criteria: MatchCriterion[] = [];
  while (pos < content.length) {
    const a = strdelim(content, pos);
    if (a === null) bad('invalid quotes in Match');
    if (a.word === '' || a.word.startsWith('#')) break;
    pos = a.next;
    const negated = a.word.startsWith('!');
    const name = (negated ? a.word.slice(1) : a.word).toLowerCase();
    if (name === 'all') {
      const after = pos < content.length ? strdelim(content, pos) : null;
      if (after !== null && after.word !== '' && !after.word.startsWith('#'))
        bad("'all' cannot be combined with other Match criteria after it");
      criteria.push({ name, negated });
      break;
    }
    if (name === 'canonical' || name === 'final') {
      criteria.push({ name, negated });
      continue;
    }
    if (!argCriteria.has(name)) bad(`unknown Match criterion "${name}"`);
    const arg = strdelim(content, pos);
    if (arg === null || arg.word === '' || arg.word.startsWith('#'))
      bad(`missing argument for Match ${name}`);
    pos = arg.next;
    criteria.push({ name, negated, arg: arg.word });
  }
  if (criteria.length === 0) bad('Match without criteria');
  return criteria;
}

function findManaged(fileName: string, lines: SshLine[]): ManagedRegion[] {
  const regions: ManagedRegion[] = [];
  let open: { label: string; begin: number } | null = null;
  lines.forEach((l, i) => {
    const t = l.raw.trim();
    const hint = 'restore or delete the onramp marker lines so that each begin has its end';
    if (t.startsWith(managedBegin)) {
      if (open !== null)
        throw parseError(fileName, l.number, 'onramp managed block opened inside another one', hint);
      open = { label: t.slice(managedBegin.length).trim(), begin: i };
    } else if (t.startsWith(managedEnd)) {
      const label = t.slice(managedEnd.length).trim();
      if (open === null || open.label !== label)
        throw parseError(fileName, l.number, 'onramp managed block end without its begin', hint);
      regions.push({ label, begin: open.begin, end: i });
      open = null;
    }
  });
  const last = open as { label: string; begin: number } | null;
  if (last !== null)
    throw parseError(
      fileName,
      last.begin + 1,
      'onramp managed block without its end',
      'restore the end marker line',
    );
  return regions;
}

/** Parse ssh_config text. Throws OnrampError('parse') naming the file and line on what ssh rejects. */
export function parseSshConfig(text: string, fileName: string): SshConfigDocument {
  const lines: SshLine[] = splitLines(text).map(({ raw, eol }, i) => ({
    number: i + 1,
    raw,
    eol,
    ...parseLine(fileName, i + 1, raw),
  }));
  const blocks: SshBlock[] = [
    { kind: 'global', line: null, start: 0, end: lines.length, patterns: [], criteria: [] },
  ];
  lines.forEach((l, i) => {
    if (l.keyword !== 'host' && l.keyword !== 'match') return;
    (blocks[blocks.length - 1] as SshBlock).end = i;
    const criteria = l.keyword === 'match' ? parseMatch(fileName, l.number, l.raw) : [];
    const patterns = l.keyword === 'host' ? l.args : [];
    blocks.push({ kind: l.keyword, line: l.number, start: i, end: lines.length, patterns, criteria });
  });
  const eol = lines[0]?.eol === '\r\n' ? '\r\n' : '\n';
  return { fileName, lines, blocks, managed: findManaged(fileName, lines), eol };
}

/** The document as text: the exact original bytes when nothing was edited. */
export function printSshConfig(doc: SshConfigDocument): string {
  return doc.lines.map((l) => l.raw + l.eol).join('');
}
