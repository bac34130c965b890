// How the two real readers see a netrc file, and where they disagree.
//
// Go (go 1.19, cmd/go/internal/auth/netrc.go) splits the file on "\n", splits each line on
// Unicode whitespace and reads the tokens of one line as keyword/value pairs. It has no comments
// and no quoting, keeps an entry only once it has machine, login and password, ends a macdef
// body only at a line that is exactly empty (so never in a CRLF file), and stops reading at a
// `default` left over as the last unpaired token of a line (a bare `default` line).
// curl 7.88 (and git, through libcurl) reads the tokens as parsed in netrc-syntax.ts and uses
// the first entry that is either `machine <host>` or `default` (see curlLookup).
import { lineText, type NetrcDocument, type NetrcEntry, type NetrcToken } from './netrc-syntax';

export interface NetrcCredential {
  host: string;
  login: string;
  password: string;
  /** 1-based line of the entry's machine token */
  line: number;
}

export interface GoNetrcView {
  entries: NetrcCredential[];
  /** 1-based line of the bare `default` where Go stops reading, if any */
  stoppedAtLine: number | null;
}

// strings.Fields splits on unicode.IsSpace.
const goSpace = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** The credentials go 1.19 reads from this text, in order (our own re-statement of its rules). */
export function goNetrcEntries(text: string): GoNetrcView {
  const entries: NetrcCredential[] = [];
  let cur = { host: '', login: '', password: '', line: 0 };
  let inMacro = false;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    if (inMacro) {
      if (line === '') inMacro = false;
      continue;
    }
    const f = line.split(goSpace).filter((w) => w !== '');
    let i = 0;
    for (; i < f.length - 1; i += 2) {
      const key = f[i] as string;
      const value = f[i + 1] as string;
      if (key === 'machine') cur = { host: value, login: '', password: '', line: n + 1 };
      else if (key === 'login') cur.login = value;
      else if (key === 'password') cur.password = value;
      else if (key === 'macdef') inMacro = true;
      if (cur.host !== '' && cur.login !== '' && cur.password !== '') {
        entries.push(cur);
        cur = { host: '', login: '', password: '', line: 0 };
      }
    }
    if (i < f.length && f[i] === 'default') return { entries, stoppedAtLine: n + 1 };
  }
  return { entries, stoppedAtLine: null };
}

/** The credentials go 1.19 sends to host (first entry whose machine equals the host name). */
export function goLookup(view: GoNetrcView, host: string): NetrcCredential | null {
  return view.entries.find((e) => e.host === host) ?? null;
}

/** goLookup for many hosts: one pass over the entries, then a map (first entry per host wins). */
export function goIndex(view: GoNetrcView): (host: string) => NetrcCredential | null {
  const first = new Map<string, NetrcCredential>();
  for (const e of view.entries) if (!first.has(e.host)) first.set(e.host, e);
  return (host) => first.get(host) ?? null;
}

export interface CurlCredential {
  login: string;
  password: string;
  line: number;
  fromDefault: boolean;
}

/**
 * The credentials curl/git send to host: the first entry that matches (`machine <host>` or
 * `default`) and holds a login or a password. This is the well-formed case, checked against the
 * real curl in test/common/dotfiles.differential.test.ts. curl 7.88 also has quirks this model
 * leaves out: a login-only entry keeps the search going (and a later `machine` clears it), a
 * field repeated after both login and password are set is ignored, and a keyword followed by
 * blanks or CR at the end of its line reads an empty value instead of the next line's token.
 */
export function curlLookup(doc: NetrcDocument, host: string): CurlCredential | null {
  for (const e of doc.entries) {
    if (e.kind !== 'default' && e.name?.value !== host) continue;
    const login = fieldValue(e, 'login');
    const password = fieldValue(e, 'password');
    if (login === undefined && password === undefined) continue;
    return {
      login: login ?? '',
      password: password ?? '',
      line: e.firstLine,
      fromDefault: e.kind === 'default',
    };
  }
  return null;
}

/** Value of the last field with this key (both curl and Go keep the last one they read). */
export function fieldValue(entry: NetrcEntry, key: 'login' | 'password' | 'account'): string | undefined {
  let v: string | undefined;
  for (const f of entry.fields) if (f.key === key) v = f.value.value;
  return v;
}

