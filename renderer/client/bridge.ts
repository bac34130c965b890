// What the Electron preload puts on `window.onramp`: one function per contract method, named by
// `preloadNames` (contract-wire.ts), plus `on(event, cb)` returning an unsubscribe. Nothing
// generic: the preload exposes no invoke(channel) and no ipcRenderer.
import type { EventName, Method, Reply } from '../../main/common/contract';

export type PreloadMethod = (input: unknown) => Promise<Reply<Method>>;

export interface OnrampBridge {
  readonly [name: string]: PreloadMethod | OnrampBridge['on'];
  on(event: EventName, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    onramp?: OnrampBridge;
  }
}

/** The preload bridge when running inside Electron, else undefined (browser mode). */
export function preloadBridge(): OnrampBridge | undefined {
  return typeof window !== 'undefined' && window.onramp && typeof window.onramp.on === 'function'
    ? window.onramp
    : undefined;
}
