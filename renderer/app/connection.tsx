// The one connection, handed to every screen through context so nothing reaches for a global.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { EventName, Events, OnrampClient } from '../../main/common/contract';
import type { Connection, ConnectionState } from '../client/index';

const ConnectionContext = createContext<Connection | null>(null);

export function ConnectionProvider(props: { connection: Connection; children: ReactNode }) {
  return <ConnectionContext.Provider value={props.connection}>{props.children}</ConnectionContext.Provider>;
}

export function useConnection(): Connection {
  const c = useContext(ConnectionContext);
  if (!c) throw new Error('useConnection outside ConnectionProvider');
  return c;
}

export function useClient(): OnrampClient {
  return useConnection().client;
}

export function useConnectionState(): ConnectionState {
  const c = useConnection();
  const [s, setS] = useState(c.state());
  useEffect(() => {
    const off = c.onState(setS);
    // the socket may have opened between the first render and this subscription
    setS(c.state());
    return off;
  }, [c]);
  return s;
}

/** Subscribes to a contract event for the lifetime of the component. */
export function useEvent<E extends EventName>(event: E, cb: (payload: Events[E]) => void): void {
  const client = useClient();
  const [handler] = useState(() => ({ cb }));
  handler.cb = cb;
  useEffect(() => client.on(event, (p) => handler.cb(p)), [client, event, handler]);
}
