// The preload: exactly one function per contract method plus on(); each function invokes its
// own channel with one argument; on() passes the payload only. The core runs with a stand-in
// ipcRenderer; preload/index.ts runs with 'electron' replaced by stand-ins (vi.mock), so the
// real module (and its missing binary) is never loaded.
import type { IpcRendererEvent } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { methods, type Input, type Reply } from '../../main/common/contract';
import { ipcChannel, ipcEventChannel, preloadNames } from '../../main/common/contract-wire';
import { buildApi, type IpcRendererLike } from '../../preload/api';
import type { OnrampPreloadApi, PreloadName } from '../../preload/api-type';

class StandInIpcRenderer implements IpcRendererLike {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  readonly listeners = new Map<string, ((event: IpcRendererEvent, ...args: unknown[]) => void)[]>();
  reply: unknown = { ok: true, value: 'from main' };
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.reply;
  }
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  /** What main's webContents.send(ipcEventChannel, message) looks like here; the event object carries `sender`. */
  push(message: unknown): void {
    const event = { sender: this, senderId: 0 } as unknown as IpcRendererEvent;
    for (const l of this.listeners.get(ipcEventChannel) ?? []) l(event, message);
  }
}

const expectedKeys = [...methods.map((m) => preloadNames[m]), 'on'].sort();

describe('buildApi', () => {
  it('exposes exactly one function per contract method, plus on', () => {
    const api = buildApi(new StandInIpcRenderer());
    expect(Object.keys(api).sort()).toEqual(expectedKeys);
    for (const k of Object.keys(api)) expect(typeof (api as Record<string, unknown>)[k], k).toBe('function');
    for (const generic of ['invoke', 'send', 'ipcRenderer', 'call', 'sendSync', 'removeAllListeners'])
      expect(api).not.toHaveProperty(generic);
  });

  it('each function invokes its own channel with the one input, and returns main’s reply as is', async () => {
    const ipc = new StandInIpcRenderer();
    const api = buildApi(ipc) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    for (const m of methods) {
      const input = { marker: m };
      ipc.reply = { ok: true, value: m };
      await expect(api[preloadNames[m]]?.(input, 'extra', 'args')).resolves.toEqual({ ok: true, value: m });
    }
    expect(ipc.invoked).toEqual(methods.map((m) => ({ channel: ipcChannel(m), args: [{ marker: m }] })));
  });

  it('an omitted input becomes {}', async () => {
    const ipc = new StandInIpcRenderer();
    const api = buildApi(ipc) as unknown as Record<string, () => Promise<unknown>>;
    await api.statusRead?.();
    expect(ipc.invoked).toEqual([{ channel: ipcChannel('status.read'), args: [{}] }]);
  });

  it('on(event, cb) gets the payload only, for that event only, until unsubscribed', () => {
    const ipc = new StandInIpcRenderer();
    const api = buildApi(ipc);
    const got: unknown[][] = [];
    const off = api.on('journal.changed', (...args: unknown[]) => got.push(args));
    ipc.push({ event: 'journal.changed', payload: { journalId: 'j1' } });
    ipc.push({ event: 'verify.step', payload: { runId: 'r' } });
    off();
    ipc.push({ event: 'journal.changed', payload: { journalId: 'j2' } });
    expect(got).toEqual([[{ journalId: 'j1' }]]);
  });

  it('ignores malformed and unknown messages', () => {
    const ipc = new StandInIpcRenderer();
    const api = buildApi(ipc);
    const got: unknown[] = [];
    api.on('journal.changed', (p) => got.push(p));
    for (const m of [
      null,
      'journal.changed',
      42,
      { payload: 1 },
      { event: 'nope', payload: 1 },
      { event: 7 },
    ])
      ipc.push(m);
    expect(got).toEqual([]);
  });

  it('refuses unknown events and non-function callbacks', () => {
    const api = buildApi(new StandInIpcRenderer());
    expect(() => api.on('nope' as 'journal.changed', () => {})).toThrow(/unknown event/);
    expect(() => api.on('journal.changed', 'x' as never)).toThrow(/must be a function/);
  });

  it('keeps a deep link that arrives before anyone listens, and hands it to the first listener', async () => {
    const ipc = new StandInIpcRenderer();
    const api = buildApi(ipc);
    ipc.push({ event: 'deeplink.import', payload: { url: 'https://corp.example/p.json' } });
    ipc.push({ event: 'journal.changed', payload: { journalId: 'lost' } });
    const links: unknown[] = [];
    const changes: unknown[] = [];
    api.on('journal.changed', (p) => changes.push(p));
    api.on('deeplink.import', (p) => links.push(p));
    expect(links).toEqual([]); // not before on() has returned
    await Promise.resolve();
    expect(links).toEqual([{ url: 'https://corp.example/p.json' }]);
    expect(changes).toEqual([]); // progress-like events are not kept
  });

  it('one throwing listener does not stop the others', () => {
    const ipc = new StandInIpcRenderer();
    const api = buildApi(ipc);
    const got: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    api.on('journal.changed', () => {
      throw new Error('boom');
    });
    api.on('journal.changed', (p) => got.push(p));
    ipc.push({ event: 'journal.changed', payload: { journalId: 'j' } });
    expect(got).toEqual([{ journalId: 'j' }]);
    spy.mockRestore();
  });

  it('its type has one typed function per method', () => {
    expectTypeOf<PreloadName<'plan.setGoEnv'>>().toEqualTypeOf<'planSetGoEnv'>();
    expectTypeOf<OnrampPreloadApi['statusRead']>().toEqualTypeOf<
      (input: Input<'status.read'>) => Promise<Reply<'status.read'>>
    >();
    expectTypeOf<OnrampPreloadApi['routeExplain']>().parameter(0).toEqualTypeOf<Input<'route.explain'>>();
    // The type-level names agree with contract-wire's runtime names.
    const names: { [M in (typeof methods)[number]]: PreloadName<M> } = preloadNames as never;
    for (const m of methods)
      expect(names[m]).toBe(m.replace(/\.([a-z])/g, (_, c: string) => c.toUpperCase()));
  });
});

const bridge = vi.hoisted(() => ({ exposed: [] as [string, unknown][], listeners: [] as string[] }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.push([key, api]),
  },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }),
    on: (channel: string) => bridge.listeners.push(channel),
  },
}));

describe('preload/index.ts', () => {
  it('exposes the API once, as window.onramp, and listens on the event channel only', async () => {
    await import('../../preload/index');
    expect(bridge.exposed.map(([k]) => k)).toEqual(['onramp']);
    const api = bridge.exposed[0]?.[1] as Record<string, (i: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual(expectedKeys);
    await expect(api.appInfo?.({})).resolves.toEqual({
      ok: true,
      value: { channel: 'onramp:app.info', input: {} },
    });
    expect(bridge.listeners).toEqual([ipcEventChannel]);
  });
});
