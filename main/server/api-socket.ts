// One authenticated /api socket: WireCall in, WireMessage out, every call through the shared
// dispatcher. A broken frame gets an error reply (id 0 when no id can be read) and the socket
// stays up; nothing a page sends can throw out of here.
import type { RawData, WebSocket } from 'ws';
import type { Method, Reply } from '../common/contract';
import type { WireMessage } from '../common/contract-wire';
import type { ErrorCode } from '../common/errors';
import type { Dispatcher } from '../core/dispatcher';
import type { KnownSecrets } from './known-secrets';

/** Enough for a busy page; more in flight from one socket is a runaway loop, not a user. */
const MAX_IN_FLIGHT = 64;

export interface ApiContext {
  dispatcher: Dispatcher;
  secrets: KnownSecrets;
}

function failure(code: ErrorCode, message: string): Reply<Method> {
  return { ok: false, error: { code, message } };
}

export function send(ws: WebSocket, msg: WireMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
}

/** The call in a frame, or the error reply for it. */
export function parseCall(
  data: RawData,
  isBinary: boolean,
): { id: number; method: string; input: unknown } | { id: number; error: Reply<Method> } {
  if (isBinary) return { id: 0, error: failure('usage', 'binary frames are not part of the protocol') };
  let msg: unknown;
  try {
    msg = JSON.parse(data.toString());
  } catch {
    return { id: 0, error: failure('usage', 'malformed message: not JSON') };
  }
  if (!msg || typeof msg !== 'object' || Array.isArray(msg))
    return { id: 0, error: failure('usage', 'malformed message: expected {id, method, input}') };
  const { id, method, input } = msg as { id?: unknown; method?: unknown; input?: unknown };
  const goodId = typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
  if (!goodId || typeof method !== 'string')
    return {
      id: goodId ? id : 0,
      error: failure('usage', 'malformed message: expected a numeric id and a method name'),
    };
  return { id, method, input };
}

export function attachApi(ws: WebSocket, ctx: ApiContext): void {
  let inFlight = 0;
  ws.on('message', (data, isBinary) => {
    const call = parseCall(data, isBinary);
    if ('error' in call) return send(ws, { id: call.id, reply: call.error });
    if (inFlight >= MAX_IN_FLIGHT)
      return send(ws, {
        id: call.id,
        reply: failure('lock-busy', 'too many calls in flight; wait for replies'),
      });
    // Before validation: a token that fails validation is still a secret the shell must not show.
    ctx.secrets.noteCall(call.method, call.input);
    inFlight++;
    ctx.dispatcher
      .call(call.method, call.input)
      .catch((e: unknown) => failure('internal', e instanceof Error ? e.message : 'dispatcher failed'))
      .then((reply) => {
        inFlight--;
        send(ws, { id: call.id, reply });
      });
  });
  // A peer that vanishes mid-frame surfaces here; the close handler cleans up.
  ws.on('error', () => {});
}
