// Onboarding's credential step through the credentials service (main/core/credentials/), the
// product's rule: git's HTTPS credential comes from Onramp's own git credential helper (token in
// the OS keychain or the store the person chose); a managed ~/.netrc entry is written only where
// go < 1.24's own requests need auth (a host whose ?go-get=1 discovery needs credentials, or an
// authenticated company GOPROXY); go ≥ 1.24 gets GOAUTH=git instead.
//
// The FILES (helper config, netrc, GOAUTH, the inventory record) are plan steps, so they stay in
// the one journaled onboarding change. The keychain item is not a file: it is returned as a
// pending secret and written by applyProfile just before the plan is applied (see
// pending-secrets.ts), exactly as `token add` stores first and materialises second.
//
// No keychain (no D-Bus session, no Secret Service, no opt-in to another store): today's managed
// netrc entry for every host, and the plan notes say so; never silently.
import { randomBytes } from 'node:crypto';
import type { HostKind } from '../../common/credentials/host-kinds';
import {
  newGeneration,
  tokenRecords,
  tokenSecretName,
  upsertRecord,
  type TokenRecord,
} from '../../common/credentials/inventory-model';
import { OnrampError } from '../../common/errors';
import { supportsGoauth } from '../../common/go-version';
import { goLookup, goNetrcEntries, parseNetrc, setNetrcMachine } from '../../common/netrc';
import type { Step } from '../../common/plan';
import type { Profile } from '../../common/profile/schema';
import { webHostOf, type NetrcNeed } from '../../common/profile/settings';
import { inventoryStep, loadInventory } from '../credentials/inventory';
import { readGoFacts, tokenPlacement } from '../credentials/materialise';
import { chooseStore, openStore, readStoreSettings, type SecretStore } from '../credentials/secret-store';
import { checkWithApi, hostApiFor, repoPathFor } from '../credentials/token-check';
import { storePlace } from '../credentials/token-add';
import { pathsOf, type Env } from '../paths';
import { readTextIfExists } from '../requests/read-text';
import { netrcCredentialStep, TOKEN_PLACEHOLDER, type CredentialInput } from './credentials';
import type { PendingSecret } from './pending-secrets';

export interface ServiceCredentialPlan {
  steps: Step[];
  done: string[];
  todo: string[];
  needs: string[];
  notes: string[];
  secrets: string[];
  /** keychain items applyProfile writes just before the plan (never during planning) */
  pending: PendingSecret[];
}

export interface CredentialContext {
  profile: Profile;
  /** `module@version` list: a module on a host names the repo `git ls-remote` checks */
  testModules: readonly string[];
  /** the CA certificates the plan installs, by host */
  ca: readonly { host: string; pem: string }[];
  placeholders: boolean;
}

type StoreChoice = { store: SecretStore } | { why: string };

/** The store for new tokens, or why there is none git's helper could read from. */
async function storeFor(env: Env): Promise<StoreChoice> {
  // The helper runs as a child of git with THIS env: a bus only this process sees is no use.
  if (
    process.platform === 'linux' &&
    readStoreSettings(env).store !== 'file' &&
    !env.DBUS_SESSION_BUS_ADDRESS
  )
    return {
      why: 'there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret Service for git’s credential helper',
    };
  try {
    return { store: await chooseStore(env) };
  } catch (err) {
    if (err instanceof OnrampError && err.code === 'tool-missing') return { why: err.message };
    throw err;
  }
}

/** Whether go's OWN requests to the host need the token (go < 1.24 reads only netrc for them). */
export function goNeedsToken(profile: Profile, host: string): string | undefined {
  if (profile.hosts.some((h) => webHostOf(h) === host && h.discoveryNeedsAuth))
    return 'go’s ?go-get=1 discovery needs it';
  if (profile.goproxy?.auth && new URL(profile.goproxy.url).hostname === host)
    return 'the company GOPROXY needs it';
  return undefined;
}

