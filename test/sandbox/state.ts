// The sandbox's state file (run dir/state.json) and what can be done with only the state: ask
// whether it is running, and manage the ssh keys it lets in.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './daemons';
import { blockOwner, readHostsFile } from './hosts-file';
import { defaultRunDir, runPaths, SANDBOX_VERSION, type RunPaths, type Sandbox } from './layout';
import { netnsExists } from './netns';
import { addAuthorizedKey, removeAuthorizedKey } from './sshd';

export function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function writeJson(file: string, value: unknown): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

/** Processes started so far, recorded before anything else can fail, so teardown finds them. */
export const processesFile = (p: RunPaths) => join(p.root, 'processes.json');

/** The state file's sandbox, if there is one (running or not). */
export function readSandbox(runDir = defaultRunDir()): Sandbox | undefined {
  return readJson<Sandbox>(runPaths(runDir).state);
}

/** Why the recorded sandbox is not (fully) running; empty when it is. */
export async function sandboxProblems(runDir = defaultRunDir()): Promise<string[]> {
  const p = runPaths(runDir);
  const sb = readJson<Sandbox>(p.state);
  if (!sb) return ['not started (no state file)'];
  const problems: string[] = [];
  if (sb.version !== SANDBOX_VERSION)
    problems.push(`state is version ${sb.version}, code is ${SANDBOX_VERSION}`);
  for (const proc of sb.processes)
    if (!isAlive(proc)) problems.push(`${proc.name} (pid ${proc.pid}) is not running`);
  if (blockOwner(readHostsFile()) !== p.root)
    problems.push('the /etc/hosts block is missing or belongs to another run dir');
  if (!(await netnsExists())) problems.push('the network namespace for dropped.corp.test is missing');
  return problems;
}

function requireRunning(runDir: string): Sandbox {
  const sb = readSandbox(runDir);
  if (!sb) throw new Error('the sandbox is not running: startSandbox() first');
  return sb;
}

/** Lets `pubkey` (one OpenSSH public key line) log in as git@git.corp.test. */
export function authorizeKey(pubkey: string, runDir = defaultRunDir()): void {
  addAuthorizedKey(requireRunning(runDir).ssh.authorizedKeysFile, pubkey);
}

export function revokeKey(pubkey: string, runDir = defaultRunDir()): void {
  removeAuthorizedKey(requireRunning(runDir).ssh.authorizedKeysFile, pubkey);
}
