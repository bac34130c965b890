// The environment variables the go command and Go programs read, go 1.13–1.25, from `go help
// environment` and internal/cfg.KnownEnv of each release. A misspelled variable is the
// quietest way to break private modules: go ignores names it does not know, in the OS
// environment and in the go env file alike, so GONOSUMCHECK=… simply does nothing.

/**
 * config: read from the OS environment, then the go env file (cfg.KnownEnv).
 * os-only: read from the OS environment only (GOENV names the file itself).
 * computed: reported by `go env`, derived by go; setting it has no effect.
 * runtime: read by compiled Go programs, not by the go command's configuration.
 * build: used when building Go itself.
 */
export type GoVarKind = 'config' | 'os-only' | 'computed' | 'runtime' | 'build';

export interface GoVarInfo {
  name: string;
  kind: GoVarKind;
  /** First go 1.x minor release that knows it (0: before 1.13, the oldest we model). */
  since: number;
  /** Last release that knew it, if it was removed. */
  until?: number;
  /** Whether `go env -w` accepts it (config variables it refuses say so). */
  writable: boolean;
}

const v = (name: string, kind: GoVarKind, since = 0, extra: Partial<GoVarInfo> = {}): GoVarInfo => ({
  name,
  kind,
  since,
  writable: kind === 'config',
  ...extra,
});

const cgoFlagVars = ['CFLAGS', 'CPPFLAGS', 'CXXFLAGS', 'FFLAGS', 'LDFLAGS'].flatMap((f) =>
  ['', '_ALLOW', '_DISALLOW'].map((s) => v(`CGO_${f}${s}`, 'config')),
);

export const GO_VARS: readonly GoVarInfo[] = [
  // module routing and fetching
  v('GO111MODULE', 'config'),
  v('GOPROXY', 'config'),
  v('GOSUMDB', 'config', 13),
  v('GOPRIVATE', 'config', 13),
  v('GONOPROXY', 'config', 13),
  v('GONOSUMDB', 'config', 13),
  v('GOINSECURE', 'config', 14),
  v('GOVCS', 'config', 16),
  v('GOAUTH', 'config', 24),
  v('GOFLAGS', 'config'),
  v('GOMODCACHE', 'config', 15),
  v('GOTOOLCHAIN', 'config', 21),
  v('GOWORK', 'config', 18, { writable: false }), // read from the env file, refused by go env -w (1.19)
  v('GIT_ALLOW_PROTOCOL', 'os-only'),
  // general
  v('GOARCH', 'config'),
  v('GOOS', 'config'),
  v('GOBIN', 'config'),
  v('GOCACHE', 'config'),
  v('GOCACHEPROG', 'config', 24),
  v('GOENV', 'os-only', 13),
  v('GOEXPERIMENT', 'config', 16),
  v('GOFIPS140', 'config', 24),
  v('GOPATH', 'config'),
  v('GOROOT', 'config'),
  v('GOTMPDIR', 'config'),
  v('GCCGO', 'config'),
  v('GCCGOTOOLDIR', 'os-only'),
  v('GO_EXTLINK_ENABLED', 'config'),
  // cgo
  v('AR', 'config'),
  v('CC', 'config'),
  v('CXX', 'config'),
  v('FC', 'config'),
  v('PKG_CONFIG', 'config'),
  v('CGO_ENABLED', 'config'),
  ...cgoFlagVars,
  // architecture
  v('GO386', 'config'),
  v('GOAMD64', 'config', 18),
  v('GOARM', 'config'),
  v('GOARM64', 'config', 23),
  v('GOMIPS', 'config'),
  v('GOMIPS64', 'config'),
  v('GOPPC64', 'config'),
  v('GORISCV64', 'config', 23),
  v('GOWASM', 'config'),
  // computed by go env
  v('GOEXE', 'computed'),
  v('GOGCCFLAGS', 'computed'),
  v('GOHOSTARCH', 'computed'),
  v('GOHOSTOS', 'computed'),
  v('GOMOD', 'computed'),
  v('GOTOOLDIR', 'computed'),
  v('GOVERSION', 'computed', 16),
  v('GOTELEMETRY', 'computed', 23),
  v('GOTELEMETRYDIR', 'computed', 23),
  // read by Go programs
  v('GODEBUG', 'runtime'),
  v('GOGC', 'runtime'),
  v('GOMAXPROCS', 'runtime'),
  v('GOMEMLIMIT', 'runtime', 19),
  v('GOTRACEBACK', 'runtime'),
  v('GORACE', 'runtime'),
  v('GOCOVERDIR', 'runtime', 20),
  // building Go itself
  v('GOROOT_BOOTSTRAP', 'build'),
  v('GOROOT_FINAL', 'build', 0, { until: 22 }),
];

const byName = new Map(GO_VARS.map((info) => [info.name, info]));

/** Names people write that go never read, with what they meant. */
const knownMistakes: Record<string, string> = {
  GONOSUMCHECK: 'GONOSUMDB', // widespread in blog posts and CI files; never existed
  GONOSUMCHECKS: 'GONOSUMDB',
  GONOVERIFY: 'GONOSUMDB', // the name in the pre-1.13 notary design
  GOSUMCHECK: 'GOSUMDB',
  GOPROXIES: 'GOPROXY',
  GONOPROXIES: 'GONOPROXY',
  GOMODULE: 'GO111MODULE',
  GOMODULES: 'GO111MODULE',
  GOCACHEDIR: 'GOCACHE',
  GOTMP: 'GOTMPDIR',
  GOMODCACHEDIR: 'GOMODCACHE',
};

export function goVarInfo(name: string): GoVarInfo | undefined {
  return byName.get(name);
}

/** Whether name is exactly (case-sensitively) a variable some go release reads or reports. */
export function isKnownGoVar(name: string): boolean {
  return byName.has(name);
}

// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions (GOPRIAVTE).
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...new Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const normalize = (s: string) => s.toUpperCase().replace(/[_\-\s]/g, '');

/**
 * For an unknown GO*-looking name, the variable it most likely means (GOPRIVTE → GOPRIVATE,
 * GO_PRIVATE → GOPRIVATE, goprivate → GOPRIVATE, GONOSUMCHECK → GONOSUMDB). Undefined for
 * a known name, or when nothing is close enough to say.
 */
export function suggestGoVar(name: string): string | undefined {
  if (isKnownGoVar(name)) return undefined;
  const norm = normalize(name);
  const mistake = knownMistakes[norm];
  if (mistake !== undefined) return mistake;
  // Only GO-ish names: PATH is not a typo of GOPATH, nor HOME of GOROOT.
  if (!/^C?GO/.test(norm)) return undefined;
  let best: string | undefined;
  let bestDist = Infinity;
  let tie = false;
  for (const info of GO_VARS) {
    const cand = normalize(info.name);
    if (cand === norm) return info.name; // case or underscores only
    const dist = editDistance(norm, cand);
    if (dist < bestDist) [best, bestDist, tie] = [info.name, dist, false];
    else if (dist === bestDist) tie = true;
  }
  const limit = norm.length <= 5 ? 1 : 2;
  return best !== undefined && bestDist <= limit && !tie ? best : undefined;
}
