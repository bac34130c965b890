// The Electron transport of the contract: one ipcMain.handle per method, each refusing calls
// that do not come from the main frame of our window showing our own origin, then handing the
// raw input to the dispatcher (which validates it with the contract's zod schema) and returning
// its reply unchanged. Events go back on one channel, to our window only.
// https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
import type { IpcMainInvokeEvent } from 'electron';
import { methods, type Method, type Reply } from '../common/contract';
import { ipcChannel, ipcEventChannel } from '../common/contract-wire';
import type { Dispatcher } from '../core/dispatcher';
import { isAppUrl } from './app-origin';
import type { AppEventName, AppEvents } from './shell-events';

/** The members of WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

export interface TrustedWindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly mainFrame: FrameLike };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Why a call must be refused, or null when it comes from our window's main frame on our origin. */
export function senderProblem(event: InvokeEventLike, win: TrustedWindowLike | null): string | null {
  if (!win || win.isDestroyed()) return 'there is no Onramp window';
  try {
    if (event.sender !== win.webContents) return 'the call did not come from the Onramp window';
    const frame = event.senderFrame;
    // null when the frame has navigated away or been destroyed since it sent the message
    if (!frame) return 'the calling frame is gone';
    const main = win.webContents.mainFrame;
    if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId)
      return 'the call came from a sub-frame';
    if (!isAppUrl(frame.url)) return 'the calling page is not an Onramp page';
    return null;
  } catch {
    // WebFrameMain throws when read after its frame is disposed.
    return 'the calling frame is gone';
  }
}

export const refusedReply = (method: string, problem: string): Reply<Method> => ({
  ok: false,
  error: { code: 'invalid-input', message: `${method} refused: ${problem}` },
});

export interface IpcDeps {
  ipcMain: IpcMainLike;
  dispatcher: Pick<Dispatcher, 'call'>;
  window(): TrustedWindowLike | null;
  log?(message: string): void;
}

/** Registers exactly one handler per contract method; returns a function that removes them. */
export function registerIpc(d: IpcDeps): () => void {
  for (const method of methods) {
    d.ipcMain.handle(ipcChannel(method), async (event, input) => {
      const problem = senderProblem(event, d.window());
      if (problem !== null) {
        d.log?.(`IPC ${method} refused: ${problem}`);
        return refusedReply(method, problem);
      }
      return d.dispatcher.call(method, input);
    });
  }
  return () => {
    for (const method of methods) d.ipcMain.removeHandler(ipcChannel(method));
  };
}

export interface EventWindowLike {
  isDestroyed(): boolean;
  readonly webContents: {
    isDestroyed(): boolean;
    getURL(): string;
    send(channel: string, ...args: unknown[]): void;
  };
}

export type EmitEvent = <E extends AppEventName>(event: E, payload: AppEvents[E]) => void;

/** Sends events to our window only, and only while it shows our own page. */
export function createEventForwarder(window: () => EventWindowLike | null): EmitEvent {
  return (event, payload) => {
    const w = window();
    if (!w || w.isDestroyed() || w.webContents.isDestroyed()) return;
    if (!isAppUrl(w.webContents.getURL())) return;
    w.webContents.send(ipcEventChannel, { event, payload });
  };
}
