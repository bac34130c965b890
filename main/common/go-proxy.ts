// Where go fetches a module from, after go 1.19's cmd/go/internal/modfetch: proxyList and
// TryProxies (proxy.go), lookup (repo.go), useSumDB (sumdb.go), and the defaults in
// cmd/go/internal/cfg (GONOPROXY and GONOSUMDB fall back to GOPRIVATE when empty).
// The surprising parts, each checked against go 1.19:
//  - ',' falls back to the next entry only on 404/410; '|' on any error.
//  - "direct" and "off" end the list; later entries are ignored.
//  - one bad entry breaks every fetch, private modules included (proxyList fails as a whole).
//  - GOPROXY=off does not block a GONOPROXY-matched module: it is fetched directly.

import { goFields, goIsAbs, goTrimSpace } from './go-text';
import { goUrlString, parseGoUrl, toBytes } from './go-url';
import { matchPrefixPatterns } from './go-path-match';
import { parseGosumdb } from './go-sumdb';
import { redactSecrets } from './redact';

export const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';
export const DEFAULT_GOSUMDB = 'sum.golang.org';

export type GoproxyEntry =
  | {
      kind: 'proxy';
      /** The URL go uses (https:// added to a scheme-less host, as go does). */
      url: string;
      /** Which failures move on to the next entry: the separator after this entry. */
      fallback: 'on-not-found' | 'on-any-error';
      /** Whether go added "https://". */
      implicitScheme: boolean;
    }
  | { kind: 'direct' }
  | { kind: 'off' };

export interface GoproxyList {
  /** The value after go's default is applied (any password redacted: this is for display). */
  effective: string;
  entries: GoproxyEntry[];
  /** Entries after "direct" or "off", which go never reaches. */
  ignored: string[];
  /** Set when go rejects the list: every module fetch then fails with this message. */
  error?: string;
}

export interface GoproxyOptions {
  /** Judge absolute paths as Windows does (C:\dir, \\host\share). */
  windows?: boolean;
}

// newProxyRepo's checks on a proxy base URL; undefined when go accepts it.
function proxyUrlError(raw: string): string | undefined {
  const parsed = parseGoUrl(toBytes(raw));
  if (!parsed.ok) return parsed.error;
  const u = parsed.url;
  const shown = goUrlString(u, true);
  switch (u.scheme) {
    case 'http':
    case 'https':
      return undefined;
    case 'file': {
      const onlyPath =
        u.opaque === '' && !u.user && u.host === '' && !u.omitHost && !u.forceQuery && u.rawQuery === '';
      if (onlyPath && u.fragment === '' && u.rawFragment === '') return undefined;
      return `invalid file:// proxy URL with non-path elements: ${shown}`;
    }
    case '':
      return `invalid proxy URL missing scheme: ${shown}`;
    default:
      return `invalid proxy URL scheme (must be https, http, file): ${shown}`;
  }
}

/** GOPROXY as go 1.19's proxyList reads it (without the implicit GONOPROXY step). */
export function parseGoproxy(value: string, opts: GoproxyOptions = {}): GoproxyList {
  const raw = value === '' ? DEFAULT_GOPROXY : value;
  const effective = redactSecrets(raw);
  const entries: GoproxyEntry[] = [];
  const ignored: string[] = [];
  let rest = raw;
  let stopped = false;
  while (rest !== '') {
    let url: string;
    let fallBackOnError = false;
    const i = rest.search(/[,|]/);
    if (i >= 0) {
      url = rest.slice(0, i);
      fallBackOnError = rest[i] === '|';
      rest = rest.slice(i + 1);
    } else {
      url = rest;
      rest = '';
    }
    url = goTrimSpace(url);
    if (url === '') continue;
    if (stopped) {
      // Go stops reading here; we keep the rest only to tell the user it is unused.
      ignored.push(redactSecrets(url));
      continue;
    }
    if (url === 'off' || url === 'direct') {
      entries.push({ kind: url });
      stopped = true;
      continue;
    }
    // Single words are reserved for built-in behaviours; anything with ":/" or an absolute
    // path must be a complete URL; everything else gets an implicit https://.
    let implicitScheme = false;
    // (path.IsAbs is a leading '/'; filepath.IsAbs depends on the OS.)
    const absolute = url.startsWith('/') || goIsAbs(url, opts.windows);
    if (/[.:/]/.test(url) && !url.includes(':/') && !absolute) {
      url = `https://${url}`;
      implicitScheme = true;
    }
    const error = proxyUrlError(url);
    // Go prints the password in some of these messages; we never show it.
    if (error !== undefined) return { effective, entries, ignored, error: redactSecrets(error) };
    entries.push({
      kind: 'proxy',
      url: redactSecrets(url),
      fallback: fallBackOnError ? 'on-any-error' : 'on-not-found',
      implicitScheme,
    });
  }
  if (entries.length === 0) {
    return {
      effective,
      entries,
      ignored,
      error: 'GOPROXY list is not the empty string, but contains no entries',
    };
  }
  return { effective, entries, ignored };
}

/** The variables that decide a module's route; empty or absent means unset (go's default). */
export interface GoRoutingEnv {
  GOPRIVATE?: string;
  GONOPROXY?: string;
  GONOSUMDB?: string;
  GOPROXY?: string;
  GOSUMDB?: string;
  GOINSECURE?: string;
  GOFLAGS?: string;
  GO111MODULE?: string;
}

