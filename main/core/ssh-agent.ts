// The ssh agent as go's ssh would reach it: through SSH_AUTH_SOCK in the environment. go runs
// ssh with BatchMode=yes, so a key with a passphrase works only when the agent holds it.
// `ssh-add -l` exits 0 with one line per key, 1 when the agent has none (or refuses to list),
// 2 when it cannot connect.
import type { ReadProblem } from '../common/read-problem';
import { parseFingerprintLine } from './ssh-keys';
import type { Env } from './paths';
import { baseToolEnv, runTool } from './tool-runner';

export interface SshAgentKey {
  bits: number;
  fingerprint: string;
  comment: string;
  type: string;
}

export interface SshAgentReport {
  socket?: string;
  state: 'keys' | 'empty' | 'unreachable' | 'no-socket' | 'error';
  keys: SshAgentKey[];
  problems: ReadProblem[];
}

export async function readSshAgent(env: Env): Promise<SshAgentReport> {
  const socket = env.SSH_AUTH_SOCK;
  if (!socket) {
    return {
      state: 'no-socket',
      keys: [],
      problems: [
        {
          severity: 'info',
          code: 'ssh-agent',
          message: 'SSH_AUTH_SOCK is not set: ssh started by go finds no agent.',
          hint: 'Start an agent (eval "$(ssh-agent -s)") or enable your desktop keyring’s ssh agent, then ssh-add your key.',
        },
      ],
    };
  }
  let r;
  try {
    r = await runTool('ssh-add', ['-l'], { env: baseToolEnv(env), timeoutMs: 10_000 });
  } catch (err) {
    return {
      socket,
      state: 'error',
      keys: [],
      problems: [
        {
          severity: 'error',
          code: 'tool-missing',
          message: (err as Error).message,
          hint: 'Install OpenSSH.',
        },
      ],
    };
  }
  if (r.code === 0) {
    const keys = r.stdout
      .split('\n')
      .map(parseFingerprintLine)
      .filter((k): k is SshAgentKey => k !== undefined);
    return { socket, state: 'keys', keys, problems: [] };
  }
  if (r.code === 1 && /no identities/i.test(r.stdout + r.stderr)) {
    return {
      socket,
      state: 'empty',
      keys: [],
      problems: [
        {
          severity: 'info',
          code: 'ssh-agent',
          message: 'The ssh agent holds no keys.',
          hint: 'ssh-add <key> (needed for keys with a passphrase: go cannot ask for it).',
        },
      ],
    };
  }
  const unreachable = r.code === 2;
  return {
    socket,
    state: unreachable ? 'unreachable' : 'error',
    keys: [],
    problems: [
      {
        severity: 'warning',
        code: 'ssh-agent',
        message: unreachable
          ? `No ssh agent answers at SSH_AUTH_SOCK (${socket}).`
          : `The ssh agent did not list its keys: ${r.stderr.trim() || `exit ${r.code}`}`,
        hint: unreachable
          ? 'The agent has stopped or the socket is stale: start a new agent and ssh-add your key.'
          : 'The agent refused (a locked agent or a hardware token); unlock it and retry.',
      },
    ],
  };
}
