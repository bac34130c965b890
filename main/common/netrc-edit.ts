// Edits to a netrc file that touch only the entry being edited.
//
// Go has no comments in netrc (go 1.19 reads '#' and the words after it as tokens), so Onramp
// does not mark its entries with a comment: the caller tracks which hosts it manages and passes
// them to summarizeNetrc. Every edit is checked before it is returned: the new text must parse,
// both Go and curl must read exactly the new credentials for the host, and every other entry
// must read the same as before (for Go: the same, or now what curl reads).
import { OnrampError } from './errors';
import { lineCount, parseNetrc, type NetrcDocument, type NetrcEntry, type NetrcToken } from './netrc-syntax';
import { curlIndex, curlLookup, goIndex, goLookup, goNetrcEntries, type NetrcCredential } from './netrc-view';

export type NetrcTokenKind = 'login' | 'password' | 'host';

/**
 * Refuse a value that Go and curl would not read as one plain token. The message names the
 * kind and position of the first bad character, never the value (it may be a secret).
 */
export function validateNetrcToken(kind: NetrcTokenKind, value: string): void {
  const hint = 'netrc values cannot hold whitespace, quotes, #, backslashes or control characters';
  const fail = (what: string, pos: number): never => {
    throw new OnrampError({
      code: 'invalid-input',
      message: `${kind} contains ${what} at character ${pos}`,
      hint,
    });
  };
  if (value === '') throw new OnrampError({ code: 'invalid-input', message: `${kind} is empty`, hint });
  let pos = 0;
  for (const ch of value) {
    pos++;
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)) fail('a control character', pos);
    if (/\s/u.test(ch)) fail('whitespace', pos);
    if (ch === '"' || ch === "'") fail('a quote', pos);
    if (ch === '#') fail("'#'", pos);
    if (ch === '\\') fail('a backslash', pos);
    // Go matches the bare host name of the URL (no scheme, port or path).
    if (kind === 'host' && (ch === '/' || ch === ':' || ch === '@'))
      fail(`'${ch}' (use the bare host name)`, pos);
  }
}

export interface NetrcCredentialInput {
  host: string;
  login: string;
  password: string;
}

