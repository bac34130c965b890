// The shape of `window.onramp`, for the renderer's IPC client. Types only (plus the global's
// name), so the renderer can import it without pulling Electron or Node into its bundle.
import type { Input, Method, Reply } from '../main/common/contract';
import type { AppEventName, AppEvents } from '../main/electron/shell-events';

/** 'plan.setGoEnv' → 'planSetGoEnv', the type-level twin of contract-wire's preloadName(). */
type CamelCase<S extends string> = S extends `${infer Head}.${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

export type PreloadName<M extends Method> = CamelCase<M>;

/** Subscribes to one event; the callback gets the payload only. Returns the unsubscribe. */
export type PreloadOn = <E extends AppEventName>(event: E, cb: (payload: AppEvents[E]) => void) => () => void;

export type OnrampPreloadApi = {
  readonly [M in Method as PreloadName<M>]: (input: Input<M>) => Promise<Reply<M>>;
} & { readonly on: PreloadOn };

/** The global the preload exposes: `window.onramp`. */
export const PRELOAD_GLOBAL = 'onramp';