export type NetrcCompatCode =
  | 'quoted-token'
  | 'missing-login'
  | 'missing-password'
  | 'after-default'
  | 'default-not-last'
  | 'split-entry'
  | 'macdef-crlf'
  | 'comment-tokens'
  | 'duplicate-machine'
  | 'go-differs';

export interface NetrcCompatProblem {
  code: NetrcCompatCode;
  line: number;
  host?: string;
  /** never contains a password */
  message: string;
}

export interface NetrcMachineSummary {
  host: string;
  login?: string;
  hasPassword: boolean;
  hasAccount: boolean;
  line: number;
  managed: boolean;
}

export interface NetrcSummary {
  machines: NetrcMachineSummary[];
  hasDefault: boolean;
  defaultLine?: number;
  macdefs: { name: string; line: number }[];
  goCompat: NetrcCompatProblem[];
}

function entryTokens(e: NetrcEntry): [NetrcToken, NetrcToken | undefined][] {
  const pairs: [NetrcToken, NetrcToken | undefined][] = [[e.keyword, e.name]];
  for (const f of e.fields) pairs.push([f.keyword, f.value]);
  return pairs;
}

function entryProblems(doc: NetrcDocument, e: NetrcEntry, out: NetrcCompatProblem[]): void {
  const host = e.name?.value;
  const who = host === undefined ? 'the default entry' : host;
  for (const [kw, val] of entryTokens(e)) {
    if (val?.quoted) {
      const message = `quoted ${kw.value === 'machine' ? 'host' : kw.value} for ${who}: curl removes the quotes, Go keeps them and splits at spaces`;
      out.push({ code: 'quoted-token', line: val.line, host, message });
    }
    if (val !== undefined && val.line !== kw.line) {
      const message = `${kw.value} and its value are on different lines: Go pairs tokens line by line and misreads ${who} (curl 7.88 too when blanks or CR end the line)`;
      out.push({ code: 'split-entry', line: kw.line, host, message });
    }
  }
  if (e.kind !== 'machine') return;
  if (fieldValue(e, 'login') === undefined) {
    const message = `${who} has no login: Go ignores the entry, curl and git use it with an empty user name`;
    out.push({ code: 'missing-login', line: e.firstLine, host, message });
  }
  if (fieldValue(e, 'password') === undefined) {
    const message = `${who} has no password: Go ignores the entry`;
    out.push({ code: 'missing-password', line: e.firstLine, host, message });
  }
  for (const m of e.macdefs) macdefProblem(doc, m.terminatorLine, out);
}

function macdefProblem(doc: NetrcDocument, terminatorLine: number | null, out: NetrcCompatProblem[]): void {
  if (terminatorLine === null) return;
  const start = doc.lineStarts[terminatorLine - 1] ?? 0;
  if (doc.text[start] !== '\r') return;
  const message =
    'macdef body ends with a CRLF empty line: Go never ends the macro and ignores the rest of the file';
  out.push({ code: 'macdef-crlf', line: terminatorLine, message });
}

