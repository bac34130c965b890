// The checks every request and WebSocket upgrade passes before anything else runs. Order
// matters: Host first (a rebinding page never gets further), then Origin, then the cookie.
import type { IncomingMessage } from 'node:http';
import { hostAllowed, originAllowed } from './loopback';
import { hasSessionCookie, type Session } from './session';

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

const allow: Verdict = { ok: true };
const deny = (status: 401 | 403, reason: string): Verdict => ({ ok: false, status, reason });

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function isSafeMethod(method: string | undefined): boolean {
  return method === 'GET' || method === 'HEAD';
}

/**
 * Host and Origin only; authentication is separate because the token exchange (GET /?token=)
 * is the one request that arrives without the cookie.
 * - Host must name loopback at our port (DNS rebinding).
 * - A present Origin must be ours, on every request.
 * - Upgrades must carry our Origin: browsers always send it on WebSockets, and a WebSocket is
 *   not covered by the same-origin policy, so this is the only cross-site barrier there
 *   (https://portswigger.net/web-security/websockets/cross-site-websocket-hijacking).
 * - Other state-changing requests need our Origin, or Sec-Fetch-Site: same-origin when a
 *   browser leaves Origin out.
 */
export function checkOrigin(req: IncomingMessage, port: number, upgrade: boolean): Verdict {
  if (!hostAllowed(header(req, 'host'), port))
    return deny(403, 'this server answers only to its loopback address');
  const origin = header(req, 'origin');
  if (origin !== undefined && !originAllowed(origin, port)) return deny(403, 'cross-origin request refused');
  const site = header(req, 'sec-fetch-site');
  if (upgrade) {
    if (origin === undefined) return deny(403, 'WebSocket upgrade without Origin refused');
    if (site !== undefined && site !== 'same-origin') return deny(403, 'cross-site WebSocket refused');
    return allow;
  }
  if (!isSafeMethod(req.method)) {
    if (site !== undefined && site !== 'same-origin') return deny(403, 'cross-site request refused');
    if (origin === undefined && site !== 'same-origin') return deny(403, 'request without Origin refused');
  }
  return allow;
}

export function checkCookie(req: IncomingMessage, session: Session): Verdict {
  return hasSessionCookie(header(req, 'cookie'), session)
    ? allow
    : deny(401, 'not signed in: open the URL `onramp web` printed');
}

export function checkAll(req: IncomingMessage, port: number, session: Session, upgrade: boolean): Verdict {
  const o = checkOrigin(req, port, upgrade);
  return o.ok ? checkCookie(req, session) : o;
}