export interface NetrcEditResult {
  text: string;
  /**
   * unchanged: already there; updated-in-place: values replaced inside the existing line;
   * rewritten: a multi-line entry replaced by the one-line form where it was;
   * moved: the entry removed and written where Go and curl both read it; inserted: a new line.
   */
  change: 'unchanged' | 'updated-in-place' | 'rewritten' | 'moved' | 'inserted';
  /** 1-based line of the host's entry in the new text */
  line: number;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

function applySplices(text: string, splices: Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function ownTokens(e: NetrcEntry): NetrcToken[] {
  const toks = [e.keyword];
  if (e.name !== undefined) toks.push(e.name);
  for (const f of e.fields) toks.push(f.keyword, f.value);
  return toks;
}

/** Lines of the text with their terminators; a missing final newline leaves the last bare. */
function segments(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/**
 * Remove the entries' own tokens (not their macdefs); a line left holding only whitespace is
 * dropped. Returns the remaining segments and, per removed entry, the index of the segment
 * where the entry started (for putting a replacement there).
 */
function removeEntries(doc: NetrcDocument, entries: NetrcEntry[]): { segs: (string | null)[]; at: number[] } {
  const segs: (string | null)[] = segments(doc.text);
  const byLine = new Map<number, NetrcToken[]>();
  for (const t of entries.flatMap(ownTokens)) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  for (const [line, toks] of byLine) {
    const base = doc.lineStarts[line - 1] ?? 0;
    const seg = segs[line - 1] ?? '';
    const body = seg.replace(/\r?\n$/, '');
    const cuts = toks.map((t) => {
      let s = t.start - base;
      while (s > 0 && (body[s - 1] === ' ' || body[s - 1] === '\t')) s--;
      return { start: s, end: t.end - base, text: '' };
    });
    const rest = applySplices(body, cuts);
    if (rest.trim() === '') segs[line - 1] = null;
    else segs[line - 1] = (body.match(/^[ \t]*/)?.[0] ?? '') + rest.trimStart() + seg.slice(body.length);
  }
  // When earlier tokens stay on the entry's first line, a replacement goes after that line.
  const at = entries.map((e) => {
    const lineStart = doc.lineStarts[e.firstLine - 1] ?? 0;
    return doc.text.slice(lineStart, e.keyword.start).trim() === '' ? e.firstLine - 1 : e.firstLine;
  });
  return { segs, at };
}

/** Insert a line before segment index (or append); an appended line first ends the last line. */
function insertAt(
  segs: (string | null)[],
  index: number,
  line: string,
  eol: string,
  blankFirst = false,
): string | null {
  const out = [...segs];
  if (index < out.length) {
    out.splice(index, 0, line + eol);
    return out.filter((s) => s !== null).join('');
  }
  const kept = out.filter((s): s is string => s !== null);
  const last = kept.length - 1;
  if (last >= 0 && !(kept[last] as string).endsWith('\n')) kept[last] += eol;
  // An unterminated macdef body runs to EOF: an empty line ends it before the new entry.
  if (blankFirst) kept.push(eol);
  kept.push(line + eol);
  return kept.join('');
}

/** Index of the last line boundary at or before `line` (0-based) that no entry or macro spans. */
function cleanBoundary(doc: NetrcDocument, line: number): number {
  const spans: [number, number][] = [];
  for (const e of doc.entries) {
    spans.push([e.firstLine - 1, e.lastLine - 1]);
    for (const m of e.macdefs) spans.push([m.keyword.line - 1, (m.terminatorLine ?? lineCount(doc)) - 1]);
  }
  for (const m of doc.looseMacdefs)
    spans.push([m.keyword.line - 1, (m.terminatorLine ?? lineCount(doc)) - 1]);
  let k = line;
  while (k > 0 && spans.some(([a, b]) => a < k && k <= b)) k--;
  return k;
}

function endsInOpenMacro(doc: NetrcDocument): boolean {
  const all = [...doc.looseMacdefs, ...doc.entries.flatMap((e) => e.macdefs)];
  return all.some((m) => m.terminatorLine === null);
}

function otherEntries(doc: NetrcDocument, host: string): string {
  const rows = doc.entries
    .filter((e) => e.kind === 'default' || e.name?.value !== host)
    .map((e) => [e.kind, e.name?.value ?? '', e.fields.map((f) => [f.key, f.value.value])]);
  const macros = [...doc.looseMacdefs, ...doc.entries.flatMap((e) => e.macdefs)].map((m) => m.name.value);
  return JSON.stringify([rows, macros]);
}

/** True when the candidate text gives host exactly (login, password) and nothing else changed. */
function verify(
  old: NetrcDocument,
  text: string,
  want: NetrcCredentialInput,
  mustRead: boolean,
): NetrcDocument | null {
  let doc: NetrcDocument;
  try {
    doc = parseNetrc(text, old.fileName);
  } catch {
    return null;
  }
  const c = curlLookup(doc, want.host);
  const goNew = goNetrcEntries(text);
  const g = goLookup(goNew, want.host);
  if (mustRead && (c === null || c.fromDefault || c.login !== want.login || c.password !== want.password))
    return null;
  if (mustRead && (g === null || g.login !== want.login || g.password !== want.password)) return null;
  if (otherEntries(doc, want.host) !== otherEntries(old, want.host)) return null;
  const goOld = goNetrcEntries(old.text);
  const same = (a: NetrcCredential | null, b: { login: string; password: string } | null) =>
    a?.login === b?.login && a?.password === b?.password;
  // Indexed once: checking every other host stays linear in the size of the file.
  const [oldGo, newGo, newCurl] = [goIndex(goOld), goIndex(goNew), curlIndex(doc)];
  for (const e of old.entries) {
    const h = e.name?.value;
    if (h === undefined || h === want.host) continue;
    const before = oldGo(h);
    const after = newGo(h);
    // What Go reads when it agrees with curl: curl's entry if complete, else nothing.
    const cur = newCurl(h);
    const curl = cur !== null && !cur.fromDefault && cur.login !== '' && cur.password !== '' ? cur : null;
    if (!same(after, before) && !same(after, curl)) return null;
  }
  return doc;
}

/**
 * Make both Go and curl read (login, password) for host. Replaces the values in place when the
 * host's entry is on one line; otherwise writes `machine H login L password P` (keeping an
 * account) where the entry was, or before any `default`, or at the end of the file.
 */
export function setNetrcMachine(doc: NetrcDocument, cred: NetrcCredentialInput): NetrcEditResult {
  validateNetrcToken('host', cred.host);
  validateNetrcToken('login', cred.login);
  validateNetrcToken('password', cred.password);
  const entry = doc.entries.find((e) => e.kind === 'machine' && e.name?.value === cred.host);
  const account = entry?.fields.filter((f) => f.key === 'account').at(-1);
  const oneLine = `machine ${cred.host} login ${cred.login} password ${cred.password}${account ? ` account ${account.value.raw}` : ''}`;
  const candidates: [NetrcEditResult['change'], () => string | null][] = [];
  if (entry !== undefined) {
    const cur = curlLookup(doc, cred.host);
    if (
      cur !== null &&
      !cur.fromDefault &&
      cur.login === cred.login &&
      cur.password === cred.password &&
      verify(doc, doc.text, cred, true)
    ) {
      return { text: doc.text, change: 'unchanged', line: entry.firstLine };
    }
    if (entry.firstLine === entry.lastLine)
      candidates.push(['updated-in-place', () => inPlace(doc, entry, cred)]);
    const removed = removeEntries(doc, [entry]);
    const n = removed.segs.length;
    candidates.push(['rewritten', () => insertAt(removed.segs, removed.at[0] ?? 0, oneLine, doc.eol)]);
    candidates.push([
      'moved',
      () => insertAt(removed.segs, preferredIndex(doc, n), oneLine, doc.eol, endsInOpenMacro(doc)),
    ]);
    candidates.push(['moved', () => insertAt(removed.segs, 0, oneLine, doc.eol)]);
  } else {
    const segs = segments(doc.text);
    const n = segs.length;
    candidates.push([
      'inserted',
      () => insertAt(segs, preferredIndex(doc, n), oneLine, doc.eol, endsInOpenMacro(doc)),
    ]);
    candidates.push(['inserted', () => insertAt(segs, 0, oneLine, doc.eol)]);
  }
  for (const [change, make] of candidates) {
    const text = make();
    const next = text === null ? null : verify(doc, text, cred, true);
    const line = next === null ? undefined : curlLookup(next, cred.host)?.line;
    if (text !== null && line !== undefined) return { text, change, line };
  }
  throw new OnrampError({
    code: 'invalid-input',
    message: `${doc.fileName}: no place in this netrc where both Go and curl would read the entry for ${cred.host}`,
    hint: 'check the problems listed for this file (default entries, macdefs, quoting) and fix them by hand',
  });
}

/** Before the first `default` entry (at a line boundary no entry spans), else the end. */
function preferredIndex(doc: NetrcDocument, end: number): number {
  const d = doc.entries.find((e) => e.kind === 'default');
  return d === undefined ? end : cleanBoundary(doc, d.firstLine - 1);
}

function inPlace(doc: NetrcDocument, e: NetrcEntry, cred: NetrcCredentialInput): string | null {
  const logins = e.fields.filter((f) => f.key === 'login');
  const passwords = e.fields.filter((f) => f.key === 'password');
  if (logins.length > 1 || passwords.length > 1 || e.name === undefined) return null;
  const [login] = logins;
  const [password] = passwords;
  const splices: Splice[] = [];
  if (login !== undefined) splices.push({ start: login.value.start, end: login.value.end, text: cred.login });
  if (password !== undefined)
    splices.push({ start: password.value.start, end: password.value.end, text: cred.password });
  // Missing fields go right after the host (login) or after the login (password).
  const missing = (login ? '' : ` login ${cred.login}`) + (password ? '' : ` password ${cred.password}`);
  const at = login !== undefined && password === undefined ? login.value.end : e.name.end;
  if (missing !== '') splices.push({ start: at, end: at, text: missing });
  return applySplices(doc.text, splices);
}

/** Remove every entry for host (its own tokens; macdefs stay). Checks nothing else changed. */
export function removeNetrcMachine(doc: NetrcDocument, host: string): { text: string; removed: number } {
  const entries = doc.entries.filter((e) => e.kind === 'machine' && e.name?.value === host);
  if (entries.length === 0) return { text: doc.text, removed: 0 };
  const text = removeEntries(doc, entries)
    .segs.filter((s) => s !== null)
    .join('');
  if (verify(doc, text, { host, login: '', password: '' }, false) === null) {
    throw new OnrampError({
      code: 'invalid-input',
      message: `${doc.fileName}: removing ${host} would change how other entries are read`,
      hint: 'remove the entry by hand',
    });
  }
  return { text, removed: entries.length };
}
