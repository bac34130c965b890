// A port of git's url_normalize (urlmatch.c, git 2.39): the form in which git compares the URL
// of a request with the `<url>` of http.<url>.* and credential.<url>.* keys. Scheme and host are
// lowercased, %-escapes normalised, default ports (http 80, https 443) dropped, dot segments
// resolved. It works on UTF-8 bytes as git does; every non-ASCII byte comes out %-escaped, so
// offsets in the result string are byte offsets.
// https://github.com/git/git/blob/v2.39.0/urlmatch.c

export interface GitUrlInfo {
  /** the normalised URL */
  url: string;
  schemeLen: number;
  /** 0 when the URL has no `@`; otherwise where the (possibly empty) user name starts */
  userOff: number;
  userLen: number;
  passwdOff: number;
  passwdLen: number;
  /** 0 for a file: URL with no host */
  hostOff: number;
  hostLen: number;
  portOff: number;
  portLen: number;
  pathOff: number;
  pathLen: number;
}

export type GitUrlNormalizeResult = { ok: true; info: GitUrlInfo } | { ok: false; error: string };

const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGIT = '0123456789';
const SCHEME_CHARS = ALPHA + DIGIT + '+.-';
// git 2.39 accepts `_` in host names (git 2.34 added it); `[:]` are for IPv6 literals.
const HOST_CHARS = ALPHA + DIGIT + '.-_[:]';
const UNSAFE_CHARS = ' <>"%{}|\\^`';
const RESERVED = ':/?#[]@' + "!$&'()*+,;=";

const codes = (chars: string): Set<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const schemeSet = codes(SCHEME_CHARS);
const hostSet = codes(HOST_CHARS);
const hostGlobSet = codes(HOST_CHARS + '*');
const digitSet = codes(DIGIT);
const zeroSet = codes('0');
const unsafeSet = codes(UNSAFE_CHARS);
const reservedSet = codes(RESERVED);
const utf8 = new TextEncoder();

const ch = (c: string): number => c.charCodeAt(0);

/** strspn from `from` */
function span(s: Uint8Array, from: number, set: Set<number>): number {
  let i = from;
  while (i < s.length && set.has(s[i] as number)) i++;
  return i - from;
}

/** index of the first byte in `stops` at or after `from`, or s.length (strcspn) */
function findAny(s: Uint8Array, from: number, stops: string): number {
  let i = from;
  while (i < s.length && !stops.includes(String.fromCharCode(s[i] as number))) i++;
  return i;
}

function hexVal(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

const pct = (c: number): string => '%' + c.toString(16).toUpperCase().padStart(2, '0');

/**
 * append_normalized_escapes with esc_extra "" and esc_ok RESERVED: unescape what need not be
 * escaped, escape what must be, keep delimiters escaped if they were. null on a bad %XX.
 */
function normalizeEscapes(s: Uint8Array, from: number, to: number): string | null {
  let out = '';
  let i = from;
  while (i < to) {
    let c = s[i++] as number;
    let wasEsc = false;
    if (c === ch('%')) {
      if (to - i < 2) return null;
      const hi = hexVal(s[i]);
      const lo = hexVal(s[i + 1]);
      if (hi < 0 || lo < 0) return null;
      c = (hi << 4) | lo;
      i += 2;
      wasEsc = true;
    }
    if (c <= 0x1f || c >= 0x7f || unsafeSet.has(c) || (wasEsc && reservedSet.has(c))) out += pct(c);
    else out += String.fromCharCode(c);
  }
  return out;
}

const lower = (c: number): string => String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 32 : c);

/**
 * url_normalize_1. `allowGlobs` accepts `*` in the host, as git does for the `<url>` of a
 * config key (not for the URL being looked up).
 */
