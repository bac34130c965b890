// Edits to ~/.ssh/config that touch only Onramp's own lines, each wrapped in
// `# >>> onramp managed: <label>` / `# <<< onramp managed: <label>` so they can be found, replaced
// and removed later without guessing. Every other line keeps its bytes and order.
import { OnrampError } from './errors';
import { canonicalSshKeyword } from './ssh-config-keywords';
import {
  managedBegin,
  managedEnd,
  parseSshConfig,
  type SshConfigDocument,
  type SshLine,
} from './ssh-config-syntax';

export type SshOption = readonly [keyword: string, value: string];

type OutLine = Pick<SshLine, 'raw' | 'eol'>;

function invalid(message: string, hint?: string): never {
  throw new OnrampError({ code: 'invalid-input', message, hint });
}

function checkChars(what: string, value: string): void {
  if (value === '') invalid(`${what} is empty`);
  let pos = 0;
  for (const ch of value) {
    pos++;
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f))
      invalid(`${what} contains a control character at character ${pos}`);
    if (ch === '"' || ch === '\\')
      invalid(`${what} contains ${ch === '"' ? 'a double quote' : 'a backslash'} at character ${pos}`);
  }
}

/** A managed block is for one literal alias: a pattern would make it apply to other hosts. */
export function validateSshAlias(alias: string): void {
  checkChars('host alias', alias);
  const bad = [...alias].findIndex((ch) => /[\s*?!,#'=]/u.test(ch));
  if (bad >= 0)
    invalid(
      `host alias contains a pattern or separator character at character ${bad + 1}`,
      'use a plain host name',
    );
}

/** The option line's value as ssh will read it back: quoted when it holds a space, '#' or "'". */
export function formatSshOption(keyword: string, value: string): string {
  const canonical = canonicalSshKeyword(keyword);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(keyword) || canonical === undefined) {
    invalid(`unknown ssh option "${keyword}"`, 'ssh refuses a whole config file with an unknown option');
  }
  if (['host', 'match', 'include'].includes(canonical.toLowerCase()))
    invalid(`${canonical} cannot be a managed option`);
  checkChars(`${canonical} value`, value);
  // Product security policy: never turn off host key checking.
  if (canonical === 'StrictHostKeyChecking' && ['no', 'off', 'false'].includes(value.toLowerCase())) {
    invalid(
      `StrictHostKeyChecking ${value} is not allowed`,
      'Onramp never turns off host key checking; use accept-new or add the key to known_hosts',
    );
  }
  if (canonical === 'UserKnownHostsFile' && value.split(/\s+/).includes('/dev/null')) {
    invalid('UserKnownHostsFile /dev/null is not allowed', 'Onramp never discards known host keys');
  }
  return `${canonical} ${/[ #']/.test(value) ? `"${value}"` : value}`;
}

function indentOf(doc: SshConfigDocument): string {
  for (const b of doc.blocks.slice(1)) {
    for (const l of doc.lines.slice(b.start + 1, b.end)) {
      if (l.kind === 'directive') return /^[ \t]+/.exec(l.raw)?.[0] ?? '    ';
    }
  }
  return '    ';
}

function regionOf(doc: SshConfigDocument, label: string) {
  return doc.managed.find((r) => r.label === label);
}

/**
 * Where a new managed region goes: before line `index`, moved above the comment lines directly
 * on top of it (they describe that line) unless they open the file, and never inside another
 * managed region.
 */
function insertionIndex(doc: SshConfigDocument, index: number | undefined): number {
  if (index === undefined) return doc.lines.length;
  let h = index;
  while (h > 0 && doc.lines[h - 1]?.kind === 'comment') h--;
  // Comments from the first line on are the file's header: keep them on top.
  if (h === 0) h = index;
  for (const r of doc.managed) if (r.begin < h && h <= r.end) h = r.end + 1;
  return h;
}

function render(lines: OutLine[]): string {
  return lines.map((l) => l.raw + l.eol).join('');
}

/** Replace the region with `label`, or insert `body` (wrapped in markers) before line `index`. */
function writeRegion(
  doc: SshConfigDocument,
  label: string,
  body: string[],
  index: number | undefined,
): string {
  const wrapped = [managedBegin + label, ...body, managedEnd + label].map((raw): OutLine => ({
    raw,
    eol: doc.eol,
  }));
  const lines: OutLine[] = doc.lines.map((l) => ({ raw: l.raw, eol: l.eol }));
  const existing = regionOf(doc, label);
  if (existing !== undefined) {
    (wrapped[wrapped.length - 1] as OutLine).eol = doc.lines[existing.end]?.eol ?? doc.eol;
    lines.splice(existing.begin, existing.end - existing.begin + 1, ...wrapped);
  } else {
    const at = insertionIndex(doc, index);
    const next = lines[at];
    // A blank line keeps the region apart from what follows; removal takes it away again.
    if (next !== undefined && next.raw.trim() !== '') wrapped.push({ raw: '', eol: doc.eol });
    const prev = lines[at - 1];
    if (next === undefined && prev !== undefined && prev.eol === '') prev.eol = doc.eol;
    lines.splice(at, 0, ...wrapped);
  }
  const text = render(lines);
  parseSshConfig(text, doc.fileName); // our own output must read back; throws if it does not
  return text;
}

/**
 * Write `Host alias` with these options as a managed block: in place when it exists, else before
 * the first Host/Match block. ssh keeps the first value it obtains, so the block must come before
 * a generic `Host *`; options set at top level before any Host line still win over it.
 */
export function upsertManagedHost(
  doc: SshConfigDocument,
  alias: string,
  options: readonly SshOption[],
): string {
  validateSshAlias(alias);
  const indent = indentOf(doc);
  const body = [`Host ${alias}`, ...options.map(([k, v]) => indent + formatSshOption(k, v))];
  return writeRegion(doc, alias, body, doc.blocks[1]?.start);
}

function removeRegion(doc: SshConfigDocument, label: string): string {
  const r = regionOf(doc, label);
  if (r === undefined) return render(doc.lines);
  const lines: OutLine[] = doc.lines.map((l) => ({ raw: l.raw, eol: l.eol }));
  const after = lines[r.end + 1];
  const extra = after !== undefined && after.raw.trim() === '' ? 1 : 0;
  lines.splice(r.begin, r.end - r.begin + 1 + extra);
  return render(lines);
}

/** Remove the managed block for alias (and the blank line written after it). */
export function removeManagedHost(doc: SshConfigDocument, alias: string): string {
  return removeRegion(doc, alias);
}

function includeLabel(path: string): string {
  return `Include ${path}`;
}

/**
 * Make `Include path` the first directive of the file, so the Host blocks it brings are read
 * before any in this file (ssh restores the block state after an Include, so top-level options
 * after it stay global). An Include appended at the end would only apply inside the last Host
 * block. No-op when a top-level Include of path already comes before the first Host/Match.
 */
export function ensureIncludeFirst(doc: SshConfigDocument, path: string): string {
  checkChars('Include path', path);
  const norm = (p: string) => (p.startsWith('/') || p.startsWith('~') ? p : `~/.ssh/${p}`);
  const global = doc.blocks[0];
  const present = doc.lines
    .slice(global?.start ?? 0, global?.end ?? 0)
    .some((l) => l.keyword === 'include' && l.args.some((a) => norm(a) === norm(path)));
  if (present) return render(doc.lines);
  const first = doc.lines.findIndex((l) => l.kind === 'directive');
  const line = `Include ${/[ #']/.test(path) ? `"${path}"` : path}`;
  return writeRegion(doc, includeLabel(path), [line], first < 0 ? undefined : first);
}

/** Remove the managed Include written by ensureIncludeFirst. */
export function removeManagedInclude(doc: SshConfigDocument, path: string): string {
  return removeRegion(doc, includeLabel(path));
}