export type RouteSource = GoproxyEntry;

export interface ModuleRoute {
  modulePath: string;
  /** Matched by GOPRIVATE. */
  private: boolean;
  /** Matched by GONOPROXY (or GOPRIVATE when GONOPROXY is unset): fetched directly. */
  proxyBypassed: boolean;
  /** Checked against the checksum database (GOSUMDB != off and GONOSUMDB does not match). */
  sumdbChecked: boolean;
  /** Matched by GOINSECURE: a direct fetch may use plain HTTP or skip TLS verification. */
  insecure: boolean;
  /** What go tries, in order. Empty when go fails before trying anything (see error). */
  sources: RouteSource[];
  /** Set when go cannot fetch this module at all, with go's message. */
  error?: string;
  notes: string[];
  /** The values go uses after its defaults (GOPROXY and GOSUMDB with any password redacted). */
  effective: { GOPROXY: string; GONOPROXY: string; GONOSUMDB: string; GOSUMDB: string };
}

/** What go does to fetch modulePath under env. */
export function routeModule(env: GoRoutingEnv, modulePath: string, opts: GoproxyOptions = {}): ModuleRoute {
  const goprivate = env.GOPRIVATE ?? '';
  const effective = {
    GOPROXY: env.GOPROXY || DEFAULT_GOPROXY,
    GONOPROXY: env.GONOPROXY || goprivate,
    GONOSUMDB: env.GONOSUMDB || goprivate,
    GOSUMDB: env.GOSUMDB || DEFAULT_GOSUMDB,
  };
  const notes: string[] = [];
  const isPrivate = matchPrefixPatterns(goprivate, modulePath);
  const proxyBypassed = matchPrefixPatterns(effective.GONOPROXY, modulePath);
  const sumdbChecked = effective.GOSUMDB !== 'off' && !matchPrefixPatterns(effective.GONOSUMDB, modulePath);
  const insecure = matchPrefixPatterns(env.GOINSECURE ?? '', modulePath);
  const route: ModuleRoute = {
    modulePath,
    private: isPrivate,
    proxyBypassed,
    sumdbChecked,
    insecure,
    sources: [],
    notes,
    effective: {
      ...effective,
      GOPROXY: redactSecrets(effective.GOPROXY),
      GOSUMDB: redactSecrets(effective.GOSUMDB),
    },
  };

  const mode = env.GO111MODULE ?? '';
  if (mode === 'off') {
    notes.push(
      'GO111MODULE=off: go runs in GOPATH mode and fetches with git directly; GOPROXY and GOPRIVATE are not used.',
    );
  } else if (!['', 'on', 'auto'].includes(mode)) {
    route.error = `unknown environment setting GO111MODULE=${mode}`;
    return route;
  }
  const flags = goFields(env.GOFLAGS ?? '');
  if (flags.some((f) => /^--?mod=vendor$/.test(f))) {
    notes.push(
      'GOFLAGS has -mod=vendor: go build, test and list read vendor/ and never download; go mod download still does.',
    );
  }

  const list = parseGoproxy(effective.GOPROXY, opts);
  if (list.error !== undefined) {
    // proxyList fails as a whole, before GONOPROXY is consulted.
    route.error = list.error;
    if (proxyBypassed)
      notes.push('GOPRIVATE/GONOPROXY matches, but a broken GOPROXY breaks direct fetches too.');
    return route;
  }
  if (list.ignored.length > 0) {
    notes.push(`GOPROXY entries after "direct"/"off" are never used: ${list.ignored.join(', ')}.`);
  }

  if (proxyBypassed) {
    // proxyList starts with "noproxy" (lookupDirect for matched paths); later proxies answer
    // "disabled by GOPRIVATE/GONOPROXY", which counts as not-found, and "off" is never reached.
    route.sources = [{ kind: 'direct' }];
    if (list.entries.some((e) => e.kind === 'off')) {
      notes.push(
        'GOPROXY=off does not block this module: GONOPROXY/GOPRIVATE matches it, so go fetches it directly.',
      );
    }
  } else {
    route.sources = list.entries;
    if (isPrivate) {
      notes.push(
        'GOPRIVATE matches, but GONOPROXY is set and does not, so go asks the proxy for this module.',
      );
    }
    if (list.entries[0]?.kind === 'off') {
      notes.push(
        'GOPROXY=off: go fails with "module lookup disabled by GOPROXY=off" unless the module is cached.',
      );
    }
  }

  if (insecure && !route.sources.some((s) => s.kind === 'direct')) {
    notes.push('GOINSECURE matches but has no effect: it only applies when go fetches the module directly.');
  }
  if (sumdbChecked) {
    const db = parseGosumdb(effective.GOSUMDB);
    if (db.kind === 'invalid') notes.push(`Checksum verification will fail: ${db.error}.`);
    if (isPrivate)
      notes.push('GOPRIVATE matches, but GONOSUMDB is set and does not, so go checks the checksum database.');
    else if (insecure)
      notes.push('GOINSECURE does not skip the checksum database; GONOSUMDB or GOPRIVATE does.');
  }
  return route;
}
