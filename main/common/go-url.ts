// The part of go 1.19's net/url (Parse, String, Redacted) that decides whether go accepts a
// GOPROXY or GOSUMDB URL and what its error message says. Go works on bytes, so this file
// works on "byte strings" (one JS char per UTF-8 byte, from toBytes) and turns them back
// into text only for display. Source: /usr/lib/go-1.19/src/net/url/url.go.

import { decodeRune, utf8Encode } from './go-text';

/** A parsed URL; every string field is a byte string (see toBytes). */
export interface GoUrl {
  scheme: string;
  opaque: string;
  user?: { username: string; password?: string };
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

export type GoUrlResult = { ok: true; url: GoUrl } | { ok: false; error: string };

type Mode = 'path' | 'host' | 'zone' | 'user' | 'fragment';

/** A JS string as a byte string: one char (0–255) per UTF-8 byte, as Go sees the string. */
export function toBytes(s: string): string {
  let out = '';
  for (const b of utf8Encode(s)) out += String.fromCharCode(b);
  return out;
}

/** A byte string back to text; invalid UTF-8 becomes U+FFFD (as Go's JSON encoder does). */
export function fromBytes(b: string): string {
  const bytes = Uint8Array.from(b, (c) => c.charCodeAt(0));
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const [r, n] = decodeRune(bytes, i);
    out += String.fromCodePoint(r);
    i += n;
  }
  return out;
}

// Non-ASCII runes strconv.Quote escapes. Go uses unicode.IsPrint; this covers the controls,
// format characters and non-ASCII spaces that realistically show up in a pasted value.
function isPrintNonAscii(r: number): boolean {
  return !(
    (r >= 0x80 && r <= 0xa0) ||
    r === 0xad ||
    r === 0x1680 ||
    (r >= 0x2000 && r <= 0x200f) ||
    (r >= 0x2028 && r <= 0x202f) ||
    (r >= 0x205f && r <= 0x206f) ||
    r === 0x3000 ||
    r === 0xfeff ||
    (r >= 0xfff9 && r <= 0xfffb)
  );
}

/** strconv.Quote of a byte string, as %q prints it in Go's error messages. */
export function goQuote(b: string): string {
  const bytes = Uint8Array.from(b, (c) => c.charCodeAt(0));
  const named: Record<number, string> = { 7: 'a', 8: 'b', 12: 'f', 10: 'n', 13: 'r', 9: 't', 11: 'v' };
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  let out = '"';
  for (let i = 0; i < bytes.length;) {
    const [r, n] = decodeRune(bytes, i);
    i += n;
    if (r === 0xfffd && n === 1) out += `\\x${hex(bytes[i - 1] as number, 2)}`;
    else if (r === 0x22 || r === 0x5c) out += `\\${String.fromCharCode(r)}`;
    else if (r >= 0x20 && r < 0x7f) out += String.fromCharCode(r);
    else if (named[r] !== undefined) out += `\\${named[r]}`;
    else if (r < 0x80) out += `\\x${hex(r, 2)}`;
    else if (isPrintNonAscii(r)) out += String.fromCodePoint(r);
    else out += r < 0x10000 ? `\\u${hex(r, 4)}` : `\\U${hex(r, 8)}`;
  }
  return out + '"';
}

const isHex = (c: string) => /^[0-9a-fA-F]$/.test(c);
const unhex = (c: string) => parseInt(c, 16);

function shouldEscape(c: number, mode: Mode): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return false;
  const ch = String.fromCharCode(c);
  if ((mode === 'host' || mode === 'zone') && `!$&'()*+,;=:[]<>"`.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    if (mode === 'path') return ch === '?';
    if (mode === 'user') return '@/?:'.includes(ch);
    if (mode === 'fragment') return false;
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

function unescape(s: string, mode: Mode): { ok: true; s: string } | { ok: false; error: string } {
  let n = 0;
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      n++;
      if (i + 2 >= s.length || !isHex(s[i + 1] as string) || !isHex(s[i + 2] as string)) {
        return { ok: false, error: `invalid URL escape ${goQuote(s.slice(i, i + 3))}` };
      }
      if (mode === 'host' && unhex(s[i + 1] as string) < 8 && s.slice(i, i + 3) !== '%25') {
        return { ok: false, error: `invalid URL escape ${goQuote(s.slice(i, i + 3))}` };
      }
      if (mode === 'zone') {
        const v = unhex(s.slice(i + 1, i + 3));
        if (s.slice(i, i + 3) !== '%25' && v !== 0x20 && shouldEscape(v, 'host')) {
          return { ok: false, error: `invalid URL escape ${goQuote(s.slice(i, i + 3))}` };
        }
      }
      i += 3;
    } else {
      if ((mode === 'host' || mode === 'zone') && c < 0x80 && shouldEscape(c, mode)) {
        return { ok: false, error: `invalid character ${goQuote(s[i] as string)} in host name` };
      }
      i++;
    }
  }
  if (n === 0) return { ok: true, s };
  return { ok: true, s: s.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(unhex(h))) };
}

function escape(s: string, mode: Mode): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += shouldEscape(c, mode) ? `%${c.toString(16).toUpperCase().padStart(2, '0')}` : s[i];
  }
  return out;
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