export function normalizeGitUrl(input: string, allowGlobs = false): GitUrlNormalizeResult {
  const fail = (error: string): GitUrlNormalizeResult => ({ ok: false, error });
  // git sees a C string: anything after a NUL does not exist.
  const nul = input.indexOf('\0');
  const s = utf8.encode(nul < 0 ? input : input.slice(0, nul));
  const n = s.length;

  let spanned = span(s, 0, schemeSet);
  const isAlpha = (c: number | undefined) => c !== undefined && ALPHA.includes(String.fromCharCode(c));
  if (
    !spanned ||
    !isAlpha(s[0]) ||
    spanned + 3 > n ||
    s[spanned] !== ch(':') ||
    s[spanned + 1] !== ch('/') ||
    s[spanned + 2] !== ch('/')
  )
    return fail("invalid URL scheme name or missing '://' suffix");
  const schemeLen = spanned;
  let norm = '';
  for (let i = 0; i < schemeLen + 3; i++) norm += lower(s[i] as number);
  let p = schemeLen + 3;

  // user[:password]@
  let userOff = 0;
  let userLen = 0;
  let passwdOff = 0;
  let passwdLen = 0;
  const at = s.indexOf(ch('@'), p);
  const slash = findAny(s, p, '/?#');
  if (at >= 0 && at < slash) {
    userOff = norm.length;
    if (at > p) {
      const user = normalizeEscapes(s, p, at);
      if (user === null) return fail('invalid %XX escape sequence');
      norm += user;
      const colon = norm.indexOf(':', schemeLen + 3);
      if (colon >= 0) {
        passwdOff = colon + 1;
        passwdLen = norm.length - passwdOff;
        userLen = passwdOff - 1 - (schemeLen + 3);
      } else {
        userLen = norm.length - (schemeLen + 3);
      }
    }
    norm += '@';
    p = at + 1;
  }

  // host, without port; no %-escapes
  let hostOff = 0;
  if (p >= n || ':/?#'.includes(String.fromCharCode(s[p] as number))) {
    if (!norm.startsWith('file:')) return fail("missing host and scheme is not 'file:'");
  } else {
    hostOff = norm.length;
  }
  // The last ':' before the path, unless a ']' (end of an IPv6 literal) comes after it. When
  // the host is empty this looks at the byte before it, as git does: '/' or '@', never ':'.
  let colon = slash - 1;
  while (colon > p && s[colon] !== ch(':') && s[colon] !== ch(']')) colon--;
  if (s[colon] !== ch(':')) colon = slash;
  else if (!hostOff && colon < slash && colon + 1 !== slash)
    return fail("a 'file:' URL may not have a port number");
  spanned = span(s, p, allowGlobs ? hostGlobSet : hostSet);
  if (spanned < colon - p) return fail('invalid characters in host name');
  while (p < colon) norm += lower(s[p++] as number);

  // port: leading zeros and the scheme's default port dropped
  let portOff = 0;
  let portLen = 0;
  if (colon < slash) {
    p = colon + 1;
    p += span(s, p, zeroSet);
    if (p === slash && s[p - 1] === ch('0')) p--;
    const port = new TextDecoder().decode(s.subarray(p, slash));
    if (p === slash) {
      // a bare ':' means the default port
    } else if (port === '80' && norm.startsWith('http:')) {
      // http's default
    } else if (port === '443' && norm.startsWith('https:')) {
      // https's default
    } else {
      if (span(s, p, digitSet) < slash - p) return fail('invalid port number');
      const pnum = slash - p <= 5 ? Number(port) : 0;
      if (pnum === 0 || pnum > 65535) return fail('invalid port number');
      norm += ':';
      portOff = norm.length;
      norm += port;
      portLen = slash - p;
    }
    p = slash;
  }
  const hostLen = hostOff ? norm.length - hostOff - (portLen ? portLen + 1 : 0) : 0;

  // path: a leading '/' always, dot segments resolved, escapes normalised
  const pathOff = norm.length;
  norm += '/';
  if (s[p] === ch('/')) p++;
  for (;;) {
    const segStart = norm.length;
    const next = findAny(s, p, '/?#');
    const seg = normalizeEscapes(s, p, next);
    if (seg === null) return fail('invalid %XX escape sequence');
    norm += seg;
    let skipAddSlash = false;
    if (seg === '.') {
      if (segStart === pathOff + 1) {
        norm = norm.slice(0, -1);
        skipAddSlash = true;
      } else {
        norm = norm.slice(0, -2);
      }
    } else if (seg === '..') {
      let prev = norm.length - 3;
      if (prev === pathOff) return fail("invalid '..' path segment");
      while (norm[--prev] !== '/') {
        /* back to the slash before the previous segment */
      }
      if (prev === pathOff) {
        norm = norm.slice(0, prev + 1);
        skipAddSlash = true;
      } else {
        norm = norm.slice(0, prev);
      }
    }
    p = next;
    if (s[p] !== ch('/')) break;
    p++;
    if (!skipAddSlash) norm += '/';
  }
  const pathLen = norm.length - pathOff;

  // query and fragment: escapes normalised only
  if (p < n) {
    const rest = normalizeEscapes(s, p, n);
    if (rest === null) return fail('invalid %XX escape sequence');
    norm += rest;
  }

  return {
    ok: true,
    info: {
      url: norm,
      schemeLen,
      userOff,
      userLen,
      passwdOff,
      passwdLen,
      hostOff,
      hostLen,
      portOff,
      portLen,
      pathOff,
      pathLen,
    },
  };
}
