// The SSH layer at a glance: keys in ~/.ssh, known_hosts, the agent, and whether the ssh config
// is safe to evaluate with `ssh -G` (no unvetted `Match exec`). Per-host questions go to
// sshEffectiveConfig (ssh -G) and findKnownHost (ssh-keygen -F), re-exported here.
import type { ReadProblem } from '../common/read-problem';
import { readSshAgent, type SshAgentReport } from './ssh-agent';
import { scanSshConfigChain, type SshMatchExec } from './ssh-config-chain';
import { sshConfigRoots } from './ssh-effective-config';
import { readKnownHosts, type KnownHostsFile } from './ssh-known-hosts';
import { readSshKeys, type SshKeysReport } from './ssh-keys';
import { homeOf, type Env } from './paths';

export { readSshAgent, type SshAgentKey, type SshAgentReport } from './ssh-agent';
export { scanSshConfigChain, type SshConfigChain, type SshMatchExec } from './ssh-config-chain';
export {
  parseSshG,
  sshEffectiveConfig,
  type SshEffectiveConfig,
  type SshEffectiveOptions,
  type SshEffectiveResult,
} from './ssh-effective-config';
export {
  findKnownHost,
  knownHostsName,
  readKnownHosts,
  sshFingerprint,
  type KnownHostEntry,
  type KnownHostMatch,
  type KnownHostsFile,
} from './ssh-known-hosts';
export { readSshKeys, type SshKeyInfo, type SshKeysReport } from './ssh-keys';

export interface SshConfigVetting {
  /** files ssh reads, Includes followed */
  files: string[];
  matchExecs: SshMatchExec[];
  /** no unvetted `Match exec` and nothing unresolved: `ssh -G` may run */
  safeForSshG: boolean;
  systemConfigRead: boolean;
}

export interface SshReport {
  keys: SshKeysReport;
  knownHosts: KnownHostsFile;
  agent: SshAgentReport;
  config: SshConfigVetting;
  problems: ReadProblem[];
}

export interface ReadSshOptions {
  vettedExecCommands?: readonly string[];
}

/** Keys, known_hosts, agent and config vetting, read in parallel. Never runs `ssh -G`. */
export async function readSsh(env: Env, opts: ReadSshOptions = {}): Promise<SshReport> {
  const { roots, pinUserConfig } = sshConfigRoots(env);
  const [keys, knownHosts, agent, chain] = await Promise.all([
    readSshKeys(env),
    readKnownHosts(env),
    readSshAgent(env),
    scanSshConfigChain(roots, homeOf(env)),
  ]);
  const vetted = opts.vettedExecCommands ?? [];
  const unvetted = chain.matchExecs.filter((m) => !vetted.includes(m.command));
  const problems: ReadProblem[] = [];
  for (const m of unvetted)
    problems.push({
      severity: 'warning',
      code: 'ssh-config-unvetted',
      message: `${m.file}:${m.line} has \`Match exec\` (${JSON.stringify(m.command)}), which ssh runs whenever it reads the config; Onramp will not run \`ssh -G\` until it is approved.`,
      hint: 'Review the command, then approve it in Onramp, or replace the block with a Host block.',
      file: m.file,
      line: m.line,
    });
  for (const u of chain.unresolved) {
    const p: ReadProblem = {
      severity: 'warning',
      code: 'ssh-config-unvetted',
      message: `${u.file}${u.line ? `:${u.line}` : ''}: ${u.reason}.`,
      hint: 'Fix that line; Onramp will not run `ssh -G` on a config it could not check.',
      file: u.file,
    };
    if (u.line !== undefined) p.line = u.line;
    problems.push(p);
  }
  // A passphrase is no obstacle when the agent already holds the key.
  const inAgent = new Set(agent.keys.map((k) => k.fingerprint));
  const keyProblems = keys.problems.filter(
    (p) =>
      p.code !== 'ssh-key-encrypted' ||
      !keys.keys.some((k) => k.file === p.file && k.fingerprint && inAgent.has(k.fingerprint)),
  );
  if (knownHosts.invalidLines.length > 0)
    problems.push({
      severity: 'warning',
      code: 'file-unreadable',
      message: `${knownHosts.file} has lines ssh cannot use: ${knownHosts.invalidLines.join(', ')}.`,
      hint: 'Remove them (ssh-keygen -R host drops a host’s entries).',
      file: knownHosts.file,
      line: knownHosts.invalidLines[0] as number,
    });
  return {
    keys,
    knownHosts,
    agent,
    config: {
      files: chain.files,
      matchExecs: chain.matchExecs,
      safeForSshG: unvetted.length === 0 && chain.unresolved.length === 0,
      systemConfigRead: !pinUserConfig,
    },
    problems: [...keyProblems, ...problems, ...agent.problems],
  };
}
