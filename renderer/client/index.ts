// Picks the transport once at start-up: inside Electron the preload has put `window.onramp`
// there; anywhere else this page was served by `onramp web` and talks WebSocket to its origin.
// Screens only ever see an OnrampClient plus what this transport can do besides (a shell).
import type { OnrampClient } from '../../main/common/contract';
import { preloadBridge } from './bridge';
import { connectIpc } from './ipc-client';
import { connectPty, connectWs, type ConnectionState, type PtyConnection } from './ws-client';

export type Transport = 'electron' | 'browser';

export interface Connection {
  client: OnrampClient;
  transport: Transport;
  /** connection state for a "reconnecting…" banner; Electron IPC is always open */
  state(): ConnectionState;
  onState(cb: (s: ConnectionState) => void): () => void;
  /** the interactive shell (browser mode only: Electron has no PTY bridge yet) */
  openShell?: (
    onData: (data: string) => void,
    onExit: (code: number | null) => void,
    size: { cols: number; rows: number },
  ) => PtyConnection;
}

export function connect(): Connection {
  const bridge = preloadBridge();
  if (bridge)
    return {
      client: connectIpc(bridge),
      transport: 'electron',
      state: () => 'open',
      onState: () => () => {},
    };
  const ws = connectWs();
  return {
    client: ws,
    transport: 'browser',
    state: () => ws.state,
    onState: (cb) => ws.onState(cb),
    openShell: (onData, onExit, size) => connectPty(onData, onExit, size),
  };
}

export type { ConnectionState, PtyConnection };
