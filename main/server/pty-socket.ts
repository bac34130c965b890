// One authenticated /pty socket: an interactive shell with the environment Onramp gives go, so
// what the user tries by hand behaves like Onramp's own checks. Output is redacted before it
// leaves the process (stream-redactor.ts) and recorded redacted (transcript.ts). The shell
// lives exactly as long as its socket.
import type { WebSocket } from 'ws';
import type { IPty } from 'node-pty';
import type { PtyClientMessage, PtyServerMessage } from '../common/contract-wire';
import { goLikeEnv } from '../core/verify/go-like-env';
import type { Env } from '../core/paths';
import type { KnownSecrets } from './known-secrets';
import { streamRedactor } from './stream-redactor';
import { openTranscript, type Transcript } from './transcript';

export interface PtyContext {
  env: Env;
  cwd: string;
  dataDir: string;
  secrets: KnownSecrets;
  /** defaults to $SHELL, then /bin/bash */
  shell?: string;
}

/** Released held-back text after this much quiet (see stream-redactor.ts). */
const IDLE_RELEASE_MS = 40;
/** Pause the shell when the browser falls this far behind (`cat` of a huge file), resume below LOW. */
const HIGH_WATER = 1 << 20;
const LOW_WATER = 1 << 16;
const MAX_INPUT = 1 << 20;

export function shellEnv(env: Env, platform: NodeJS.Platform = process.platform): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(goLikeEnv(env))) if (v !== undefined) out[k] = v;
  out.TERM = 'xterm-256color';
  out.COLORTERM = 'truecolor';
  // goLikeEnv's LC_ALL=C keeps tool messages in English for the classifier; C.UTF-8 does too
  // and lets the terminal show non-ASCII file names. macOS has no C.UTF-8 locale.
  if (platform === 'linux') out.LC_ALL = out.LANG = 'C.UTF-8';
  return out;
}

function parseInput(text: string): PtyClientMessage | undefined {
  try {
    const m = JSON.parse(text) as Partial<PtyClientMessage> & Record<string, unknown>;
    if (m.type === 'input' && typeof m.data === 'string' && m.data.length <= MAX_INPUT)
      return { type: 'input', data: m.data };
    const { cols, rows } = m;
    if (m.type === 'resize' && Number.isInteger(cols) && Number.isInteger(rows))
      return { type: 'resize', cols: cols as number, rows: rows as number };
  } catch {
    /* not JSON: ignored like any other junk */
  }
  return undefined;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

export async function attachPty(ws: WebSocket, ctx: PtyContext): Promise<void> {
  const early: PtyClientMessage[] = [];
  const box: { term?: IPty } = {};
  let closed = false;
  const handle = (m: PtyClientMessage) => {
    const term = box.term;
    if (!term) return void early.push(m);
    try {
      if (m.type === 'input') term.write(m.data);
      else term.resize(clamp(m.cols, 2, 1000), clamp(m.rows, 1, 1000));
    } catch {
      // The shell exited and the socket is closing: a last keystroke has nowhere to go.
    }
  };
  ws.on('message', (data, isBinary) => {
    const m = isBinary ? undefined : parseInput(data.toString());
    if (m) handle(m);
  });
  ws.on('error', () => {});
  ws.on('close', () => {
    closed = true;
    box.term?.kill();
  });

  await ctx.secrets.loadNetrc(ctx.env);
  const transcript: Transcript | undefined = await openTranscript(ctx.dataDir, ctx.secrets.list).catch(
    () => undefined,
  );
  const send = (m: PtyServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m), afterSend);
  };
  let paused = false;
  const afterSend = () => {
    if (paused && ws.bufferedAmount < LOW_WATER) {
      paused = false;
      box.term?.resume();
    }
  };
  if (!transcript) send({ type: 'output', data: '[onramp: could not open a transcript file]\r\n' });

  let spawn: typeof import('node-pty').spawn;
  try {
    ({ spawn } = await import('node-pty'));
  } catch {
    send({ type: 'output', data: '[onramp: the terminal is unavailable: node-pty did not load]\r\n' });
    send({ type: 'exit', code: null });
    ws.close(1011, 'no pty');
    await transcript?.close();
    return;
  }
  if (closed) return void (await transcript?.close());

  const env = shellEnv(ctx.env);
  const shell = ctx.shell ?? env.SHELL ?? '/bin/bash';
  const first = early.find((m) => m.type === 'resize');
  const t = spawn(shell, [], {
    name: 'xterm-256color',
    cols: first?.type === 'resize' ? clamp(first.cols, 2, 1000) : 80,
    rows: first?.type === 'resize' ? clamp(first.rows, 1, 1000) : 24,
    cwd: ctx.cwd,
    env,
  });
  box.term = t;
  const redactor = streamRedactor(ctx.secrets.list);
  let idle: ReturnType<typeof setTimeout> | undefined;
  const out = (text: string) => {
    if (text !== '') send({ type: 'output', data: text });
    if (ws.bufferedAmount > HIGH_WATER && !paused) {
      paused = true;
      t.pause();
    }
  };
  t.onData((d) => {
    transcript?.write(d);
    out(redactor.push(d));
    if (idle) clearTimeout(idle);
    idle = redactor.held > 0 ? setTimeout(() => out(redactor.release()), IDLE_RELEASE_MS) : undefined;
  });
  t.onExit(({ exitCode }) => {
    if (idle) clearTimeout(idle);
    out(redactor.release(true));
    send({ type: 'exit', code: exitCode });
    void transcript?.close();
    if (ws.readyState === ws.OPEN) ws.close(1000, 'shell exited');
  });
  for (const m of early.splice(0)) if (m.type === 'input') handle(m);
}