function fallback(
  env: Env,
  needs: readonly NetrcNeed[],
  input: CredentialInput,
  placeholders: boolean,
  why: string,
): ServiceCredentialPlan {
  const c = netrcCredentialStep(env, needs, input, placeholders);
  return {
    steps: c.step ? [c.step] : [],
    done: c.done,
    todo: c.todo,
    needs: c.needs,
    secrets: c.secrets,
    pending: [],
    notes: [
      `No OS keychain: ${why.split('\n')[0]} Onramp falls back to a managed ~/.netrc entry (0600, plain text) for ${needs.map((n) => n.host).join(', ')} instead of its git credential helper. Run onboarding again from a desktop session (or after \`onramp secrets store file --confirm\`) to keep the token out of ~/.netrc where go does not need it.`,
    ],
  };
}

function missing(need: NetrcNeed, token: string | undefined, login: string | undefined): string[] {
  const out: string[] = [];
  const scopes = need.tokenScopes?.length ? ` with scopes ${need.tokenScopes.join(', ')}` : '';
  const where = need.tokenCreateUrl ? ` (create one at ${need.tokenCreateUrl})` : '';
  if (token === undefined)
    out.push(`a token for ${need.host}${scopes}${where}: ${need.why}; pass it on stdin with --token-stdin`);
  if (login === undefined) out.push(`the user name for ${need.host}: pass --login`);
  return out;
}

/** The credentials service's host kind (GitHub Enterprise speaks GitHub's API). */
function credKind(profile: Profile, host: string): HostKind {
  const k = profile.hosts.find((h) => webHostOf(h) === host)?.kind ?? 'generic';
  return k === 'github-enterprise' ? 'github' : k;
}

/** The token's owner and scopes from the host's API, when the profile names one (like `token add`). */
async function apiCheck(env: Env, profile: Profile, host: string, token: string, login: string) {
  const h = profile.hosts.find((x) => webHostOf(x) === host);
  if (!h?.apiUrl || h.kind === 'generic') return undefined;
  const api = hostApiFor(env, host, credKind(profile, host), h.apiUrl);
  if (!api) return undefined;
  const c = await checkWithApi(api, token, new Date(), login);
  const errors = c.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new OnrampError({
      code: 'invalid-input',
      message: `nothing was applied; the token for ${host} failed ${c.via}: ${errors.map((p) => p.message).join('; ')}`,
      hint: errors.find((p) => p.hint)?.hint ?? 'Check the token and its scopes, then run again.',
    });
  return { ...c, api };
}

