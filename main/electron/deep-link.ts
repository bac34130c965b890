// onramp://import?url=<https URL> deep links: where they arrive (macOS 'open-url'; on Linux and
// Windows the argv of the launch or of a second instance) and how they reach the renderer. The
// link itself is validated by the profile loader's parser (one `url` parameter, https only, no
// credentials, length-limited), so the CLI and the app accept exactly the same links. A valid
// link only becomes a 'deeplink.import' event; importing stays a reviewed step in the UI.
import { parseDeepLink } from '../common/profile/source-ref';
import type { DeepLinkImport } from './shell-events';

export const DEEP_LINK_SCHEME = 'onramp';

export type DeepLinkResult = { ok: true; link: DeepLinkImport } | { ok: false; reason: string };

export function parseImportLink(link: unknown): DeepLinkResult {
  if (typeof link !== 'string') return { ok: false, reason: 'a deep link must be a string' };
  try {
    return { ok: true, link: { url: parseDeepLink(link) } };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** The first onramp: argument of a command line (Windows/Linux pass the link in argv). */
export function deepLinkFromArgv(argv: readonly string[]): string | undefined {
  return argv.find((a) => typeof a === 'string' && a.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`));
}

export interface DeepLinkRouter {
  /** a link from any source; invalid ones are reported and dropped */
  receive(link: unknown): DeepLinkResult;
  /** the renderer has loaded (true) or is reloading (false); pending links go out on true */
  setReady(ready: boolean): void;
}

const MAX_PENDING = 5;

export function createDeepLinkRouter(o: {
  deliver(link: DeepLinkImport): void;
  reject?(reason: string): void;
}): DeepLinkRouter {
  let ready = false;
  const pending: DeepLinkImport[] = [];
  const flush = () => {
    while (ready && pending.length > 0) o.deliver(pending.shift() as DeepLinkImport);
  };
  return {
    receive(link) {
      const r = parseImportLink(link);
      if (!r.ok) {
        o.reject?.(r.reason);
        return r;
      }
      pending.push(r.link);
      // A burst of clicks before the window is up keeps only the latest few.
      if (pending.length > MAX_PENDING) pending.splice(0, pending.length - MAX_PENDING);
      flush();
      return r;
    },
    setReady(v) {
      ready = v;
      flush();
    },
  };
}
