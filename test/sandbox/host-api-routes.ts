// STAND-IN routes for host-api.ts, following the documented request and response shapes:
//   GitHub (Enterprise paths, /api/v3): GET /user with X-OAuth-Scopes and
//     github-authentication-token-expiration headers; POST /user/keys; POST /credentials/revoke
//     https://docs.github.com/en/rest/users/keys, https://docs.github.com/en/rest/credentials/revoke
//   GitLab (/api/v4): GET /personal_access_tokens/self, GET /user, POST /user/keys,
//     DELETE /personal_access_tokens/self  https://docs.gitlab.com/api/personal_access_tokens/
//   Gitea (/api/v1): GET /user, POST /user/keys  https://docs.gitea.com/development/api-usage
//   Bitbucket Cloud (/2.0): GET /user, POST /users/{selected_user}/ssh-keys (basic auth)
// Only what Onramp calls; anything else is 404. Scope checks are the hosts' documented ones,
// simplified to "has one of these scopes".
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tokenUsable, type StandInState, type StandInToken } from './host-api-state';

export interface StandInRequestLog {
  method: string;
  path: string;
  status: number;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization ?? '';
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(h);
  return m?.[1];
}

function basicPassword(req: IncomingMessage): string | undefined {
  const m = /^basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!m?.[1]) return undefined;
  const pair = Buffer.from(m[1], 'base64').toString('utf8');
  const i = pair.indexOf(':');
  return i < 0 ? undefined : pair.slice(i + 1);
}

const hasScope = (t: StandInToken, ...any: string[]) => any.some((s) => t.scopes.includes(s));

function githubExpiry(t: StandInToken): Record<string, string> {
  return t.expiresAt ? { 'github-authentication-token-expiration': `${t.expiresAt} 00:00:00 UTC` } : {};
}

function keyBody(body: unknown): { title: string; key: string } | undefined {
  const b = body as { title?: unknown; label?: unknown; key?: unknown } | undefined;
  const title = typeof b?.title === 'string' ? b.title : typeof b?.label === 'string' ? b.label : '';
  return typeof b?.key === 'string' && /^ssh-\S+ \S+/.test(b.key) ? { title, key: b.key } : undefined;
}

function github(
  s: StandInState,
  method: string,
  path: string,
  t: StandInToken | undefined,
  body: unknown,
): Reply {
  if (method === 'POST' && path === '/credentials/revoke') {
    // Unauthenticated on github.com; revokes whatever it is given.
    const creds = (body as { credentials?: unknown } | undefined)?.credentials;
    if (!Array.isArray(creds)) return { status: 422, body: { message: 'Validation Failed' } };
    for (const c of creds) {
      const found = typeof c === 'string' ? s.find(c) : undefined;
      if (found) s.revoke(found);
    }
    return { status: 202, body: {} };
  }
  if (!tokenUsable(t))
    return {
      status: 401,
      body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' },
    };
  const user = s.users[t.user];
  const scopeHeaders = { 'X-OAuth-Scopes': t.scopes.join(', '), 'X-Accepted-OAuth-Scopes': '' };
  if (method === 'GET' && path === '/user')
    return {
      status: 200,
      headers: { ...scopeHeaders, ...githubExpiry(t) },
      body: { login: t.user, id: user?.id, type: 'User' },
    };
  if (method === 'POST' && path === '/user/keys') {
    if (!hasScope(t, 'write:public_key', 'admin:public_key'))
      return { status: 404, headers: scopeHeaders, body: { message: 'Not Found' } };
    const k = keyBody(body);
    if (!k) return { status: 422, body: { message: 'Validation Failed' } };
    const made = s.addKey(t.user, k.title, k.key);
    return {
      status: 201,
      body: { id: made.id, key: made.key, title: made.title, verified: true, read_only: false },
    };
  }
  return { status: 404, body: { message: 'Not Found' } };
}

