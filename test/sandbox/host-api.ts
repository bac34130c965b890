// STAND-IN, NOT A REAL HOST: a local HTTPS server that answers the few GitHub, GitLab, Gitea and
// Bitbucket API calls Onramp makes (who am I / token introspection, SSH key upload, token
// revocation), in the documented shapes (host-api-routes.ts), so credential code can be tested
// without the internet. It is wired to the sandbox Git host: a token it issues works for git
// over HTTPS on git.corp.test / git2.corp.test (nginx hands failed basic auth to the gate, which
// reads this stand-in's token file) until it is revoked here, and an uploaded key is authorized
// for git@git.corp.test. Every answer carries `X-Onramp-Stand-In: true`.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runPaths, type Sandbox } from './layout';
import { authorizeKey, revokeKey } from './state';
import { handleRequest, type StandInRequestLog } from './host-api-routes';
import {
  tokenExpired,
  type IssueOptions,
  type StandInFlavour,
  type StandInKey,
  type StandInState,
  type StandInToken,
} from './host-api-state';

export type { IssueOptions, StandInFlavour, StandInKey, StandInToken } from './host-api-state';

export interface HostApiStandIn {
  /** https://git.corp.test:<port> */
  url: string;
  /** the API base Onramp is given for a flavour (GitHub Enterprise, GitLab, Gitea, Bitbucket Cloud shapes) */
  apiBase(flavour: StandInFlavour): string;
  issueToken(opts: IssueOptions): string;
  revokeToken(token: string): void;
  tokenState(token: string): StandInToken | undefined;
  keys(): StandInKey[];
  /** method, path and status of every request (no headers, no bodies: they hold secrets) */
  requests: StandInRequestLog[];
  stop(): Promise<void>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Starts a stand-in on git.corp.test's address, an ephemeral port, the sandbox certificate. */
export async function startHostApi(sb: Sandbox): Promise<HostApiStandIn> {
  const p = runPaths(sb.runDir);
  const tokenFile = join(p.apiTokens, `${process.pid}-${randomBytes(4).toString('hex')}`);
  const state: StandInState = {
    users: {
      alice: { id: 1001, uuid: '{8e1d3f5a-0000-4000-8000-00000000a11c}' },
      bob: { id: 1002, uuid: '{8e1d3f5a-0000-4000-8000-000000000b0b}' },
    },
    tokens: [],
    keys: [],
    find: (token) => state.tokens.find((t) => t.token === token),
    revoke(t) {
      t.revoked = true;
      writeTokenFile();
    },
    addKey(user, title, key) {
      authorizeKey(key, sb.runDir);
      const k = { id: 5000 + state.keys.length, user, title, key };
      state.keys.push(k);
      return k;
    },
  };
  // Only live tokens with git access, as `sha256 user`: the gate never sees a token itself.
  const writeTokenFile = () => {
    const lines = state.tokens
      .filter((t) => !t.revoked && t.gitAccess && !tokenExpired(t))
      .map((t) => `${sha256(t.token)} ${t.user}\n`);
    const tmp = `${tokenFile}.tmp`;
    writeFileSync(tmp, lines.join(''), { mode: 0o644 });
    renameSync(tmp, tokenFile);
  };
  writeTokenFile();

  const requests: StandInRequestLog[] = [];
  const server: Server = createServer(
    { cert: readFileSync(join(p.pki, 'good.pem')), key: readFileSync(join(p.pki, 'good.key')) },
    (req, res) => {
      handleRequest(state, req, res, requests).catch(() => {
        res.statusCode = 500;
        res.end('{"message":"stand-in error"}');
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, sb.addresses.git, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `https://${sb.hosts.git}:${port}`;
  return {
    url,
    apiBase: (f) =>
      f === 'github'
        ? `${url}/api/v3`
        : f === 'gitlab'
          ? `${url}/api/v4`
          : f === 'gitea'
            ? `${url}/api/v1`
            : `${url}/2.0`,
    issueToken(opts) {
      const t: StandInToken = {
        id: 100 + state.tokens.length,
        token: `sbx_${randomBytes(20).toString('hex')}`,
        user: opts.user,
        name: opts.name ?? `onramp-test-${state.tokens.length + 1}`,
        scopes: opts.scopes,
        createdAt: new Date().toISOString(),
        expiresAt: opts.expiresAt,
        revoked: false,
        gitAccess: opts.gitAccess ?? true,
      };
      state.tokens.push(t);
      writeTokenFile();
      return t.token;
    },
    revokeToken(token) {
      const t = state.find(token);
      if (t) state.revoke(t);
    },
    tokenState: (token) => state.find(token),
    keys: () => [...state.keys],
    requests,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      rmSync(tokenFile, { force: true });
      for (const k of state.keys) {
        try {
          revokeKey(k.key, sb.runDir);
        } catch {
          /* the sandbox is gone */
        }
      }
    },
  };
}
