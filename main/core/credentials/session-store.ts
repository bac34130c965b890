// "This session only": secrets held in memory by git's own credential-cache daemon
// (git-credential-cache(1)), never written to disk, gone after SESSION_TIMEOUT_S or a reboot.
// The daemon listens on ~/.cache/git/credential/socket (0700 directory), which Onramp and its
// credential helper both reach through HOME. Items are stored under protocol `onramp-secret`
// so git's own https lookups never match them. Linux's kernel keyutils store would be the
// other in-memory choice, but it is often unavailable (containers, seccomp: AccessDenied here).
import { OnrampError } from '../../common/errors';
import { formatCredentialInput, parseCredentialRequest } from '../../common/credentials/credential-protocol';
import type { Env } from '../paths';
import { runTool } from '../tool-runner';
import type { SecretName, SecretStore } from './secret-store-types';

export const SESSION_TIMEOUT_S = 8 * 3600;

function cacheEnv(env: Env): Env {
  return {
    PATH: env.PATH,
    HOME: env.HOME,
    XDG_CACHE_HOME: env.XDG_CACHE_HOME,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
  };
}

async function cache(env: Env, op: 'get' | 'store' | 'erase', name: SecretName, secret?: string) {
  const stdin = formatCredentialInput({
    protocol: 'onramp-secret',
    host: name.service,
    username: name.account,
    password: secret,
  });
  // The secret goes through stdin only; the daemon's argv holds just its socket path.
  const r = await runTool('git', ['credential-cache', `--timeout=${SESSION_TIMEOUT_S}`, op], {
    env: cacheEnv(env),
    stdin,
    timeoutMs: 10_000,
  });
  if (r.code !== 0 || r.timedOut)
    throw new OnrampError({
      code: 'tool-failed',
      message: `git credential-cache ${op} failed: ${r.timedOut ? 'timed out' : r.stderr.trim() || `exit ${r.code}`}`,
    });
  return r.stdout;
}

export function sessionStore(env: Env): SecretStore {
  return {
    kind: 'session',
    label: `git credential-cache (memory only, ${SESSION_TIMEOUT_S / 3600} h)`,
    async get(n) {
      const reply = parseCredentialRequest(await cache(env, 'get', n));
      return reply.password ?? null;
    },
    async set(n, secret) {
      await cache(env, 'store', n, secret);
    },
    async delete(n) {
      const had = (await this.get(n)) !== null;
      await cache(env, 'erase', n);
      return had;
    },
    async list() {
      // The cache cannot enumerate; records name every item Onramp put there.
      return [];
    },
  };
}
