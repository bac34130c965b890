// The browser-mode transport: OnrampClient over one WebSocket at /api (see contract-wire.ts).
// Runs in the browser, so no node:* and no DOM lib types: the WebSocket constructor is taken
// from globalThis (or injected, which is how the Node tests drive it with the `ws` package).
// Auth is the httpOnly session cookie the server set when the printed URL was opened; the
// browser attaches it to the same-origin upgrade by itself, so no secret lives in this file.
import type { EventName, Events, Input, Method, OnrampClient, Reply } from '../../main/common/contract';
import { API_PATH, PTY_PATH, type PtyServerMessage, type WireMessage } from '../../main/common/contract-wire';
import type { ErrorData } from '../../main/common/errors';

/** The part of the WebSocket API this file uses (browser WebSocket and `ws` both have it). */
export interface WsLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type WsFactory = (url: string) => WsLike;

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WsClientOptions {
  /** how to open a socket; defaults to the global WebSocket */
  factory?: WsFactory;
  /** first reconnect delay; doubles per failure up to maxBackoffMs (with jitter) */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** a call queued while disconnected fails after this long instead of hanging forever */
  queueTimeoutMs?: number;
}

export interface WsClient extends OnrampClient {
  readonly state: ConnectionState;
  /** connection state changes (for a "reconnecting…" banner) */
  onState(cb: (state: ConnectionState) => void): () => void;
  /** stop reconnecting and fail everything outstanding */
  close(): void;
}

const OPEN = 1;

interface Pending {
  resolve(reply: Reply<Method>): void;
  timer?: ReturnType<typeof setTimeout>;
}

function ioError(message: string): { ok: false; error: ErrorData } {
  return {
    ok: false,
    error: { code: 'io', message, hint: 'Is `onramp web` still running? Reload the page.' },
  };
}

