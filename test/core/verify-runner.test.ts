import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { runVerification, runStep, type VerifyEvent } from '../../main/core/verify/runner';
import { goLikeEnv } from '../../main/core/verify/go-like-env';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let t: TempHome;
let silent: Server;
const sockets: Socket[] = [];
let silentPort = 0;

beforeAll(async () => {
  t = makeTempHome();
  const repo = join(t.home, 'repo.git');
  execFileSync('git', ['init', '-q', '--bare', repo], { env: t.env });
  const work = join(t.home, 'work');
  execFileSync('git', ['init', '-q', work], { env: t.env });
  execFileSync(
    'git',
    ['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'x'],
    { env: t.env },
  );
  execFileSync('git', ['-C', work, 'tag', 'v1.0.0'], { env: t.env });
  execFileSync('git', ['-C', work, 'push', '-q', repo, 'HEAD:refs/heads/main', 'v1.0.0'], { env: t.env });
  // a server that accepts and never answers: a hanging fetch
  silent = createServer((s) => sockets.push(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentPort = (silent.address() as { port: number }).port;
});

afterAll(() => {
  for (const s of sockets) s.destroy();
  silent.close();
  t.cleanup();
});

describe('verification runner', () => {
  it('runs git ls-remote and streams its lines as events', async () => {
    const events: VerifyEvent[] = [];
    const r = await runVerification([{ kind: 'git-ls-remote', url: join(t.home, 'repo.git') }], {
      env: t.env,
      onEvent: (e) => events.push(e),
    });
    expect(r.ok).toBe(true);
    expect(r.steps[0]?.lines.some((l) => l.endsWith('refs/tags/v1.0.0'))).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['step-start', 'output', 'output', 'step-end']);
  });

  it('runs non-interactively like go: no prompt, BatchMode ssh', () => {
    const env = goLikeEnv(
      { HOME: '/h', PATH: '/bin', GOPRIVATE: 'x', GIT_SSL_CAINFO: '/ca' },
      { cleanRoom: true },
    );
    expect(env).toMatchObject({
      GIT_TERMINAL_PROMPT: '0',
      GIT_SSH_COMMAND: 'ssh -o ControlMaster=no -o BatchMode=yes',
    });
    expect(env.GOPRIVATE).toBeUndefined();
    expect(env.GIT_SSL_CAINFO).toBeUndefined();
    expect(goLikeEnv({ GIT_SSH_COMMAND: 'ssh -i k' }).GIT_SSH_COMMAND).toBe('ssh -i k');
  });

  it('times a hanging step out and reports it', async () => {
    const r = await runStep({ kind: 'git-ls-remote', url: `http://127.0.0.1:${silentPort}/x.git` }, 's1', {
      env: t.env,
      timeoutMs: 1500,
    });
    expect(r.ok).toBe(false);
    expect(r.timedOut).toBe(true);
    expect(r.durationMs).toBeLessThan(5000);
  });

  it('cancels a running step', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const r = await runVerification(
      [
        { kind: 'git-ls-remote', url: `http://127.0.0.1:${silentPort}/x.git` },
        { kind: 'git-ls-remote', url: join(t.home, 'repo.git') },
      ],
      { env: t.env, timeoutMs: 30_000, signal: ac.signal },
    );
    expect(r.ok).toBe(false);
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]?.cancelled).toBe(true);
  });

  it('redacts secrets from titles and every output line', async () => {
    const secret = 'tok-S3CR3T-value';
    const events: VerifyEvent[] = [];
    const r = await runStep(
      { kind: 'git-ls-remote', url: `https://alice:${secret}@127.0.0.1:1/x.git` },
      's1',
      {
        env: t.env,
        secrets: [secret],
        timeoutMs: 10_000,
        onEvent: (e) => events.push(e),
      },
    );
    expect(r.ok).toBe(false);
    expect(JSON.stringify(events)).not.toContain(secret);
    expect(JSON.stringify(r)).not.toContain(secret);
  });

  it('classifies network probes: refused, unresolvable', async () => {
    const refused = await runStep({ kind: 'tcp', host: '127.0.0.1', port: 1 }, 'p', {
      env: t.env,
      timeoutMs: 2000,
    });
    expect(refused.failure).toBe('connection-refused');
    const dns = await runStep({ kind: 'dns', host: 'no-such-host.invalid' }, 'd', {
      env: t.env,
      timeoutMs: 5000,
    });
    expect(dns.failure).toBe('dns-failure');
  });
});
