// The embedded terminal's server half: a real shell over /pty with go's environment, resize,
// secrets masked in the stream and in the 0600 transcript, and no shell left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebSocket } from 'ws';
import { MASK } from '../../main/common/redact';
import type { PtyServerMessage } from '../../main/common/contract-wire';
import { openSocket, startFixture, waitFor, type Fixture } from './server-fixture';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ shell: '/bin/bash' });
  // a quiet, predictable prompt; no user rc files in the temp HOME
  writeFileSync(join(f.t.home, '.bashrc'), "PS1='$ '\n");
});
afterAll(() => f.close());

interface Term {
  ws: WebSocket;
  out(): string;
  exit: Promise<number | null>;
  type(line: string): void;
  /** waits until the output contains marker, returns everything so far */
  until(marker: string | RegExp, ms?: number): Promise<string>;
}

async function term(): Promise<Term> {
  const ws = await openSocket(`${f.wsBase}/pty`, f.browserHeaders);
  let text = '';
  let resolveExit: (c: number | null) => void = () => {};
  const exit = new Promise<number | null>((r) => (resolveExit = r));
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as PtyServerMessage;
    if (m.type === 'output') text += m.data;
    else resolveExit(m.code);
  });
  ws.on('close', () => resolveExit(null));
  const t: Term = {
    ws,
    out: () => text,
    exit,
    type: (line) => ws.send(JSON.stringify({ type: 'input', data: line + '\r' })),
    async until(marker, ms = 15_000) {
      const hit = () => (typeof marker === 'string' ? text.includes(marker) : marker.test(text));
      await waitFor(hit, `terminal output ${String(marker)}; got ${JSON.stringify(text.slice(-300))}`, ms);
      return text;
    },
  };
  return t;
}

const transcripts = () => join(f.t.dataDir, 'transcripts');

describe('/pty', () => {
  it('runs a shell that echoes a command, in the server cwd with the env go gets', async () => {
    const t = await term();
    t.type('echo "h""i"; echo "cwd=$PWD"; echo "prompt=$GIT_TERMINAL_PROMPT"');
    const out = await t.until('prompt=0');
    expect(out).toMatch(/[\r\n]hi\r\n/);
    expect(out).toContain(`cwd=${f.t.home}`);
    t.type('exit 3');
    expect(await t.exit).toBe(3);
  });

  it('resizes', async () => {
    const t = await term();
    t.ws.send(JSON.stringify({ type: 'resize', cols: 101, rows: 33 }));
    t.ws.send('not json'); // ignored, not fatal
    t.ws.send(JSON.stringify({ type: 'resize', cols: 'x', rows: 1 }));
    t.type('stty size');
    await t.until('33 101');
    t.ws.close();
  });

  it('masks a secret registered through /api in the stream and in the transcript', async () => {
    const secret = 'tok-pty-secret-0123456789abc';
    const api = await f.api();
    // Registers the token as pasted by the page (the plan itself may fail: no matter).
    await api.call('fix.plan', { fixIds: ['add-netrc-entry'], token: secret, login: 'alice', hosts: [] });
    // A token in input that fails validation (bad host: nothing reaches the keychain) still counts.
    const rejected = 'tok-rejected-input-98765xyz';
    expect(await api.call('token.add', { host: 'not a host!', token: rejected })).toMatchObject({
      ok: false,
    });
    const before = new Set(readdirSync(transcripts()));
    const t = await term();
    t.type(
      `echo "A:${secret}:Z"; printf '%s' "${secret.slice(0, 9)}"; sleep 0.3; printf '%s\\n' "${secret.slice(9)}"; echo done`,
    );
    t.type(`echo "B:${rejected}:Y"`);
    const out = await t.until(/B:.*:Y\r\n/);
    expect(out).toContain('done');
    expect(out).not.toContain(secret);
    expect(out).not.toContain(rejected);
    expect(out).toContain(`A:${MASK}:Z`);
    t.type('exit');
    await t.exit;
    await waitFor(() => readdirSync(transcripts()).some((n) => !before.has(n)), 'transcript');
    const name = readdirSync(transcripts()).find((n) => !before.has(n)) as string;
    const file = join(transcripts(), name);
    await waitFor(() => readFileSync(file, 'utf8').includes('done'), 'transcript flushed');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(secret);
    expect(text).toContain(MASK);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(transcripts()).mode & 0o777).toBe(0o700);
  });

  it('masks ~/.netrc passwords it finds when the shell starts', async () => {
    const pw = 'netrc-pw-5551234abc';
    writeFileSync(join(f.t.home, '.netrc'), `machine git.corp.test login alice password ${pw}\n`, {
      mode: 0o600,
    });
    const t = await term();
    t.type(`cat ~/.netrc | tr -s ' ' '\\n' | tail -n 1; echo end`);
    const out = await t.until(/\nend\r?\n/);
    expect(out).not.toContain(pw);
    expect(out).toMatch(new RegExp(`[\\r\\n]${MASK}\\r\\n`));
    t.ws.close();
  });

  it('kills the shell when its socket closes', async () => {
    const t = await term();
    t.type('echo "pid=$$"');
    const pid = Number(/pid=(\d+)/.exec(await t.until(/pid=\d+/))?.[1]);
    expect(pid).toBeGreaterThan(0);
    t.ws.terminate();
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await waitFor(() => !alive(), `shell ${pid} to exit`);
  });
});
