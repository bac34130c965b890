// Root causes on the way to the repository: name resolution, TCP, TLS as go and as git see
// it, discovery, and the credential git sends. Fixes that need a token get it through stdin.
import { afterEach, describe, expect, it } from 'vitest';
import { machine, type Machine } from './harness';

let m: Machine | undefined;
afterEach(() => m?.cleanup());

const mod = (m: Machine, host: string, path = 'acme/lib') => `${host}/${path}@v1.2.0`;

describe('doctor scenarios: network, TLS, discovery, credentials', () => {
  it.each([
    ['dns-failure', 'nxdomain.corp.test'],
    ['connection-refused', 'refused.corp.test'],
    ['timeout', 'dropped.corp.test'],
    ['tls-bad-cert', 'expired.corp.test'],
    ['tls-bad-cert', 'wrongname.corp.test'],
  ])('%s for %s', async (id, host) => {
    m = await machine();
    const r = await m.doctor(['--module', mod(m, host)]);
    expect(r.primary).toBe(id);
  });

  it('tls-unknown-authority for git: no CA configured for the host → fix set-git-ca → green', async () => {
    m = await machine();
    m.git('--unset', `http.https://${m.sb.hosts.git}/.sslCAInfo`);
    expect(m.download().ok).toBe(false);
    const r = await m.doctor();
    expect(r.primary).toBe('tls-unknown-authority');
    const fix = await m.onramp(['fix', 'set-git-ca', '--ca-file', m.sb.caFile, '--yes', '--json']);
    expect(JSON.parse(fix.out)).toMatchObject({ before: 'tls-unknown-authority', after: null });
    expect(m.download().ok).toBe(true);
  });

  it('tls-unknown-authority for go: fix set-go-ca (named, with consent) → a new shell is green', async () => {
    m = await machine();
    delete m.env.SSL_CERT_FILE;
    const r = await m.doctor();
    expect(r.primary).toBe('tls-unknown-authority');
    expect(r.findings[0]?.fixes.map((f) => f.id)).toContain('set-go-ca');
    const fix = JSON.parse(
      (await m.onramp(['fix', 'set-go-ca', '--ca-file', m.sb.caFile, '--yes', '--json'])).out,
    );
    expect(fix.plan.changes.map((c: { file: string }) => c.file)).toContain(`${m.home}/.profile`);
    // a new login shell reads ~/.profile: go then trusts the system roots plus the CA
    const { execFileSync } = await import('node:child_process');
    const fromProfile = execFileSync('bash', ['-c', '. "$HOME/.profile"; printf %s "$SSL_CERT_FILE"'], {
      env: m.env,
    }).toString();
    expect(fromProfile).toMatch(/go-roots\.pem$/);
    m.env.SSL_CERT_FILE = fromProfile;
    expect((await m.doctor()).primary).toBeNull();
    expect(m.download().ok).toBe(true);
  });

  it('https-no-credentials: no netrc entry, no helper → fix with a token from stdin → green', async () => {
    m = await machine();
    m.netrc([]);
    expect(m.download().ok).toBe(false);
    expect((await m.doctor()).primary).toBe('https-no-credentials');
    const fix = await m.onramp(
      ['fix', 'add-netrc-entry', '--token-stdin', '--login', 'alice', '--yes', '--json'],
      m.sb.users.alice.token,
    );
    const res = JSON.parse(fix.out);
    expect(res).toMatchObject({ before: 'https-no-credentials', after: null });
    expect(fix.out + fix.err).not.toContain(m.sb.users.alice.token);
    expect(m.download().ok).toBe(true);
  });

  it('auth-rejected: a wrong token in netrc prints "terminal prompts disabled" too; the active check tells', async () => {
    m = await machine();
    m.netrc([`machine ${m.sb.hosts.git} login alice password wrong-token-123`]);
    const r = await m.doctor();
    expect(r.primary).toBe('auth-rejected');
    expect(r.findings[0]?.evidence.join('\n')).toMatch(/active check.*401/);
    const fix = await m.onramp(
      ['fix', 'replace-credential', '--token-stdin', '--login', 'alice', '--yes', '--json'],
      m.sb.users.alice.token,
    );
    expect(JSON.parse(fix.out)).toMatchObject({ after: null });
    expect(m.download().ok).toBe(true);
  });

  it('forbidden: bob is authenticated but not allowed on acme/secret', async () => {
    m = await machine();
    m.netrc([`machine ${m.sb.hosts.git} login bob password ${m.sb.users.bob.token}`]);
    expect((await m.doctor(['--module', `${m.sb.repos.secret.module}@v1.0.0`])).primary).toBe('forbidden');
  });

  it('repo-not-found: the host answers 404 with a valid credential', async () => {
    m = await machine();
    expect((await m.doctor(['--module', `${m.sb.hosts.git}/acme/nope@v1.0.0`])).primary).toBe(
      'repo-not-found',
    );
  });

  it('rate-limited: the host throttles', async () => {
    m = await machine();
    expect((await m.doctor(['--module', `${m.sb.hosts.git}/acme/throttled@v1.0.0`])).primary).toBe(
      'rate-limited',
    );
  });

  it('unrecognized-import-path: discovery answers a login page', async () => {
    m = await machine();
    expect((await m.doctor(['--module', `${m.sb.hosts.git}/nometa/x@v1.0.0`])).primary).toBe(
      'unrecognized-import-path',
    );
  });

  it('discovery-wrong-root: a subgroup path without credentials for discovery → fix with a token → green', async () => {
    m = await machine();
    m.netrc([`machine ${m.sb.hosts.git} login alice password ${m.sb.users.alice.token}`]);
    const proj = `${m.sb.repos.proj.module}@v1.0.0`;
    expect(m.fetch(proj).ok).toBe(false);
    const r = await m.doctor(['--module', proj]);
    expect(r.primary).toBe('discovery-wrong-root');
    const fix = await m.onramp(
      ['fix', 'add-netrc-entry', '--module', proj, '--token-stdin', '--login', 'alice', '--yes', '--json'],
      m.sb.users.alice.token,
    );
    expect(JSON.parse(fix.out)).toMatchObject({ before: 'discovery-wrong-root', after: null });
    expect(m.fetch(proj).ok).toBe(true);
  });
});
