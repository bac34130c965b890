// `onramp token remove`: erase every copy of a host's token. First `git credential reject` with
// the token, so every helper git is configured with erases its copy (store, cache,
// osxkeychain…); then one journaled plan takes the helper config, the netrc entry, GOAUTH and
// the inventory record away; last, every keychain item for that host and account is deleted,
// including generations an undone change left behind.
import {
  removeRecord,
  tokenRecords,
  tokenSecretName,
  type TokenRecord,
} from '../../common/credentials/inventory-model';
import { OnrampError } from '../../common/errors';
import { applyPlan } from '../apply';
import type { Env } from '../paths';
import { buildPlan, type BuiltPlan } from '../planner';
import { rejectInOtherHelpers } from './git-helper-config';
import { inventoryStep, loadInventory } from './inventory';
import { readGoFacts, removalSteps } from './materialise';
import { openStore } from './secret-store';
import { checkHost } from './token-check';

export interface RemoveTokenResult {
  removed: { host: string; account: string }[];
  plan: BuiltPlan;
  journalId?: string;
  /** keychain items deleted (generations) */
  deletedItems: number;
  notes: string[];
}

export async function removeToken(
  env: Env,
  o: { host: string; account?: string; dryRun?: boolean },
): Promise<RemoveTokenResult> {
  checkHost(o.host);
  let inv = loadInventory(env);
  const records = tokenRecords(inv, o.host, o.account);
  if (records.length === 0)
    throw new OnrampError({
      code: 'not-found',
      message: `Onramp manages no token for ${o.account ? `${o.account}@` : ''}${o.host}`,
      hint: 'See `onramp secrets` for what Onramp manages.',
    });
  const notes: string[] = [];
  const secrets = new Map<TokenRecord, string | null>();
  for (const r of records) {
    const secret = await openStore(r.store, env)
      .get(tokenSecretName(r.host, r.account, r.generation))
      .catch(() => null);
    secrets.set(r, secret);
  }
  const facts = await readGoFacts(env);
  const steps = [];
  for (const r of records) {
    inv = removeRecord(inv, r);
    steps.push(
      ...(await removalSteps(env, {
        host: r.host,
        places: r.places,
        otherTokensOnHost: tokenRecords(inv, r.host).length,
        otherTokens: tokenRecords(inv).length,
        facts,
      })),
    );
  }
  steps.push(inventoryStep(env, inv));
  const plan = await buildPlan(`token remove ${o.account ? `${o.account}@` : ''}${o.host}`, steps, env);
  const removed = records.map((r) => ({ host: r.host, account: r.account }));
  if (o.dryRun) return { removed, plan, deletedItems: 0, notes };

  for (const [r, secret] of secrets) {
    if (secret === null) continue;
    const rej = await rejectInOtherHelpers(env, { host: r.host, username: r.account, password: secret });
    if (rej.code !== 0) notes.push(`git credential reject for ${r.host} exited ${rej.code}`);
  }
  const applied = await applyPlan(plan, env);
  let deletedItems = 0;
  for (const r of records) {
    const store = openStore(r.store, env);
    const service = tokenSecretName(r.host, r.account, r.generation).service;
    const accounts = new Set([`${r.account}#${r.generation}`]);
    for (const a of await store.list(service).catch(() => []))
      if (a.startsWith(`${r.account}#`)) accounts.add(a);
    for (const account of accounts)
      if (await store.delete({ service, account }).catch(() => false)) deletedItems++;
  }
  return { removed, plan, journalId: applied.id, deletedItems, notes };
}