/** What the file says, without secrets, and what Go would get wrong. */
export function summarizeNetrc(doc: NetrcDocument, managedHosts: Iterable<string> = []): NetrcSummary {
  const managed = new Set(managedHosts);
  const go = goNetrcEntries(doc.text);
  const goCompat: NetrcCompatProblem[] = [];
  const machines: NetrcMachineSummary[] = [];
  const macdefs = doc.looseMacdefs.map((m) => ({ name: m.name.value, line: m.keyword.line }));
  for (const m of doc.looseMacdefs) macdefProblem(doc, m.terminatorLine, goCompat);
  const seen = new Set<string>();
  const firstDefault = doc.entries.find((e) => e.kind === 'default');
  // curl skips a default without login and password, so only one with either shadows machines.
  const usedDefault = doc.entries.find(
    (e) => e.kind === 'default' && e.fields.some((f) => f.key !== 'account'),
  );
  for (const e of doc.entries) {
    for (const m of e.macdefs) macdefs.push({ name: m.name.value, line: m.keyword.line });
    entryProblems(doc, e, goCompat);
    if (e.kind !== 'machine' || e.name === undefined) continue;
    const host = e.name.value;
    const login = fieldValue(e, 'login');
    machines.push({
      host,
      ...(login === undefined ? {} : { login }),
      hasPassword: fieldValue(e, 'password') !== undefined,
      hasAccount: fieldValue(e, 'account') !== undefined,
      line: e.firstLine,
      managed: managed.has(host),
    });
    if (seen.has(host)) {
      const message = `${host} appears again: curl, git and Go all use only the first entry`;
      goCompat.push({ code: 'duplicate-machine', line: e.firstLine, host, message });
    }
    seen.add(host);
    if (go.stoppedAtLine !== null && e.firstLine >= go.stoppedAtLine) {
      const message = `${host} comes after the bare default on line ${go.stoppedAtLine}: Go stops reading there`;
      goCompat.push({ code: 'after-default', line: e.firstLine, host, message });
    }
    if (usedDefault !== undefined && usedDefault.keyword.start < e.keyword.start) {
      const message = `${host} comes after default (line ${usedDefault.firstLine}): curl and git use the default entry instead`;
      goCompat.push({ code: 'default-not-last', line: e.firstLine, host, message });
    }
  }
  for (const c of doc.comments) {
    if (!goReadsComment(doc, c.start, c.line)) continue;
    const message = 'comment holds netrc keywords that Go reads as tokens (Go has no comments)';
    goCompat.push({ code: 'comment-tokens', line: c.line, message });
  }
  goDifferences(doc, go, seen, goCompat);
  const d = firstDefault === undefined ? {} : { defaultLine: firstDefault.firstLine };
  return { machines, hasDefault: firstDefault !== undefined, ...d, macdefs, goCompat };
}

/** Whether Go, pairing the line's fields from its start, meets a keyword inside the comment. */
function goReadsComment(doc: NetrcDocument, start: number, line: number): boolean {
  const lineStart = doc.lineStarts[line - 1] ?? 0;
  const fields = (text: string) => text.split(goSpace).filter((w) => w !== '');
  const from = fields(doc.text.slice(lineStart, start)).length;
  const f = fields(lineText(doc, line));
  for (let i = 0; i < f.length; i += 2) {
    if (i < from) continue;
    if (i + 1 < f.length && ['machine', 'login', 'password', 'macdef'].includes(f[i] as string)) return true;
    if (i + 1 === f.length && f[i] === 'default') return true;
  }
  return false;
}

function goDifferences(
  doc: NetrcDocument,
  go: GoNetrcView,
  hosts: Set<string>,
  out: NetrcCompatProblem[],
): void {
  const all = new Set([...hosts, ...go.entries.map((e) => e.host)]);
  for (const host of all) {
    const g = goLookup(go, host);
    const c = curlLookup(doc, host);
    if (g !== null && c !== null && g.login === c.login && g.password === c.password) continue;
    if (g === null && (c === null || c.fromDefault)) continue; // Go has no default; nobody else differs
    const line = g?.line ?? c?.line ?? 1;
    const what =
      g === null
        ? 'Go reads no credentials'
        : c === null
          ? 'Go reads credentials curl and git do not'
          : 'Go reads different credentials than curl and git';
    out.push({ code: 'go-differs', line, host, message: `${what} for ${host}` });
  }
}

/**
 * curlLookup for many hosts: the first entry with a login or password for each machine, and the
 * first such `default`; whichever comes first in the file answers, exactly as curlLookup does.
 */
export function curlIndex(doc: NetrcDocument): (host: string) => CurlCredential | null {
  const first = new Map<string, { at: number; cred: CurlCredential }>();
  let dflt: { at: number; cred: CurlCredential } | undefined;
  doc.entries.forEach((e, at) => {
    const login = fieldValue(e, 'login');
    const password = fieldValue(e, 'password');
    if (login === undefined && password === undefined) return;
    const cred = {
      login: login ?? '',
      password: password ?? '',
      line: e.firstLine,
      fromDefault: e.kind === 'default',
    };
    if (e.kind === 'default') dflt ??= { at, cred };
    else if (e.name && !first.has(e.name.value)) first.set(e.name.value, { at, cred });
  });
  return (host) => {
    const m = first.get(host);
    if (m && (!dflt || m.at < dflt.at)) return m.cred;
    return dflt?.cred ?? null;
  };
}
