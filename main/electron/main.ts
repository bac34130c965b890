// Entry point of the Electron main process (bundled to dist/electron/main.mjs by
// build/bundle-electron.ts). The only file that hands the real Electron objects to the shell;
// everything it does is in plain functions tested with stand-ins (test/electron).
import { app, BrowserWindow, ipcMain, nativeTheme, protocol, screen, session, shell } from 'electron';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../core/dispatcher';
import { prepareShell } from './app-lifecycle';
import { openPreferences } from './preferences';
import { linkHostsOfProfileRef } from './profile-hosts';

const here = dirname(fileURLToPath(import.meta.url));
const log = (message: string) => console.error(`[onramp] ${message}`);
// An unpackaged run (`electron dist/electron/main.mjs`) reports Electron's own version.
const version = app.isPackaged ? app.getVersion() : (process.env.npm_package_version ?? app.getVersion());

const onramp = prepareShell({
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  shell,
  nativeTheme,
  session: () => session.defaultSession,
  screenWorkAreas: () => screen.getAllDisplays().map((d) => d.workArea),
  preferences: () => openPreferences(log),
  // The desktop app has no meaningful working directory: doctor starts from the home directory.
  createDispatcher: (emit) =>
    createDispatcher({ env: process.env, cwd: homedir(), transport: 'electron', version, emit }),
  paths: { preload: join(here, 'preload.cjs'), renderer: join(here, '..', 'renderer') },
  argv: process.argv,
  platform: process.platform,
  devTools: !app.isPackaged,
  profileHosts: (ref) => linkHostsOfProfileRef(ref),
  log,
});

if (onramp) {
  app
    .whenReady()
    .then(() => onramp.start())
    .catch((e: unknown) => {
      log(`start-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      app.exit(1);
    });
}