/** ws://host/path for the page's own origin (https pages get wss). */
export function sameOriginWsUrl(path: string): string {
  const loc = (globalThis as { location?: { protocol: string; host: string } }).location;
  if (!loc) throw new Error('no page location: pass the WebSocket URL explicitly');
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}${path}`;
}

function defaultFactory(): WsFactory {
  const Ctor = (globalThis as { WebSocket?: new (url: string) => WsLike }).WebSocket;
  if (!Ctor) throw new Error('no WebSocket in this runtime: pass options.factory');
  return (url) => new Ctor(url);
}

function textOf(data: unknown): string | undefined {
  return typeof data === 'string' ? data : undefined;
}

export function connectWs(url?: string, options: WsClientOptions = {}): WsClient {
  const target = url ?? sameOriginWsUrl(API_PATH);
  const factory = options.factory ?? defaultFactory();
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  const queueTimeout = options.queueTimeoutMs ?? 15_000;

  let socket: WsLike | undefined;
  let state: ConnectionState = 'connecting';
  let stopped = false;
  let failures = 0;
  let nextId = 1;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** sent, waiting for a reply: a socket that closes fails these (the server lost them) */
  const inflight = new Map<number, Pending>();
  /** made while not connected: sent in order on the next open */
  const queue: { id: number; text: string; pending: Pending }[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const stateListeners = new Set<(s: ConnectionState) => void>();

  const setState = (s: ConnectionState) => {
    if (s === state) return;
    state = s;
    for (const cb of stateListeners) safely(() => cb(s));
  };

  const dispatch = (raw: unknown) => {
    const text = textOf(raw);
    if (text === undefined) return;
    let msg: WireMessage;
    try {
      msg = JSON.parse(text) as WireMessage;
    } catch {
      return; // a broken frame from the server is not the caller's problem
    }
    if (msg && typeof msg === 'object' && 'id' in msg && typeof msg.id === 'number') {
      const p = inflight.get(msg.id);
      if (!p) return;
      inflight.delete(msg.id);
      p.resolve(msg.reply);
    } else if (msg && typeof msg === 'object' && 'event' in msg) {
      const set = listeners.get(msg.event);
      if (set) for (const cb of [...set]) safely(() => (cb as (p: unknown) => void)(msg.payload));
    }
  };

  const flush = () => {
    while (socket && socket.readyState === OPEN && queue.length > 0) {
      const q = queue.shift()!;
      if (q.pending.timer !== undefined) clearTimeout(q.pending.timer);
      inflight.set(q.id, q.pending);
      socket.send(q.text);
    }
  };

  const failInflight = (why: string) => {
    for (const [, p] of inflight) p.resolve(ioError(why));
    inflight.clear();
  };

  const open = () => {
    retryTimer = undefined;
    if (stopped) return;
    setState('connecting');
    let ws: WsLike;
    try {
      ws = factory(target);
    } catch (e) {
      scheduleRetry(e instanceof Error ? e.message : String(e));
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      failures = 0;
      setState('open');
      flush();
    };
    ws.onmessage = (ev) => {
      if (socket === ws) dispatch(ev.data);
    };
    ws.onerror = () => {
      /* onclose follows and carries what we need */
    };
    ws.onclose = (ev) => {
      if (socket !== ws) return;
      socket = undefined;
      failInflight(`connection to Onramp closed (${ev.code}${ev.reason ? `: ${ev.reason}` : ''})`);
      scheduleRetry('closed');
    };
  };

  const scheduleRetry = (_why: string) => {
    if (stopped) return;
    setState('closed');
    failures++;
    const base = Math.min(maxBackoff, minBackoff * 2 ** Math.min(failures - 1, 16));
    // Jitter keeps several tabs from reconnecting in lockstep after a server restart.
    retryTimer = setTimeout(open, base / 2 + Math.random() * (base / 2));
  };

  open();

  return {
    get state() {
      return state;
    },
    call<M extends Method>(method: M, input: Input<M>): Promise<Reply<M>> {
      if (stopped) return Promise.resolve(ioError('client closed') as Reply<M>);
      const id = nextId++;
      const text = JSON.stringify({ id, method, input });
      return new Promise<Reply<M>>((resolve) => {
        const pending: Pending = { resolve: resolve as (r: Reply<Method>) => void };
        if (socket && socket.readyState === OPEN) {
          inflight.set(id, pending);
          socket.send(text);
          return;
        }
        pending.timer = setTimeout(() => {
          const i = queue.findIndex((q) => q.id === id);
          if (i >= 0) queue.splice(i, 1);
          resolve(ioError('could not reach Onramp (still connecting)') as Reply<M>);
        }, queueTimeout);
        queue.push({ id, text, pending });
      });
    },
    on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb as (payload: never) => void);
      return () => void set.delete(cb as (payload: never) => void);
    },
    onState(cb) {
      stateListeners.add(cb);
      return () => void stateListeners.delete(cb);
    },
    close() {
      if (stopped) return;
      stopped = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      const ws = socket;
      socket = undefined;
      ws?.close(1000, 'client closed');
      failInflight('client closed');
      for (const q of queue.splice(0)) {
        if (q.pending.timer !== undefined) clearTimeout(q.pending.timer);
        q.pending.resolve(ioError('client closed'));
      }
      setState('closed');
    },
  };
}

function safely(f: () => void): void {
  try {
    f();
  } catch (e) {
    // One bad listener must not stop the others or kill the socket handler.
    console.error(e);
  }
}

export interface PtyConnection {
  write(data: string): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

/**
 * The terminal tab's shell at /pty. No reconnect: a new socket is a new shell, which would
 * silently lose the user's state, so a drop is reported through onExit(null) instead.
 */
export function connectPty(
  onData: (data: string) => void,
  onExit: (code: number | null) => void,
  options: { url?: string; factory?: WsFactory; cols?: number; rows?: number } = {},
): PtyConnection {
  const url = options.url ?? sameOriginWsUrl(PTY_PATH);
  const ws = (options.factory ?? defaultFactory())(url);
  const outbox: string[] = [];
  let exited = false;
  const exit = (code: number | null) => {
    if (exited) return;
    exited = true;
    onExit(code);
  };
  const send = (msg: object) => {
    const text = JSON.stringify(msg);
    if (ws.readyState === OPEN) ws.send(text);
    else if (!exited) outbox.push(text);
  };
  ws.onopen = () => {
    for (const t of outbox.splice(0)) ws.send(t);
  };
  ws.onmessage = (ev) => {
    const text = textOf(ev.data);
    if (text === undefined) return;
    let msg: PtyServerMessage;
    try {
      msg = JSON.parse(text) as PtyServerMessage;
    } catch {
      return;
    }
    if (msg.type === 'output' && typeof msg.data === 'string') onData(msg.data);
    else if (msg.type === 'exit') exit(typeof msg.code === 'number' ? msg.code : null);
  };
  ws.onerror = () => {};
  ws.onclose = () => exit(null);
  if (options.cols && options.rows) send({ type: 'resize', cols: options.cols, rows: options.rows });
  return {
    write: (data) => send({ type: 'input', data }),
    resize: (cols, rows) => send({ type: 'resize', cols: Math.floor(cols), rows: Math.floor(rows) }),
    close: () => {
      outbox.length = 0;
      ws.close(1000, 'closed');
    },
  };
}
