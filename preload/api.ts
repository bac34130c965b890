// The object the preload exposes as `window.onramp`: one function per contract method, each
// invoking that method's own IPC channel with the one input argument, plus on(event, cb).
// Nothing generic: no invoke(channel), no ipcRenderer, no IpcRendererEvent reaches the page (the
// event object carries `sender`, an IpcRenderer). Built from ipcRenderer passed in, so tests
// run it with a stand-in; preload/index.ts passes the real one.
// https://www.electronjs.org/docs/latest/tutorial/context-isolation#security-considerations
import type { IpcRendererEvent } from 'electron';
import { methods } from '../main/common/contract';
import { ipcChannel, ipcEventChannel, preloadNames } from '../main/common/contract-wire';
import { appEventNames, stickyEventNames, type AppEventName } from '../main/electron/shell-events';
import type { OnrampPreloadApi } from './api-type';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

type Listener = (payload: unknown) => void;

const MAX_STICKY = 10;

function isEventMessage(m: unknown): m is { event: AppEventName; payload: unknown } {
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof (m as { event?: unknown }).event === 'string' &&
    appEventNames.includes((m as { event: AppEventName }).event)
  );
}

export function buildApi(ipc: IpcRendererLike): OnrampPreloadApi {
  const api: Record<string, unknown> = {};
  for (const method of methods) {
    const channel = ipcChannel(method);
    // Exactly one argument crosses; main validates it against the method's schema.
    api[preloadNames[method]] = (input: unknown) => ipc.invoke(channel, input ?? {});
  }

  const listeners = new Map<AppEventName, Set<Listener>>();
  const held = new Map<AppEventName, unknown[]>();
  ipc.on(ipcEventChannel, (_event, message) => {
    if (!isEventMessage(message)) return;
    const subs = listeners.get(message.event);
    if (subs && subs.size > 0) {
      for (const cb of [...subs]) deliver(cb, message.payload);
    } else if (stickyEventNames.includes(message.event)) {
      const q = held.get(message.event) ?? [];
      q.push(message.payload);
      held.set(message.event, q.slice(-MAX_STICKY));
    }
  });

  api.on = (event: unknown, cb: unknown): (() => void) => {
    if (typeof event !== 'string' || !appEventNames.includes(event as AppEventName))
      throw new TypeError(`onramp.on: unknown event ${JSON.stringify(String(event).slice(0, 64))}`);
    if (typeof cb !== 'function') throw new TypeError('onramp.on: the callback must be a function');
    const name = event as AppEventName;
    const listener = cb as Listener;
    const subs = listeners.get(name) ?? new Set<Listener>();
    listeners.set(name, subs);
    subs.add(listener);
    const waiting = held.get(name);
    if (waiting) {
      held.delete(name);
      // After on() has returned, so the caller holds its unsubscribe first.
      void Promise.resolve().then(() => waiting.forEach((p) => deliver(listener, p)));
    }
    return () => {
      subs.delete(listener);
    };
  };
  return api as OnrampPreloadApi;
}

function deliver(cb: Listener, payload: unknown): void {
  try {
    cb(payload);
  } catch (e) {
    // One failing subscriber must not starve the others.
    console.error('onramp event listener failed:', e);
  }
}
