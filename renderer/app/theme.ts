// Light, dark, or whatever the OS prefers (the default). The choice is stored in localStorage;
// "system" removes the attribute so the prefers-color-scheme media query in the CSS decides.
import { useCallback, useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const order: ThemeChoice[] = ['system', 'light', 'dark'];
const KEY = 'onramp.theme';

function stored(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

export function useTheme(): { choice: ThemeChoice; next: ThemeChoice; cycle(): void } {
  const [choice, setChoice] = useState<ThemeChoice>(stored);
  useEffect(() => {
    applyTheme(choice);
    try {
      if (choice === 'system') window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, choice);
    } catch {
      /* storage can be unavailable (private mode); the choice then lasts for this session */
    }
  }, [choice]);
  const next = order[(order.indexOf(choice) + 1) % order.length] as ThemeChoice;
  const cycle = useCallback(() => setChoice(next), [next]);
  return { choice, next, cycle };
}
