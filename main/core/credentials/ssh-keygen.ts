// `onramp ssh keygen <host>`: a new ed25519 key for one host, written through one journaled plan
// (private key 0600, .pub, a managed `Host` block with IdentityFile + IdentitiesOnly yes, the
// inventory record), then loaded into the agent. go runs ssh with BatchMode=yes, so a key with a
// passphrase works only from the agent; the passphrase goes to the keychain only on opt-in.
// Port 22 blocked: `--port-443` points the block at the host's ssh-over-443 endpoint.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { sshOver443 } from '../../common/credentials/host-kinds';
import {
  newGeneration,
  passphraseSecretName,
  upsertRecord,
  type Place,
  type SshKeyRecord,
} from '../../common/credentials/inventory-model';
import { OnrampError } from '../../common/errors';
import type { Step } from '../../common/plan';
import { applyPlan } from '../apply';
import { pathsOf, type Env } from '../paths';
import { buildPlan, type BuiltPlan } from '../planner';
import { sshHostSteps } from '../requests/ssh-host';
import { inventoryStep, loadInventory } from './inventory';
import { chooseStore, type SecretStore } from './secret-store';
import { addToAgent, ensureAgent, generateEd25519, privateKeySecrets, type AgentAccess } from './ssh-tools';
import { checkHost } from './token-check';

export interface KeygenOptions {
  host: string;
  /** default ~/.ssh/id_ed25519_<host> */
  file?: string;
  user?: string;
  passphrase?: string;
  /** keep the passphrase in the keychain (explicit opt-in) */
  rememberPassphrase?: boolean;
  /** use the host's ssh-over-443 endpoint (github.com → ssh.github.com:443) */
  port443?: boolean;
  /** add to the agent (default: yes when there is a passphrase or an agent is running) */
  agent?: boolean;
  dryRun?: boolean;
  now?: Date;
}

export interface KeygenResult {
  keyFile: string;
  publicKey: string;
  fingerprint: string;
  plan: BuiltPlan;
  journalId?: string;
  agent?: AgentAccess & { added: boolean };
  notes: string[];
}

function defaultKeyFile(env: Env, host: string): string {
  return join(pathsOf(env).sshDir, `id_ed25519_${host.replace(/[^A-Za-z0-9.-]/g, '_')}`);
}

export async function keygenForHost(env: Env, o: KeygenOptions): Promise<KeygenResult> {
  checkHost(o.host);
  const now = o.now ?? new Date();
  const keyFile = o.file ?? defaultKeyFile(env, o.host);
  if (!keyFile.startsWith('/'))
    throw new OnrampError({
      code: 'invalid-input',
      message: `the key file must be an absolute path: ${keyFile}`,
    });
  if (existsSync(keyFile) || existsSync(`${keyFile}.pub`))
    throw new OnrampError({
      code: 'invalid-input',
      message: `${keyFile} already exists; Onramp never overwrites a key`,
      hint: 'Pick another --file, or use the existing key (onramp ssh list).',
      file: keyFile,
    });
  const alt = o.port443 ? sshOver443(o.host) : undefined;
  if (o.port443 && !alt)
    throw new OnrampError({
      code: 'invalid-input',
      message: `${o.host} has no known ssh-over-443 endpoint`,
      hint: 'Use HTTPS with a token instead: onramp token add <host> --stdin',
    });
  const notes: string[] = [];
  const user = o.user ?? 'git';
  const comment = `onramp ${safe(userInfo().username)}@${safe(hostname())} for ${o.host}`;
  const key = await generateEd25519(env, comment, o.passphrase);

  const options: [string, string][] = [
    ...(alt
      ? ([
          ['HostName', alt.hostName],
          ['Port', String(alt.port)],
        ] as [string, string][])
      : []),
    ['User', user],
    ['IdentityFile', keyFile],
    ['IdentitiesOnly', 'yes'],
    ...(o.passphrase ? ([['AddKeysToAgent', 'yes']] as [string, string][]) : []),
  ];
  const places: Place[] = [
    { kind: 'key-file', detail: keyFile, ...(o.passphrase ? {} : { plaintext: true }) },
    { kind: 'ssh-config', detail: `${pathsOf(env).sshConfig}: Host ${o.host}` },
  ];
  const record: SshKeyRecord = {
    kind: 'ssh-key',
    host: o.host,
    account: user,
    keyFile,
    fingerprint: key.fingerprint,
    publicKey: key.publicKey,
    places,
    createdAt: now.toISOString(),
  };
  let passStore: SecretStore | undefined;
  if (o.passphrase && o.rememberPassphrase) {
    passStore = await chooseStore(env);
    const generation = newGeneration(now, randomBytes(3).toString('hex'));
    record.passphrase = { store: passStore.kind, generation };
    await passStore.set(passphraseSecretName(key.fingerprint, generation), o.passphrase);
  }
  const forgetPassphrase = async () => {
    if (passStore && record.passphrase)
      await passStore
        .delete(passphraseSecretName(key.fingerprint, record.passphrase.generation))
        .catch(() => false);
  };
  try {
    const steps: Step[] = [
      {
        kind: 'file-edit',
        file: keyFile,
        content: key.privateKey,
        mode: 0o600,
        forceMode: true,
        secrets: privateKeySecrets(key.privateKey),
      },
      { kind: 'file-edit', file: `${keyFile}.pub`, content: `${key.publicKey}\n`, mode: 0o644 },
      ...sshHostSteps(env, o.host, options),
    ];
    let agent: KeygenResult['agent'];
    const wantAgent = o.agent ?? true;
    if (wantAgent && !o.dryRun) {
      // Started before the plan so the record can say the key is in the agent.
      const access = await ensureAgent(env).catch((err: Error) => {
        notes.push(`no ssh agent: ${err.message}`);
        return undefined;
      });
      if (access) {
        agent = { ...access, added: false };
        places.push({ kind: 'agent', detail: access.socket });
      }
    }
    steps.push(inventoryStep(env, upsertRecord(loadInventory(env), record)));
    const plan = await buildPlan(`ssh keygen ${o.host}`, steps, env, { now });
    if (o.dryRun) {
      await forgetPassphrase();
      return { keyFile, publicKey: key.publicKey, fingerprint: key.fingerprint, plan, notes };
    }
    const applied = await applyPlan(plan, env);
    if (agent) {
      try {
        await addToAgent(env, agent.socket, keyFile, o.passphrase ?? '');
        agent.added = true;
      } catch (err) {
        notes.push((err as Error).message);
      }
    }
    if (o.passphrase && !agent?.added)
      notes.push(
        'The key has a passphrase and is not in an agent: go (BatchMode) cannot use it until you ssh-add it.',
      );
    return {
      keyFile,
      publicKey: key.publicKey,
      fingerprint: key.fingerprint,
      plan,
      journalId: applied.id,
      agent,
      notes,
    };
  } catch (err) {
    await forgetPassphrase();
    throw err;
  }
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');
