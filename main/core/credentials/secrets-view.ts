// `onramp secrets`: every secret Onramp manages, per host and account, with where it is
// materialised and whether each place still holds it (checked live, never printed), when it
// was created, when it expires, when it last worked. Also what Onramp does not manage but a
// person should know: tokens written inside URLs (insteadOf, GOPROXY) and keychain items no
// record points at any more.
import { existsSync } from 'node:fs';
import {
  passphraseSecretName,
  tokenSecretName,
  type CredentialRecord,
  type Place,
  type StoreKind,
  type Verification,
} from '../../common/credentials/inventory-model';
import { expiryProblem, type CredentialProblem } from '../../common/credentials/token-info';
import { goLookup, goNetrcEntries } from '../../common/netrc';
import { redactSecrets } from '../../common/redact';
import { readGitConfig } from '../git-config-reader';
import { homeOf, pathsOf, type Env } from '../paths';
import { readTextIfExists } from '../requests/read-text';
import { readSshAgent } from '../ssh-agent';
import { helperPath } from './git-helper-config';
import { latest, loadInventory, readSeen } from './inventory';
import { keychainStatus, type KeychainStatus } from './keychain-store';
import { readGoFacts } from './materialise';
import { openStore, readStoreSettings } from './secret-store';

export interface PlaceCheck extends Place {
  /** null: cannot be checked from here */
  present: boolean | null;
}

export interface SecretRow {
  kind: 'token' | 'ssh-key' | 'passphrase';
  host: string;
  account: string;
  store?: StoreKind;
  places: PlaceCheck[];
  createdAt: string;
  expiresAt?: string;
  lastVerified?: Verification;
  scopes?: string[];
  fingerprint?: string;
  problems: CredentialProblem[];
}

export interface SecretsView {
  defaultStore: 'keychain' | 'file';
  keychain: KeychainStatus;
  rows: SecretRow[];
  /** keychain items under Onramp's services that no record points at (left by an undo) */
  orphans: { service: string; account: string }[];
  /** credentials Onramp found in clear where it does not put them */
  leaks: { where: string; detail: string }[];
}

async function storeHas(
  kind: StoreKind,
  env: Env,
  name: { service: string; account: string },
): Promise<boolean | null> {
  try {
    return (await openStore(kind, env).get(name)) !== null;
  } catch {
    return null;
  }
}

export async function secretsView(env: Env, now = new Date()): Promise<SecretsView> {
  const inv = loadInventory(env);
  const keychain = await keychainStatus();
  const [config, facts, agent] = await Promise.all([
    readGitConfig(env).catch(() => undefined),
    readGoFacts(env),
    readSshAgent(env),
  ]);
  const netrc = goNetrcEntries(readTextIfExists(pathsOf(env).netrc));
  const helper = (() => {
    try {
      return helperPath(env);
    } catch {
      return undefined;
    }
  })();
  const helpersFor = (host: string) =>
    (config?.summary.credentialHelpers ?? [])
      .filter((h) => h.urlScope === `https://${host}`)
      .map((h) => h.helper);
  const sshConfigText = readTextIfExists(pathsOf(env).sshConfig);

  const check = async (r: CredentialRecord, p: Place): Promise<boolean | null> => {
    switch (p.kind) {
      case 'keychain':
      case 'session-cache':
      case 'file-store':
        if (r.kind !== 'token') return null;
        return storeHas(r.store, env, tokenSecretName(r.host, r.account, r.generation));
      case 'credential-helper':
        return helper !== undefined && helpersFor(r.host).includes(helper);
      case 'netrc':
        return goLookup(netrc, r.host)?.login === r.account;
      case 'goauth':
        return facts.goauth.split(';').some((e) => e.trim() === `git ${homeOf(env)}`);
      case 'key-file':
        return existsSync(p.detail);
      case 'agent':
        return r.kind === 'ssh-key' ? agent.keys.some((k) => k.fingerprint === r.fingerprint) : null;
      case 'ssh-config':
        return sshConfigText.includes(`# >>> onramp managed: ${r.host}`);
      default:
        return null;
    }
  };

  const rows: SecretRow[] = [];
  for (const r of inv.records) {
    const places = await Promise.all(r.places.map(async (p) => ({ ...p, present: await check(r, p) })));
    const problems: CredentialProblem[] = [];
    for (const p of places)
      if (p.present === false)
        problems.push({
          severity: 'warning',
          code: 'unverified',
          message: `no longer in ${p.kind}: ${p.detail}`,
        });
    if (r.kind === 'token') {
      const seen = await readSeen(env, r.host, r.account, r.generation);
      const lastVerified = latest(r.lastVerified, seen);
      const exp = expiryProblem(r.expiresAt, now);
      if (exp) problems.push(exp);
      if (lastVerified && !lastVerified.ok)
        problems.push({
          severity: 'warning',
          code: 'rejected',
          message: `last use failed: ${lastVerified.how}`,
          hint: `onramp rotate ${r.host} --stdin`,
        });
      rows.push({
        kind: 'token',
        host: r.host,
        account: r.account,
        store: r.store,
        places,
        createdAt: r.createdAt,
        ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}),
        ...(lastVerified ? { lastVerified } : {}),
        ...(r.scopes ? { scopes: r.scopes } : {}),
        problems,
      });
    } else {
      rows.push({
        kind: 'ssh-key',
        host: r.host,
        account: r.account,
        places,
        createdAt: r.createdAt,
        fingerprint: r.fingerprint,
        ...(r.lastVerified ? { lastVerified: r.lastVerified } : {}),
        problems,
      });
      if (r.passphrase) {
        const name = passphraseSecretName(r.fingerprint, r.passphrase.generation);
        rows.push({
          kind: 'passphrase',
          host: r.host,
          account: r.account,
          store: r.passphrase.store,
          places: [
            {
              kind:
                r.passphrase.store === 'keychain'
                  ? 'keychain'
                  : r.passphrase.store === 'session'
                    ? 'session-cache'
                    : 'file-store',
              detail: `${name.service} / ${name.account}`,
              present: await storeHas(r.passphrase.store, env, name),
            },
          ],
          createdAt: r.createdAt,
          fingerprint: r.fingerprint,
          problems: [],
        });
      }
    }
  }

  const orphans: SecretsView['orphans'] = [];
  if (keychain.available) {
    const store = openStore('keychain', env);
    for (const host of new Set(inv.records.filter((r) => r.kind === 'token').map((r) => r.host))) {
      const service = `onramp:token:${host}`;
      const known = new Set(
        inv.records.flatMap((r) =>
          r.kind === 'token' && r.host === host ? [`${r.account}#${r.generation}`] : [],
        ),
      );
      for (const account of await store.list(service).catch(() => []))
        if (!known.has(account)) orphans.push({ service, account });
    }
  }

  const leaks: SecretsView['leaks'] = [];
  for (const rule of config?.summary.insteadOf ?? [])
    if (rule.base !== rule.baseDisplay)
      leaks.push({
        where: `git config ${rule.file ?? rule.scope}`,
        detail: `url.${rule.baseDisplay}.insteadOf holds a password in the URL`,
      });
  if (/:\/\/[^/@\s]*:[^@\s]*@/.test(facts.goproxy))
    leaks.push({
      where: 'go env GOPROXY',
      detail: `${redactSecrets(facts.goproxy)} holds a password in the URL`,
    });

  return {
    defaultStore: readStoreSettings(env).store === 'file' ? 'file' : 'keychain',
    keychain,
    rows,
    orphans,
    leaks,
  };
}
