// The environment verification runs with: what the user's settings produce, non-interactive
// exactly as go runs git (GIT_TERMINAL_PROMPT=0, and BatchMode ssh when GIT_SSH_COMMAND is
// unset — which also overrides core.sshCommand, as go does). Clean-room mode drops every
// override a shell or IDE could have exported, so only the files decide.
import type { Env } from '../paths';

const overridePrefixes = ['GO', 'GIT_', 'SSL_CERT_', 'CGO_'];
const proxyVars = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY'];

export function isOverrideVar(name: string): boolean {
  const upper = name.toUpperCase();
  return overridePrefixes.some((p) => upper.startsWith(p)) || proxyVars.includes(upper);
}

export function goLikeEnv(userEnv: Env, opts: { cleanRoom?: boolean } = {}): Env {
  const env: Env = {};
  for (const [k, v] of Object.entries(userEnv)) {
    if (v === undefined) continue;
    if (opts.cleanRoom && isOverrideVar(k)) continue;
    env[k] = v;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  if (!env.GIT_SSH_COMMAND) env.GIT_SSH_COMMAND = 'ssh -o ControlMaster=no -o BatchMode=yes';
  // Messages in English so the classifier reads them; go passes LANG through to git.
  env.LC_ALL = 'C';
  env.LANG = 'C';
  env.GCM_INTERACTIVE = 'never';
  return env;
}
