// The browser-side client (renderer/client/ws-client.ts), run in Node: with scripted fake
// sockets for queueing, failure and reconnect, and with `ws` against the real server.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { connectPty, connectWs, type WsLike } from '../../renderer/client/ws-client';
import { startFixture, waitFor, type Fixture } from './server-fixture';

class FakeSocket implements WsLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: WsLike['onopen'] = null;
  onmessage: WsLike['onmessage'] = null;
  onclose: WsLike['onclose'] = null;
  onerror: WsLike['onerror'] = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.drop(1000);
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(code = 1006) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
  reply(id: number, value: unknown) {
    this.onmessage?.({ data: JSON.stringify({ id, reply: { ok: true, value } }) });
  }
}
const fake = (url: string) => new FakeSocket(url);
const latest = () => FakeSocket.all[FakeSocket.all.length - 1] as FakeSocket;

describe('connectWs (scripted sockets)', () => {
  it('queues calls made while connecting and sends them in order on open', async () => {
    FakeSocket.all = [];
    const c = connectWs('ws://h/api', { factory: fake });
    const a = c.call('app.info', {});
    const b = c.call('journal.history', {});
    expect(latest().sent).toEqual([]);
    latest().open();
    expect(latest().sent.map((s) => JSON.parse(s))).toEqual([
      { id: 1, method: 'app.info', input: {} },
      { id: 2, method: 'journal.history', input: {} },
    ]);
    latest().reply(2, { entries: [] });
    latest().reply(1, { version: 'x' });
    expect(await a).toEqual({ ok: true, value: { version: 'x' } });
    expect(await b).toEqual({ ok: true, value: { entries: [] } });
    c.close();
  });

  it('fails calls in flight with an io error when the socket closes, then reconnects with backoff', async () => {
    vi.useFakeTimers();
    try {
      FakeSocket.all = [];
      const c = connectWs('ws://h/api', { factory: fake, minBackoffMs: 100, maxBackoffMs: 400 });
      const states: string[] = [];
      c.onState((s) => states.push(s));
      latest().open();
      const p = c.call('status.read', {});
      latest().drop();
      expect(await p).toMatchObject({ ok: false, error: { code: 'io' } });
      expect(FakeSocket.all).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(100);
      expect(FakeSocket.all).toHaveLength(2);
      latest().drop(); // second failure: wait up to 200 ms
      await vi.advanceTimersByTimeAsync(99);
      expect(FakeSocket.all).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(101);
      expect(FakeSocket.all).toHaveLength(3);
      // a call made while down waits for the reconnect instead of failing
      const q = c.call('app.info', {});
      latest().open();
      latest().reply(JSON.parse(latest().sent[0] as string).id, { ok: 1 });
      expect(await q).toEqual({ ok: true, value: { ok: 1 } });
      expect(states).toEqual(['open', 'closed', 'connecting', 'closed', 'connecting', 'open']);
      c.close();
      expect(latest().readyState).toBe(3);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(FakeSocket.all).toHaveLength(3); // closed for good
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails a queued call after queueTimeoutMs when the server never comes back', async () => {
    vi.useFakeTimers();
    try {
      FakeSocket.all = [];
      const c = connectWs('ws://h/api', { factory: fake, queueTimeoutMs: 1000 });
      const p = c.call('app.info', {});
      await vi.advanceTimersByTimeAsync(1000);
      expect(await p).toMatchObject({ ok: false, error: { code: 'io' } });
      latest().open();
      expect(latest().sent).toEqual([]); // not sent late
      c.close();
      expect(await c.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'io' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('fans events out to every listener, survives a throwing one, and unsubscribes', () => {
    FakeSocket.all = [];
    const c = connectWs('ws://h/api', { factory: fake });
    latest().open();
    const got: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    c.on('journal.changed', () => {
      throw new Error('bad listener');
    });
    const off = c.on('journal.changed', (p) => got.push(p));
    c.on('doctor.progress', () => got.push('wrong'));
    const ev = (n: string) =>
      latest().onmessage?.({ data: JSON.stringify({ event: 'journal.changed', payload: { journalId: n } }) });
    ev('1');
    latest().onmessage?.({ data: 'not json' });
    latest().onmessage?.({ data: JSON.stringify({ id: 999, reply: { ok: true, value: 1 } }) }); // unknown id
    off();
    ev('2');
    expect(got).toEqual([{ journalId: '1' }]);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
    c.close();
  });
});

describe('connectWs and connectPty against the server', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());
  // What a browser does by itself: send the page's Origin and the session cookie.
  const browserLike = () => (url: string) =>
    new WebSocket(url, { headers: f.browserHeaders }) as unknown as WsLike;

  it('calls the contract and receives events', async () => {
    const c = connectWs(`${f.wsBase}/api`, { factory: browserLike() });
    expect(await c.call('app.info', {})).toMatchObject({ ok: true, value: { transport: 'browser' } });
    expect(await c.call('route.explain', { module: 'bad module' })).toMatchObject({
      ok: false,
      error: { code: 'usage' },
    });
    const progress: unknown[] = [];
    c.on('doctor.progress', (p) => progress.push(p));
    await c.call('doctor.run', { modules: [], hosts: [], timeoutMs: 2000 });
    expect(progress.length).toBeGreaterThan(0);
    c.close();
  });

  it('reconnects after the connection drops, and fails only the call in flight', async () => {
    const made: WebSocket[] = [];
    const factory = (url: string) => {
      const ws = new WebSocket(url, { headers: f.browserHeaders });
      made.push(ws);
      return ws as unknown as WsLike;
    };
    const c = connectWs(`${f.wsBase}/api`, { factory, minBackoffMs: 20 });
    expect((await c.call('app.info', {})).ok).toBe(true);
    const slow = c.call('status.read', {});
    made[0]?.terminate(); // the network goes away under a pending call
    expect(await slow).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(await c.call('app.info', {})).toMatchObject({ ok: true }); // queued, sent after reconnect
    expect(made.length).toBe(2);
    c.close();
  });

  it('runs a shell through connectPty', async () => {
    let out = '';
    let exitCode: number | null | undefined;
    const p = connectPty(
      (d) => (out += d),
      (c) => (exitCode = c),
      { url: `${f.wsBase}/pty`, factory: browserLike(), cols: 90, rows: 20 },
    );
    p.write('stty size; exit 0\r'); // queued until the socket opens
    await waitFor(() => exitCode !== undefined, 'shell exit');
    expect(out).toContain('20 90');
    expect(exitCode).toBe(0);
  });
});