function gitlab(
  s: StandInState,
  method: string,
  path: string,
  t: StandInToken | undefined,
  body: unknown,
): Reply {
  if (!tokenUsable(t)) return { status: 401, body: { message: '401 Unauthorized' } };
  const user = s.users[t.user];
  if (method === 'GET' && path === '/personal_access_tokens/self')
    return {
      status: 200,
      body: {
        id: t.id,
        name: t.name,
        revoked: false,
        created_at: t.createdAt,
        description: '',
        scopes: t.scopes,
        user_id: user?.id,
        last_used_at: null,
        active: true,
        expires_at: t.expiresAt ?? null,
      },
    };
  if (method === 'DELETE' && path === '/personal_access_tokens/self') {
    s.revoke(t);
    return { status: 204 };
  }
  if (method === 'GET' && path === '/user')
    return { status: 200, body: { id: user?.id, username: t.user, name: t.user, state: 'active' } };
  if (method === 'POST' && path === '/user/keys') {
    if (!hasScope(t, 'api')) return { status: 403, body: { error: 'insufficient_scope', scope: 'api' } };
    const k = keyBody(body);
    if (!k) return { status: 400, body: { message: { key: ['is invalid'] } } };
    const made = s.addKey(t.user, k.title, k.key);
    return {
      status: 201,
      body: { id: made.id, title: made.title, key: made.key, usage_type: 'auth_and_signing' },
    };
  }
  return { status: 404, body: { message: '404 Not Found' } };
}

function gitea(
  s: StandInState,
  method: string,
  path: string,
  t: StandInToken | undefined,
  body: unknown,
): Reply {
  if (!tokenUsable(t)) return { status: 401, body: { message: 'user does not exist', url: '' } };
  const user = s.users[t.user];
  if (method === 'GET' && path === '/user')
    return {
      status: 200,
      body: { id: user?.id, login: t.user, full_name: t.user, email: `${t.user}@corp.test` },
    };
  if (method === 'POST' && path === '/user/keys') {
    if (!hasScope(t, 'write:user', 'all'))
      return {
        status: 403,
        body: { message: 'token does not have at least one of required scope(s): [write:user]' },
      };
    const k = keyBody(body);
    if (!k) return { status: 422, body: { message: 'invalid key' } };
    const made = s.addKey(t.user, k.title, k.key);
    return { status: 201, body: { id: made.id, key: made.key, title: made.title, read_only: false } };
  }
  return { status: 404, body: { message: 'not found' } };
}

function bitbucket(
  s: StandInState,
  method: string,
  path: string,
  t: StandInToken | undefined,
  body: unknown,
): Reply {
  if (!tokenUsable(t)) return { status: 401, body: { type: 'error', error: { message: 'Unauthorized' } } };
  const user = s.users[t.user];
  if (method === 'GET' && path === '/user')
    return {
      status: 200,
      headers: { 'X-OAuth-Scopes': t.scopes.join(', '), 'X-Credential-Type': 'apppassword' },
      body: {
        type: 'user',
        username: t.user,
        display_name: t.user,
        uuid: user?.uuid,
        account_id: `acct-${user?.id}`,
      },
    };
  const m = /^\/users\/([^/]+)\/ssh-keys$/.exec(path);
  if (method === 'POST' && m) {
    const selected = decodeURIComponent(m[1] ?? '');
    if (selected !== user?.uuid && selected !== t.user) return { status: 403, body: { type: 'error' } };
    if (!hasScope(t, 'account:write'))
      return { status: 403, body: { type: 'error', error: { message: 'scope' } } };
    const k = keyBody(body);
    if (!k) return { status: 400, body: { type: 'error' } };
    const made = s.addKey(t.user, k.title, k.key);
    return {
      status: 201,
      body: { type: 'ssh_key', uuid: `{key-${made.id}}`, key: made.key, label: made.title },
    };
  }
  return { status: 404, body: { type: 'error', error: { message: 'Resource not found' } } };
}

export async function handleRequest(
  s: StandInState,
  req: IncomingMessage,
  res: ServerResponse,
  log: StandInRequestLog[],
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'https://stand-in').pathname;
  const body = await readBody(req);
  const bearerToken = bearer(req);
  let reply: Reply;
  if (path.startsWith('/api/v3/'))
    reply = github(s, method, path.slice(7), bearerToken ? s.find(bearerToken) : undefined, body);
  else if (path.startsWith('/api/v4/')) {
    const tok = (req.headers['private-token'] as string | undefined) ?? bearerToken;
    reply = gitlab(s, method, path.slice(7), tok ? s.find(tok) : undefined, body);
  } else if (path.startsWith('/api/v1/'))
    reply = gitea(s, method, path.slice(7), bearerToken ? s.find(bearerToken) : undefined, body);
  else if (path.startsWith('/2.0/')) {
    const pw = basicPassword(req);
    reply = bitbucket(s, method, path.slice(4), pw ? s.find(pw) : undefined, body);
  } else reply = { status: 404, body: { message: 'not an API path of this stand-in' } };
  log.push({ method, path, status: reply.status });
  res.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Onramp-Stand-In': 'true',
    ...reply.headers,
  });
  res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}
