// OnrampClient over the Electron preload: each call goes to the one function the preload
// exposes for that method. A rejected promise (the bridge itself failed, not the service)
// becomes an error reply too, so screens handle exactly one failure shape.
import type { EventName, Events, Input, Method, OnrampClient, Reply } from '../../main/common/contract';
import { preloadNames } from '../../main/common/contract-wire';
import type { OnrampBridge, PreloadMethod } from './bridge';

export function connectIpc(bridge: OnrampBridge): OnrampClient {
  return {
    async call<M extends Method>(method: M, input: Input<M>): Promise<Reply<M>> {
      const fn = bridge[preloadNames[method]] as PreloadMethod | undefined;
      if (typeof fn !== 'function')
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `the desktop bridge has no ${method}`,
            hint: 'The preload script and the app are from different builds: reinstall Onramp.',
          },
        };
      try {
        return (await fn(input)) as Reply<M>;
      } catch (e) {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: e instanceof Error ? e.message : String(e),
            hint: 'The app could not reach its main process: restart Onramp.',
          },
        };
      }
    },
    on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
      return bridge.on(event, (p) => cb(p as Events[E]));
    },
  };
}
