// `onramp web` as a process: prints the link (and only to stdout), serves it, stops cleanly on
// Ctrl+C, and refuses a non-loopback --host with exit code 2.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeTempHome } from '../helpers/temp-home';
import { openSocket, request, ApiSocket } from './server-fixture';

const root = fileURLToPath(new URL('../../', import.meta.url));

function runWeb(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['bin/run-ts.mjs', 'test/server/fixtures/run-web.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  return { child, exited, out: () => out, err: () => err };
}

async function waitForText(get: () => string, re: RegExp, ms = 30_000): Promise<RegExpExecArray> {
  const end = Date.now() + ms;
  for (;;) {
    const m = re.exec(get());
    if (m) return m;
    if (Date.now() > end) throw new Error(`no ${re} in ${JSON.stringify(get())}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('onramp web (process)', () => {
  it('prints the link to stdout, serves it, and stops on SIGINT', async () => {
    const t = makeTempHome();
    const p = runWeb([], t.env);
    try {
      const m = await waitForText(p.out, /(http:\/\/127\.0\.0\.1:(\d+))\/\?token=([A-Za-z0-9_-]{43})/);
      const [url, origin, , token] = m as unknown as [string, string, string, string];
      const r = await request(url);
      expect(r.status).toBe(200);
      const cookie = (r.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;
      const api = new ApiSocket(await openSocket(`${origin.replace('http', 'ws')}/api`, { cookie, origin }));
      expect(await api.call('app.info', {})).toMatchObject({ ok: true, value: { home: t.home } });
      api.ws.close();
      p.child.kill('SIGINT');
      expect(await p.exited).toBe(0);
      expect(p.out()).toContain('Stopped.');
      expect(p.err()).not.toContain(token);
    } finally {
      p.child.kill('SIGKILL');
      t.cleanup();
    }
  });

  it('--json prints one object with the url; --host ::1 works', async () => {
    const t = makeTempHome();
    const p = runWeb(['--json', '--host', '::1'], t.env);
    try {
      await waitForText(p.out, /\}\s*$/);
      const j = JSON.parse(p.out()) as { ok: boolean; url: string; port: number };
      expect(j.url).toMatch(new RegExp(`^http://\\[::1\\]:${j.port}/\\?token=`));
      expect((await request(j.url)).status).toBe(200);
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
    } finally {
      p.child.kill('SIGKILL');
      t.cleanup();
    }
  });

  it('exits 2 for a non-loopback --host', async () => {
    const t = makeTempHome();
    const p = runWeb(['--host', '0.0.0.0'], t.env);
    expect(await p.exited).toBe(2);
    expect(p.err()).toContain('binds 127.0.0.1 or ::1 only');
    expect(p.out()).toBe('');
    t.cleanup();
  });
});
