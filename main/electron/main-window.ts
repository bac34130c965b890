// The main window factory. Takes the BrowserWindow class and everything else it touches as
// parameters, so a test can build a window from a stand-in class and check every security
// option and handler without the Electron binary.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { guardWebContents, type GuardedContentsLike, type LinkPolicy } from './navigation-guard';
import { mainWindowOptions, type WindowBounds } from './window-options';

/** What the factory uses of a BrowserWindow (the real class satisfies it). */
export interface MainWindowLike {
  readonly webContents: GuardedContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  show(): void;
  maximize(): void;
  isMaximized(): boolean;
  getNormalBounds(): Rectangle;
}

export interface MainWindowDeps<W extends MainWindowLike> {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  preloadPath: string;
  devTools: boolean;
  links: LinkPolicy;
  bounds?: WindowBounds;
  backgroundColor?: string;
  /** called when the window closes, to remember its size and place */
  saveBounds?(bounds: WindowBounds): void;
  log?(message: string): void;
}

export function createMainWindow<W extends MainWindowLike>(d: MainWindowDeps<W>): W {
  const win = new d.BrowserWindow(
    mainWindowOptions({
      preloadPath: d.preloadPath,
      devTools: d.devTools,
      bounds: d.bounds,
      backgroundColor: d.backgroundColor,
    }),
  );
  guardWebContents(win.webContents, d.links);
  win.once('ready-to-show', () => {
    if (d.bounds?.maximized) win.maximize();
    win.show();
  });
  if (d.saveBounds) {
    const save = d.saveBounds;
    win.on('close', () => save({ ...win.getNormalBounds(), maximized: win.isMaximized() }));
  }
  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => d.log?.(`could not load ${APP_ENTRY_URL}: ${String(e)}`));
  return win;
}
