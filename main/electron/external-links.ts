// Which links may leave the app for the user's browser. shell.openExternal hands a URL to the
// OS, which will happily run file:, smb: or custom-scheme handlers, so only https links to an
// allow-list of hosts are opened: the public code hosts and Go sites the UI links to, plus the
// hosts of the profile the user loaded (its web UI, token pages).
// https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
export const KNOWN_EXTERNAL_HOSTS: readonly string[] = [
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'gitea.com',
  'go.dev',
  'pkg.go.dev',
];

const MAX_EXTERNAL_URL = 2048;

/** 'Git.Corp.Example:8443 ' → 'git.corp.example:8443'; anything that is not a host → undefined. */
export function normalizeHost(host: string): string | undefined {
  const h = host.trim().toLowerCase();
  return /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:\d{1,5})?$/.test(h) ? h : undefined;
}

/**
 * The URL to hand to shell.openExternal, or null when it must not leave the app. Known hosts
 * match exactly on the default port; profile hosts match `host[:port]` exactly. No subdomain
 * wildcards: a subdomain of an allowed host may be user content.
 */
export function externalUrlToOpen(raw: unknown, extraHosts: Iterable<string> = []): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_EXTERNAL_URL) return null;
  if (/[\s\u0000-\u001f\u007f]/.test(raw)) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '') return null;
  const known = u.port === '' && KNOWN_EXTERNAL_HOSTS.includes(u.hostname);
  const extra = [...extraHosts].some((h) => normalizeHost(h) === u.host);
  return known || extra ? u.href : null;
}
