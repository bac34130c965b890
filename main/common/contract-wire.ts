// How the contract travels. Browser mode: one WebSocket at /api carries calls, replies and
// events; a second at /pty carries the interactive terminal. Electron: the preload exposes
// one function per method (named below) plus on(event, cb). Both transports implement the
// same OnrampClient, so the renderer cannot tell them apart.
import { methods, type EventName, type Method, type Reply } from './contract';

/** Browser → server on /api */
export interface WireCall {
  id: number;
  method: Method;
  input: unknown;
}

/** Server → browser on /api */
export type WireMessage = { id: number; reply: Reply<Method> } | { event: EventName; payload: unknown };

/** Browser ↔ server on /pty (the interactive shell tab) */
export type PtyClientMessage =
  { type: 'input'; data: string } | { type: 'resize'; cols: number; rows: number };
export type PtyServerMessage = { type: 'output'; data: string } | { type: 'exit'; code: number | null };

/** The per-launch token travels once in the printed URL (?token=…) and becomes this cookie. */
export const SESSION_COOKIE = 'onramp_session';
export const API_PATH = '/api';
export const PTY_PATH = '/pty';

/** 'status.read' → 'statusRead': the preload function for a method. */
export function preloadName(method: Method): string {
  return method.replace(/\.([a-z])/g, (_, c: string) => c.toUpperCase());
}

export const preloadNames: Record<Method, string> = Object.fromEntries(
  methods.map((m) => [m, preloadName(m)]),
) as Record<Method, string>;

/** The IPC channel name for a method (one ipcMain.handle each) and for events. */
export const ipcChannel = (method: Method) => `onramp:${method}`;
export const ipcEventChannel = 'onramp:event';
