// Go's string primitives, reproduced for the ports of Go's routing code (go-patterns, go-proxy,
// go-sumdb, go-goauth). Go strings are UTF-8 bytes and Go's strings.Fields / TrimSpace use
// unicode.IsSpace, which is wider than ASCII whitespace and narrower than JS's \s (JS counts
// U+FEFF; Go does not). Getting these wrong makes a port disagree with go on odd input.

const REPLACEMENT = 0xfffd;

/**
 * UTF-8 bytes of a JS string. A lone surrogate (which no UTF-8 string can hold) becomes U+FFFD,
 * as Node's and the browser's encoders do, so the bytes are what a Go program would receive.
 */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = REPLACEMENT;
    if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/**
 * Go's utf8.DecodeRune on b[i:]: the rune and its width; an invalid or truncated sequence
 * (or an empty input) gives (U+FFFD, 1) — (U+FFFD, 0) when empty, as Go does.
 */
export function decodeRune(b: Uint8Array, i: number): [rune: number, size: number] {
  if (i >= b.length) return [REPLACEMENT, 0];
  const b0 = b[i] as number;
  if (b0 < 0x80) return [b0, 1];
  let size: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) size = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    size = 3;
    if (b0 === 0xe0) lo = 0xa0;
    if (b0 === 0xed) hi = 0x9f; // no surrogates
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    size = 4;
    if (b0 === 0xf0) lo = 0x90;
    if (b0 === 0xf4) hi = 0x8f; // nothing above U+10FFFF
  } else return [REPLACEMENT, 1];
  if (i + size > b.length) return [REPLACEMENT, 1];
  const b1 = b[i + 1] as number;
  if (b1 < lo || b1 > hi) return [REPLACEMENT, 1];
  let r = (b0 & (0xff >> (size + 1))) * 64 + (b1 & 0x3f);
  for (let k = 2; k < size; k++) {
    const bk = b[i + k] as number;
    if (bk < 0x80 || bk > 0xbf) return [REPLACEMENT, 1];
    r = r * 64 + (bk & 0x3f);
  }
  return [r, size];
}

/** Go's unicode.IsSpace. */
export function goIsSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return (
    r === 0x1680 ||
    (r >= 0x2000 && r <= 0x200a) ||
    r === 0x2028 ||
    r === 0x2029 ||
    r === 0x202f ||
    r === 0x205f ||
    r === 0x3000
  );
}

/** Go's strings.Fields: split around runs of unicode.IsSpace, no empty fields. */
export function goFields(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (goIsSpace(ch.codePointAt(0) as number)) {
      if (cur !== '') out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** Go's strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  const chars = Array.from(s);
  let a = 0;
  let b = chars.length;
  while (a < b && goIsSpace(chars[a]?.codePointAt(0) as number)) a++;
  while (b > a && goIsSpace(chars[b - 1]?.codePointAt(0) as number)) b--;
  return chars.slice(a, b).join('');
}

/** Whether a string holds any ASCII control byte (what Go's net/url rejects: < 0x20 or 0x7f). */
export function hasControlByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Go's filepath.IsAbs for Unix, or (windows) for Windows: C:\dir, C:/dir, \\host\share. */
export function goIsAbs(path: string, windows = false): boolean {
  if (!windows) return path.startsWith('/');
  return /^[A-Za-z]:[\\/]/.test(path) || /^[\\/]{2}[^\\/]+[\\/]+[^\\/]/.test(path);
}
