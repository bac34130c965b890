// Small ssh building blocks shared by the ssh commands: how to run ssh so it reads the same
// files as `ssh -G` does for this HOME, key generation into a private temp dir (the key then
// reaches ~/.ssh through a plan, so it is journaled and undoable), and the agent.
// Passphrases reach ssh-keygen and ssh-add on stdin: with no terminal (runTool starts tools in
// their own session) both read it there (OpenSSH readpass.c, RP_ALLOW_STDIN); never -N/-P.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OnrampError } from '../../common/errors';
import { pathsOf, type Env } from '../paths';
import { sshConfigRoots } from '../ssh-effective-config';
import { parseFingerprintLine } from '../ssh-keys';
import { readSshAgent } from '../ssh-agent';
import { baseToolEnv, runTool, runToolChecked } from '../tool-runner';
import { existsSync } from 'node:fs';

/**
 * ssh takes `~` from the passwd entry, not HOME (design notes). When HOME is not the passwd
 * home (tests, sandboxes), pin the user config and known_hosts of HOME explicitly.
 */
export function sshFileArgs(env: Env): string[] {
  if (!sshConfigRoots(env).pinUserConfig) return [];
  const p = pathsOf(env);
  return ['-F', existsSync(p.sshConfig) ? p.sshConfig : 'none', '-o', `UserKnownHostsFile=${p.knownHosts}`];
}

export interface GeneratedKey {
  privateKey: string;
  publicKey: string;
  fingerprint: string;
}

/** ssh-keygen -t ed25519 in a 0700 temp dir; the caller writes the files through a plan. */
export async function generateEd25519(env: Env, comment: string, passphrase?: string): Promise<GeneratedKey> {
  const dir = await mkdtemp(join(tmpdir(), 'onramp-keygen-'));
  try {
    const file = join(dir, 'key');
    const pass = passphrase ?? '';
    await runToolChecked('ssh-keygen', ['-q', '-t', 'ed25519', '-C', comment, '-f', file], {
      env: baseToolEnv(env),
      stdin: `${pass}\n${pass}\n`,
      timeoutMs: 30_000,
    });
    const privateKey = await readFile(file, 'utf8');
    const publicKey = (await readFile(`${file}.pub`, 'utf8')).trim();
    const l = await runToolChecked('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${file}.pub`], {
      env: baseToolEnv(env),
      timeoutMs: 10_000,
    });
    const fp = parseFingerprintLine(l.stdout.split('\n')[0] ?? '');
    if (!fp) throw new OnrampError({ code: 'tool-failed', message: 'ssh-keygen -l printed no fingerprint' });
    return { privateKey, publicKey, fingerprint: fp.fingerprint };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The base64 lines of a private key: what a diff must never show. */
export function privateKeySecrets(privateKey: string): string[] {
  return privateKey
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('-----'));
}

export interface AgentAccess {
  socket: string;
  /** we started it: the person must make it permanent */
  startedPid?: number;
  persistHint?: string;
}

const PERSIST_HINT =
  'This agent lives until logout. To have one in every session: on a desktop, use the keyring’s agent ' +
  '(GNOME, KDE and macOS run one); on Debian/Ubuntu run `systemctl --user enable --now ssh-agent` and ' +
  'export SSH_AUTH_SOCK="$XDG_RUNTIME_DIR/openssh_agent"; or add `eval "$(ssh-agent -s)" >/dev/null` to ~/.profile. ' +
  'Add `AddKeysToAgent yes` (and `UseKeychain yes` on macOS) to the Host block to load the key on first use.';

/** The agent go's ssh would use; started (ssh-agent -s) when there is none. */
export async function ensureAgent(env: Env): Promise<AgentAccess> {
  const r = await readSshAgent(env);
  if ((r.state === 'keys' || r.state === 'empty') && r.socket) return { socket: r.socket };
  const a = await runToolChecked('ssh-agent', ['-s'], { env: baseToolEnv(env), timeoutMs: 10_000 });
  const socket = /SSH_AUTH_SOCK=([^;]+);/.exec(a.stdout)?.[1];
  const pid = Number(/SSH_AGENT_PID=(\d+);/.exec(a.stdout)?.[1]);
  if (!socket)
    throw new OnrampError({ code: 'tool-failed', message: 'ssh-agent -s printed no SSH_AUTH_SOCK' });
  return { socket, startedPid: Number.isInteger(pid) ? pid : undefined, persistHint: PERSIST_HINT };
}

/** ssh-add with the passphrase on stdin (empty for a key without one). */
export async function addToAgent(
  env: Env,
  socket: string,
  keyFile: string,
  passphrase?: string,
): Promise<void> {
  const r = await runTool('ssh-add', ['--', keyFile], {
    env: { ...baseToolEnv(env), SSH_AUTH_SOCK: socket, SSH_ASKPASS_REQUIRE: 'never' },
    stdin: passphrase !== undefined ? `${passphrase}\n` : '',
    timeoutMs: 15_000,
  });
  if (r.code !== 0)
    throw new OnrampError({
      code: 'tool-failed',
      message: `ssh-add ${keyFile} failed: ${r.stderr.replace(/Enter passphrase[^:]*:\s*/g, '').trim() || `exit ${r.code}`}`,
    });
}
