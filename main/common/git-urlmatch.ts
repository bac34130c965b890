// git's URL matching for http.<url>.* and credential.<url>.* (urlmatch.c and credential.c,
// git 2.39). A `<url>` matches when scheme, host (`*` globs one label), port and, if given,
// user are equal and its path is a prefix of the request's path on a '/' boundary. For http.*
// the most specific match wins: longest host pattern, then longest path, then a user match;
// on a tie the later entry wins. credential.* takes every match, in config order.
// https://github.com/git/git/blob/v2.39.0/urlmatch.c
import type { GitConfigEntry } from './git-config-list';
import { normalizeGitUrl, type GitUrlInfo } from './git-url-normalize';

export interface UrlMatchSpecificity {
  hostLen: number;
  pathLen: number;
  userMatched: boolean;
}

export interface UrlMatch extends UrlMatchSpecificity {
  entry: GitConfigEntry;
  /** the `<url>` of the key, null for a key without one (matches every URL, least specific) */
  urlScope: string | null;
}

export interface UrlSelection {
  /** the entry git uses: the most specific for http.*, the last match for credential.* */
  effective?: UrlMatch;
  /** every entry that matched the URL and key, in config order */
  all: UrlMatch[];
  /** set when git cannot parse the URL; then only keys without a `<url>` apply */
  urlError?: string;
}

/** match_host: label by label, a pattern label of exactly `*` matching any one label. */
function matchHost(host: string, pattern: string): boolean {
  let u = 0;
  let p = 0;
  while (u < host.length && p < pattern.length) {
    let uNext = host.indexOf('.', u);
    if (uNext < 0) uNext = host.length;
    let pNext = pattern.indexOf('.', p);
    if (pNext < 0) pNext = pattern.length;
    const glob = pNext === p + 1 && pattern[p] === '*';
    if (!glob && host.slice(u, uNext) !== pattern.slice(p, pNext)) return false;
    u = uNext < host.length ? uNext + 1 : uNext;
    p = pNext < pattern.length ? pNext + 1 : pNext;
  }
  return u === host.length && p === pattern.length;
}

/** url_match_prefix: both sides have an implicit trailing '/'; returns the matched length or 0. */
function matchPathPrefix(path: string, prefix: string): number {
  let len = prefix.length;
  if (len === 0 || prefix === '/') return path === '' || path[0] === '/' ? 1 : 0;
  if (prefix[len - 1] === '/') len--;
  if (path.slice(0, len) !== prefix.slice(0, len)) return 0;
  return path.length === len || path[len] === '/' ? len + 1 : 0;
}

const part = (i: GitUrlInfo, off: number, len: number) => i.url.slice(off, off + len);

/** match_urls: how specifically `pattern` (a key's `<url>`) matches `url`, or null. */
export function matchGitUrls(url: GitUrlInfo, pattern: GitUrlInfo): UrlMatchSpecificity | null {
  if (
    pattern.schemeLen !== url.schemeLen ||
    url.url.slice(0, url.schemeLen) !== pattern.url.slice(0, url.schemeLen)
  )
    return null;
  let userMatched = false;
  if (pattern.userOff) {
    if (
      !url.userOff ||
      url.userLen !== pattern.userLen ||
      part(url, url.userOff, url.userLen) !== part(pattern, pattern.userOff, url.userLen)
    )
      return null;
    userMatched = true;
  }
  if (!matchHost(part(url, url.hostOff, url.hostLen), part(pattern, pattern.hostOff, pattern.hostLen)))
    return null;
  if (
    pattern.portLen !== url.portLen ||
    part(url, url.portOff, url.portLen) !== part(pattern, pattern.portOff, url.portLen)
  )
    return null;
  const pathLen = matchPathPrefix(url.url.slice(url.pathOff), pattern.url.slice(pattern.pathOff));
  if (!pathLen) return null;
  return { hostLen: pattern.hostLen, pathLen, userMatched };
}

/** cmp_matches: negative when `a` is less specific than `b`. */
export function compareUrlMatches(a: UrlMatchSpecificity, b: UrlMatchSpecificity): number {
  if (a.hostLen !== b.hostLen) return a.hostLen < b.hostLen ? -1 : 1;
  if (a.pathLen !== b.pathLen) return a.pathLen < b.pathLen ? -1 : 1;
  if (a.userMatched !== b.userMatched) return b.userMatched ? -1 : 1;
  return 0;
}

const noMatch: UrlMatchSpecificity = { hostLen: 0, pathLen: 0, userMatched: false };

interface CredentialParts {
  protocol?: string;
  host?: string;
  path?: string;
  username?: string;
}

const pctDecode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  } catch {
    return s;
  }
};

/**
 * credential_from_url_1: protocol, user, host (with port) and path (slashes trimmed). A partial
 * `<url>` of a credential key (`example.com`, `https://`, `user@host`) leaves missing parts unset.
 */
