// The main window: every security option, the handlers it installs, bounds, permissions.
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../main/electron/app-origin';
import { createMainWindow } from '../../main/electron/main-window';
import type { LinkPolicy } from '../../main/electron/navigation-guard';
import { denyPermissions, permissionAllowed } from '../../main/electron/permissions';
import { MIN_SIZE, restoreBounds, secureWebPreferences } from '../../main/electron/window-options';
import { StandInSession, StandInShell, StandInWindow, navEvent } from './stand-ins';

function links(shell = new StandInShell(), hosts: string[] = []): LinkPolicy {
  return { externalHosts: () => hosts, openExternal: (u) => shell.openExternal(u) };
}

function makeWindow(extra: Partial<Parameters<typeof createMainWindow<StandInWindow>>[0]> = {}) {
  return createMainWindow({
    BrowserWindow: StandInWindow,
    preloadPath: '/app/dist/electron/preload.cjs',
    devTools: false,
    links: links(),
    ...extra,
  });
}

describe('createMainWindow', () => {
  it('builds the window with every security option set explicitly', () => {
    const win = makeWindow();
    const p = win.options.webPreferences;
    expect(p).toBeDefined();
    expect(p?.contextIsolation).toBe(true);
    expect(p?.sandbox).toBe(true);
    expect(p?.nodeIntegration).toBe(false);
    expect(p?.nodeIntegrationInWorker).toBe(false);
    expect(p?.nodeIntegrationInSubFrames).toBe(false);
    expect(p?.webSecurity).toBe(true);
    expect(p?.webviewTag).toBe(false);
    expect(p?.allowRunningInsecureContent).toBe(false);
    expect(p?.experimentalFeatures).toBe(false);
    expect(p?.navigateOnDragDrop).toBe(false);
    expect(p?.devTools).toBe(false);
    expect(p?.preload).toBe('/app/dist/electron/preload.cjs');
    expect(p).not.toHaveProperty('enableBlinkFeatures');
    expect(p).not.toHaveProperty('additionalArguments');
    expect(win.options.show).toBe(false);
  });

  it('the same options whatever devTools says, apart from devTools', () => {
    const a = secureWebPreferences('/p', true);
    const b = secureWebPreferences('/p', false);
    expect({ ...a, devTools: null }).toEqual({ ...b, devTools: null });
  });

  it('loads our own origin, never a file:// or http URL', () => {
    const win = makeWindow();
    expect(win.loaded).toEqual([APP_ENTRY_URL]);
    expect(APP_ENTRY_URL).toBe('app://onramp/index.html');
  });

  it('installs navigation, redirect, webview and window-open guards', () => {
    const win = makeWindow();
    const wc = win.webContents;
    for (const e of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])
      expect(wc.count(e), e).toBe(1);
    expect(wc.windowOpenHandler).toBeTypeOf('function');

    const away = navEvent('https://evil.example/');
    wc.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const inside = navEvent('app://onramp/index.html#/doctor');
    wc.emit('will-navigate', inside);
    expect(inside.defaultPrevented).toBe(false);
    const webview = navEvent('');
    wc.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
    expect(wc.windowOpenHandler?.({ url: 'app://onramp/index.html' } as never)).toEqual({ action: 'deny' });
  });

  it('shows on ready-to-show (maximised when it was) and saves its bounds on close', () => {
    const saved: unknown[] = [];
    const win = makeWindow({
      bounds: { width: 900, height: 700, maximized: true },
      saveBounds: (b) => saved.push(b),
    });
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
    expect(win.maximized).toBe(true);
    win.emit('close');
    expect(saved).toEqual([{ x: 10, y: 20, width: 1000, height: 700, maximized: true }]);
  });
});

describe('restoreBounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('keeps a position that is on a screen', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1000, height: 700 }, screen)).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 700,
    });
  });

  it('centres a window whose screen is gone, and clamps sizes', () => {
    expect(restoreBounds({ x: 3000, y: 50, width: 50, height: 99_999 }, screen)).toEqual({
      width: MIN_SIZE.width,
      height: 1080,
    });
  });

  it('defaults without saved bounds', () => {
    expect(restoreBounds(undefined, screen)).toEqual({ width: 1200, height: 800 });
  });
});

describe('denyPermissions', () => {
  const session = new StandInSession();
  denyPermissions(session);
  const ask = (permission: string, requestingUrl: string) =>
    new Promise<boolean>((resolve) => session.request?.(null, permission, resolve, { requestingUrl }));

  it('refuses every permission request, from any origin', async () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'openExternal',
      'fullscreen',
      'clipboard-read',
      'hid',
      'serial',
      'usb',
      'pointerLock',
    ])
      for (const url of ['app://onramp/index.html', 'https://github.com/'])
        expect(await ask(p, url), `${p} from ${url}`).toBe(false);
    expect(session.check?.(null, 'media', 'app://onramp', {})).toBe(false);
    expect(session.device?.({ deviceType: 'usb', origin: 'app://onramp' })).toBe(false);
  });

  it('allows only a sanitized clipboard write, only from our origin', async () => {
    expect(await ask('clipboard-sanitized-write', 'app://onramp/index.html')).toBe(true);
    expect(await ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(session.check?.(null, 'clipboard-sanitized-write', 'app://onramp', {})).toBe(true);
    expect(session.check?.(null, 'clipboard-sanitized-write', 'file://', {})).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
  });
});
