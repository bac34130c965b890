// The inventory: every secret Onramp manages, per host and account, and every place it is
// materialised. It holds no secret: only names of keychain items, files and config keys. It is
// a plan target like any dotfile (journaled, undoable), which is what makes a rotation undoable:
// each token lives in its own keychain item (`account#generation`), and undoing a change puts
// the inventory back on the generation that was current before.
import type { HostKind } from './host-kinds';

/** Where the secret itself is kept. */
export type StoreKind = 'keychain' | 'session' | 'file';

export type PlaceKind =
  | 'keychain'
  | 'session-cache'
  | 'file-store'
  | 'credential-helper'
  | 'goauth'
  | 'netrc'
  | 'agent'
  | 'ssh-config'
  | 'key-file'
  | 'known-hosts';

export interface Place {
  kind: PlaceKind;
  /** the item, file or config key, e.g. `credential.https://git.corp/.helper` */
  detail: string;
  /** the secret sits in clear text in a file (netrc, the opt-in file store, an unencrypted key) */
  plaintext?: boolean;
}

export interface Verification {
  at: string;
  ok: boolean;
  /** what proved it: `api`, `git ls-remote …`, `go mod download …`, `git (helper)` */
  how: string;
}

export interface TokenRecord {
  kind: 'token';
  host: string;
  /** the user name git sends with the token */
  account: string;
  /** who the host's API says owns the token (rotation keeps it) */
  login?: string;
  hostKind: HostKind;
  apiBase?: string;
  store: StoreKind;
  generation: string;
  places: Place[];
  createdAt: string;
  expiresAt?: string;
  expiryKnown?: boolean;
  scopes?: string[];
  tokenName?: string;
  /** what rotation fetches to prove the new token works */
  verify?: { repo?: string; module?: string };
  lastVerified?: Verification;
}

export interface SshKeyRecord {
  kind: 'ssh-key';
  host: string;
  /** the ssh user (git) */
  account: string;
  keyFile: string;
  fingerprint: string;
  publicKey: string;
  places: Place[];
  createdAt: string;
  /** kept only when the person opted in */
  passphrase?: { store: StoreKind; generation: string };
  uploaded?: { at: string; via: string };
  lastVerified?: Verification;
}

export type CredentialRecord = TokenRecord | SshKeyRecord;

export interface Inventory {
  version: 1;
  records: CredentialRecord[];
}

export const emptyInventory = (): Inventory => ({ version: 1, records: [] });

/** The keychain item (service, account) for a token generation. */
export function tokenSecretName(host: string, account: string, generation: string) {
  return { service: `onramp:token:${host}`, account: `${account}#${generation}` };
}

/** The keychain item for an ssh key's passphrase (opt-in). */
export function passphraseSecretName(fingerprint: string, generation: string) {
  return { service: 'onramp:ssh-passphrase', account: `${fingerprint}#${generation}` };
}

export function tokenRecords(inv: Inventory, host?: string, account?: string): TokenRecord[] {
  return inv.records.filter(
    (r): r is TokenRecord =>
      r.kind === 'token' &&
      (host === undefined || r.host === host) &&
      (account === undefined || r.account === account),
  );
}

export function sshKeyRecords(inv: Inventory, host?: string): SshKeyRecord[] {
  return inv.records.filter(
    (r): r is SshKeyRecord => r.kind === 'ssh-key' && (host === undefined || r.host === host),
  );
}

const sameRecord = (a: CredentialRecord, b: CredentialRecord) =>
  a.kind === b.kind &&
  a.host === b.host &&
  a.account === b.account &&
  (a.kind !== 'ssh-key' || b.kind !== 'ssh-key' || a.keyFile === b.keyFile);

/** The inventory with `rec` replacing its previous version (same kind, host, account, key). */
export function upsertRecord(inv: Inventory, rec: CredentialRecord): Inventory {
  const i = inv.records.findIndex((r) => sameRecord(r, rec));
  const records = [...inv.records];
  if (i >= 0) records[i] = rec;
  else records.push(rec);
  return { version: 1, records };
}

export function removeRecord(inv: Inventory, rec: CredentialRecord): Inventory {
  return { version: 1, records: inv.records.filter((r) => !sameRecord(r, rec)) };
}

/** Stable text (records sorted), so an unchanged inventory gives an unchanged file. */
export function serializeInventory(inv: Inventory): string {
  const key = (r: CredentialRecord) =>
    `${r.host}\0${r.kind}\0${r.account}\0${r.kind === 'ssh-key' ? r.keyFile : ''}`;
  const records = [...inv.records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return JSON.stringify({ version: 1, records }, null, 2) + '\n';
}

export function parseInventory(text: string): Inventory {
  if (text.trim() === '') return emptyInventory();
  const v = JSON.parse(text) as Partial<Inventory>;
  if (v.version !== 1 || !Array.isArray(v.records))
    throw new Error('not an Onramp credential inventory (version 1)');
  return { version: 1, records: v.records };
}

/** A new generation id: sortable by time, unique enough for one host and account. */
export function newGeneration(now: Date, random: string): string {
  return `${now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)}-${random}`;
}
