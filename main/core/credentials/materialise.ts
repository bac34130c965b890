// Where a token must be materialised so both git and go find it, and no more:
//  - always: Onramp's credential helper for https://HOST (the token stays in the store);
//  - go ≥ 1.24: GOAUTH gains `git $HOME`, so go's own requests ask the same helper;
//  - go < 1.24, only when go's own requests to the host need credentials (?go-get=1 discovery
//    answers 401/403 anonymously, or GOPROXY is on that host): a ~/.netrc entry, written the
//    way Go's parser reads it and marked plaintext in the inventory. go < 1.24 reads nothing
//    else for those requests (design notes, "What the real tools do").
// Never a token in a URL: no insteadOf with userinfo, no GOPROXY with userinfo.
import type { Place } from '../../common/credentials/inventory-model';
import { goauthWithGit, goauthWithoutGit } from '../../common/credentials/goauth-edit';
import type { GoVersion } from '../../common/go-version';
import { parseGoVersion, supportsGoauth } from '../../common/go-version';
import { OnrampError } from '../../common/errors';
import type { Step } from '../../common/plan';
import { httpGet } from '../doctor/http-get';
import { homeOf, pathsOf, type Env } from '../paths';
import { goEnvSteps } from '../requests/go-env';
import { globalGitConfigFile } from '../requests/git-config';
import { netrcSteps } from '../requests/netrc';
import { baseToolEnv, runTool } from '../tool-runner';
import { apiCaFiles } from './host-api-client';
import { helperConfigSteps, helperKey, helperPath, helperRemovalSteps } from './git-helper-config';

export interface GoFacts {
  version?: GoVersion;
  goproxy: string;
  goauth: string;
}

export async function readGoFacts(env: Env): Promise<GoFacts> {
  const r = await runTool('go', ['env', '-json', 'GOVERSION', 'GOPROXY', 'GOAUTH'], {
    env: baseToolEnv(env),
    timeoutMs: 20_000,
  }).catch(() => undefined);
  if (!r || r.code !== 0) return { goproxy: '', goauth: '' };
  const v = JSON.parse(r.stdout) as Record<string, string | undefined>;
  return { version: parseGoVersion(v.GOVERSION ?? ''), goproxy: v.GOPROXY ?? '', goauth: v.GOAUTH ?? '' };
}

export interface NetrcNeed {
  needed: boolean;
  reasons: string[];
}

/** Whether go's own HTTPS requests to `host` need credentials (go < 1.24 reads only netrc for them). */
export async function goRequestsNeedAuth(
  env: Env,
  host: string,
  facts: GoFacts,
  module?: string,
): Promise<NetrcNeed> {
  const reasons: string[] = [];
  for (const entry of facts.goproxy.split(/[,|]/)) {
    try {
      if (new URL(entry.trim()).host === host) reasons.push(`GOPROXY ${entry.trim()} is on ${host}`);
    } catch {
      /* direct, off */
    }
  }
  if (module) {
    const path = module.split('@')[0] as string;
    if (path.split('/')[0] === host) {
      const url = `https://${path}?go-get=1`;
      const a = await httpGet(url, { caFiles: apiCaFiles(env), timeoutMs: 15_000 });
      if (a.status === 401 || a.status === 403)
        reasons.push(`${url} answers ${a.status} without credentials`);
    }
  }
  return { needed: reasons.length > 0, reasons };
}

export interface Placement {
  steps: Step[];
  places: Place[];
  notes: string[];
}

/** Steps and places for a token; `netrc` is the decision made with goRequestsNeedAuth. */
export async function tokenPlacement(
  env: Env,
  o: { host: string; account: string; token: string; facts: GoFacts; netrc: boolean },
): Promise<Placement> {
  const steps: Step[] = [...helperConfigSteps(env, o.host)];
  const places: Place[] = [
    {
      kind: 'credential-helper',
      detail: `${helperKey(o.host)} = ${helperPath(env)} in ${globalGitConfigFile(env)}`,
    },
  ];
  const notes: string[] = [];
  if (supportsGoauth(o.facts.version)) {
    const next = goauthWithGit(o.facts.goauth, homeOf(env));
    if (next !== undefined) steps.push(...(await goEnvSteps(env, [{ key: 'GOAUTH', value: next }], [])));
    places.push({ kind: 'goauth', detail: `GOAUTH git ${homeOf(env)} (go's own requests use the helper)` });
  } else if (o.netrc) {
    steps.push(...netrcSteps(env, o.host, { login: o.account, password: o.token }));
    places.push({ kind: 'netrc', detail: `${pathsOf(env).netrc}: machine ${o.host}`, plaintext: true });
    notes.push(
      `go ${o.facts.version?.raw ?? '(unknown version)'} reads only ~/.netrc for its own requests to ${o.host}: the token is also written there (0600, plain text).`,
    );
  }
  return { steps, places, notes };
}

/** Steps that take a token's places away again (the store item is deleted separately). */
export async function removalSteps(
  env: Env,
  o: { host: string; places: Place[]; otherTokensOnHost: number; otherTokens: number; facts: GoFacts },
): Promise<Step[]> {
  const steps: Step[] = [];
  if (o.otherTokensOnHost === 0) steps.push(...helperRemovalSteps(env, o.host));
  if (o.places.some((p) => p.kind === 'netrc')) steps.push(...netrcRemoval(env, o.host));
  if (o.otherTokens === 0 && o.places.some((p) => p.kind === 'goauth')) {
    const next = goauthWithoutGit(o.facts.goauth, homeOf(env));
    if (next !== undefined) steps.push(...(await goEnvSteps(env, [{ key: 'GOAUTH', value: next }], [])));
  }
  return steps;
}

function netrcRemoval(env: Env, host: string): Step[] {
  try {
    return netrcSteps(env, host, null);
  } catch (err) {
    if (err instanceof OnrampError && err.code === 'not-found') return []; // already gone
    throw err;
  }
}
