// GOPRIVATE, GONOPROXY, GONOSUMDB and GOINSECURE are comma lists of path.Match globs matched
// against module path prefixes. Import from go-patterns.ts. This is a line-by-line port of go 1.19's path.Match
// (src/path/match.go, unchanged through go 1.25) and golang.org/x/mod/module.MatchPrefixPatterns,
// working on UTF-8 bytes as Go does, so '?' and '[...]' consume a whole rune and literals a byte.
// test/common/go-patterns.diff.test.ts checks it against Go's own code on generated input.

import { OnrampError } from './errors';
import { decodeRune, utf8Encode } from './go-text';

const STAR = 0x2a; // *
const QUESTION = 0x3f; // ?
const BACKSLASH = 0x5c; // \
const LBRACK = 0x5b; // [
const RBRACK = 0x5d; // ]
const CARET = 0x5e; // ^
const DASH = 0x2d; // -
const SLASH = 0x2f; // /
const EMPTY = new Uint8Array(0);

/** Go's path.ErrBadPattern text. */
export const BAD_PATTERN_MESSAGE = 'syntax error in pattern';

/** The (matched, err) pair Go's path.Match returns; badPattern means err == ErrBadPattern. */
export interface PathMatchResult {
  matched: boolean;
  badPattern: boolean;
}

const BAD: PathMatchResult = { matched: false, badPattern: true };

interface Chunk {
  star: boolean;
  chunk: Uint8Array;
  rest: Uint8Array;
}

// scanChunk: the next run of non-star pattern bytes, possibly preceded by stars.
function scanChunk(pattern: Uint8Array): Chunk {
  let start = 0;
  while (start < pattern.length && pattern[start] === STAR) start++;
  const star = start > 0;
  const p = pattern.subarray(start);
  let inrange = false;
  let i = 0;
  scan: for (; i < p.length; i++) {
    switch (p[i]) {
      case BACKSLASH:
        // error check handled in matchChunk: bad pattern.
        if (i + 1 < p.length) i++;
        break;
      case LBRACK:
        inrange = true;
        break;
      case RBRACK:
        inrange = false;
        break;
      case STAR:
        if (!inrange) break scan;
        break;
    }
  }
  return { star, chunk: p.subarray(0, i), rest: p.subarray(i) };
}

type ChunkMatch = { ok: true; rest: Uint8Array } | { ok: false; bad: boolean };
const CHUNK_BAD: ChunkMatch = { ok: false, bad: true };
const CHUNK_FAIL: ChunkMatch = { ok: false, bad: false };

interface Esc {
  r: number;
  next: number;
  bad: boolean;
}

// getEsc: a possibly-escaped character of a character class, starting at chunk[i].
function getEsc(chunk: Uint8Array, i: number): Esc {
  if (i >= chunk.length || chunk[i] === DASH || chunk[i] === RBRACK) return { r: 0, next: i, bad: true };
  if (chunk[i] === BACKSLASH) {
    i++;
    if (i >= chunk.length) return { r: 0, next: i, bad: true };
  }
  const [r, n] = decodeRune(chunk, i);
  const next = i + n;
  // Go also rejects a class that runs to the end of the chunk (no closing ']').
  return { r, next, bad: (r === 0xfffd && n === 1) || next >= chunk.length };
}

