// Browser mode: a loopback HTTP server for the built renderer, with the contract at /api and
// an interactive shell at /pty, both WebSockets. One dispatcher per server; its events go to
// every authenticated /api socket. startWebServer is also the benchmark's entry point.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { WebSocketServer, type WebSocket } from 'ws';
import { API_PATH, PTY_PATH } from '../common/contract-wire';
import { OnrampError } from '../common/errors';
import { createDispatcher, type Dispatcher } from '../core/dispatcher';
import { dataDirOf, type Env } from '../core/paths';
import { attachApi, send } from './api-socket';
import { handleHttp, type HttpContext } from './http-handler';
import { knownSecrets, type KnownSecrets } from './known-secrets';
import { authority, checkBindHost, checkPort, type LoopbackHost } from './loopback';
import { attachPty } from './pty-socket';
import { checkAll } from './request-guard';
import { newSession } from './session';
import { defaultStaticDir } from './static-files';

export { checkBindHost } from './loopback';
export { defaultStaticDir, buildCommand } from './static-files';

export interface WebServerOptions {
  /** 127.0.0.1 (default) or ::1; anything else is refused */
  host?: string;
  /** 0 (default) picks a free port */
  port?: number;
  /** the environment the services (and the terminal) see; defaults to process.env */
  env?: Env;
  /** the services' and the terminal's working directory; defaults to process.cwd() */
  cwd?: string;
  /** the built renderer; defaults to dist/renderer */
  staticDir?: string;
  version?: string;
  /** extra values to mask in the terminal (tests; values from a secret store) */
  secrets?: string[];
  /** largest /api frame; explain.text takes up to 20 M characters */
  maxMessageBytes?: number;
  /** the terminal's shell; defaults to $SHELL, then /bin/bash */
  shell?: string;
  /** at most this many shells at once */
  maxTerminals?: number;
}

export interface WebServer {
  /** http://HOST:PORT/?token=… — print it to the user's terminal and nowhere else */
  url: string;
  host: LoopbackHost;
  port: number;
  token: string;
  /** http://HOST:PORT, without the token */
  origin: string;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

const MAX_MESSAGE = 25 * 1024 * 1024;
const MAX_PTY_MESSAGE = 2 * 1024 * 1024;

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function refuseUpgrade(socket: Socket, status: number, reason: string): void {
  const text = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Forbidden';
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
}

/** The path of a request target; a target URL cannot parse (`GET http://[`) names nothing. */
function pathOf(target: string | undefined): string {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return '';
  }
}

function listen(server: Server, host: LoopbackHost, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, ipv6Only: host === '::1', exclusive: true }, () => {
      server.off('error', reject);
      const addr = server.address() as AddressInfo;
      // Belt and braces: the address we got must be the loopback one we asked for.
      if (addr.address !== host) {
        server.close();
        reject(new OnrampError({ code: 'internal', message: `bound ${addr.address}, expected ${host}` }));
      } else resolve(addr.port);
    });
  });
}

export async function startWebServer(opts: WebServerOptions = {}): Promise<WebServer> {
  const host = checkBindHost(opts.host ?? '127.0.0.1');
  const wantPort = checkPort(opts.port ?? 0);
  const env: Env = opts.env ?? { ...process.env };
  const cwd = opts.cwd ?? process.cwd();
  const secrets: KnownSecrets = knownSecrets(opts.secrets);
  const maxTerminals = opts.maxTerminals ?? 8;

  const api = new WebSocketServer({
    noServer: true,
    maxPayload: opts.maxMessageBytes ?? MAX_MESSAGE,
    perMessageDeflate: false,
  });
  const pty = new WebSocketServer({ noServer: true, maxPayload: MAX_PTY_MESSAGE, perMessageDeflate: false });
  const dispatcher = createDispatcher({
    env,
    cwd,
    transport: 'browser',
    version: opts.version ?? packageVersion(),
    // Only authenticated sockets are ever in api.clients, so a broadcast reaches only them.
    emit: (event, payload) => {
      for (const ws of api.clients) send(ws, { event, payload });
    },
  });

  // Port-dependent context (cookie name, CSP, allowed Host/Origin) exists once we are listening.
  const live: { ctx?: HttpContext } = {};
  const server = createServer((req, res) => {
    const ctx = live.ctx;
    if (!ctx) return void res.writeHead(503).end();
    handleHttp(req, res, ctx).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => {});
    const ctx = live.ctx;
    if (!ctx) return refuseUpgrade(socket, 403, 'not ready');
    const path = pathOf(req.url);
    const verdict = checkAll(req, ctx.port, ctx.session, true);
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.reason);
    if (path === API_PATH)
      return api.handleUpgrade(req, socket, head, (ws: WebSocket) => attachApi(ws, { dispatcher, secrets }));
    if (path === PTY_PATH) {
      if (pty.clients.size >= maxTerminals) return refuseUpgrade(socket, 403, 'too many terminals open');
      return pty.handleUpgrade(req, socket, head, (ws: WebSocket) => {
        void attachPty(ws, { env, cwd, dataDir: dataDirOf(env), secrets, shell: opts.shell }).catch(() =>
          ws.close(1011, 'terminal failed'),
        );
      });
    }
    refuseUpgrade(socket, 404, 'no such endpoint');
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  const port = await listen(server, host, wantPort);
  const session = newSession(port);
  live.ctx = { port, session, staticDir: opts.staticDir ?? defaultStaticDir };
  const origin = `http://${authority(host, port)}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${session.token}`,
    host,
    port,
    token: session.token,
    origin,
    dispatcher,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const ws of [...api.clients, ...pty.clients]) ws.terminate();
        api.close();
        pty.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