function credentialFromUrl(url: string, partial: boolean): CredentialParts | null {
  const protoEnd = url.indexOf('://');
  if (!partial && protoEnd <= 0) return null;
  const c: CredentialParts = {};
  const cp = protoEnd >= 0 ? protoEnd + 3 : 0;
  const rest = url.slice(cp);
  const slashRel = rest.search(/[/?#]/);
  const slash = slashRel < 0 ? rest.length : slashRel;
  const at = rest.indexOf('@');
  let host = 0;
  if (at >= 0 && at < slash) {
    const colon = rest.indexOf(':');
    const userEnd = colon >= 0 && colon < at ? colon : at;
    c.username = pctDecode(rest.slice(0, userEnd));
    host = at + 1;
  }
  if (protoEnd > 0) c.protocol = url.slice(0, protoEnd);
  if (!partial || slash - host > 0) c.host = pctDecode(rest.slice(host, slash));
  let path = rest.slice(slash).replace(/^\/+/, '');
  if (path) {
    path = pctDecode(path);
    let end = path.length;
    while (end > 1 && path[end - 1] === '/') end--;
    c.path = path.slice(0, end);
  }
  if (Object.values(c).some((v) => v.includes('\n'))) return null;
  return c;
}

/** strbuf_add_percentencode: escapes controls, non-ASCII and every reserved character but '/'. */
function percentEncode(s: string, slashToo: boolean): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    if (b <= 0x1f || b >= 0x7f || ' <>"%{}|\\^`:?#[]@!$&\'()*+,;='.includes(c) || (slashToo && c === '/'))
      out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    else out += c;
  }
  return out;
}

/** credential_format: the URL credential.c matches keys against (no password). */
function credentialUrl(c: CredentialParts): string {
  let out = `${c.protocol ?? ''}://`;
  if (c.username) out += percentEncode(c.username, true) + '@';
  out += c.host ?? '';
  if (c.path !== undefined) out += '/' + percentEncode(c.path, false);
  return out;
}

/** credential_match: every part the key names must be equal. */
function credentialMatches(want: CredentialParts, have: CredentialParts): boolean {
  const check = (k: keyof CredentialParts) => want[k] === undefined || want[k] === have[k];
  return check('protocol') && check('host') && check('path') && check('username');
}

/**
 * Selects the entries of `section.[<url>.]key` that apply to `url`, as git does for an http
 * request (http.*, most specific wins) or a credential lookup (credential.*, all matches).
 */
export function selectForUrl(
  entries: readonly GitConfigEntry[],
  section: string,
  key: string,
  url: string,
): UrlSelection {
  const sec = section.toLowerCase();
  const name = key.toLowerCase();
  const credential = sec === 'credential';
  let have: CredentialParts | null = null;
  let target = url;
  if (credential) {
    have = credentialFromUrl(url, false);
    if (have) target = credentialUrl(have);
  }
  const normalized = normalizeGitUrl(target);
  const info = normalized.ok ? normalized.info : null;
  const sel: UrlSelection = { all: [] };
  if (!normalized.ok) sel.urlError = normalized.error;
  let best: UrlMatch | undefined;
  for (const entry of entries) {
    if (!entry.key.startsWith(sec + '.')) continue;
    const rest = entry.key.slice(sec.length + 1);
    const dot = rest.lastIndexOf('.');
    let spec: UrlMatchSpecificity | null = noMatch;
    let urlScope: string | null = null;
    if (dot >= 0) {
      urlScope = rest.slice(0, dot);
      const pattern = normalizeGitUrl(urlScope, true);
      if (pattern.ok) spec = info ? matchGitUrls(info, pattern.info) : null;
      else if (credential && have) {
        // credential.c match_partial_url: keys like credential.example.com.helper
        const want = credentialFromUrl(urlScope, true);
        spec = want && credentialMatches(want, have) ? noMatch : null;
      } else spec = null;
      if (!spec) continue;
    }
    if ((dot >= 0 ? rest.slice(dot + 1) : rest) !== name) continue;
    const m: UrlMatch = { ...spec, entry, urlScope };
    sel.all.push(m);
    // credential.c uses select_all: every match replaces the previous one.
    if (credential || !best || compareUrlMatches(m, best) >= 0) best = m;
  }
  if (best) sel.effective = best;
  return sel;
}

export interface CredentialConfigForUrl {
  /** helpers git runs for this URL, in order, after empty values reset the list */
  helpers: { helper: string; entry: GitConfigEntry }[];
  /** credential.username: the last matching value (a user in the URL takes precedence) */
  username?: { value: string; entry: GitConfigEntry };
  /** credential.useHttpPath: the last matching value, default false */
  useHttpPath: boolean;
}

/** git_config_bool for the values git accepts; an unparsable value counts as false. */
function configBool(v: string | null): boolean {
  if (v === null) return true;
  const t = v.trim().toLowerCase();
  if (['true', 'yes', 'on'].includes(t)) return true;
  if (/^-?\d+$/.test(t)) return Number(t) !== 0;
  return false;
}

/** What credential.c's credential_apply_config collects for a lookup of `url`. */
export function credentialConfigForUrl(
  entries: readonly GitConfigEntry[],
  url: string,
): CredentialConfigForUrl {
  const out: CredentialConfigForUrl = { helpers: [], useHttpPath: false };
  for (const m of selectForUrl(entries, 'credential', 'helper', url).all) {
    if (m.entry.value === null) continue;
    if (m.entry.value === '') out.helpers = [];
    else out.helpers.push({ helper: m.entry.value, entry: m.entry });
  }
  const user = selectForUrl(entries, 'credential', 'username', url).effective;
  if (user && user.entry.value !== null) out.username = { value: user.entry.value, entry: user.entry };
  const path = selectForUrl(entries, 'credential', 'usehttppath', url).effective;
  if (path) out.useHttpPath = configBool(path.entry.value);
  return out;
}
