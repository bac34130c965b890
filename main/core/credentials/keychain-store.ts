// The OS keychain through @napi-rs/keyring (macOS Keychain, Windows Credential Manager, Linux
// Secret Service over D-Bus). Chosen over keytar, which is archived (atom/node-keytar, 2022):
// @napi-rs/keyring is maintained, wraps the keyring-rs crate, is N-API (one binary for Node and
// Electron, no rebuild per Electron version) and ships prebuilt binaries inside npm packages,
// so `npm ci` needs no compiler and no download outside the registry.
//
// On Linux the binding silently falls back to the kernel keyutils store when no Secret Service
// answers; Onramp pins the Secret Service so that never happens: no keychain is reported as
// such (keychainStatus) and the person chooses what to do instead (secret-store.ts).
//
// The keychain belongs to the login session, not to a HOME: the binding reaches it through this
// process's environment (DBUS_SESSION_BUS_ADDRESS on Linux), and git passes that variable on to
// Onramp's credential helper, which therefore reads the same keychain. libdbus reads the address
// once per process, at the first keychain call: set it before, never change it after.
import { AsyncEntry, findCredentialsAsync, type EntryOptions } from '@napi-rs/keyring';
import { OnrampError } from '../../common/errors';
import type { SecretName, SecretStore } from './secret-store-types';

const options: EntryOptions | undefined =
  process.platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined;

// A keychain that must prompt (locked collection, no agent to show the prompt) can hang.
const TIMEOUT_MS = 10_000;

export function keychainLabel(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service (D-Bus)';
}

function failure(action: string, err: unknown): OnrampError {
  // The binding's messages name the platform error, never the secret.
  const why = err instanceof Error ? err.message : String(err);
  return new OnrampError({
    code: 'io',
    message: `the ${keychainLabel()} refused to ${action}: ${why}`,
    hint: 'Unlock your keyring (log in to the desktop session) and retry.',
  });
}

const entry = (n: SecretName) => new AsyncEntry(n.service, n.account, options);

export type KeychainStatus = { available: true; label: string } | { available: false; reason: string };

/**
 * Whether the keychain can keep a secret: a probe item is written, read back and deleted. Reading
 * alone is not enough: a Secret Service started by D-Bus activation with no unlocked keyring
 * answers reads (nothing found) but cannot store anything.
 */
export async function keychainStatus(): Promise<KeychainStatus> {
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS)
    return {
      available: false,
      reason:
        'there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret Service: a headless or SSH login has none',
    };
  const probe = entry({ service: 'onramp:probe', account: 'probe' });
  try {
    await probe.setPassword('probe', AbortSignal.timeout(TIMEOUT_MS));
    const back = await probe.getPassword(AbortSignal.timeout(TIMEOUT_MS));
    await probe.deleteCredential(AbortSignal.timeout(TIMEOUT_MS));
    if (back !== 'probe')
      return { available: false, reason: 'the keychain did not give back what was stored' };
    return { available: true, label: keychainLabel() };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const reason = /ServiceUnknown|was not provided by any \.service|not activatable/i.test(why)
      ? 'no Secret Service answers on the session bus (no gnome-keyring, KWallet or KeePassXC running)'
      : /no result found|locked/i.test(why)
        ? 'the Secret Service has no unlocked keyring to store into (log in to a desktop session, or unlock one)'
        : why;
    return { available: false, reason };
  }
}

export function keychainStore(): SecretStore {
  return {
    kind: 'keychain',
    label: keychainLabel(),
    async get(n) {
      try {
        return await entry(n).getPassword(AbortSignal.timeout(TIMEOUT_MS));
      } catch (err) {
        throw failure('read an item', err);
      }
    },
    async set(n, secret) {
      try {
        await entry(n).setPassword(secret, AbortSignal.timeout(TIMEOUT_MS));
      } catch (err) {
        throw failure('store an item', err);
      }
    },
    async delete(n) {
      try {
        return await entry(n).deleteCredential(AbortSignal.timeout(TIMEOUT_MS));
      } catch (err) {
        throw failure('delete an item', err);
      }
    },
    async list(service) {
      try {
        const found = await findCredentialsAsync(service, undefined, AbortSignal.timeout(TIMEOUT_MS));
        return found.map((c) => c.account);
      } catch (err) {
        throw failure('list items', err);
      }
    },
  };
}