// matchChunk: whether chunk matches the beginning of s. After a mismatch it keeps walking the
// chunk (without reading s) so that a malformed chunk is reported even when it cannot match.
function matchChunk(chunk: Uint8Array, s: Uint8Array): ChunkMatch {
  let failed = false;
  let c = 0;
  let si = 0;
  while (c < chunk.length) {
    if (!failed && si >= s.length) failed = true;
    const op = chunk[c];
    if (op === LBRACK) {
      let r = 0;
      if (!failed) {
        const [rr, n] = decodeRune(s, si);
        r = rr;
        si += n;
      }
      c++;
      let negated = false;
      if (c < chunk.length && chunk[c] === CARET) {
        negated = true;
        c++;
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (c < chunk.length && chunk[c] === RBRACK && nrange > 0) {
          c++;
          break;
        }
        const lo = getEsc(chunk, c);
        if (lo.bad) return CHUNK_BAD;
        c = lo.next;
        let hi = lo.r;
        if (chunk[c] === DASH) {
          const h = getEsc(chunk, c + 1);
          if (h.bad) return CHUNK_BAD;
          hi = h.r;
          c = h.next;
        }
        if (lo.r <= r && r <= hi) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
      continue;
    }
    if (op === QUESTION) {
      if (!failed) {
        if (s[si] === SLASH) failed = true;
        si += decodeRune(s, si)[1];
      }
      c++;
      continue;
    }
    if (op === BACKSLASH) {
      c++;
      if (c >= chunk.length) return CHUNK_BAD;
    }
    if (!failed) {
      if (chunk[c] !== s[si]) failed = true;
      si++;
    }
    c++;
  }
  return failed ? CHUNK_FAIL : { ok: true, rest: s.subarray(si) };
}

/** Go's path.Match(pattern, name), returning Go's (matched, err) pair. */
export function goPathMatch(pattern: string, name: string): PathMatchResult {
  let p = utf8Encode(pattern);
  let n = utf8Encode(name);
  outer: while (p.length > 0) {
    const sc = scanChunk(p);
    p = sc.rest;
    if (sc.star && sc.chunk.length === 0) {
      // Trailing * matches rest of string unless it has a /.
      return { matched: n.indexOf(SLASH) < 0, badPattern: false };
    }
    const m = matchChunk(sc.chunk, n);
    // if we're the last chunk, make sure we've exhausted the name
    if (m.ok && (m.rest.length === 0 || p.length > 0)) {
      n = m.rest;
      continue;
    }
    if (!m.ok && m.bad) return BAD;
    if (sc.star) {
      // Look for match skipping i+1 bytes. Cannot skip /.
      for (let i = 0; i < n.length && n[i] !== SLASH; i++) {
        const t = matchChunk(sc.chunk, n.subarray(i + 1));
        if (t.ok) {
          if (p.length === 0 && t.rest.length > 0) continue;
          n = t.rest;
          continue outer;
        }
        if (t.bad) return BAD;
      }
    }
    // Before returning false with no error, check that the rest of the pattern is well-formed.
    while (p.length > 0) {
      const rest = scanChunk(p);
      p = rest.rest;
      const v = matchChunk(rest.chunk, EMPTY);
      if (!v.ok && v.bad) return BAD;
    }
    return { matched: false, badPattern: false };
  }
  return { matched: n.length === 0, badPattern: false };
}

/** Go's path.Match; throws (code invalid-input) exactly when Go returns ErrBadPattern. */
export function pathMatch(pattern: string, name: string): boolean {
  const r = goPathMatch(pattern, name);
  if (r.badPattern) {
    throw new OnrampError({
      code: 'invalid-input',
      message: `${BAD_PATTERN_MESSAGE}: ${JSON.stringify(pattern)}`,
      hint: 'Check [...] classes (closed, non-empty, no bare "-" or "]") and a trailing "\\".',
    });
  }
  return r.matched;
}

/**
 * Whether a syntax check of the glob fails. Matching against "" walks every chunk of the pattern
 * (matchChunk validates even after a mismatch), so this is exactly Go's notion of a bad pattern.
 */
export function isBadPattern(glob: string): boolean {
  return goPathMatch(glob, '').badPattern;
}

/**
 * golang.org/x/mod/module.MatchPrefixPatterns: whether any glob in the comma list matches a
 * path prefix of target. Empty elements are skipped, one trailing "/" is ignored, and a glob
 * with N slashes is matched against the first N+1 elements of target. A bad glob never
 * matches; Go drops the error silently, which is why validatePatternList exists.
 */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  let rest = globs;
  while (rest !== '') {
    let glob: string;
    const comma = rest.indexOf(',');
    if (comma >= 0) {
      glob = rest.slice(0, comma);
      rest = rest.slice(comma + 1);
    } else {
      glob = rest;
      rest = '';
    }
    if (glob.endsWith('/')) glob = glob.slice(0, -1);
    if (glob === '') continue;

    // A glob with N+1 path elements (N slashes) is matched against the first N+1 elements of
    // target, which end just before target's N+1'th slash. '/' is ASCII, so counting UTF-16
    // code units finds the same positions as Go's byte walk.
    let n = 0;
    for (let i = 0; i < glob.length; i++) if (glob.charCodeAt(i) === SLASH) n++;
    let prefix = target;
    for (let i = 0; i < target.length; i++) {
      if (target.charCodeAt(i) === SLASH) {
        if (n === 0) {
          prefix = target.slice(0, i);
          break;
        }
        n--;
      }
    }
    if (n > 0) continue; // not enough prefix elements
    if (goPathMatch(glob, prefix).matched) return true;
  }
  return false;
}
