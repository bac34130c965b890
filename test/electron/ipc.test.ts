// IPC: one handler per contract method, calls only from our window's main frame on our origin,
// input passed through untouched to the dispatcher, its reply returned unchanged.
import { describe, expect, it } from 'vitest';
import { methods, type Method, type Reply } from '../../main/common/contract';
import { ipcChannel, ipcEventChannel } from '../../main/common/contract-wire';
import { createEventForwarder, registerIpc, senderProblem } from '../../main/electron/ipc';
import { StandInFrame, StandInIpcMain, StandInWebContents, StandInWindow, invokeEvent } from './stand-ins';

function setup() {
  const ipcMain = new StandInIpcMain();
  const win = new StandInWindow({});
  win.webContents.finishLoad();
  const calls: { method: string; input: unknown }[] = [];
  const reply: Reply<Method> = {
    ok: true,
    value: { version: '1.2.3', platform: 'linux', transport: 'electron', home: '/h' },
  };
  const dispatcher = {
    async call(method: string, input: unknown) {
      calls.push({ method, input });
      return reply;
    },
  };
  const unregister = registerIpc({ ipcMain, dispatcher, window: () => win });
  const fromMainFrame = () => invokeEvent(win.webContents, win.webContents.mainFrame);
  return { ipcMain, win, calls, reply, unregister, fromMainFrame };
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract method, on its own channel', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methods.map(ipcChannel).sort());
    expect(ipcMain.handlers.size).toBe(methods.length);
    expect(ipcMain.handlers.has(ipcEventChannel)).toBe(false);
  });

  it('a call from our main frame reaches the dispatcher with its input, and the reply comes back unchanged', async () => {
    const { ipcMain, calls, reply, fromMainFrame } = setup();
    const input = { module: 'git.corp.example/team/lib', probe: true };
    const r = await ipcMain.invoke(ipcChannel('route.explain'), fromMainFrame(), input);
    expect(r).toBe(reply);
    expect(calls).toEqual([{ method: 'route.explain', input }]);
    expect(calls[0]?.input).toBe(input);
  });

  it('every method is wired to its own name', async () => {
    const { ipcMain, calls, fromMainFrame } = setup();
    for (const m of methods) await ipcMain.invoke(ipcChannel(m), fromMainFrame(), {});
    expect(calls.map((c) => c.method)).toEqual(methods);
  });

  const refusals: [string, (s: ReturnType<typeof setup>) => unknown][] = [
    ['another web contents', (s) => invokeEvent(new StandInWebContents(), s.win.webContents.mainFrame)],
    [
      'a sub-frame of our window',
      (s) =>
        invokeEvent(
          s.win.webContents,
          new StandInFrame('app://onramp/index.html', s.win.webContents.mainFrame),
        ),
    ],
    [
      'a frame of another process claiming our URL',
      (s) => invokeEvent(s.win.webContents, new StandInFrame('app://onramp/index.html', null, 999, 1)),
    ],
    [
      'our main frame showing another origin',
      (s) => {
        s.win.webContents.mainFrame.url = 'https://evil.example/';
        return s.fromMainFrame();
      },
    ],
    [
      'our main frame showing a file:// page',
      (s) => {
        s.win.webContents.mainFrame.url = 'file:///tmp/x.html';
        return s.fromMainFrame();
      },
    ],
    ['a frame that is gone', (s) => invokeEvent(s.win.webContents, null)],
    [
      'a disposed frame (its getters throw)',
      (s) =>
        invokeEvent(s.win.webContents, {
          get url(): string {
            throw new Error('Render frame was disposed before WebFrameMain could be accessed');
          },
          parent: null,
          processId: s.win.webContents.mainFrame.processId,
          routingId: 1,
        }),
    ],
    [
      'a destroyed window',
      (s) => {
        s.win.destroyed = true;
        return s.fromMainFrame();
      },
    ],
  ];

  it.each(refusals)('refuses a call from %s without reaching the dispatcher', async (_why, event) => {
    const s = setup();
    const r = (await s.ipcMain.invoke(ipcChannel('journal.undo'), event(s), {
      force: true,
    })) as Reply<Method>;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.message).toMatch(/^journal\.undo refused: /);
    }
    expect(s.calls).toEqual([]);
  });

  it('refuses everything while there is no window', async () => {
    const ipcMain = new StandInIpcMain();
    const calls: string[] = [];
    registerIpc({
      ipcMain,
      dispatcher: { call: async (m) => (calls.push(m), { ok: true, value: {} }) as never },
      window: () => null,
    });
    const r = (await ipcMain.invoke(
      ipcChannel('status.read'),
      invokeEvent({}, new StandInFrame('app://onramp/')),
      {},
    )) as Reply<Method>;
    expect(r.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('removes every handler it added', () => {
    const { ipcMain, unregister } = setup();
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('senderProblem is null only for our main frame on our origin', () => {
    const { win, fromMainFrame } = setup();
    expect(senderProblem(fromMainFrame(), win)).toBeNull();
    expect(senderProblem(fromMainFrame(), null)).toMatch(/no Onramp window/);
  });
});

describe('createEventForwarder', () => {
  it('sends { event, payload } on the event channel to our window', () => {
    const win = new StandInWindow({});
    win.webContents.finishLoad();
    const emit = createEventForwarder(() => win);
    emit('journal.changed', { journalId: 'j1' });
    expect(win.webContents.sent).toEqual([
      { channel: ipcEventChannel, args: [{ event: 'journal.changed', payload: { journalId: 'j1' } }] },
    ]);
  });

  it('sends nothing to a window that shows another origin, is destroyed, or is gone', () => {
    const win = new StandInWindow({});
    win.webContents.finishLoad('https://evil.example/');
    createEventForwarder(() => win)('journal.changed', { journalId: 'j1' });
    win.webContents.finishLoad();
    win.destroyed = true;
    createEventForwarder(() => win)('journal.changed', { journalId: 'j1' });
    createEventForwarder(() => null)('journal.changed', { journalId: 'j1' });
    expect(win.webContents.sent).toEqual([]);
  });
});
