// From the settings a profile asks for × what the machine has now: only the steps that are not
// done yet. This is what makes a second run a no-op and an interrupted run resumable: whatever
// was applied is simply found done. Each kind of setting is compared where its tool reads it
// (the go env file, the global git config, ~/.netrc, ~/.ssh/config, known_hosts, CA files).
import { join } from 'node:path';
import { parseGoEnvFile } from '../../common/go-env-file';
import type { FileEditStep, GitConfigStep, GoEnvStep, Step } from '../../common/plan';
import type { DesiredSettings } from '../../common/profile/settings';
import { parseSshConfig, upsertManagedHost } from '../../common/ssh-config';
import { goEnvFile } from '../go-tool';
import { pathsOf, type Env } from '../paths';
import { globalGitConfigFile } from '../requests/git-config';
import { checkGoEnvKey, checkGoEnvValue } from '../requests/go-env';
import { readTextIfExists } from '../requests/read-text';
import { gitToolEnv } from '../step-sim';
import { runTool } from '../tool-runner';
import type { Profile } from '../../common/profile/schema';
import type { CredentialInput } from './credentials';
import { knownHostState, pinnedKeyLines } from './host-keys';
import { serviceCredentialPart } from './keychain-credentials';
import type { PendingSecret } from './pending-secrets';

export interface ComputedSteps {
  steps: Step[];
  /** what is already as the profile wants it */
  done: string[];
  /** what the steps will change, in words */
  todo: string[];
  /** inputs still missing before the plan can be applied */
  needs: string[];
  notes: string[];
  secrets: string[];
  /** keychain items to write when (and only when) the plan is applied */
  pending: PendingSecret[];
}

export interface StepInputs {
  credentials: CredentialInput;
  /** plan-only: placeholder tokens so the plan can show the netrc change */
  placeholders: boolean;
  caDir: string;
  /** the profile itself: which hosts go needs the token for, API URLs */
  profile: Profile;
}

type Part = Omit<ComputedSteps, 'needs' | 'secrets' | 'pending'>;
const empty = (): Part => ({ steps: [], done: [], todo: [], notes: [] });

async function goEnvPart(env: Env, settings: DesiredSettings): Promise<Part> {
  const out = empty();
  const file = await goEnvFile(env);
  const values = parseGoEnvFile(readTextIfExists(file), file).values;
  for (const s of settings.goEnv) {
    checkGoEnvKey(s.key);
    checkGoEnvValue(s.key, s.value);
    const current = values[s.key];
    const shell = env[s.key];
    if (shell !== undefined && shell !== s.value)
      out.notes.push(
        `Your environment sets ${s.key}=${shell}, which overrides the go env file: remove that export (see onramp status) or go will not use ${s.value}.`,
      );
    if (current === s.value || ((current === undefined || current === '') && s.isGoDefault)) {
      out.done.push(`go env ${s.key} is already ${s.value}${current ? '' : ' (go’s default)'}`);
      continue;
    }
    out.steps.push({ kind: 'go-env', file, action: 'set', key: s.key, value: s.value } satisfies GoEnvStep);
    out.todo.push(`go env ${s.key}: ${current === undefined ? '(unset)' : current} → ${s.value}`);
  }
  return out;
}

async function gitValues(env: Env, file: string, key: string): Promise<string[]> {
  const r = await runTool('git', ['config', '--file', file, '--get-all', '--', key], {
    env: gitToolEnv(env),
    cwd: pathsOf(env).home,
  });
  if (r.code === 1) return [];
  if (r.code !== 0) throw new Error(`git config --get-all ${key} failed: ${r.stderr.trim()}`);
  return r.stdout.replace(/\n$/, '').split('\n');
}

