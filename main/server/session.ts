// The per-launch secret. A random token travels once, in the URL printed to the terminal, and
// is exchanged for an httpOnly SameSite=Strict cookie, so page scripts never hold it and other
// sites cannot ride on it. Comparisons are constant-time so a local process timing our replies
// learns nothing about either value.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { SESSION_COOKIE } from '../common/contract-wire';

export interface Session {
  /** the value of ?token= in the printed URL */
  token: string;
  /** cookies ignore ports (RFC 6265 §8.5): the name carries the port so two servers coexist */
  cookieName: string;
  /** a second random value, so the cookie and the URL token are not the same string */
  cookieValue: string;
}

const TOKEN_BYTES = 32;

export function newSession(port: number): Session {
  return {
    token: randomBytes(TOKEN_BYTES).toString('base64url'),
    cookieName: `${SESSION_COOKIE}_${port}`,
    cookieValue: randomBytes(TOKEN_BYTES).toString('base64url'),
  };
}

/** Constant-time for equal lengths; a length mismatch still costs one comparison. */
export function safeEqual(given: string | undefined, expected: string): boolean {
  const b = Buffer.from(expected, 'utf8');
  const a = Buffer.from(given ?? '', 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

/** The value of one cookie in a Cookie header (first occurrence), undecoded. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function hasSessionCookie(header: string | undefined, s: Session): boolean {
  return safeEqual(cookieValue(header, s.cookieName), s.cookieValue);
}

/** No Max-Age: a session cookie dies with the browser; the server's next launch has new values anyway. */
export function sessionCookieHeader(s: Session): string {
  return `${s.cookieName}=${s.cookieValue}; HttpOnly; SameSite=Strict; Path=/`;
}
