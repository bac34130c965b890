// STAND-IN data model for host-api.ts: the tokens and keys a fake host holds. Test-only.

export type StandInFlavour = 'github' | 'gitlab' | 'gitea' | 'bitbucket';

export interface StandInToken {
  id: number;
  token: string;
  user: string;
  name: string;
  /** GitHub classic scopes, GitLab scopes, Gitea scopes or Bitbucket permissions */
  scopes: string[];
  createdAt: string;
  /** YYYY-MM-DD, like GitLab's expires_at; undefined = never */
  expiresAt?: string;
  revoked: boolean;
  /** false: the API accepts the token but git does not (like a GitHub token not yet authorized for SAML SSO) */
  gitAccess: boolean;
}

export interface StandInKey {
  id: number;
  user: string;
  title: string;
  key: string;
}

export interface IssueOptions {
  user: 'alice' | 'bob';
  scopes: string[];
  expiresAt?: string;
  name?: string;
  gitAccess?: boolean;
}

/** What the routes need: token lookup and the side effects that reach the Git host. */
export interface StandInState {
  users: Record<string, { id: number; uuid: string }>;
  tokens: StandInToken[];
  keys: StandInKey[];
  find(token: string): StandInToken | undefined;
  revoke(t: StandInToken): void;
  addKey(user: string, title: string, key: string): StandInKey;
}

export function tokenExpired(t: StandInToken): boolean {
  return t.expiresAt !== undefined && t.expiresAt < new Date().toISOString().slice(0, 10);
}

/** True when a stand-in token is usable by the API today. */
export function tokenUsable(t: StandInToken | undefined): t is StandInToken {
  return t !== undefined && !t.revoked && !tokenExpired(t);
}
