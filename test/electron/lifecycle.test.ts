// The whole shell start-up with stand-ins: single instance, deep links from each source, the
// protocol, permissions, IPC and the window, as main.ts wires them with the real Electron.
import { describe, expect, it } from 'vitest';
import { methods, type Method, type Reply } from '../../main/common/contract';
import { ipcChannel, ipcEventChannel } from '../../main/common/contract-wire';
import { prepareShell, type ShellDeps } from '../../main/electron/app-lifecycle';
import type { Preferences } from '../../main/electron/preferences-schema';
import type { WindowBounds } from '../../main/electron/window-options';
import {
  StandInApp,
  StandInIpcMain,
  StandInProtocol,
  StandInSession,
  StandInShell,
  StandInWebContents,
  StandInWindow,
  invokeEvent,
  navEvent,
} from './stand-ins';

const profileLink = 'onramp://import?url=https%3A%2F%2Fcorp.example%2Fprofile.json';

function memoryPreferences(): Preferences & { saved: WindowBounds[] } {
  const saved: WindowBounds[] = [];
  return {
    saved,
    windowBounds: () => saved.at(-1),
    saveWindowBounds: (b) => saved.push(b),
    theme: () => 'dark',
    lastProfile: () => '/home/dev/team.onramp.json',
    rememberProfile: () => {},
  };
}

function harness(over: Partial<ShellDeps<StandInWindow>> = {}) {
  const app = new StandInApp();
  const ipcMain = new StandInIpcMain();
  const protocol = new StandInProtocol();
  const session = new StandInSession();
  const shell = new StandInShell();
  const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark' };
  const logs: string[] = [];
  const calls: string[] = [];
  const prefs = memoryPreferences();
  const d: ShellDeps<StandInWindow> = {
    app,
    BrowserWindow: StandInWindow,
    ipcMain,
    protocol,
    session: () => session,
    shell,
    nativeTheme,
    preferences: () => prefs,
    createDispatcher: () => ({
      call: async (m: string) =>
        (calls.push(m), { ok: true, value: { method: m } }) as unknown as Reply<Method>,
    }),
    paths: { preload: '/app/dist/electron/preload.cjs', renderer: '/app/dist/renderer' },
    argv: ['/opt/Onramp/onramp-desktop'],
    platform: 'linux',
    devTools: false,
    profileHosts: async (ref) => (ref === '/home/dev/team.onramp.json' ? ['git.corp.example'] : []),
    log: (m) => logs.push(m),
    ...over,
  };
  return { d, app, ipcMain, protocol, session, shell, nativeTheme, logs, calls, prefs };
}

const deepLinksSent = (w: StandInWindow) =>
  w.webContents.sent.filter((s) => s.channel === ipcEventChannel).map((s) => s.args[0]);