export async function serviceCredentialPart(
  env: Env,
  needs: readonly NetrcNeed[],
  input: CredentialInput,
  ctx: CredentialContext,
): Promise<ServiceCredentialPlan> {
  const out: ServiceCredentialPlan = {
    steps: [],
    done: [],
    todo: [],
    needs: [],
    notes: [],
    secrets: [],
    pending: [],
  };
  if (needs.length === 0) return out;
  const choice = await storeFor(env);
  if (!('store' in choice)) return fallback(env, needs, input, ctx.placeholders, choice.why);
  const store = choice.store;
  const now = new Date();
  const facts = await readGoFacts(env);
  const netrcFile = pathsOf(env).netrc;
  const netrcBefore = readTextIfExists(netrcFile);
  let netrc = netrcBefore;
  let inv = loadInventory(env);
  const invBefore = inv;
  for (const need of needs) {
    const given = input.perHost?.[need.host] ?? input.token;
    const login = need.login ?? input.login;
    const existing = tokenRecords(inv, need.host, login)[0];
    if (existing) {
      const held = await openStore(existing.store, env)
        .get(tokenSecretName(existing.host, existing.account, existing.generation))
        .catch(() => null);
      if (given === undefined || given === held) {
        out.done.push(
          `Onramp's credential helper serves ${need.host} (login ${existing.account}, token in ${existing.store})`,
        );
        continue;
      }
      out.needs.push(
        `Onramp already manages another token for ${existing.account}@${need.host}: replace it with \`onramp rotate ${need.host} --stdin\``,
      );
      continue;
    }
    const old = goLookup(goNetrcEntries(netrc), need.host);
    if (given === undefined && old?.password) {
      // Onboarded before the keychain rule: go on working, say how to move the token.
      out.done.push(`~/.netrc has a credential for ${need.host} (login ${old.login ?? '?'})`);
      out.notes.push(
        `~/.netrc holds a plain-text token for ${need.host}; run onboarding again with --token-stdin to move it into ${store.label}.`,
      );
      continue;
    }
    const token = given ?? (ctx.placeholders ? TOKEN_PLACEHOLDER : undefined);
    if (token === undefined || login === undefined) {
      out.needs.push(...missing(need, token, login));
      continue;
    }
    const real = token !== TOKEN_PLACEHOLDER;
    const checked = real ? await apiCheck(env, ctx.profile, need.host, token, login) : undefined;
    const goWhy = goNeedsToken(ctx.profile, need.host);
    const placement = await tokenPlacement(env, {
      host: need.host,
      account: login,
      token,
      facts,
      netrc: false,
    });
    const generation = newGeneration(now, randomBytes(3).toString('hex'));
    const item = tokenSecretName(need.host, login, generation);
    const places = [storePlace(store, item.service, item.account), ...placement.places];
    // netrc lines are merged here, not by materialise's per-host step: several hosts would each
    // rewrite the file from what is on disk and the last one would win.
    const useNetrc = goWhy !== undefined && !supportsGoauth(facts.version);
    if (useNetrc) {
      netrc = setNetrcMachine(parseNetrc(netrc, netrcFile), { host: need.host, login, password: token }).text;
      places.push({ kind: 'netrc', detail: `${netrcFile}: machine ${need.host}`, plaintext: true });
      out.notes.push(
        `go ${facts.version?.raw ?? '(unknown version)'} reads only ~/.netrc for its own requests to ${need.host} (${goWhy}): the token is also written there (0600, plain text).`,
      );
    }
    const module = ctx.testModules.find((m) => m.startsWith(`${need.host}/`));
    const repo = repoPathFor(need.host, undefined, module);
    const info = checked?.info;
    const caPem = ctx.ca.find((c) => c.host === need.host)?.pem;
    const record: TokenRecord = {
      kind: 'token',
      host: need.host,
      account: login,
      hostKind: credKind(ctx.profile, need.host),
      ...(checked ? { apiBase: checked.api.base } : {}),
      store: store.kind,
      generation,
      places,
      createdAt: now.toISOString(),
      ...(info?.expiresAt ? { expiresAt: info.expiresAt } : {}),
      ...(info ? { expiryKnown: info.expiryKnown, login: info.login } : {}),
      ...(info?.scopes ? { scopes: info.scopes } : {}),
      ...(repo || module ? { verify: { ...(repo ? { repo } : {}), ...(module ? { module } : {}) } } : {}),
      ...(info ? { lastVerified: { at: now.toISOString(), ok: true, how: checked?.via ?? 'api' } } : {}),
    };
    inv = upsertRecord(inv, record);
    out.steps.push(...placement.steps);
    out.notes.push(...placement.notes);
    if (real) {
      out.secrets.push(token);
      out.pending.push({
        store,
        name: item,
        token,
        host: need.host,
        account: login,
        generation,
        // The API already vouched for it; otherwise git ls-remote through the helper does.
        ...(repo && !info ? { repo } : {}),
        ...(caPem ? { caPem } : {}),
      });
    }
    out.todo.push(
      `git credential helper for ${need.host} (login ${login}): token in ${store.label}; ` +
        (useNetrc
          ? `~/.netrc too, because ${goWhy}`
          : supportsGoauth(facts.version) && goWhy
            ? `go asks the helper through GOAUTH`
            : 'not in ~/.netrc (go does not need it)'),
    );
  }
  if (netrc !== netrcBefore)
    out.steps.push({
      kind: 'file-edit',
      file: netrcFile,
      content: netrc,
      mode: 0o600,
      secrets: [...out.secrets, TOKEN_PLACEHOLDER],
    });
  if (inv !== invBefore) out.steps.push(inventoryStep(env, inv));
  return out;
}
