// Which hosts a profile may speak for. A profile declares its hosts; a setting that reaches past
// them (a GOPRIVATE of `*` or `github.com`, an insteadOf for github.com, a GOPROXY elsewhere) is
// how a hostile profile would redirect or weaken fetches of code it does not own.
import { goPathMatch } from '../go-patterns';

/** Public module hosts: never private as a whole; a profile may claim an org path on them. */
export const PUBLIC_CODE_HOSTS = [
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'golang.org',
  'go.googlesource.com',
  'google.golang.org',
  'gopkg.in',
  'go.uber.org',
  'k8s.io',
  'sigs.k8s.io',
  'cloud.google.com',
];

/** Hosts of the public mirrors and checksum databases a profile may choose. */
export const PUBLIC_MIRROR_HOSTS = ['proxy.golang.org', 'goproxy.cn', 'goproxy.io'];

export type PatternScope =
  /** only hosts (or paths on hosts) the profile declares */
  | 'owned'
  /** a glob matching the profile's hosts and others under the same domain (`*.corp.example`) */
  | 'wider'
  /** a host the profile does not declare */
  | 'foreign'
  /** a whole public code host (`github.com` without an org) */
  | 'public-host'
  /** everything, or a whole top-level domain (`*`, `*.com`) */
  | 'everything';

const hasGlob = (s: string) => /[*?[\\]/.test(s);
const matches = (glob: string, name: string) => {
  const r = goPathMatch(glob, name);
  return !r.badPattern && r.matched;
};

export function patternScope(pattern: string, owned: readonly string[]): PatternScope {
  const elems = pattern.replace(/\/$/, '').split('/');
  const first = elems[0] ?? '';
  const hasPath = elems.length > 1;
  if (!hasGlob(first)) {
    if (!owned.includes(first)) return 'foreign';
    return PUBLIC_CODE_HOSTS.includes(first) && !hasPath ? 'public-host' : 'owned';
  }
  // A glob host element: how much of the name space does it cover?
  if (matches(first, 'example') || matches(first, 'com') || matches(first, 'a.com')) return 'everything';
  if (!hasPath && PUBLIC_CODE_HOSTS.some((h) => matches(first, h))) return 'public-host';
  if (!owned.some((h) => matches(first, h))) return 'foreign';
  return 'wider';
}

/** The host of a git URL: https://h/…, ssh://u@h:p/…, or scp-like u@h:path. */
export function gitUrlHost(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]+)/i.exec(url);
  if (m?.[1]) return m[1].toLowerCase();
  const scp = /^(?:[^@/:]+@)?([^/:]+):/.exec(url);
  return scp?.[1]?.toLowerCase();
}
