// The effective ssh options for one host, from `ssh -G` (the authority: it applies Host/Match
// blocks, Includes, defaults and canonicalisation exactly as a connection would). `ssh -G` runs
// `Match exec` commands while reading the config, so it only runs after the whole Include chain
// has been vetted; otherwise the answer is a refusal naming the file and line.
//
// ssh takes `~` and the default ~/.ssh/config from the passwd entry, not $HOME. When HOME is the
// passwd home (a normal session) ssh is run as git and go run it: default user config plus
// /etc/ssh/ssh_config. When they differ (tests, sandboxes) `-F <HOME>/.ssh/config` pins the user
// config, and ssh then skips the system config (ssh(1) -F); `systemConfigRead` says which.
import { userInfo } from 'node:os';
import type { ReadProblem } from '../common/read-problem';
import { scanSshConfigChain, type ChainRoot, type SshConfigChain } from './ssh-config-chain';
import { homeOf, pathsOf, type Env } from './paths';
import { baseToolEnv, runTool } from './tool-runner';

export const SYSTEM_SSH_CONFIG = '/etc/ssh/ssh_config';

export interface SshEffectiveConfig {
  host: string;
  /** every `key value` line of `ssh -G`, keys lower-cased; repeated keys (identityfile…) keep order */
  options: Record<string, string[]>;
  hostname: string;
  user: string;
  port: number;
  /** as ssh prints them (`~` unexpanded) */
  identityFiles: string[];
  /** with `~` expanded the way ssh expands it (passwd home) */
  identityFilesResolved: string[];
  identitiesOnly: boolean;
  userKnownHostsFiles: string[];
  /** with `~` expanded as ssh expands it: pass these to findKnownHost */
  userKnownHostsFilesResolved: string[];
  strictHostKeyChecking: string;
  /** the files ssh read (vetted) */
  configFiles: string[];
  systemConfigRead: boolean;
}

export type SshEffectiveResult =
  { ok: true; config: SshEffectiveConfig } | { ok: false; refused: boolean; problem: ReadProblem };

export interface SshEffectiveOptions {
  port?: number;
  user?: string;
  /** exact `Match exec` commands the user has approved */
  vettedExecCommands?: readonly string[];
  timeoutMs?: number;
  /** for tests: the passwd home directory and the system config path */
  passwdHome?: string;
  systemConfig?: string;
}

/** Parses `ssh -G` output: lower-case `key value…` lines. */
export function parseSshG(stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of stdout.split('\n')) {
    const m = /^([a-z0-9]+)(?: (.*))?$/.exec(line.replace(/\r$/, ''));
    if (!m?.[1]) continue;
    (out[m[1]] ??= []).push(m[2] ?? '');
  }
  return out;
}

// A destination ssh cannot mistake for an option or a user@host, and a real port.
const HOST_RE = /^[A-Za-z0-9_.:%[\]-]+$/;
const USER_RE = /^[A-Za-z0-9_.][A-Za-z0-9_.@-]*$/;

function passwdHomeOf(): string | undefined {
  try {
    return userInfo().homedir;
  } catch {
    return undefined;
  }
}

/** Which config files ssh reads for this env, and whether `-F` is needed to honour HOME. */
export function sshConfigRoots(
  env: Env,
  passwdHome = passwdHomeOf(),
  systemConfig = SYSTEM_SSH_CONFIG,
): { roots: ChainRoot[]; pinUserConfig: boolean } {
  const user = pathsOf(env).sshConfig;
  const pin = passwdHome === undefined || passwdHome !== homeOf(env);
  return {
    roots: pin
      ? [{ file: user, system: false }]
      : [
          { file: user, system: false },
          { file: systemConfig, system: true },
        ],
    pinUserConfig: pin,
  };
}

