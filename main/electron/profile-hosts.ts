// The hosts of a loaded profile, for the external-link allow-list: a team's profile names its
// Git web UI and the page where developers create tokens, and the UI links to both. They come
// from the profile the renderer opens (observeProfiles) and, at start-up, from the last one;
// only a profile FILE is read at start-up (no network before the user asks for anything); its
// signature is not checked here because opening a link in the browser grants nothing.
import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { ProfileOpenView } from '../common/contract-views';
import { MAX_PROFILE_BYTES, parseProfileText } from '../common/profile/parse';
import type { Profile } from '../common/profile/schema';
import type { Dispatcher } from '../core/dispatcher';

/** `host[:port]` of every web URL the profile's hosts declare. */
export function linkHostsOfProfile(profile: Profile): string[] {
  const urls = profile.hosts.flatMap((h) => [h.webUrl, h.token?.createUrl].filter((u): u is string => !!u));
  return [...new Set(urls.map((u) => new URL(u).host))];
}

/** The link hosts of the profile at `ref` when it is a readable, valid profile file; else []. */
export async function linkHostsOfProfileRef(
  ref: string | undefined,
  read: (file: string) => Promise<Uint8Array> = (f) => readFile(f),
): Promise<string[]> {
  if (!ref || /^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return [];
  try {
    const bytes = await read(ref);
    if (bytes.byteLength > MAX_PROFILE_BYTES) return [];
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return linkHostsOfProfile(parseProfileText(text, ref).profile);
  } catch {
    return [];
  }
}

/** What the shell does when the renderer opens a profile. */
export interface ProfileObserver {
  allowLinkHosts(hosts: string[]): void;
  rememberProfile(ref: string): void;
}

/**
 * The dispatcher, seen by the shell: a successful 'profile.open' adds the profile's hosts to the
 * link allow-list and, when it came from a file or an https URL, becomes the last profile (the
 * preferences schema refuses a reference that could carry a secret). Replies pass unchanged.
 */
export function observeProfiles(
  dispatcher: Pick<Dispatcher, 'call'>,
  o: ProfileObserver,
): Pick<Dispatcher, 'call'> {
  return {
    async call(method, input) {
      const reply = await dispatcher.call(method, input);
      if (method === 'profile.open' && reply.ok) {
        const view = reply.value as ProfileOpenView;
        o.allowLinkHosts(view.hosts);
        if (isAbsolute(view.origin) || view.origin.startsWith('https://')) o.rememberProfile(view.origin);
      }
      return reply;
    },
  };
}
