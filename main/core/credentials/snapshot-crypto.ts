// Encryption at rest for journal snapshots that hold secrets (a netrc, a private key): AES-256-GCM
// with a random 32-byte key kept in the OS keychain (created on first use), so a copy of the
// data dir alone reveals nothing. Not wired in yet: main/core/journal.ts owns snapshots.
// Hook (journal.ts):
//   writeSnapshot: const { data } = await sealSnapshot(target file, content); write `data`, and
//                  verify by `openSnapshot(await readFile(path))` equalling `content`;
//   readSnapshot:  const content = await openSnapshot(await readFile(...)) before the sha256 check
//                  (before.sha256 stays the plaintext's, so nothing else changes).
// Without a keychain the snapshot stays as today (0600 in a 0700 dir) and `sealed` says so: a
// key Onramp cannot keep would make the journal unreadable, which is worse.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { OnrampError } from '../../common/errors';
import { keychainStatus, keychainStore } from './keychain-store';

const MAGIC = Buffer.from('ONRAMP-SEALED-1\n', 'latin1');
const KEY_NAME = { service: 'onramp:journal', account: 'snapshot-key' };

export function isSealed(data: Buffer): boolean {
  return data.length >= MAGIC.length + 28 && data.subarray(0, MAGIC.length).equals(MAGIC);
}

/** Whether a snapshot of this file holds secrets: netrc files, private keys, secret stores. */
export function holdsSecrets(file: string, content: Buffer): boolean {
  const name = basename(file);
  if (name === '.netrc' || name === '_netrc' || name === 'secrets.json') return true;
  const head = content.subarray(0, 4096).toString('latin1');
  return /-----BEGIN (OPENSSH |RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----|^\s*machine\s+\S+.*\bpassword\s/m.test(
    head,
  );
}

async function key(create: boolean): Promise<Buffer | undefined> {
  const store = keychainStore();
  const existing = await store.get(KEY_NAME);
  if (existing) return Buffer.from(existing, 'base64');
  if (!create) return undefined;
  const k = randomBytes(32);
  await store.set(KEY_NAME, k.toString('base64'));
  return k;
}

/** The bytes to store for a snapshot: sealed when it holds secrets and a keychain answers. */
export async function sealSnapshot(
  file: string,
  content: Buffer,
): Promise<{ data: Buffer; sealed: boolean }> {
  if (!holdsSecrets(file, content) || !(await keychainStatus()).available)
    return { data: content, sealed: false };
  const k = await key(true);
  if (!k) return { data: content, sealed: false };
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', k, iv);
  const body = Buffer.concat([c.update(content), c.final()]);
  return { data: Buffer.concat([MAGIC, iv, c.getAuthTag(), body]), sealed: true };
}

/** The snapshot's plaintext (unsealed snapshots pass through unchanged). */
export async function openSnapshot(data: Buffer): Promise<Buffer> {
  if (!isSealed(data)) return data;
  const k = await key(false).catch(() => undefined);
  if (!k)
    throw new OnrampError({
      code: 'io',
      message: 'this journal snapshot is encrypted and its key is not in the keychain',
      hint: 'Unlock the keychain Onramp used when it made the change, then retry.',
    });
  const iv = data.subarray(MAGIC.length, MAGIC.length + 12);
  const tag = data.subarray(MAGIC.length + 12, MAGIC.length + 28);
  const d = createDecipheriv('aes-256-gcm', k, iv);
  d.setAuthTag(tag);
  try {
    return Buffer.concat([d.update(data.subarray(MAGIC.length + 28)), d.final()]);
  } catch {
    throw new OnrampError({
      code: 'io',
      message: 'an encrypted journal snapshot failed its integrity check',
    });
  }
}
