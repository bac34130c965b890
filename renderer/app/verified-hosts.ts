// "Last verified" on a host card: when a verification run for a module on that host last
// finished, and whether it passed. Kept in localStorage: no contract method records it yet.
const KEY = 'onramp.verified';

export interface Verified {
  at: string;
  ok: boolean;
}

function hostOf(module: string): string {
  return (module.split('@')[0] ?? module).split('/')[0] ?? module;
}

export function readVerified(): Record<string, Verified> {
  try {
    const v = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, Verified>) : {};
  } catch {
    return {};
  }
}

export function recordVerified(modules: string[], ok: boolean): void {
  const all = readVerified();
  const at = new Date().toISOString();
  for (const m of modules) all[hostOf(m)] = { at, ok };
  try {
    window.localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    /* no storage: the card says "not verified yet", which stays true */
  }
}
