// The Content-Security-Policy of every app:// response. Scripts only from our own bundle; no
// eval, no inline script, no plugins, no frames, no form posts. style-src allows inline styles
// because xterm.js builds its theme with <style> elements and has no nonce support; inline CSS
// cannot run script.
// https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every page and asset we serve carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
