// The electron-store behind Preferences. electron-store reaches for Electron's `app` when it is
// constructed, so this file is only ever loaded in the Electron main process; the schema and
// the interface live in preferences-schema.ts where tests can use them.
import Store from 'electron-store';
import {
  cleanBounds,
  preferencesDefaults,
  preferencesSchema,
  type Preferences,
  type PreferencesData,
} from './preferences-schema';

export function openPreferences(log: (message: string) => void): Preferences {
  const store = new Store<PreferencesData>({
    name: 'preferences',
    schema: preferencesSchema,
    defaults: preferencesDefaults,
    // A hand-edited or corrupted file must not stop the app from starting: start from defaults.
    clearInvalidConfig: true,
  });
  const trySet = (write: () => void) => {
    try {
      write();
    } catch (e) {
      log(`preferences not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return {
    windowBounds: () => store.get('windowBounds'),
    saveWindowBounds: (b) => trySet(() => store.set('windowBounds', cleanBounds(b))),
    theme: () => store.get('theme'),
    lastProfile: () => store.get('lastProfile'),
    rememberProfile: (ref) => trySet(() => store.set('lastProfile', ref)),
  };
}
