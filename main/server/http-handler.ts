// Plain HTTP: the token exchange and the built renderer. Every response gets the security
// headers; every request passes the Host/Origin guard, and all but the token exchange need the
// session cookie. There is no state-changing HTTP endpoint: calls go over the /api WebSocket.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setCommonHeaders, sendPage, sendText, simplePage } from './headers';
import { checkCookie, checkOrigin, isSafeMethod } from './request-guard';
import { safeEqual, sessionCookieHeader, type Session } from './session';
import { serveStatic } from './static-files';

export interface HttpContext {
  port: number;
  session: Session;
  staticDir: string;
}

const signInPage = simplePage(
  'Onramp: open the link from your terminal',
  '<p>This page needs the link <code>onramp web</code> printed (it ends in <code>?token=…</code>). ' +
    'Open that link in this browser; it signs you in for as long as the server runs.</p>',
);

// A 200 page that refreshes to / rather than a 3xx: a redirect keeps the navigation's original
// initiator, and when that is another site (a chat, a web terminal, a file:// launcher page)
// Chrome withholds a SameSite=Strict cookie from the redirected request. A refresh issued by our
// own page is same-site, so the fresh cookie goes with it. The token is not in this body.
const signedInPage = simplePage('Onramp', '<p>Signed in. <a href="/">Continue to Onramp</a>.</p>', '/');

export async function handleHttp(req: IncomingMessage, res: ServerResponse, ctx: HttpContext): Promise<void> {
  setCommonHeaders(res, ctx.port);
  const head = req.method === 'HEAD';
  const origin = checkOrigin(req, ctx.port, false);
  if (!origin.ok) return sendText(res, origin.status, origin.reason);

  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return sendText(res, 400, 'bad request');
  }

  if (isSafeMethod(req.method) && url.pathname === '/' && url.searchParams.has('token')) {
    if (!safeEqual(url.searchParams.get('token') ?? '', ctx.session.token))
      return sendPage(res, 401, signInPage, head);
    res.setHeader('Set-Cookie', sessionCookieHeader(ctx.session));
    return sendPage(res, 200, signedInPage, head);
  }

  const auth = checkCookie(req, ctx.session);
  if (!auth.ok) {
    if (isSafeMethod(req.method) && (req.headers.accept ?? '').includes('text/html'))
      return sendPage(res, 401, signInPage, head);
    return sendText(res, auth.status, auth.reason);
  }
  if (!isSafeMethod(req.method)) {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'method not allowed: calls go over the /api WebSocket');
  }
  await serveStatic(res, ctx.staticDir, url.pathname, head);
}
