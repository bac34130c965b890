// The host API calls Onramp makes, per kind, in the documented shapes (the test stand-in,
// test/sandbox/host-api-routes.ts, cites them):
//   introspect  who the token belongs to, its scopes and expiry (token-info.ts reads answers)
//   revoke      GitHub: POST /credentials/revoke (unauthenticated, any token);
//               GitLab: DELETE /personal_access_tokens/self with the token itself;
//               Gitea and Bitbucket: no way to revoke with the token → the settings page
//   upload key  POST /user/keys (GitHub, GitLab, Gitea); POST /users/{uuid}/ssh-keys (Bitbucket)
// Creating a token through the API is not offered: GitHub has no such API, GitLab lets a token
// create only k8s_proxy-scoped tokens for its user, Gitea needs the account password, Bitbucket
// has none. A new token is always pasted.
import { tokenSettingsUrl, type HostKind } from '../../common/credentials/host-kinds';
import {
  bitbucketTokenInfo,
  giteaTokenInfo,
  githubTokenInfo,
  gitlabTokenInfo,
  type ApiAnswer,
  type TokenInfo,
} from '../../common/credentials/token-info';
import { callApi, type ApiAuth } from './host-api-client';

export interface HostApi {
  kind: Exclude<HostKind, 'generic'>;
  host: string;
  base: string;
  caFiles: readonly string[];
}

function auth(api: HostApi, token: string, login?: string): ApiAuth {
  if (api.kind === 'gitlab') return { scheme: 'private-token', token };
  if (api.kind === 'bitbucket') return { scheme: 'basic', login: login ?? '', token };
  return { scheme: 'token', token };
}

const get = (api: HostApi, path: string, a: ApiAuth) =>
  callApi({ method: 'GET', url: `${api.base}${path}`, auth: a, caFiles: api.caFiles });

export type Introspection = { ok: true; info: TokenInfo } | { ok: false; status: number; message: string };

function refused(a: ApiAnswer): Introspection {
  const why =
    a.status === 401
      ? 'the host rejected the token (401): wrong, expired or revoked'
      : a.status === 403
        ? 'the host refused the token (403): it may need SSO authorisation or more scopes'
        : `the host answered ${a.status}`;
  return { ok: false, status: a.status, message: why };
}

/** Who the token belongs to, its scopes and expiry, from the host's API. */
export async function introspectToken(api: HostApi, token: string, login?: string): Promise<Introspection> {
  const a = auth(api, token, login);
  if (api.kind === 'github') {
    const user = await get(api, '/user', a);
    const info = githubTokenInfo(user);
    return info ? { ok: true, info } : refused(user);
  }
  if (api.kind === 'gitlab') {
    const self = await get(api, '/personal_access_tokens/self', a);
    if (self.status !== 200) return refused(self);
    const user = await get(api, '/user', a);
    const info = gitlabTokenInfo(self, user);
    return info ? { ok: true, info } : refused(user);
  }
  if (api.kind === 'gitea') {
    const user = await get(api, '/user', a);
    const info = giteaTokenInfo(user);
    return info ? { ok: true, info } : refused(user);
  }
  const user = await get(api, '/user', a);
  const info = bitbucketTokenInfo(user);
  return info ? { ok: true, info } : refused(user);
}

export type Revocation = { revoked: true; how: string } | { revoked: false; manual: string };

/** Revokes `token` where the host allows it; otherwise says exactly where to do it by hand. */
export async function revokeToken(api: HostApi, token: string, name?: string): Promise<Revocation> {
  const manual = (why: string): Revocation => ({
    revoked: false,
    manual: `${why} Revoke the old token${name ? ` "${name}"` : ''} at ${tokenSettingsUrl(api.kind, api.host) ?? `the settings of ${api.host}`}.`,
  });
  try {
    if (api.kind === 'github') {
      const r = await callApi({
        method: 'POST',
        url: `${api.base}/credentials/revoke`,
        body: { credentials: [token] },
        caFiles: api.caFiles,
      });
      return r.status === 202
        ? { revoked: true, how: 'POST /credentials/revoke' }
        : manual(`GitHub answered ${r.status} to the revocation.`);
    }
    if (api.kind === 'gitlab') {
      const r = await callApi({
        method: 'DELETE',
        url: `${api.base}/personal_access_tokens/self`,
        auth: auth(api, token),
        caFiles: api.caFiles,
      });
      return r.status === 204
        ? { revoked: true, how: 'DELETE /personal_access_tokens/self' }
        : manual(`GitLab answered ${r.status} to the revocation.`);
    }
  } catch (err) {
    return manual(`The revocation request failed (${(err as Error).message}).`);
  }
  return manual(
    api.kind === 'gitea'
      ? 'Gitea revokes tokens only with the account password, which Onramp never asks for.'
      : 'Bitbucket has no API to revoke an app password.',
  );
}

export type KeyUpload = { ok: true; id?: string } | { ok: false; status: number; message: string };

export async function uploadSshKey(
  api: HostApi,
  token: string,
  login: string,
  title: string,
  publicKey: string,
): Promise<KeyUpload> {
  const a = auth(api, token, login);
  let path = '/user/keys';
  let body: unknown = { title, key: publicKey };
  if (api.kind === 'bitbucket') {
    const user = await get(api, '/user', a);
    const uuid = (user.body as { uuid?: string } | undefined)?.uuid ?? login;
    path = `/users/${encodeURIComponent(uuid)}/ssh-keys`;
    body = { key: publicKey, label: title };
  }
  const r = await callApi({ method: 'POST', url: `${api.base}${path}`, auth: a, body, caFiles: api.caFiles });
  if (r.status === 201 || r.status === 200) {
    const id = (r.body as { id?: unknown; uuid?: unknown } | undefined) ?? {};
    const v = id.id ?? id.uuid;
    return { ok: true, id: v === undefined ? undefined : String(v) };
  }
  const already = r.status === 422 && JSON.stringify(r.body).includes('already');
  return {
    ok: false,
    status: r.status,
    message: already
      ? 'the host already has this key'
      : r.status === 401 || r.status === 403 || r.status === 404
        ? `the token may not add SSH keys (${r.status}): it needs ${api.kind === 'github' ? 'write:public_key' : api.kind === 'gitlab' ? 'api' : api.kind === 'gitea' ? 'write:user' : 'account:write'}`
        : `the host answered ${r.status}`,
  };
}
