// Calls into the contract as React state. Every reply is either a value or ErrorData (never a
// throw), and a reply that arrives after a newer call started is dropped, so a slow answer can
// never overwrite a fresh one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Method, Output, Reply } from '../../main/common/contract';
import type { ErrorData } from '../../main/common/errors';
import { useClient } from './connection';

export type Remote<T> =
  | { state: 'idle' }
  | { state: 'loading'; previous?: T }
  | { state: 'ok'; value: T }
  | { state: 'error'; error: ErrorData };

export interface RemoteHandle<M extends Method> {
  remote: Remote<Output<M>>;
  run(input: Input<M>): Promise<Reply<M>>;
  reset(): void;
}

/** A method called on demand (a button), e.g. `doctor.run`. */
export function useRemote<M extends Method>(method: M): RemoteHandle<M> {
  const client = useClient();
  const [remote, setRemote] = useState<Remote<Output<M>>>({ state: 'idle' });
  const seq = useRef(0);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const run = useCallback(
    async (input: Input<M>): Promise<Reply<M>> => {
      const mine = ++seq.current;
      setRemote((r) => ({ state: 'loading', previous: r.state === 'ok' ? r.value : undefined }));
      let reply: Reply<M>;
      try {
        reply = await client.call(method, input);
      } catch (e) {
        reply = {
          ok: false,
          error: { code: 'internal', message: e instanceof Error ? e.message : String(e) },
        };
      }
      if (alive.current && mine === seq.current)
        setRemote(reply.ok ? { state: 'ok', value: reply.value } : { state: 'error', error: reply.error });
      return reply;
    },
    [client, method],
  );
  const reset = useCallback(() => {
    seq.current++;
    setRemote({ state: 'idle' });
  }, []);
  return { remote, run, reset };
}

/** A method called when the component mounts (and again on reload()), e.g. `status.read`. */
export function useLoad<M extends Method>(
  method: M,
  input: Input<M>,
): RemoteHandle<M> & { reload(): Promise<Reply<M>> } {
  const handle = useRemote(method);
  const key = JSON.stringify(input);
  const { run } = handle;
  const reload = useCallback(() => run(JSON.parse(key) as Input<M>), [run, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...handle, reload };
}

/** The last good value, also while a reload is in flight. */
export function valueOf<T>(r: Remote<T>): T | undefined {
  return r.state === 'ok' ? r.value : r.state === 'loading' ? r.previous : undefined;
}
