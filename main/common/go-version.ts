// Go release names (`go1.19.8`, `go1.21rc2`, `go1.22.0`, `devel go1.23-abcdef …`) parsed into
// numbers, because features Onramp relies on arrive by version: GOAUTH (and git credential
// helpers for go's own HTTP requests) only from Go 1.24 (https://go.dev/doc/go1.24#go-command).

export interface GoVersion {
  /** as go printed it, e.g. go1.19.8 */
  raw: string;
  major: number;
  minor: number;
  patch: number;
  /** rc1, beta2, or devel */
  prerelease?: string;
}

/** Parses a GOVERSION value or a `go version` line; undefined when no goX.Y is found. */
export function parseGoVersion(text: string): GoVersion | undefined {
  const m = /\bgo(\d+)(?:\.(\d+))?(?:\.(\d+))?((?:rc|beta|alpha)\d*)?/.exec(text);
  if (!m?.[1]) return undefined;
  const v: GoVersion = {
    raw: m[0],
    major: Number(m[1]),
    minor: Number(m[2] ?? 0),
    patch: Number(m[3] ?? 0),
  };
  if (m[4]) v.prerelease = m[4];
  else if (/\bdevel\b/.test(text)) v.prerelease = 'devel';
  return v;
}

/** True when v is at least major.minor (a prerelease of major.minor counts: rc builds ship the feature). */
export function goAtLeast(v: GoVersion | undefined, major: number, minor: number): boolean {
  if (!v) return false;
  return v.major > major || (v.major === major && v.minor >= minor);
}

/** GOAUTH exists from Go 1.24. */
export function supportsGoauth(v: GoVersion | undefined): boolean {
  return goAtLeast(v, 1, 24);
}
