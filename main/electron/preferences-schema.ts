// Desktop preferences: window bounds, theme, the last profile. Kept with electron-store, which
// writes plain JSON in the user data directory, so nothing secret may ever go here (tokens live
// in the OS keychain; see main/core/credentials). The JSON Schema makes the store refuse
// anything else: unknown keys, and a profile reference with a query string or credentials
// (where a token could hide).
import type { Schema } from 'electron-store';
import type { WindowBounds } from './window-options';

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

export interface PreferencesData {
  windowBounds?: WindowBounds;
  theme: Theme;
  /** a file path or an https URL without query, fragment or credentials */
  lastProfile?: string;
}

const coordinate = { type: 'integer', minimum: -100_000, maximum: 100_000 } as const;
const size = { type: 'integer', minimum: 100, maximum: 100_000 } as const;

export const preferencesSchema: Schema<PreferencesData> = {
  windowBounds: {
    type: 'object',
    properties: { x: coordinate, y: coordinate, width: size, height: size, maximized: { type: 'boolean' } },
    required: ['width', 'height'],
    additionalProperties: false,
  },
  theme: { type: 'string', enum: [...themes], default: 'system' },
  lastProfile: {
    type: 'string',
    minLength: 1,
    maxLength: 4096,
    // an https URL without user info, query or fragment; or a path (not a URL of another
    // scheme) without '?', '#' or control characters
    pattern: '^(https://[^/?#@\\s]+(/[^?#\\s]*)?|(?![A-Za-z][A-Za-z0-9+.-]*://)[^?#\\u0000-\\u001f]+)$',
  },
};

export const preferencesDefaults: PreferencesData = { theme: 'system' };

/** What the shell uses of the store (electron-store in the app, a Map in tests). */
export interface Preferences {
  windowBounds(): WindowBounds | undefined;
  saveWindowBounds(bounds: WindowBounds): void;
  theme(): Theme;
  lastProfile(): string | undefined;
  rememberProfile(ref: string): void;
}

/** Only what the schema accepts is stored: bounds as integers, a profile ref without secrets. */
export function cleanBounds(b: WindowBounds): WindowBounds {
  const r = (n: number) => Math.round(n);
  return {
    ...(b.x !== undefined && b.y !== undefined ? { x: r(b.x), y: r(b.y) } : {}),
    width: r(b.width),
    height: r(b.height),
    ...(b.maximized ? { maximized: true } : {}),
  };
}
