// The renderer is served from app://onramp/, a privileged standard scheme of our own, never from
// file://: file:// pages share one opaque origin with every file on disk (and get extra
// privileges unless the GrantFileProtocolExtraPrivileges fuse is off), so neither CSP 'self'
// nor the IPC sender check could tell our pages from any other file.
// https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
export const APP_SCHEME = 'app';
export const APP_HOST = 'onramp';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for a URL of our own pages (app://onramp/…), and nothing else. */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // Compare scheme and host, not `origin`: WHATWG URL reports 'null' as the origin of any
  // non-special scheme, which would make every custom-scheme URL look alike.
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}
