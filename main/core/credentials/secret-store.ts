// Which store holds a new secret. The OS keychain by default; when there is none, Onramp says so
// and stops: the person picks a keyring, this session only, or the remembered opt-in to a 0600
// file. Nothing ever falls back to plain text on its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreKind } from '../../common/credentials/inventory-model';
import { OnrampError } from '../../common/errors';
import type { FileEditStep } from '../../common/plan';
import type { Env } from '../paths';
import { credentialsDir, fileStore } from './file-store';
import { keychainStatus, keychainStore } from './keychain-store';
import type { SecretStore } from './secret-store-types';
import { sessionStore } from './session-store';

export type { SecretName, SecretStore } from './secret-store-types';

export const storeSettingsPath = (env: Env) => join(credentialsDir(env), 'settings.json');

export interface StoreSettings {
  version: 1;
  /** the remembered choice; absent: the keychain */
  store?: 'file';
  optedInAt?: string;
}

export function readStoreSettings(env: Env): StoreSettings {
  try {
    return JSON.parse(readFileSync(storeSettingsPath(env), 'utf8')) as StoreSettings;
  } catch {
    return { version: 1 };
  }
}

/** The plan step that remembers (or forgets) the opt-in to the file store. */
export function storeSettingsStep(env: Env, store: 'keychain' | 'file', now = new Date()): FileEditStep {
  const s: StoreSettings =
    store === 'file' ? { version: 1, store: 'file', optedInAt: now.toISOString() } : { version: 1 };
  return {
    kind: 'file-edit',
    file: storeSettingsPath(env),
    content: JSON.stringify(s, null, 2) + '\n',
    mode: 0o600,
  };
}

/** The store that holds an existing record's secret (no availability check: reading tells). */
export function openStore(kind: StoreKind, env: Env): SecretStore {
  if (kind === 'keychain') return keychainStore();
  if (kind === 'session') return sessionStore(env);
  return fileStore(env);
}

export function noKeychainError(reason: string): OnrampError {
  return new OnrampError({
    code: 'tool-missing',
    message: `No OS keychain is available: ${reason}. Onramp does not put a secret in a plain file unless you choose that.`,
    hint: [
      'Choose one:',
      '  1. start a keyring in this session: run `dbus-run-session -- $SHELL`, then in that shell',
      '     `read -rs PW; printf %s "$PW" | gnome-keyring-daemon --unlock --components=secrets` and retry;',
      '  2. keep it for this session only (memory, 8 h, git credential-cache): add `--store session`;',
      '  3. remember an opt-in to a 0600 file in Onramp’s data dir: `onramp secrets store file --confirm`.',
    ].join('\n'),
  });
}

/**
 * The store for a new secret: `requested` when given ('file' only after the remembered
 * opt-in), else the remembered choice, else the keychain, which must answer.
 */
export async function chooseStore(env: Env, requested?: StoreKind): Promise<SecretStore> {
  const settings = readStoreSettings(env);
  if (requested === 'session') return sessionStore(env);
  if (requested === 'file' || (requested === undefined && settings.store === 'file')) {
    if (settings.store !== 'file')
      throw new OnrampError({
        code: 'invalid-input',
        message: 'the file store holds secrets in plain text and needs a remembered opt-in',
        hint: 'Run `onramp secrets store file --confirm` first, or use the keychain.',
      });
    return fileStore(env);
  }
  const status = await keychainStatus();
  if (!status.available) throw noKeychainError(status.reason);
  return keychainStore();
}