describe('prepareShell', () => {
  it('registers app:// as privileged before anything else, and quits when another instance runs', () => {
    const h = harness();
    h.app.lock = false;
    const windowsBefore = StandInWindow.created.length;
    expect(prepareShell(h.d)).toBeNull();
    expect(h.protocol.privileged).toHaveLength(1);
    expect(h.protocol.privileged[0]?.[0]?.scheme).toBe('app');
    expect(h.app.quits).toBe(1);
    expect(h.app.listeners.size).toBe(0);
    expect(StandInWindow.created.length).toBe(windowsBefore);
  });

  it('starts: protocol, permissions, one IPC handler per method, theme, one secure window', async () => {
    const h = harness();
    const shell = prepareShell(h.d);
    await shell?.start();
    expect([...h.protocol.handled.keys()]).toEqual(['app']);
    expect(h.session.request).toBeTypeOf('function');
    expect(h.session.check).toBeTypeOf('function');
    expect(h.ipcMain.handlers.size).toBe(methods.length);
    expect(h.nativeTheme.themeSource).toBe('dark');
    const w = shell?.window();
    expect(w?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(w?.loaded).toEqual(['app://onramp/index.html']);
    expect(h.app.protocolClients).toEqual([]); // a development run does not claim onramp://
  });

  it('the installed app registers itself for onramp://', async () => {
    const h = harness();
    h.app.isPackaged = true;
    await prepareShell(h.d)?.start();
    expect(h.app.protocolClients).toEqual(['onramp']);
  });

  it('a call from the window reaches the dispatcher; a call from elsewhere does not', async () => {
    const h = harness();
    const shell = prepareShell(h.d);
    await shell?.start();
    const w = shell?.window() as StandInWindow;
    w.webContents.finishLoad();
    const ok = await h.ipcMain.invoke(
      ipcChannel('status.read'),
      invokeEvent(w.webContents, w.webContents.mainFrame),
      {},
    );
    expect(ok).toEqual({ ok: true, value: { method: 'status.read' } });
    const foreign = new StandInWebContents();
    const no = (await h.ipcMain.invoke(
      ipcChannel('status.read'),
      invokeEvent(foreign, foreign.mainFrame),
      {},
    )) as Reply<Method>;
    expect(no.ok).toBe(false);
    expect(h.calls).toEqual(['status.read']);
  });

  it('a link in the launch argv reaches the renderer once the page has loaded', async () => {
    const h = harness({ argv: ['/opt/Onramp/onramp-desktop', profileLink] });
    const shell = prepareShell(h.d);
    await shell?.start();
    const w = shell?.window() as StandInWindow;
    expect(deepLinksSent(w)).toEqual([]);
    w.webContents.finishLoad();
    expect(deepLinksSent(w)).toEqual([
      { event: 'deeplink.import', payload: { url: 'https://corp.example/profile.json' } },
    ]);
  });

  it('a second instance hands over its link and brings the window forward', async () => {
    const h = harness();
    const shell = prepareShell(h.d);
    await shell?.start();
    const w = shell?.window() as StandInWindow;
    w.webContents.finishLoad();
    w.minimized = true;
    h.app.emit('second-instance', {}, ['/opt/Onramp/onramp-desktop', '--no-sandbox', profileLink]);
    expect(w.minimized).toBe(false);
    expect(w.focused).toBe(1);
    expect(deepLinksSent(w)).toHaveLength(1);
  });

  it('macOS open-url: handled (preventDefault) and routed; a bad link is dropped and logged', async () => {
    const h = harness({ platform: 'darwin' });
    const shell = prepareShell(h.d);
    const early = navEvent('');
    h.app.emit('open-url', early, profileLink); // before ready: held
    await shell?.start();
    const w = shell?.window() as StandInWindow;
    w.webContents.finishLoad();
    expect(early.defaultPrevented).toBe(true);
    h.app.emit('open-url', navEvent(''), 'onramp://import?url=http%3A%2F%2Fcorp.example%2Fp.json');
    expect(deepLinksSent(w)).toHaveLength(1);
    expect(h.logs.some((l) => l.startsWith('ignored a deep link'))).toBe(true);
  });

  it('guards every web contents the app creates', async () => {
    const h = harness();
    prepareShell(h.d);
    const other = new StandInWebContents();
    h.app.emit('web-contents-created', {}, other);
    const e = navEvent('https://evil.example/');
    other.emit('will-navigate', e);
    expect(e.defaultPrevented).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({ action: 'deny' });
  });

  it('links to the last profile’s hosts open in the browser', async () => {
    const h = harness();
    const shell = prepareShell(h.d);
    await shell?.start();
    const w = shell?.window() as StandInWindow;
    w.webContents.windowOpenHandler?.({ url: 'https://git.corp.example/-/profile' } as never);
    w.webContents.windowOpenHandler?.({ url: 'https://other.corp.example/' } as never);
    shell?.allowLinkHosts(['other.corp.example']);
    w.webContents.windowOpenHandler?.({ url: 'https://other.corp.example/' } as never);
    await Promise.resolve();
    expect(h.shell.opened).toEqual(['https://git.corp.example/-/profile', 'https://other.corp.example/']);
  });

  it('quits when the last window closes, except on macOS; remembers the bounds', async () => {
    const h = harness();
    const shell = prepareShell(h.d);
    await shell?.start();
    const w = shell?.window() as StandInWindow;
    w.emit('close');
    w.emit('closed');
    expect(shell?.window()).toBeNull();
    expect(h.prefs.saved).toEqual([{ x: 10, y: 20, width: 1000, height: 700, maximized: false }]);
    h.app.emit('window-all-closed');
    expect(h.app.quits).toBe(1);

    const mac = harness({ platform: 'darwin' });
    const macShell = prepareShell(mac.d);
    await macShell?.start();
    (macShell?.window() as StandInWindow).emit('closed');
    mac.app.emit('window-all-closed');
    expect(mac.app.quits).toBe(0);
    mac.app.emit('activate');
    expect(macShell?.window()).not.toBeNull();
  });
});
