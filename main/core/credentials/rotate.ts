// `onramp rotate`: replace a host's token without a moment in which nothing works.
//   1. check the new token with the host (same owner as the old one, scopes, expiry);
//   2. store it as a new generation (the old item stays where it is);
//   3. stage it everywhere the old one is materialised, in ONE journaled plan: the inventory
//      record now points at the new generation (so the helper serves it), netrc gets it;
//   4. verify with a real fetch: `go mod download` of a module on the host with a fresh module
//      cache (or `git ls-remote` of a repo when no module is known);
//   5a. failure: undo that plan (journaled too) and delete the new item; the old token was never
//       touched and keeps working;
//   5b. success: revoke the old token through the API where the host allows it (else say where
//       to do it), `git credential reject` it so other helpers drop their copies, delete its item.
// Undoing the rotation's journal entry before the old token is revoked returns to it.
import { randomBytes } from 'node:crypto';
import {
  newGeneration,
  tokenRecords,
  tokenSecretName,
  upsertRecord,
  type TokenRecord,
} from '../../common/credentials/inventory-model';
import type { CredentialProblem } from '../../common/credentials/token-info';
import { OnrampError } from '../../common/errors';
import { applyPlan } from '../apply';
import type { Env } from '../paths';
import { buildPlan } from '../planner';
import { netrcSteps } from '../requests/netrc';
import { undo } from '../undo';
import { runVerification, type StepResult } from '../verify/runner';
import { rejectInOtherHelpers } from './git-helper-config';
import { inventoryStep, loadInventory } from './inventory';
import { introspectToken, revokeToken, type Revocation } from './host-apis';
import { openStore } from './secret-store';
import { storePlace } from './token-add';
import { checkHost, checkToken, checkWithApi, hostApiFor, repoPathFor } from './token-check';

export interface RotateOptions {
  host: string;
  account?: string;
  token: string;
  module?: string;
  repo?: string;
  /** false: leave the old token alive (it is still deleted from the store) */
  revoke?: boolean;
  now?: Date;
}

export interface RotateResult {
  ok: boolean;
  host: string;
  account: string;
  /** the journal entry of the staging plan (undone when verification failed) */
  journalId: string;
  verification: { ok: boolean; how: string; lines: string[] };
  rolledBack?: { undoId: string };
  revocation?: Revocation & { confirmed?: boolean };
  problems: CredentialProblem[];
}

function pickRecord(env: Env, host: string, account?: string): TokenRecord {
  const found = tokenRecords(loadInventory(env), host, account);
  if (found.length === 0)
    throw new OnrampError({
      code: 'not-found',
      message: `Onramp manages no token for ${account ? `${account}@` : ''}${host}`,
      hint: `Add one first: onramp token add ${host} --stdin`,
    });
  if (found.length > 1)
    throw new OnrampError({
      code: 'usage',
      message: `${host} has tokens for ${found.map((r) => r.account).join(', ')}`,
      hint: 'Say which with --account.',
    });
  return found[0] as TokenRecord;
}

