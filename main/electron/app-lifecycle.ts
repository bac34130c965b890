// The desktop shell's wiring: single instance, deep links, the app:// protocol, permissions,
// IPC, the main window. Electron's objects come in as parameters (main.ts passes the real ones),
// so tests run the whole start-up with stand-ins and no Electron binary.
import type { BrowserWindowConstructorOptions, Event as ElectronEvent, Protocol, Rectangle } from 'electron';
import type { Dispatcher } from '../core/dispatcher';
import { appSchemePrivileges, serveApp } from './app-protocol';
import { createDeepLinkRouter, deepLinkFromArgv, DEEP_LINK_SCHEME } from './deep-link';
import {
  createEventForwarder,
  registerIpc,
  type EmitEvent,
  type EventWindowLike,
  type IpcMainLike,
  type TrustedWindowLike,
} from './ipc';
import { createMainWindow, type MainWindowLike } from './main-window';
import { guardWebContents, type GuardedContentsLike, type LinkPolicy } from './navigation-guard';
import { denyPermissions, type SessionPermissionsLike } from './permissions';
import { observeProfiles } from './profile-hosts';
import type { Preferences, Theme } from './preferences-schema';
import { restoreBounds } from './window-options';

export interface AppLike {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  quit(): void;
  setAsDefaultProtocolClient(protocol: string): boolean;
  on(event: 'second-instance', listener: (event: ElectronEvent, argv: string[]) => void): unknown;
  on(event: 'open-url', listener: (event: ElectronEvent, url: string) => void): unknown;
  on(
    event: 'web-contents-created',
    listener: (event: ElectronEvent, contents: GuardedContentsLike) => void,
  ): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
}

export type ShellWindowLike = MainWindowLike &
  TrustedWindowLike &
  EventWindowLike & {
    readonly webContents: {
      on(event: 'did-finish-load', listener: () => void): unknown;
      on(event: 'did-start-loading', listener: () => void): unknown;
    };
    on(event: 'closed', listener: () => void): unknown;
    isMinimized(): boolean;
    restore(): void;
    focus(): void;
  };

export interface ShellDeps<W extends ShellWindowLike> {
  app: AppLike;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  ipcMain: IpcMainLike;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  /** the default session; only read once the app is ready */
  session(): SessionPermissionsLike;
  shell: { openExternal(url: string): Promise<void> };
  nativeTheme?: { themeSource: Theme };
  screenWorkAreas?(): Rectangle[];
  preferences(): Preferences;
  createDispatcher(emit: EmitEvent): Pick<Dispatcher, 'call'>;
  paths: { preload: string; renderer: string };
  argv: readonly string[];
  platform: NodeJS.Platform;
  devTools: boolean;
  /** hosts of the last profile, for the external-link allow-list */
  profileHosts?(ref: string | undefined): Promise<string[]>;
  log(message: string): void;
}

export interface OnrampShell<W> {
  /** after app 'ready' */
  start(): Promise<void>;
  window(): W | null;
  /** more hosts the UI may link to (a profile loaded during the session) */
  allowLinkHosts(hosts: Iterable<string>): void;
}

/**
 * Everything that must happen before 'ready' (privileged scheme, single-instance lock, deep-link
 * listeners). Returns null when another instance already runs: it gets our argv and we quit.
 */
export function prepareShell<W extends ShellWindowLike>(d: ShellDeps<W>): OnrampShell<W> | null {
  d.protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  if (!d.app.requestSingleInstanceLock()) {
    d.app.quit();
    return null;
  }
  let win: W | null = null;
  let started = false;
  let prefs: Preferences | undefined;
  const linkHosts = new Set<string>();
  const links: LinkPolicy = {
    externalHosts: () => linkHosts,
    openExternal: (url) => d.shell.openExternal(url),
    log: d.log,
  };
  const emit = createEventForwarder(() => win);
  const router = createDeepLinkRouter({
    deliver: (link) => emit('deeplink.import', link),
    reject: (reason) => d.log(`ignored a deep link: ${reason}`),
  });

  const openWindow = (): W => {
    const p = (prefs ??= d.preferences());
    const w = createMainWindow({
      BrowserWindow: d.BrowserWindow,
      preloadPath: d.paths.preload,
      devTools: d.devTools,
      links,
      bounds: restoreBounds(p.windowBounds(), d.screenWorkAreas?.() ?? []),
      saveBounds: (b) => p.saveWindowBounds(b),
      log: d.log,
    });
    win = w;
    // Deep links wait for the page; a reload holds them again until it has loaded.
    w.webContents.on('did-finish-load', () => router.setReady(true));
    w.webContents.on('did-start-loading', () => router.setReady(false));
    w.on('closed', () => {
      if (win !== w) return;
      win = null;
      router.setReady(false);
    });
    return w;
  };
  const bringToFront = () => {
    if (!started) return;
    const w = win ?? openWindow();
    if (w.isMinimized()) w.restore();
    w.focus();
  };

  // macOS delivers links as 'open-url' (also before 'ready', when a click launches the app).
  d.app.on('open-url', (event, url) => {
    event.preventDefault();
    router.receive(url);
    bringToFront();
  });
  // Linux and Windows start a second process with the link in argv; it hands over and quits.
  d.app.on('second-instance', (_event, argv) => {
    const link = deepLinkFromArgv(argv);
    if (link !== undefined) router.receive(link);
    bringToFront();
  });
  d.app.on('web-contents-created', (_event, contents) => guardWebContents(contents, links));
  d.app.on('window-all-closed', () => {
    if (d.platform !== 'darwin') d.app.quit();
  });
  d.app.on('activate', () => {
    if (started && win === null) openWindow();
  });
  const launchLink = deepLinkFromArgv(d.argv.slice(1));
  if (launchLink !== undefined) router.receive(launchLink);

  return {
    async start() {
      if (started) return;
      started = true;
      serveApp(d.protocol, d.paths.renderer);
      denyPermissions(d.session());
      const p = (prefs ??= d.preferences());
      if (d.nativeTheme) d.nativeTheme.themeSource = p.theme();
      const dispatcher = observeProfiles(d.createDispatcher(emit), {
        allowLinkHosts: (hosts) => hosts.forEach((h) => linkHosts.add(h)),
        rememberProfile: (ref) => p.rememberProfile(ref),
      });
      registerIpc({ ipcMain: d.ipcMain, dispatcher, window: () => win, log: d.log });
      // Only the installed app registers itself: a development run must not take over the
      // onramp: scheme from an installed copy. Packages also declare it (electron-builder protocols).
      if (d.app.isPackaged) d.app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
      openWindow();
      const hosts = await (d.profileHosts?.(p.lastProfile()) ?? Promise.resolve([]));
      for (const h of hosts) linkHosts.add(h);
    },
    window: () => win,
    allowLinkHosts(hosts) {
      for (const h of hosts) linkHosts.add(h);
    },
  };
}