function parseHost(host: string): { ok: true; s: string } | { ok: false; error: string } {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) return { ok: false, error: "missing ']' in host" };
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort))
      return { ok: false, error: `invalid port ${goQuote(colonPort)} after host` };
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      const h1 = unescape(host.slice(0, zone), 'host');
      if (!h1.ok) return h1;
      const h2 = unescape(host.slice(zone, i), 'zone');
      if (!h2.ok) return h2;
      const h3 = unescape(host.slice(i), 'host');
      if (!h3.ok) return h3;
      return { ok: true, s: h1.s + h2.s + h3.s };
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1 && !validOptionalPort(host.slice(i))) {
      return { ok: false, error: `invalid port ${goQuote(host.slice(i))} after host` };
    }
  }
  return unescape(host, 'host');
}

function parseAuthority(authority: string, u: GoUrl): string | undefined {
  const at = authority.lastIndexOf('@');
  const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (!host.ok) return host.error;
  u.host = host.s;
  if (at < 0) return undefined;
  const userinfo = authority.slice(0, at);
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) return 'net/url: invalid userinfo';
  const colon = userinfo.indexOf(':');
  const name = unescape(colon < 0 ? userinfo : userinfo.slice(0, colon), 'user');
  if (!name.ok) return name.error;
  if (colon < 0) {
    u.user = { username: name.s };
    return undefined;
  }
  const pass = unescape(userinfo.slice(colon + 1), 'user');
  if (!pass.ok) return pass.error;
  u.user = { username: name.s, password: pass.s };
  return undefined;
}

function parseNoFragment(raw: string): GoUrlResult {
  if (/[\x00-\x1f\x7f]/.test(raw)) return { ok: false, error: 'net/url: invalid control character in URL' };
  const u: GoUrl = {
    ...{ scheme: '', opaque: '', host: '', path: '', rawPath: '', omitHost: false },
    ...{ forceQuery: false, rawQuery: '', fragment: '', rawFragment: '' },
  };
  if (raw === '*') return { ok: true, url: { ...u, path: '*' } };
  let rest = raw;
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(raw);
  if (raw.startsWith(':')) return { ok: false, error: 'missing protocol scheme' };
  if (m) {
    u.scheme = m[0].slice(0, -1).toLowerCase();
    rest = raw.slice(m[0].length);
  }
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) [rest, u.rawQuery] = [rest.slice(0, q), rest.slice(q + 1)];
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') return { ok: true, url: { ...u, opaque: rest } };
    if ((rest.split('/')[0] as string).includes(':')) {
      return { ok: false, error: 'first path segment in URL cannot contain colon' };
    }
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) [authority, rest] = [authority.slice(0, slash), authority.slice(slash)];
    const err = parseAuthority(authority, u);
    if (err !== undefined) return { ok: false, error: err };
  } else if (u.scheme !== '' && rest.startsWith('/')) {
    u.omitHost = true;
  }
  const p = unescape(rest, 'path');
  if (!p.ok) return p;
  u.path = p.s;
  u.rawPath = escape(p.s, 'path') === rest ? '' : rest;
  return { ok: true, url: u };
}

/** Go's url.Parse on a byte string; the error reads as Go prints it (`parse "…": …`). */
export function parseGoUrl(rawBytes: string): GoUrlResult {
  const hash = rawBytes.indexOf('#');
  const base = hash < 0 ? rawBytes : rawBytes.slice(0, hash);
  const r = parseNoFragment(base);
  if (!r.ok) return { ok: false, error: `parse ${goQuote(base)}: ${r.error}` };
  if (hash < 0) return r;
  const frag = rawBytes.slice(hash + 1);
  if (frag === '') return r;
  const f = unescape(frag, 'fragment');
  if (!f.ok) return { ok: false, error: `parse ${goQuote(rawBytes)}: ${f.error}` };
  r.url.fragment = f.s;
  r.url.rawFragment = escape(f.s, 'fragment') === frag ? '' : frag;
  return r;
}

function validEncoded(s: string, mode: Mode): boolean {
  for (let i = 0; i < s.length; i++) {
    if (`!$&'()*+,;=:@[]%`.includes(s[i] as string)) continue;
    if (shouldEscape(s.charCodeAt(i), mode)) return false;
  }
  return true;
}

function escapedPart(raw: string, decoded: string, mode: Mode): string {
  if (raw !== '' && validEncoded(raw, mode)) {
    const p = unescape(raw, mode);
    if (p.ok && p.s === decoded) return raw;
  }
  if (mode === 'path' && decoded === '*') return '*';
  return escape(decoded, mode);
}

/** Go's URL.String (or Redacted: the password shown as "xxxxx"), as text. */
export function goUrlString(u: GoUrl, redacted = false): string {
  let out = u.scheme !== '' ? `${u.scheme}:` : '';
  if (u.opaque !== '') out += u.opaque;
  else {
    if ((u.scheme !== '' || u.host !== '' || u.user) && !(u.omitHost && u.host === '' && !u.user)) {
      if (u.host !== '' || u.path !== '' || u.user) out += '//';
      if (u.user) {
        out += escape(u.user.username, 'user');
        if (u.user.password !== undefined)
          out += ':' + (redacted ? 'xxxxx' : escape(u.user.password, 'user'));
        out += '@';
      }
      if (u.host !== '') out += escape(u.host, 'host');
    }
    const path = escapedPart(u.rawPath, u.path, 'path');
    if (path !== '' && path[0] !== '/' && u.host !== '') out += '/';
    if (out === '' && (path.split('/')[0] as string).includes(':')) out += './';
    out += path;
  }
  if (u.forceQuery || u.rawQuery !== '') out += `?${u.rawQuery}`;
  if (u.fragment !== '') out += `#${escapedPart(u.rawFragment, u.fragment, 'fragment')}`;
  return fromBytes(out);
}
