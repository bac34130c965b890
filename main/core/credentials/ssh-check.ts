// `onramp ssh test <host>` (ssh -T, non-interactive like go runs it, with the verdict a person
// needs) and `onramp ssh list` (every private key in ~/.ssh and which hosts use it per ssh -G).
import { sshOver443 } from '../../common/credentials/host-kinds';
import { sshKeyRecords, tokenRecords } from '../../common/credentials/inventory-model';
import { parseSshConfig, summarizeSshConfig } from '../../common/ssh-config';
import { redactSecrets } from '../../common/redact';
import { pathsOf, type Env } from '../paths';
import { readTextIfExists } from '../requests/read-text';
import { sshEffectiveConfig } from '../ssh-effective-config';
import { readSshKeys, type SshKeyInfo } from '../ssh-keys';
import { baseToolEnv, runTool } from '../tool-runner';
import { loadInventory } from './inventory';
import { sshFileArgs } from './ssh-tools';
import { checkHost } from './token-check';

export type SshVerdict =
  'authenticated' | 'auth-failed' | 'host-key-unknown' | 'host-key-changed' | 'unreachable' | 'error';

export interface SshTestResult {
  host: string;
  verdict: SshVerdict;
  exitCode: number | null;
  /** ssh's own lines, redacted */
  output: string[];
  advice: string[];
}

/** What `ssh -T` output means (GitHub, GitLab, Bitbucket, Gitea and git-shell all answer differently). */
export function classifySshTest(code: number | null, output: string): SshVerdict {
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED/.test(output)) return 'host-key-changed';
  if (/Host key verification failed|No [A-Z0-9]+ host key is known/.test(output)) return 'host-key-unknown';
  if (/Permission denied \(|Too many authentication failures/.test(output)) return 'auth-failed';
  if (
    /Connection refused|Connection timed out|timed out|No route to host|Network is unreachable|Could not resolve hostname/.test(
      output,
    )
  )
    return 'unreachable';
  // Code hosts refuse a shell after authenticating: GitHub exits 1 ("successfully authenticated"),
  // git-shell 128 ("Interactive git shell is not enabled"), GitLab 0 ("Welcome to GitLab").
  if (code === 0 || code === 1 || code === 128) return 'authenticated';
  return 'error';
}

export async function sshTest(env: Env, host: string, user = 'git'): Promise<SshTestResult> {
  checkHost(host);
  const args = [
    ...sshFileArgs(env),
    '-T',
    '-o',
    'BatchMode=yes',
    '-o',
    'ControlMaster=no',
    '-o',
    'ConnectTimeout=10',
    '--',
    `${user}@${host}`,
  ];
  const r = await runTool('ssh', args, { env: baseToolEnv(env), timeoutMs: 30_000 });
  const text = `${r.stdout}\n${r.stderr}`;
  const verdict = r.timedOut ? 'unreachable' : classifySshTest(r.code, text);
  const advice: string[] = [];
  if (verdict === 'host-key-unknown') advice.push(`Check and add the host key: onramp ssh trust ${host}`);
  if (verdict === 'auth-failed')
    advice.push(
      `The host does not accept your key: onramp ssh upload ${host} (or add the public key in its settings).`,
    );
  if (verdict === 'unreachable') {
    const alt = sshOver443(host);
    advice.push(
      alt
        ? `Port 22 looks blocked. ${host} also serves ssh on ${alt.hostName}:443: onramp ssh keygen ${host} --port-443 (writes HostName ${alt.hostName} and Port 443).`
        : `Port 22 looks blocked and ${host} has no known ssh-over-443 endpoint: use HTTPS with a token (onramp token add ${host} --stdin).`,
    );
  }
  const output = redactSecrets(text)
    .split('\n')
    .map((l) => l.trimEnd())
    .filter(Boolean);
  return { host, verdict, exitCode: r.code, output, advice };
}

export interface ListedKey extends SshKeyInfo {
  /** hosts whose effective ssh config (ssh -G) offers this key */
  usedBy: string[];
  managedBy?: string;
}

/** Host names Onramp can ask ssh -G about: literal Host patterns, and hosts it manages. */
function candidateHosts(env: Env): string[] {
  const file = pathsOf(env).sshConfig;
  const text = readTextIfExists(file);
  const hosts = new Set<string>();
  if (text) {
    try {
      for (const b of summarizeSshConfig(parseSshConfig(text, file)).blocks)
        for (const p of b.patterns) if (/^[A-Za-z0-9.-]+$/.test(p)) hosts.add(p);
    } catch {
      /* ssh -G reports the problem */
    }
  }
  const inv = loadInventory(env);
  for (const r of [...sshKeyRecords(inv), ...tokenRecords(inv)]) hosts.add(r.host);
  return [...hosts].sort();
}

export async function listSshKeys(env: Env): Promise<{ keys: ListedKey[]; hosts: string[] }> {
  const report = await readSshKeys(env);
  const hosts = candidateHosts(env);
  const effective = await Promise.all(hosts.map((h) => sshEffectiveConfig(env, h)));
  const managed = sshKeyRecords(loadInventory(env));
  const keys = report.keys.map((k): ListedKey => {
    const usedBy = hosts.filter((_, i) => {
      const e = effective[i];
      return e?.ok === true && e.config.identityFilesResolved.includes(k.file);
    });
    const m = managed.find((r) => r.keyFile === k.file);
    return { ...k, usedBy, ...(m ? { managedBy: `onramp (${m.host})` } : {}) };
  });
  return { keys, hosts };
}
