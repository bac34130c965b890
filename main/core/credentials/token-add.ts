// `onramp token add`: check the token with the host (API, or git for a generic host), report
// missing scopes and expiry before anything is stored, put it in the chosen store under a new
// generation, then materialise it through one journaled plan (helper config, GOAUTH or netrc,
// and the inventory record that points at the generation). Until that plan is applied the
// stored item is referenced by nothing; if anything fails it is deleted again.
import { randomBytes } from 'node:crypto';
import { detectHostKind, type HostKind } from '../../common/credentials/host-kinds';
import {
  newGeneration,
  tokenRecords,
  tokenSecretName,
  upsertRecord,
  type Place,
  type StoreKind,
  type TokenRecord,
} from '../../common/credentials/inventory-model';
import type { CredentialProblem } from '../../common/credentials/token-info';
import { OnrampError } from '../../common/errors';
import { applyPlan } from '../apply';
import type { Env } from '../paths';
import { buildPlan, type BuiltPlan } from '../planner';
import { inventoryStep, loadInventory } from './inventory';
import { goRequestsNeedAuth, readGoFacts, tokenPlacement } from './materialise';
import { chooseStore, type SecretStore } from './secret-store';
import { checkHost, checkToken, checkWithApi, checkWithGit, hostApiFor, repoPathFor } from './token-check';

export interface AddTokenOptions {
  host: string;
  token: string;
  account?: string;
  kind?: HostKind;
  apiBase?: string;
  store?: StoreKind;
  /** auto: only where go < 1.24 needs it for this host */
  netrc?: 'auto' | 'always' | 'never';
  /** a repo on the host (acme/lib) for the git check and later verifications */
  repo?: string;
  /** a module on the host (host/path@version): probes discovery, and rotation downloads it */
  module?: string;
  dryRun?: boolean;
  now?: Date;
}

export interface AddTokenResult {
  record: TokenRecord;
  plan: BuiltPlan;
  journalId?: string;
  problems: CredentialProblem[];
  notes: string[];
  checkedWith: string[];
  storeLabel: string;
}

function refuse(problems: CredentialProblem[], host: string): OnrampError {
  const errors = problems.filter((p) => p.severity === 'error');
  return new OnrampError({
    code: 'invalid-input',
    message: `not storing the token for ${host}: ${errors.map((p) => p.message).join('; ')}`,
    hint: errors.find((p) => p.hint)?.hint,
  });
}

export async function addToken(env: Env, o: AddTokenOptions): Promise<AddTokenResult> {
  checkHost(o.host);
  checkToken(o.token);
  const now = o.now ?? new Date();
  const kind = o.kind ?? detectHostKind(o.host);
  const inv = loadInventory(env);
  if (o.account && tokenRecords(inv, o.host, o.account).length > 0)
    throw new OnrampError({
      code: 'invalid-input',
      message: `Onramp already manages a token for ${o.account}@${o.host}`,
      hint: `Replace it with \`onramp rotate ${o.host} --stdin\`, or remove it first.`,
    });
  const store = await chooseStore(env, o.store);
  const api = hostApiFor(env, o.host, kind, o.apiBase);
  const repo = repoPathFor(o.host, o.repo, o.module);
  const checkedWith: string[] = [];
  const problems: CredentialProblem[] = [];
  let info;
  if (api) {
    const c = await checkWithApi(api, o.token, now, o.account);
    checkedWith.push(c.via);
    problems.push(...c.problems);
    info = c.info;
  } else if (!repo) {
    throw new OnrampError({
      code: 'usage',
      message: `${o.host} has no known API to check the token with`,
      hint: 'Give --repo <path> (a repository the token can read) so Onramp checks it with git ls-remote, or --kind github|gitlab|gitea|bitbucket.',
    });
  }
  if (problems.some((p) => p.severity === 'error')) throw refuse(problems, o.host);
  const account = o.account ?? info?.login;
  if (!account)
    throw new OnrampError({
      code: 'usage',
      message: 'give --account: the user name git sends with the token',
    });
  if (tokenRecords(inv, o.host, account).length > 0)
    throw new OnrampError({
      code: 'invalid-input',
      message: `Onramp already manages a token for ${account}@${o.host}`,
      hint: `Replace it with \`onramp rotate ${o.host} --stdin\`.`,
    });

  const generation = newGeneration(now, randomBytes(3).toString('hex'));
  const item = tokenSecretName(o.host, account, generation);
  await store.set(item, o.token);
  try {
    let verified: TokenRecord['lastVerified'];
    if (repo && (!api || info?.scopes === undefined)) {
      const g = await checkWithGit(env, repo, { host: o.host, account, store: store.kind, generation }, [
        o.token,
      ]);
      checkedWith.push(g.via);
      if (!g.ok)
        throw new OnrampError({
          code: 'invalid-input',
          message: `not storing the token for ${o.host}: ${g.via} failed: ${g.output || 'no output'}`,
          hint: 'Check the token, its account (--account) and that it can read that repository.',
        });
      verified = { at: now.toISOString(), ok: true, how: g.via };
    } else if (api && info) verified = { at: now.toISOString(), ok: true, how: checkedWith[0] ?? 'api' };

    const facts = await readGoFacts(env);
    const need =
      o.netrc === 'always'
        ? { needed: true, reasons: ['--netrc'] }
        : o.netrc === 'never'
          ? { needed: false, reasons: [] }
          : await goRequestsNeedAuth(env, o.host, facts, o.module);
    const placement = await tokenPlacement(env, {
      host: o.host,
      account,
      token: o.token,
      facts,
      netrc: need.needed,
    });
    const record: TokenRecord = {
      kind: 'token',
      host: o.host,
      account,
      hostKind: kind,
      ...(api ? { apiBase: api.base } : {}),
      store: store.kind,
      generation,
      places: [storePlace(store, item.service, item.account), ...placement.places],
      createdAt: now.toISOString(),
      ...(info?.expiresAt ? { expiresAt: info.expiresAt } : {}),
      ...(info ? { expiryKnown: info.expiryKnown, login: info.login } : {}),
      ...(info?.scopes ? { scopes: info.scopes } : {}),
      ...(info?.tokenName ? { tokenName: info.tokenName } : {}),
      ...(repo || o.module
        ? { verify: { ...(repo ? { repo } : {}), ...(o.module ? { module: o.module } : {}) } }
        : {}),
      ...(verified ? { lastVerified: verified } : {}),
    };
    const notes = [...placement.notes, ...need.reasons.map((r) => `netrc needed: ${r}`)];
    const steps = [...placement.steps, inventoryStep(env, upsertRecord(inv, record))];
    const plan = await buildPlan(`token add ${account}@${o.host}`, steps, env, { now });
    if (o.dryRun) {
      await store.delete(item);
      return { record, plan, problems, notes, checkedWith, storeLabel: store.label };
    }
    const applied = await applyPlan(plan, env);
    return { record, plan, journalId: applied.id, problems, notes, checkedWith, storeLabel: store.label };
  } catch (err) {
    await store.delete(item).catch(() => undefined);
    throw err;
  }
}

export function storePlace(store: SecretStore, service: string, account: string): Place {
  const kind =
    store.kind === 'keychain' ? 'keychain' : store.kind === 'session' ? 'session-cache' : 'file-store';
  return {
    kind,
    detail: `${store.label}: ${service} / ${account}`,
    ...(store.kind === 'file' ? { plaintext: true } : {}),
  };
}
