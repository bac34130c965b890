// GOAUTH edits for go ≥ 1.24 (`go help goauth`): a ';'-separated list; `git DIR` makes go's own
// HTTPS requests (?go-get=1 discovery, GOPROXY) ask `git credential fill`, i.e. the same helper
// git uses, so no netrc is needed. The default value is "netrc"; Onramp keeps it in front so an
// existing netrc keeps working, and adds its entry once.
import { DEFAULT_GOAUTH } from '../go-goauth';

const entries = (value: string) =>
  (value.trim() === '' ? DEFAULT_GOAUTH : value)
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean);

/** GOAUTH with `git <dir>` added; undefined when it is already there (or GOAUTH=off wins). */
export function goauthWithGit(current: string, dir: string): string | undefined {
  const list = entries(current);
  const mine = `git ${dir}`;
  if (list.includes(mine)) return undefined;
  // "off" anywhere disables all authentication: the person chose that; do not override it.
  if (list.includes('off')) return undefined;
  return [...list, mine].join(';');
}

/** GOAUTH without Onramp's `git <dir>`; undefined when it was not there. */
export function goauthWithoutGit(current: string, dir: string): string | undefined {
  const list = entries(current);
  const mine = `git ${dir}`;
  if (!list.includes(mine)) return undefined;
  return list.filter((e) => e !== mine).join(';') || DEFAULT_GOAUTH;
}