async function gitPart(env: Env, settings: DesiredSettings): Promise<Part> {
  const out = empty();
  const file = globalGitConfigFile(env);
  for (const s of settings.git) {
    const values = await gitValues(env, file, s.key);
    const done = s.action === 'add' ? values.includes(s.value) : values.length === 1 && values[0] === s.value;
    if (done) {
      out.done.push(`git config ${s.key} is already ${s.value}`);
      continue;
    }
    // `git config KEY VALUE` refuses a key with several values: clear them first.
    if (s.action === 'set' && values.length > 1)
      out.steps.push({ kind: 'git-config', file, action: 'unset-all', key: s.key } satisfies GitConfigStep);
    out.steps.push({
      kind: 'git-config',
      file,
      action: s.action,
      key: s.key,
      value: s.value,
    } satisfies GitConfigStep);
    out.todo.push(`git config ${s.action === 'add' ? '--add ' : ''}${s.key} ${s.value}`);
  }
  return out;
}

function sshConfigPart(env: Env, settings: DesiredSettings): Part {
  const out = empty();
  if (settings.ssh.length === 0) return out;
  const file = pathsOf(env).sshConfig;
  const before = readTextIfExists(file);
  let text = before;
  for (const s of settings.ssh) {
    const next = upsertManagedHost(
      parseSshConfig(text, file),
      s.host,
      s.options.map((o) => [o.key, o.value] as const),
    );
    if (next === text) out.done.push(`~/.ssh/config already has Onramp's block for ${s.host}`);
    else
      out.todo.push(
        `~/.ssh/config: Onramp-managed block for ${s.host} (${s.options.map((o) => o.key).join(', ')})`,
      );
    text = next;
  }
  if (text !== before)
    out.steps.push({ kind: 'file-edit', file, content: text, mode: 0o600 } satisfies FileEditStep);
  return out;
}

async function knownHostsPart(env: Env, settings: DesiredSettings): Promise<Part> {
  const out = empty();
  if (settings.knownHosts.length === 0) return out;
  const file = pathsOf(env).knownHosts;
  const before = readTextIfExists(file);
  const add: string[] = [];
  for (const pin of settings.knownHosts) {
    const state = await knownHostState(pin, env, file);
    for (const o of state.otherKeys)
      out.notes.push(
        `${file}:${o.line} holds another key for ${pin.host} (${o.fingerprint}) that the profile does not publish; Onramp leaves it, check it with your admin.`,
      );
    if (state.pinned) {
      out.done.push(`known_hosts already pins the published key of ${pin.host}`);
      continue;
    }
    const keys = await pinnedKeyLines(pin, env);
    add.push(...keys.lines);
    out.todo.push(`known_hosts: pin ${pin.host} (${keys.fingerprints.join(', ')})`);
  }
  if (add.length > 0) {
    const sep = before === '' || before.endsWith('\n') ? '' : '\n';
    out.steps.push({ kind: 'file-edit', file, content: `${before}${sep}${add.join('\n')}\n`, mode: 0o644 });
  }
  return out;
}

function caPart(settings: DesiredSettings, caDir: string): Part {
  const out = empty();
  for (const c of settings.ca) {
    const file = join(caDir, c.fileName);
    const pem = c.pem.endsWith('\n') ? c.pem : `${c.pem}\n`;
    if (readTextIfExists(file) === pem) {
      out.done.push(`the CA for ${c.host} is already saved in ${file}`);
      continue;
    }
    out.steps.push({ kind: 'file-edit', file, content: pem, mode: 0o644, forceMode: true });
    out.todo.push(`save the CA certificate for ${c.host} in ${file}`);
  }
  return out;
}

/** Every step the profile still needs on this machine, in the order they are applied. */
export async function onboardingSteps(
  env: Env,
  settings: DesiredSettings,
  inputs: StepInputs,
): Promise<ComputedSteps> {
  const cred = await serviceCredentialPart(env, settings.netrc, inputs.credentials, {
    profile: inputs.profile,
    testModules: settings.testModules,
    ca: settings.ca,
    placeholders: inputs.placeholders,
  });
  const parts = [
    await goEnvPart(env, settings),
    await gitPart(env, settings),
    cred,
    sshConfigPart(env, settings),
    await knownHostsPart(env, settings),
    caPart(settings, inputs.caDir),
  ];
  return {
    steps: parts.flatMap((p) => p.steps),
    done: parts.flatMap((p) => p.done),
    todo: parts.flatMap((p) => p.todo),
    needs: cred.needs,
    notes: parts.flatMap((p) => p.notes),
    secrets: cred.secrets,
    pending: cred.pending,
  };
}
