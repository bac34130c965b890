// `onramp route` against the sandbox host: what go will do, from the real go env, git config,
// netrc and ssh -G, and (with --probe) the real ?go-get=1 answer.
import { afterEach, describe, expect, it } from 'vitest';
import { machine, type Machine } from '../scenarios/harness';

let m: Machine | undefined;
afterEach(() => m?.cleanup());

describe('onramp route', () => {
  it('a private module: direct, no checksum DB, discovery answer, netrc credential, CA per tool', async () => {
    m = await machine();
    const r = JSON.parse(
      (await m.onramp(['route', `${m.sb.repos.lib.module}/sub`, '--probe', '--json'])).out,
    ).route;
    expect(r).toMatchObject({ private: true, proxyBypassed: true, sumdbChecked: false });
    expect(r.sources).toEqual([{ kind: 'direct' }]);
    expect(r.discovery).toMatchObject({
      url: `https://${m.sb.repos.lib.module}/sub?go-get=1`,
      answer: { prefix: m.sb.repos.lib.module, vcs: 'git' },
    });
    expect(r.vcs).toMatchObject({ url: `https://${m.sb.hosts.git}/acme/lib.git`, protocol: 'https' });
    expect(r.goCredential.netrc).toMatchObject({ host: m.sb.hosts.git, login: 'alice' });
    expect(r.gitCredential.netrc).toMatchObject({ login: 'alice' });
    expect(r.ca.go).toEqual({ source: 'SSL_CERT_FILE', files: [m.sb.caFile] });
    expect(r.ca.git).toEqual({ source: `http.https://${m.sb.hosts.git}/.sslcainfo`, file: m.sb.caFile });
    expect(JSON.stringify(r)).not.toContain(m.sb.users.alice.token);
  });

  it('an uncovered module goes to the proxy first and is checked against the checksum DB', async () => {
    m = await machine();
    m.goenv('GOPRIVATE=');
    const r = JSON.parse((await m.onramp(['route', m.sb.repos.lib.module, '--json'])).out).route;
    expect(r).toMatchObject({ private: false, proxyBypassed: false, sumdbChecked: true });
    expect(r.sources.map((s: { kind: string }) => s.kind)).toEqual(['proxy', 'direct']);
    expect(r.sources[0]).toMatchObject({ url: 'https://proxy.golang.test', fallback: 'on-not-found' });
  });

  it('insteadOf to ssh: the rewritten URL and the identity ssh -G would offer', async () => {
    m = await machine({ ssh: true });
    const r = JSON.parse((await m.onramp(['route', m.sb.repos.lib.module, '--probe', '--json'])).out).route;
    expect(r.vcs).toMatchObject({
      url: `git@${m.sb.hosts.git}:acme/lib.git`,
      protocol: 'ssh',
      before: `https://${m.sb.hosts.git}/acme/lib.git`,
    });
    expect(r.gitCredential.ssh).toMatchObject({
      host: m.sb.hosts.git,
      user: 'git',
      port: 22,
      identitiesOnly: true,
    });
    expect(r.gitCredential.ssh.identityFiles[0]).toMatch(/id_ed25519$/);
  });

  it('a .git-qualified path skips discovery; github.com is known statically', async () => {
    m = await machine();
    const q = JSON.parse((await m.onramp(['route', 'git.corp.test/group/sub/proj.git', '--json'])).out).route;
    expect(q.discovery.skipped).toMatch(/\.git qualifier/);
    expect(q.vcs.url).toBe('https://git.corp.test/group/sub/proj');
    expect(q.notes.join(' ')).toMatch(/falls back to git:\/\//);
    const g = JSON.parse((await m.onramp(['route', 'github.com/acme/tool/v2', '--json'])).out).route;
    expect(g.vcs.url).toBe('https://github.com/acme/tool');
  });

  it('prints a readable route and refuses a malformed path with exit 1', async () => {
    m = await machine();
    const text = await m.onramp(['route', m.sb.repos.lib.module, '--probe']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('What go does:');
    expect(text.out).toContain('git fetches https://git.corp.test/acme/lib.git');
    const bad = await m.onramp(['route', 'not a path']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/not a module path/);
  });
});
