// The screens and the hash route that selects one (#/troubleshoot?module=…). Hash routing works
// the same from file:// in Electron and from `onramp web`, and the back button just works.
import { useEffect, useState } from 'react';

export const screens = [
  { id: 'dashboard', title: 'Dashboard', blurb: 'Hosts, routes and go env' },
  { id: 'troubleshoot', title: 'Troubleshoot', blurb: 'Explain an error, run doctor' },
  { id: 'credentials', title: 'Credentials', blurb: 'netrc, helpers, SSH keys' },
  { id: 'history', title: 'History', blurb: 'Every change, undoable' },
  { id: 'terminal', title: 'Terminal', blurb: 'Verification runs and a shell' },
  { id: 'setup', title: 'Setup wizard', blurb: 'First run: presets and plans' },
] as const;

export type ScreenId = (typeof screens)[number]['id'];

export interface Route {
  screen: ScreenId;
  params: Record<string, string>;
}

const ids = new Set<string>(screens.map((s) => s.id));

export function parseHash(hash: string): Route | undefined {
  const m = /^#\/([a-z-]+)(?:\?(.*))?$/.exec(hash);
  if (!m || !ids.has(m[1] as string)) return undefined;
  return { screen: m[1] as ScreenId, params: Object.fromEntries(new URLSearchParams(m[2] ?? '')) };
}

export function hrefOf(screen: ScreenId, params: Record<string, string> = {}): string {
  const q = new URLSearchParams(params).toString();
  return `#/${screen}${q ? `?${q}` : ''}`;
}

export function navigate(screen: ScreenId, params: Record<string, string> = {}): void {
  window.location.hash = hrefOf(screen, params);
}

/** The current route; `fallback` decides where an empty or unknown hash lands. */
export function useRoute(fallback: () => ScreenId): Route {
  const read = () => parseHash(window.location.hash) ?? { screen: fallback(), params: {} };
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const on = () => setRoute(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
    // read() depends only on the location (and the fallback, fixed at mount)
  }, []);
  return route;
}
