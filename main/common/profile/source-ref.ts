// Where a profile comes from: a file, an https URL, or a deep link `onramp://import?url=…` (what
// an intranet page links to). A deep link is clicked, so it is held to the strictest reading:
// one parameter, an https URL without credentials, nothing else.
import { OnrampError } from '../errors';

export type ProfileRef = { kind: 'file'; path: string } | { kind: 'url'; url: string; viaDeepLink: boolean };

const MAX_LINK = 4096;

function invalid(message: string, hint?: string): never {
  throw new OnrampError({ code: 'invalid-input', message, hint });
}

/** Checks an https URL a profile is fetched from; returns it normalised. */
export function checkProfileUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return invalid(`not a URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (u.protocol !== 'https:') invalid(`a profile URL must use https:// (got ${u.protocol})`);
  if (u.username || u.password)
    invalid(
      'a profile URL must not contain a user name or password',
      'Profiles are public to the team; sign them instead.',
    );
  if (u.hash) invalid('a profile URL must not contain a #fragment');
  return u.toString();
}

/** Parses `onramp://import?url=<https URL>`. */
export function parseDeepLink(link: string): string {
  if (link.length > MAX_LINK) invalid('the link is too long');
  if (/[\s\u0000-\u001f\u007f]/.test(link)) invalid('the link contains spaces or control characters');
  let u: URL;
  try {
    u = new URL(link);
  } catch {
    return invalid('not a valid onramp:// link');
  }
  if (u.protocol !== 'onramp:' || u.host !== 'import' || (u.pathname !== '' && u.pathname !== '/'))
    invalid('only onramp://import?url=… links are understood');
  const keys = [...u.searchParams.keys()];
  if (keys.length !== 1 || keys[0] !== 'url')
    invalid('an import link takes exactly one parameter, url', `got: ${keys.join(', ') || 'none'}`);
  return checkProfileUrl(u.searchParams.get('url') ?? '');
}

/** What the user typed after --profile (or clicked). */
export function profileRef(input: string): ProfileRef {
  if (/^onramp:/i.test(input)) return { kind: 'url', url: parseDeepLink(input), viaDeepLink: true };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input))
    return { kind: 'url', url: checkProfileUrl(input), viaDeepLink: false };
  return { kind: 'file', path: input };
}
