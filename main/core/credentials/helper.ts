// Onramp's git credential helper (bin/git-credential-onramp.mjs runs it): git asks it for the
// credential of an https URL, it answers from the store the inventory names, so the token never
// sits in a file git reads. Protocol: gitcredentials(7) "CUSTOM HELPERS".
//   get    print username and password for protocol=https and a host Onramp manages
//   store  git reports the credential worked: stamp "last verified" (nothing is stored: the
//          token is already where it belongs, and a credential from elsewhere is not adopted)
//   erase  git reports the server rejected it: stamp the failure but keep the token. A 401 can be
//          transient (SSO re-authorisation, a proxy), and deleting would lose the only copy;
//          `onramp token remove` deletes, `onramp secrets` shows the failure.
// Never prints a secret anywhere but stdout to git, and only for https.
import { formatCredentialReply, parseCredentialRequest } from '../../common/credentials/credential-protocol';
import {
  tokenRecords,
  tokenSecretName,
  type StoreKind,
  type TokenRecord,
} from '../../common/credentials/inventory-model';
import type { Env } from '../paths';
import { loadInventory, writeSeen } from './inventory';
import { openStore } from './secret-store';

/**
 * A token not yet in the inventory (validation before storing): `host account store
 * generation`, separated by spaces. It names a keychain item; it never holds the secret.
 */
export const HELPER_OVERRIDE_ENV = 'ONRAMP_CREDENTIAL_OVERRIDE';

export interface HelperOverride {
  host: string;
  account: string;
  store: StoreKind;
  generation: string;
}

export function formatOverride(o: HelperOverride): string {
  return [o.host, o.account, o.store, o.generation].join(' ');
}

function parseOverride(text: string | undefined): HelperOverride | undefined {
  const [host, account, store, generation] = (text ?? '').split(' ');
  if (!host || !account || !generation || !(store === 'keychain' || store === 'session' || store === 'file'))
    return undefined;
  return { host, account, store, generation };
}

export interface HelperOutput {
  stdout: string;
  stderr: string;
}

type Candidate = Pick<TokenRecord, 'host' | 'account' | 'store' | 'generation'>;

function candidates(env: Env, host: string, username: string | undefined): Candidate[] {
  const override = parseOverride(env[HELPER_OVERRIDE_ENV]);
  const found: Candidate[] =
    override !== undefined
      ? override.host === host
        ? [override]
        : []
      : tokenRecords(loadInventory(env), host);
  return username === undefined ? found : found.filter((c) => c.account === username);
}

export async function credentialHelper(op: string, input: string, env: Env): Promise<HelperOutput> {
  const none = { stdout: '', stderr: '' };
  if (op !== 'get' && op !== 'store' && op !== 'erase') return none;
  const req = parseCredentialRequest(input);
  // Tokens go only over TLS; `http` and ssh-ish protocols get nothing.
  if (req.protocol !== 'https' || !req.host) return none;
  let c: Candidate | undefined;
  try {
    c = candidates(env, req.host, req.username)[0];
  } catch (err) {
    return { stdout: '', stderr: `onramp: ${(err as Error).message}\n` };
  }
  if (!c) return none;
  const store = openStore(c.store, env);
  const name = tokenSecretName(c.host, c.account, c.generation);
  let secret: string | null;
  try {
    secret = await store.get(name);
  } catch (err) {
    return op === 'get' ? { stdout: '', stderr: `onramp: ${(err as Error).message}\n` } : none;
  }
  if (op === 'get') {
    if (secret === null)
      return {
        stdout: '',
        stderr: `onramp: the token for ${c.account}@${c.host} is no longer in the ${store.label}; add it again with \`onramp token add ${c.host} --stdin\`\n`,
      };
    return { stdout: formatCredentialReply({ username: c.account, password: secret }), stderr: '' };
  }
  if (secret !== null && req.password === secret && parseOverride(env[HELPER_OVERRIDE_ENV]) === undefined) {
    await writeSeen(env, c.host, c.account, c.generation, {
      at: new Date().toISOString(),
      ok: op === 'store',
      how:
        op === 'store'
          ? 'git accepted it (credential helper)'
          : 'git reported it rejected (credential helper)',
    }).catch(() => undefined);
  }
  return none;
}

/** The helper as a process: operation from argv, request from stdin. */
export async function runHelperProcess(argv: readonly string[]): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const out = await credentialHelper(argv.at(-1) ?? '', Buffer.concat(chunks).toString('utf8'), process.env);
  if (out.stderr) process.stderr.write(out.stderr);
  if (out.stdout) process.stdout.write(out.stdout);
  return 0;
}
