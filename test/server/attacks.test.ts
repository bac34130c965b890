// Browser mode's front door: DNS rebinding, cross-site WebSockets, cross-site POSTs, missing or
// wrong tokens and cookies all fail; no reply carries CORS headers or the token; the server
// binds loopback only.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from 'node:net';
import { startWebServer } from '../../main/server/index';
import { webCommand } from '../../main/cli/commands/web';
import { makeTempHome } from '../helpers/temp-home';
import {
  ApiSocket,
  openSocket,
  request,
  seen,
  signIn,
  startFixture,
  upgradeStatus,
  type Fixture,
} from './server-fixture';

let f: Fixture;
let base: string;
let port: number;
const logged: string[] = [];

beforeAll(async () => {
  // Whatever the server might print goes through these; none of it may hold the token.
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' ')));
  const write = process.stderr.write.bind(process.stderr) as (chunk: string | Uint8Array) => boolean;
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return write(chunk);
  }) as typeof process.stderr.write);
  f = await startFixture();
  base = f.server.origin;
  port = f.server.port;
});
afterAll(async () => {
  await f.close();
  vi.restoreAllMocks();
});

describe('token and cookie', () => {
  it('exchanges the token for an httpOnly SameSite=Strict cookie and leaves it out of the page', async () => {
    const r = await request(f.server.url);
    expect(r.status).toBe(200);
    const cookie = r.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^onramp_session_\d+=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain(f.server.token);
    expect(r.body).not.toContain(f.server.token);
    expect(r.body).toContain('http-equiv="refresh" content="0;url=/"');
    expect(f.server.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
  });

  it('refuses a wrong token, of the right length or not, and sets no cookie', async () => {
    const wrong = f.server.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const token of [wrong, 'short', f.server.token + 'x', '']) {
      const r = await request(`${base}/?token=${encodeURIComponent(token)}`);
      expect(r.status).toBe(401);
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });

  it('serves nothing without the cookie, or with a wrong one', async () => {
    for (const cookie of [undefined, 'onramp_session=x', `onramp_session_${port}=${'A'.repeat(43)}`]) {
      const r = await request(`${base}/`, { headers: cookie ? { cookie } : {} });
      expect(r.status).toBe(401);
    }
    expect((await request(`${base}/`, { headers: { cookie: f.cookie } })).status).toBe(503); // no build here
  });

  it('refuses /api and /pty upgrades without the cookie or with a wrong one', async () => {
    for (const path of ['/api', '/pty']) {
      expect(await upgradeStatus(`${f.wsBase}${path}`, { origin: base })).toBe(401);
      expect(
        await upgradeStatus(`${f.wsBase}${path}`, { origin: base, cookie: `onramp_session_${port}=nope` }),
      ).toBe(401);
      expect(await upgradeStatus(`${f.wsBase}${path}?token=${f.server.token}`, { origin: base })).toBe(401);
      expect(await upgradeStatus(`${f.wsBase}${path}`, f.browserHeaders)).toBe(101);
    }
    expect(await upgradeStatus(`${f.wsBase}/other`, f.browserHeaders)).toBe(404);
  });
});

describe('cross-origin and rebinding', () => {
  it('answers only to loopback Host names at its port (DNS rebinding)', async () => {
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `localhost`]) {
      const r = await request(f.server.url, { headers: { host } });
      expect(r.status, host).toBe(403);
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(await upgradeStatus(`${f.wsBase}/api`, { ...f.browserHeaders, host })).toBe(403);
    }
    for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`])
      expect((await request(`${base}/`, { headers: { host, cookie: f.cookie } })).status, host).toBe(503);
  });

  it('refuses a request with no Host header at all (HTTP/1.0)', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const sock = connect(port, '127.0.0.1', () =>
        sock.end(`GET /?token=${f.server.token} HTTP/1.0\r\n\r\n`),
      );
      let text = '';
      sock.on('data', (d) => (text += d.toString()));
      sock.on('end', () => resolve(text));
      sock.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 403 /);
    expect(reply).not.toContain('Set-Cookie');
  });

  it('refuses WebSocket upgrades from a foreign Origin or none, even with the cookie', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      'null',
    ]) {
      expect(await upgradeStatus(`${f.wsBase}/api`, { cookie: f.cookie, origin }), origin).toBe(403);
      expect(await upgradeStatus(`${f.wsBase}/pty`, { cookie: f.cookie, origin }), origin).toBe(403);
    }
    expect(await upgradeStatus(`${f.wsBase}/api`, { cookie: f.cookie })).toBe(403);
    expect(
      await upgradeStatus(`${f.wsBase}/api`, { ...f.browserHeaders, 'sec-fetch-site': 'cross-site' }),
    ).toBe(403);
    for (const origin of [`http://localhost:${port}`, `http://[::1]:${port}`])
      expect(await upgradeStatus(`${f.wsBase}/api`, { cookie: f.cookie, origin })).toBe(101);
  });

  it('refuses cross-site POSTs; a same-origin one gets past the guard to 405', async () => {
    const post = (headers: Record<string, string>) =>
      request(`${base}/api`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...headers },
        body: '{}',
      });
    expect((await post({ cookie: f.cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ cookie: f.cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ cookie: f.cookie, origin: base, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post({ cookie: f.cookie })).status).toBe(403); // neither Origin nor Sec-Fetch-Site
    expect((await post({ origin: base })).status).toBe(401); // same origin, no cookie
    expect((await post({ cookie: f.cookie, origin: base })).status).toBe(405);
    expect((await post({ cookie: f.cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(405);
    // A CORS preflight gets no CORS answer.
    const pre = await request(`${base}/`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(403);
  });

  it('refuses a GET carrying a foreign Origin even with the cookie', async () => {
    const r = await request(`${base}/`, { headers: { cookie: f.cookie, origin: 'http://evil.example' } });
    expect(r.status).toBe(403);
  });
});

describe('static files', () => {
  it('says how to build the renderer when dist/renderer is missing', async () => {
    const r = await request(`${base}/`, { headers: { cookie: f.cookie, accept: 'text/html' } });
    expect(r.status).toBe(503);
    expect(r.body).toContain('npm run build:renderer');
  });

  it('sets the security headers and no-store on HTML', async () => {
    const r = await request(`${base}/`, { headers: { cookie: f.cookie } });
    expect(r.headers['content-security-policy']).toBe(
      `default-src 'self'; script-src 'self'; connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; ` +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['cache-control']).toBe('no-store');
  });
});

describe('the /api socket survives bad frames', () => {
  it('answers malformed JSON, binary frames and bad shapes with an error and keeps going', async () => {
    const api = await f.api();
    const next = () => new Promise<unknown>((r) => api.ws.once('message', (d) => r(JSON.parse(String(d)))));
    for (const frame of [
      '{not json',
      '[1,2]',
      '"x"',
      'null',
      JSON.stringify({ id: 'x', method: 'app.info' }),
    ]) {
      const got = next();
      api.ws.send(frame);
      expect(await got, frame).toMatchObject({ id: 0, reply: { ok: false, error: { code: 'usage' } } });
    }
    const bin = next();
    api.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await bin).toMatchObject({ id: 0, reply: { ok: false } });
    const noMethod = next();
    api.ws.send(JSON.stringify({ id: 7 }));
    expect(await noMethod).toMatchObject({ id: 7, reply: { ok: false, error: { code: 'usage' } } });
    expect(await api.call('nope.nope', {})).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(await api.call('app.info', {})).toMatchObject({ ok: true, value: { transport: 'browser' } });
  });

  it('closes a socket that sends an oversized frame (1009) and stays up for others', async () => {
    const small = await startFixture({ maxMessageBytes: 1024 });
    try {
      const ws = await openSocket(`${small.wsBase}/api`, small.browserHeaders);
      const code = new Promise<number>((r) => ws.on('close', (c) => r(c)));
      ws.on('error', () => {});
      ws.send(JSON.stringify({ id: 1, method: 'explain.text', input: { text: 'x'.repeat(4096) } }));
      expect(await code).toBe(1009);
      const api = await small.api();
      expect(await api.call('app.info', {})).toMatchObject({ ok: true });
    } finally {
      await small.close();
    }
  });
});

describe('odd requests', () => {
  const raw = (text: string) =>
    new Promise<string>((resolve) => {
      const sock = connect(port, '127.0.0.1', () => sock.write(text));
      let got = '';
      sock.on('data', (d) => {
        got += d.toString();
        sock.end();
      });
      sock.on('close', () => resolve(got));
      sock.on('error', () => resolve(got));
    });

  it('survives unparsable targets, path tricks and junk, on plain requests and upgrades', async () => {
    const upgrade =
      `Host: 127.0.0.1:${port}\r\nOrigin: ${base}\r\nCookie: ${f.cookie}\r\nUpgrade: websocket\r\n` +
      'Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
    for (const target of ['http://[', '//api', '/api/../api?x', '%', '/\u0000'])
      await raw(`GET ${target} HTTP/1.1\r\n${upgrade}`);
    await raw(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${f.cookie}\r\n\r\n`);
    await raw('\x16\x03\x01 not http at all\r\n\r\n');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%00'])
      expect((await request(`${base}${path}`, { headers: { cookie: f.cookie } })).status).not.toBe(200);
    const api = await f.api();
    expect(await api.call('app.info', {})).toMatchObject({ ok: true });
  });
});

describe('binding', () => {
  it('refuses every address that is not 127.0.0.1 or ::1', async () => {
    for (const host of ['0.0.0.0', '::', 'localhost', '192.168.1.10', '127.0.0.2', '::ffff:127.0.0.1'])
      await expect(startWebServer({ host, staticDir: '/nonexistent' }), host).rejects.toMatchObject({
        code: 'usage',
      });
  });

  it('binds ::1 when asked and answers there', async () => {
    const s = await startWebServer({ host: '::1', staticDir: '/nonexistent', env: makeTempHome().env });
    try {
      expect(s.url).toMatch(/^http:\/\/\[::1\]:\d+\/\?token=/);
      const cookie = await signIn(s);
      const ws = await openSocket(`ws://[::1]:${s.port}/api`, { cookie, origin: s.origin });
      expect(await new ApiSocket(ws).call('app.info', {})).toMatchObject({ ok: true });
      ws.close();
    } finally {
      await s.close();
    }
  });

  it('the CLI refuses a non-loopback --host and a bad --port with usage errors', async () => {
    const t = makeTempHome();
    const io = { env: t.env, cwd: t.home, out: () => {}, err: () => {}, readStdin: async () => '' };
    await expect(webCommand.run(['--host', '0.0.0.0'], io)).rejects.toMatchObject({
      code: 'usage',
      message: expect.stringContaining('binds 127.0.0.1 or ::1 only'),
    });
    await expect(webCommand.run(['--port', '99999'], io)).rejects.toMatchObject({ code: 'usage' });
    await expect(webCommand.run(['--port', '-1'], io)).rejects.toMatchObject({ code: 'usage' });
    t.cleanup();
  });
});

describe('after everything above', () => {
  it('no reply carried CORS headers, and none after the exchange carried the token; nothing logged it', () => {
    expect(seen.length).toBeGreaterThan(40);
    for (const r of seen) {
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(r.body).not.toContain(f.server.token);
      expect(JSON.stringify(r.headers)).not.toContain(f.server.token);
    }
    for (const line of logged) expect(line).not.toContain(f.server.token);
  });
});
