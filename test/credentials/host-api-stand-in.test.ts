// The host-API stand-in is wired to the sandbox Git host: a token it issues really works for git
// over HTTPS, stops working once revoked, and the answers follow the documented shapes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../../main/core/tool-runner';
import { startHostApi, type HostApiStandIn } from '../sandbox/host-api';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { clientEnv } from '../sandbox/client-env';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let sb: Sandbox;
let api: HostApiStandIn;
let t: TempHome;

beforeAll(async () => {
  sb = await startSandbox();
  api = await startHostApi(sb);
  t = makeTempHome();
});
afterAll(async () => {
  await api?.stop();
  t?.cleanup();
});

/** git ls-remote with the token from a credential store file (never argv). */
async function lsRemote(host: string, repo: string, user: string, token: string) {
  const file = join(t.home, `.cred-${Math.random().toString(16).slice(2)}`);
  writeFileSync(file, `https://${user}:${token}@${host}\n`, { mode: 0o600 });
  const env = clientEnv(sb, t.home, {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'credential.helper',
    GIT_CONFIG_VALUE_0: `store --file=${file}`,
  });
  return runTool('git', ['ls-remote', `https://${host}/${repo}.git`], { env, timeoutMs: 30_000 });
}

async function getJson(url: string, headers: Record<string, string>) {
  const { request } = await import('node:https');
  const { readFileSync } = await import('node:fs');
  return new Promise<{ status: number; headers: Record<string, unknown>; body: unknown }>(
    (resolve, reject) => {
      const req = request(url, { headers, ca: readFileSync(sb.caFile) }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text ? JSON.parse(text) : undefined,
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('host-API stand-in', () => {
  it('issued tokens work for git until revoked; htpasswd tokens still work', async () => {
    const tok = api.issueToken({ user: 'alice', scopes: ['read_repository', 'read_api'] });
    const ok = await lsRemote(sb.hosts.git, 'acme/lib', 'alice', tok);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('refs/tags/v1.2.0');
    // per-user rules apply to the token's user: bob's token is refused acme/secret
    const bobTok = api.issueToken({ user: 'bob', scopes: ['read_repository'] });
    const denied = await lsRemote(sb.hosts.git, 'acme/secret', 'bob', bobTok);
    expect(denied.code).not.toBe(0);
    const classic = await lsRemote(sb.hosts.git, 'acme/lib', 'alice', sb.users.alice.token);
    expect(classic.code).toBe(0);

    api.revokeToken(tok);
    const revoked = await lsRemote(sb.hosts.git, 'acme/lib', 'alice', tok);
    expect(revoked.code).not.toBe(0);
    expect(revoked.stderr).toMatch(/Authentication failed/);
  });

  it('a token without git access passes the API but not git (SSO-style)', async () => {
    const tok = api.issueToken({ user: 'alice', scopes: ['repo'], gitAccess: false });
    const who = await getJson(`${api.apiBase('github')}/user`, { Authorization: `token ${tok}` });
    expect(who.status).toBe(200);
    expect((await lsRemote(sb.hosts.git, 'acme/lib', 'alice', tok)).code).not.toBe(0);
  });

  it('answers in the documented shapes', async () => {
    const tok = api.issueToken({ user: 'alice', scopes: ['repo', 'read:org'], expiresAt: '2031-05-06' });
    const gh = await getJson(`${api.apiBase('github')}/user`, { Authorization: `token ${tok}` });
    expect(gh.body).toMatchObject({ login: 'alice' });
    expect(gh.headers['x-oauth-scopes']).toBe('repo, read:org');
    expect(gh.headers['github-authentication-token-expiration']).toBe('2031-05-06 00:00:00 UTC');
    expect(gh.headers['x-onramp-stand-in']).toBe('true');
    const gl = await getJson(`${api.apiBase('gitlab')}/personal_access_tokens/self`, {
      'PRIVATE-TOKEN': tok,
    });
    expect(gl.body).toMatchObject({
      active: true,
      revoked: false,
      scopes: ['repo', 'read:org'],
      expires_at: '2031-05-06',
    });
    const bad = await getJson(`${api.apiBase('gitea')}/user`, { Authorization: 'token nope' });
    expect(bad.status).toBe(401);
    expect(api.requests.every((r) => !JSON.stringify(r).includes(tok))).toBe(true);
  });
});
