// Headers on every response. No Access-Control-* ever: nothing here is meant for another origin,
// and the absence of CORS headers is what keeps a foreign page from reading our replies.
import type { ServerResponse } from 'node:http';

export function contentSecurityPolicy(port: number): string {
  // CSP host-sources cannot be IPv6 literals (Chrome rejects 'ws://[::1]:PORT'); 'self' covers the
  // same-origin socket under CSP 3 either way, the explicit ones help older engines on IPv4.
  const ws = ['127.0.0.1', 'localhost'].map((h) => `ws://${h}:${port}`).join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    `connect-src 'self' ${ws}`,
    // React and xterm set inline style attributes; inline <script> stays forbidden.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

export function setCommonHeaders(res: ServerResponse, port: number): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(port));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // Loopback pages are small and the token/cookie flow must never be replayed from a cache.
  res.setHeader('Cache-Control', 'no-store');
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/** A tiny self-contained page (no script: the CSP forbids inline script anyway). */
export function simplePage(title: string, body: string, refreshTo?: string): string {
  const refresh = refreshTo ? `<meta http-equiv="refresh" content="0;url=${escapeHtml(refreshTo)}">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${refresh}<title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:40em;margin:4em auto;line-height:1.5"><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

export function sendPage(res: ServerResponse, status: number, html: string, head = false): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(html));
  res.end(head ? undefined : html);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
