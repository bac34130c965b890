// Starts browser mode on a temp HOME and talks to it the way a browser (or an attacker) would:
// raw HTTP requests with chosen Host/Origin/Cookie headers, and `ws` sockets for /api and /pty.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { WebSocket } from 'ws';
import type { Method, Reply } from '../../main/common/contract';
import { startWebServer, type WebServer, type WebServerOptions } from '../../main/server/index';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

export interface HttpReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Every reply any test saw, so a suite can assert things about all of them at the end. */
export const seen: HttpReply[] = [];

export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const r = {
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        };
        seen.push(r);
        resolve(r);
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Opens the printed URL and returns the `name=value` session cookie it set. */
export async function signIn(server: WebServer): Promise<string> {
  const r = await request(server.url);
  const set = r.headers['set-cookie']?.[0];
  if (r.status !== 200 || !set) throw new Error(`token exchange failed: ${r.status}`);
  return set.split(';')[0] as string;
}

/** The HTTP status of a WebSocket upgrade (101 when accepted; the socket is closed again). */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        seen.push({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        });
        resolve(res.statusCode ?? 0);
      });
    });
    ws.on('error', (e) => {
      if (!/Unexpected server response/.test(e.message)) reject(e);
    });
  });
}

export function openSocket(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** A minimal /api client over `ws` that keeps events separately. */
export class ApiSocket {
  readonly events: { event: string; payload: unknown }[] = [];
  private readonly waiting = new Map<number, (r: Reply<Method>) => void>();
  private next = 1;
  readonly raw: unknown[] = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const msg = JSON.parse(String(d)) as {
        id?: number;
        reply?: Reply<Method>;
        event?: string;
        payload?: unknown;
      };
      this.raw.push(msg);
      if (msg.event !== undefined) this.events.push({ event: msg.event, payload: msg.payload });
      else if (msg.id !== undefined) {
        this.waiting.get(msg.id)?.(msg.reply as Reply<Method>);
        this.waiting.delete(msg.id);
      }
    });
  }

  call(method: string, input: unknown): Promise<Reply<Method>> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ id, method, input }));
    });
  }

  /** The next frame that answers id (for hand-written frames). */
  reply(id: number): Promise<Reply<Method>> {
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }
}

export interface Fixture {
  t: TempHome;
  server: WebServer;
  cookie: string;
  /** ws://127.0.0.1:PORT */
  wsBase: string;
  /** headers a same-origin browser page sends on an upgrade */
  browserHeaders: Record<string, string>;
  api(): Promise<ApiSocket>;
  close(): Promise<void>;
}

export async function startFixture(
  opts: WebServerOptions = {},
  t: TempHome = makeTempHome(),
): Promise<Fixture> {
  const server = await startWebServer({
    env: t.env,
    cwd: t.home,
    version: 'test',
    staticDir: '/nonexistent',
    ...opts,
  });
  const cookie = await signIn(server);
  const browserHeaders = { cookie, origin: server.origin };
  const wsBase = server.origin.replace(/^http/, 'ws');
  const sockets: WebSocket[] = [];
  return {
    t,
    server,
    cookie,
    wsBase,
    browserHeaders,
    async api() {
      const ws = await openSocket(`${wsBase}/api`, browserHeaders);
      sockets.push(ws);
      return new ApiSocket(ws);
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await server.close();
      t.cleanup();
    },
  };
}

/** Resolves when check() holds, polling; rejects with the label after timeoutMs. */
export async function waitFor(check: () => boolean, label: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
