// `onramp ssh upload <host>`: give the host the public key through its API, with the token Onramp
// keeps for that host. Where the host has no API Onramp can use (or no token with the right
// scope), the answer is the public key and the page to paste it in (the UI shows a copy button).
import { detectHostKind, sshKeySettingsUrl } from '../../common/credentials/host-kinds';
import {
  sshKeyRecords,
  tokenRecords,
  tokenSecretName,
  upsertRecord,
} from '../../common/credentials/inventory-model';
import { OnrampError } from '../../common/errors';
import { applyPlan } from '../apply';
import type { Env } from '../paths';
import { buildPlan } from '../planner';
import { uploadSshKey } from './host-apis';
import { inventoryStep, loadInventory } from './inventory';
import { openStore } from './secret-store';
import { checkHost, hostApiFor } from './token-check';

export interface UploadResult {
  host: string;
  uploaded: boolean;
  publicKey: string;
  fingerprint: string;
  /** where to paste the key by hand, when it was not uploaded */
  settingsUrl?: string;
  message: string;
  journalId?: string;
}

export async function uploadKey(
  env: Env,
  o: { host: string; title?: string; now?: Date },
): Promise<UploadResult> {
  checkHost(o.host);
  const inv = loadInventory(env);
  const key = sshKeyRecords(inv, o.host).at(-1);
  if (!key)
    throw new OnrampError({
      code: 'not-found',
      message: `Onramp made no ssh key for ${o.host}`,
      hint: `Make one: onramp ssh keygen ${o.host}`,
    });
  const token = tokenRecords(inv, o.host)[0];
  const api = token ? hostApiFor(env, o.host, token.hostKind, token.apiBase) : undefined;
  const manual = (message: string): UploadResult => ({
    host: o.host,
    uploaded: false,
    publicKey: key.publicKey,
    fingerprint: key.fingerprint,
    settingsUrl: sshKeySettingsUrl(token?.hostKind ?? detectHostKind(o.host), o.host),
    message,
  });
  if (!token || !api)
    return manual(
      token
        ? `${o.host} has no API Onramp can use: add the public key in the host's settings.`
        : `Onramp has no token for ${o.host} to call its API with: add the public key in the host's settings.`,
    );
  const secret = await openStore(token.store, env).get(
    tokenSecretName(token.host, token.account, token.generation),
  );
  if (secret === null) return manual(`the token for ${o.host} is no longer in the ${token.store}`);
  const r = await uploadSshKey(
    api,
    secret,
    token.account,
    o.title ?? key.publicKey.split(' ').slice(2).join(' '),
    key.publicKey,
  );
  if (!r.ok) return manual(`${r.message}: add the public key in the host's settings instead.`);
  const now = (o.now ?? new Date()).toISOString();
  const plan = await buildPlan(
    `ssh upload ${o.host}`,
    [
      inventoryStep(
        env,
        upsertRecord(inv, { ...key, uploaded: { at: now, via: `${api.base} (${api.kind})` } }),
      ),
    ],
    env,
  );
  const applied = await applyPlan(plan, env);
  return {
    host: o.host,
    uploaded: true,
    publicKey: key.publicKey,
    fingerprint: key.fingerprint,
    message: `uploaded through the ${api.kind} API${r.id ? ` (key id ${r.id})` : ''}`,
    journalId: applied.id,
  };
}