function refusal(chain: SshConfigChain, vetted: readonly string[]): ReadProblem | undefined {
  const bad = chain.matchExecs.find((m) => !vetted.includes(m.command));
  if (bad) {
    return {
      severity: 'warning',
      code: 'ssh-config-unvetted',
      message: `${bad.file}:${bad.line} has \`Match exec\` (${JSON.stringify(bad.command)}); Onramp did not run \`ssh -G\`, which would run that command.`,
      hint: 'Review the command, then approve it in Onramp, or replace the Match exec block with a Host block.',
      file: bad.file,
      line: bad.line,
    };
  }
  const u = chain.unresolved[0];
  if (u) {
    const p: ReadProblem = {
      severity: 'warning',
      code: 'ssh-config-unvetted',
      message: `${u.file}${u.line ? `:${u.line}` : ''}: ${u.reason}; Onramp did not run \`ssh -G\` on a config it could not check.`,
      hint: 'Fix that line (ssh may refuse the file too), then retry.',
      file: u.file,
    };
    if (u.line !== undefined) p.line = u.line;
    return p;
  }
  return undefined;
}

/** Effective ssh options for host (and port/user), or a refusal when the config is not vetted. */
export async function sshEffectiveConfig(
  env: Env,
  host: string,
  opts: SshEffectiveOptions = {},
): Promise<SshEffectiveResult> {
  const invalid = (message: string): SshEffectiveResult => ({
    ok: false,
    refused: false,
    problem: { severity: 'error', code: 'tool-failed', message, hint: 'Pass a plain host name.' },
  });
  if (!HOST_RE.test(host) || host.startsWith('-')) return invalid(`not a host name: ${JSON.stringify(host)}`);
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port > 0 && opts.port < 65536))
    return invalid(`not a port: ${opts.port}`);
  if (opts.user !== undefined && !USER_RE.test(opts.user))
    return invalid(`not a user name: ${JSON.stringify(opts.user)}`);

  const passwdHome = opts.passwdHome ?? passwdHomeOf();
  const { roots, pinUserConfig } = sshConfigRoots(env, passwdHome, opts.systemConfig);
  const chain = await scanSshConfigChain(roots, homeOf(env));
  const refused = refusal(chain, opts.vettedExecCommands ?? []);
  if (refused) return { ok: false, refused: true, problem: refused };

  const args = ['-G'];
  // `-F` on a missing file is an error; `-F none` reads no config, which is what ssh would do.
  const userConfig = pathsOf(env).sshConfig;
  if (pinUserConfig) args.push('-F', chain.files.includes(userConfig) ? userConfig : 'none');
  if (opts.port !== undefined) args.push('-p', String(opts.port));
  if (opts.user !== undefined) args.push('-l', opts.user);
  args.push('--', host);
  let r;
  try {
    r = await runTool('ssh', args, { env: baseToolEnv(env), timeoutMs: opts.timeoutMs ?? 10_000 });
  } catch (err) {
    return {
      ok: false,
      refused: false,
      problem: {
        severity: 'error',
        code: 'tool-missing',
        message: (err as Error).message,
        hint: 'Install OpenSSH.',
      },
    };
  }
  if (r.code !== 0 || r.timedOut) {
    const last =
      r.stderr.trim().split('\n').slice(-2).join(' | ') || (r.timedOut ? 'timed out' : `exit ${r.code}`);
    return {
      ok: false,
      refused: false,
      problem: {
        severity: 'error',
        code: 'tool-failed',
        message: `ssh -G ${host} failed: ${last}`,
        hint: 'ssh refuses the config; fix the line it names.',
      },
    };
  }
  const options = parseSshG(r.stdout);
  const one = (k: string, d = '') => options[k]?.[0] ?? d;
  const identityFiles = options.identityfile ?? [];
  const tildeHome = passwdHome ?? homeOf(env);
  const tilde = (f: string) => (f === '~' || f.startsWith('~/') ? tildeHome + f.slice(1) : f);
  const knownHosts = one('userknownhostsfile').split(' ').filter(Boolean);
  return {
    ok: true,
    config: {
      host,
      options,
      hostname: one('hostname', host),
      user: one('user'),
      port: Number(one('port', '22')),
      identityFiles,
      identityFilesResolved: identityFiles.map(tilde),
      identitiesOnly: one('identitiesonly') === 'yes',
      userKnownHostsFiles: knownHosts,
      userKnownHostsFilesResolved: knownHosts.map(tilde),
      strictHostKeyChecking: one('stricthostkeychecking'),
      configFiles: chain.files,
      systemConfigRead: !pinUserConfig,
    },
  };
}