export async function rotateToken(env: Env, o: RotateOptions): Promise<RotateResult> {
  checkHost(o.host);
  checkToken(o.token);
  const now = o.now ?? new Date();
  const old = pickRecord(env, o.host, o.account);
  const module = o.module ?? old.verify?.module;
  const repo = repoPathFor(o.host, o.repo ?? old.verify?.repo, module);
  if (!module && !repo)
    throw new OnrampError({
      code: 'usage',
      message: `rotation verifies the new token with a real fetch, and no module or repo on ${o.host} is known`,
      hint: 'Give --module host/path@version (or --repo path).',
    });
  const store = openStore(old.store, env);
  const oldItem = tokenSecretName(old.host, old.account, old.generation);
  const oldToken = await store.get(oldItem).catch(() => null);
  if (oldToken === o.token)
    throw new OnrampError({ code: 'invalid-input', message: 'the new token is the one Onramp already has' });

  const api = hostApiFor(env, old.host, old.hostKind, old.apiBase);
  const problems: CredentialProblem[] = [];
  let info;
  if (api) {
    const c = await checkWithApi(api, o.token, now, old.account);
    problems.push(...c.problems);
    info = c.info;
    if (info && old.login && info.login !== old.login)
      problems.push({
        severity: 'error',
        code: 'wrong-account',
        message: `the new token belongs to ${info.login}, the old one to ${old.login}`,
      });
    if (problems.some((p) => p.severity === 'error'))
      throw new OnrampError({
        code: 'invalid-input',
        message: `not rotating ${old.host}: ${problems
          .filter((p) => p.severity === 'error')
          .map((p) => p.message)
          .join('; ')}`,
        hint: 'Nothing was changed; the old token keeps working.',
      });
  }

  const generation = newGeneration(now, randomBytes(3).toString('hex'));
  const item = tokenSecretName(old.host, old.account, generation);
  await store.set(item, o.token);
  const record: TokenRecord = {
    ...old,
    generation,
    createdAt: now.toISOString(),
    places: old.places.map((p) =>
      p.kind === 'keychain' || p.kind === 'session-cache' || p.kind === 'file-store'
        ? storePlace(store, item.service, item.account)
        : p,
    ),
    verify: { ...(repo ? { repo } : {}), ...(module ? { module } : {}) },
  };
  delete record.lastVerified;
  delete record.expiresAt;
  if (info?.expiresAt) record.expiresAt = info.expiresAt;
  if (info?.scopes) record.scopes = info.scopes;
  if (info?.tokenName) record.tokenName = info.tokenName;

  let journalId: string;
  try {
    const steps = [
      ...(old.places.some((p) => p.kind === 'netrc')
        ? netrcSteps(env, old.host, { login: old.account, password: o.token })
        : []),
      inventoryStep(env, upsertRecord(loadInventory(env), record)),
    ];
    const plan = await buildPlan(`rotate token ${old.account}@${old.host}`, steps, env, { now });
    journalId = (await applyPlan(plan, env)).id;
  } catch (err) {
    await store.delete(item).catch(() => undefined);
    throw err;
  }

  const secrets = [o.token, ...(oldToken ? [oldToken] : [])];
  const verification = await verifyFetch(env, old.host, module, repo, secrets);
  if (!verification.ok) {
    const u = await undo(env, { id: journalId });
    await store.delete(item).catch(() => undefined);
    return {
      ok: false,
      host: old.host,
      account: old.account,
      journalId,
      verification,
      rolledBack: { undoId: u.id },
      problems,
    };
  }

  let revocation: RotateResult['revocation'];
  if (oldToken && api && o.revoke !== false) {
    const r = await revokeToken(api, oldToken, old.tokenName);
    const after = r.revoked
      ? await introspectToken(api, oldToken, old.account).catch(() => undefined)
      : undefined;
    revocation = { ...r, ...(after ? { confirmed: !after.ok } : {}) };
  } else if (o.revoke !== false) {
    revocation = {
      revoked: false,
      manual: `${old.host} has no API Onramp can use: revoke the old token in the host's settings.`,
    };
  }
  if (oldToken)
    await rejectInOtherHelpers(env, { host: old.host, username: old.account, password: oldToken });
  await store.delete(oldItem).catch(() => undefined);
  return { ok: true, host: old.host, account: old.account, journalId, verification, revocation, problems };
}

async function verifyFetch(
  env: Env,
  host: string,
  module: string | undefined,
  repo: string | undefined,
  secrets: string[],
): Promise<RotateResult['verification']> {
  const step = module
    ? ({ kind: 'go-mod-download', module } as const)
    : ({ kind: 'git-ls-remote', url: `https://${host}/${repo}.git` } as const);
  const r = await runVerification([step], { env, secrets, freshModCache: true, timeoutMs: 120_000 });
  const s = r.steps[0] as StepResult | undefined;
  return { ok: r.ok, how: s?.title ?? step.kind, lines: (s?.lines ?? []).slice(-20) };
}
