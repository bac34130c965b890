// Lint for GOPRIVATE-style lists. Go never reports a problem with these lists: a bad glob, a
// pasted URL or a stray space simply never matches, and the module silently goes through the
// public proxy and checksum database (the "proxy-leak" and "sumdb-leak" root causes). Every
// check here names a shape that provably cannot match a module path, or one that matches far
// more than intended.

import { isBadPattern, matchPrefixPatterns } from './go-path-match';
import { redactSecrets } from './redact';

export interface PatternProblem {
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  /** The list element concerned, as written (a password in it redacted). */
  pattern?: string;
}

// Paths on public hosts no private pattern should cover. The org names are made up, so a
// pattern naming a real organisation (github.com/acme) does not match them.
const publicProbes = [
  'github.com/onramp-probe/onramp-probe',
  'gitlab.com/onramp-probe/onramp-probe',
  'bitbucket.org/onramp-probe/onramp-probe',
  'golang.org/x/onramp-probe',
  'google.golang.org/onramp-probe',
  'gopkg.in/onramp-probe.v1',
  'go.uber.org/onramp-probe',
  'k8s.io/onramp-probe',
  'cloud.google.com/go/onramp-probe',
];
const anyHostProbe = 'onramp-probe.example/onramp-probe/onramp-probe';

const consequence: Record<string, string> = {
  GOPRIVATE: 'public modules it matches skip proxy.golang.org and the checksum database',
  GONOPROXY: 'public modules it matches skip the proxy and are fetched with git directly',
  GONOSUMDB: 'public modules it matches are no longer checked against the checksum database',
  GOINSECURE: 'public modules it matches may be fetched over plain HTTP or unverified TLS',
};

const keywordHints: Record<string, string> = {
  off: 'To turn the checksum database off, set GOSUMDB=off; to stop using proxies, GOPROXY=direct.',
  direct: 'To fetch every module directly, set GOPROXY=direct.',
};

function show(s: string): string {
  return JSON.stringify(redactSecrets(s));
}

// Literal (unescaped, outside [...]) characters of a glob, to reason about what it must contain.
function literalChars(glob: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (inClass) {
      if (ch === ']') inClass = false;
      else if (ch === '\\') i++;
    } else if (ch === '[') inClass = true;
    else if (ch === '\\') out += glob[++i] ?? '';
    else if (ch !== '*' && ch !== '?') out += ch;
  }
  return out;
}

// The first problem that makes one list element useless, or undefined.
function elementError(varName: string, raw: string): PatternProblem | undefined {
  const p = (message: string, hint: string): PatternProblem => ({
    severity: 'error',
    message,
    hint,
    pattern: redactSecrets(raw),
  });
  const el = show(raw);
  const trimmed = raw.trim();
  if (trimmed !== raw && trimmed !== '' && !/\s/.test(trimmed)) {
    return p(
      `${varName} entry ${el} has spaces around it; Go does not trim them, so it never matches.`,
      'Write the list without spaces, e.g. github.com/acme,gitlab.acme.com',
    );
  }
  if (/[\s;]/.test(raw)) {
    return p(
      `${varName} entry ${el} contains a space or ";"; module paths never do, so it never matches.`,
      `${varName} is a comma-separated list, e.g. github.com/acme,gitlab.acme.com`,
    );
  }
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/]*@)?/.exec(raw);
  if (scheme) {
    return p(
      `${varName} entry ${el} is a URL; patterns match module paths, which have no scheme.`,
      `Use ${show(raw.slice(scheme[0].length).replace(/\/+$/, ''))}`,
    );
  }
  const scp = /^[^@/:]+@([^:/]+):(.*)$/.exec(raw);
  if (scp) {
    return p(
      `${varName} entry ${el} is an ssh address; patterns match module paths.`,
      `Use ${show(`${scp[1]}/${(scp[2] ?? '').replace(/\.git$/, '')}`)}`,
    );
  }
  if (raw.includes(':')) {
    return p(
      `${varName} entry ${el} contains ":" (a port?); module paths never do, so it never matches.`,
      'Remove the port: module paths name the host only.',
    );
  }
  if (/^["'`]|["'`]$/.test(raw)) {
    return p(
      `${varName} entry ${el} contains quote characters; Go takes them literally, so it never matches.`,
      'Remove the quotes from the value.',
    );
  }
  const glob = raw.endsWith('/') ? raw.slice(0, -1) : raw;
  if (isBadPattern(glob)) {
    return p(
      `${varName} entry ${el} is not a valid glob (path.Match: syntax error in pattern); Go skips it silently.`,
      'Close every [...] class, do not start a class with "-" or "]", and do not end with "\\".',
    );
  }
  if (glob.split('/').some((e) => e === '')) {
    return p(
      `${varName} entry ${el} has an empty path element, so it never matches a module path.`,
      'Remove the extra "/".',
    );
  }
  if (glob.split('/').includes('...')) {
    return p(
      `${varName} entry ${el} uses "...", which is go list syntax, not a glob; it never matches.`,
      `Patterns already cover every path below them: use ${show(glob.replace(/\/\.\.\.(?=\/|$).*$/, ''))}`,
    );
  }
  const first = glob.split('/')[0] as string;
  if (/[A-Z]/.test(literalChars(first))) {
    return p(
      `${varName} entry ${el} has upper-case letters in the host; module paths never do, so it never matches.`,
      `Use ${show(first.toLowerCase() + glob.slice(first.length))}`,
    );
  }
  return undefined;
}

function elementWarnings(varName: string, raw: string): PatternProblem[] {
  const out: PatternProblem[] = [];
  const w = (message: string, hint: string) =>
    out.push({ severity: 'warning', message, hint, pattern: redactSecrets(raw) });
  const el = show(raw);
  const glob = raw.endsWith('/') ? raw.slice(0, -1) : raw;
  const keywordHint = keywordHints[glob];
  if (keywordHint !== undefined) {
    w(
      `${varName} entry ${el} is not a keyword here; it is a pattern for module paths starting with ${el}.`,
      keywordHint,
    );
  }
  if (raw.endsWith('/')) {
    w(
      `${varName} entry ${el} ends with "/"; Go ignores one trailing slash, so it means ${show(glob)}.`,
      `Write ${show(glob)}.`,
    );
  }
  if (glob.includes('**')) {
    w(
      `${varName} entry ${el} uses "**", which is not recursive in Go globs: it is the same as "*" within one element.`,
      'A pattern already covers every path below it; "*" is only needed inside an element.',
    );
  }
  const what = consequence[varName] ?? 'it also matches public modules';
  if (matchPrefixPatterns(glob, anyHostProbe)) {
    w(
      `${varName} entry ${el} matches (almost) every module path; ${what}.`,
      'Name your hosts or organisations, e.g. github.com/acme,*.corp.acme.com',
    );
  } else {
    const hosts = publicProbes
      .filter((probe) => matchPrefixPatterns(glob, probe))
      .map((probe) => probe.split('/')[0]);
    if (hosts.length > 0) {
      w(
        `${varName} entry ${el} matches every module on ${[...new Set(hosts)].join(', ')}; ${what}.`,
        'Name the organisation or group, e.g. github.com/acme',
      );
    }
  }
  const first = glob.split('/')[0] as string;
  if (!/[*?[\\.]/.test(first) && keywordHint === undefined && first !== 'none') {
    w(
      `${varName} entry ${el} has no dot in its first element; downloadable module paths start with a host name.`,
      `Did you mean a host or organisation, e.g. github.com/${first} or ${first}.com?`,
    );
  }
  return out;
}

/**
 * Problems with a GOPRIVATE / GONOPROXY / GONOSUMDB / GOINSECURE value. Errors are entries that
 * can never match a module path; warnings are entries that match more (or other) than meant.
 */
export function validatePatternList(varName: string, value: string): PatternProblem[] {
  const problems: PatternProblem[] = [];
  const seen = new Set<string>();
  for (const raw of value.split(',')) {
    if (raw === '') continue; // Go skips empty elements: a trailing or doubled comma is harmless
    const err = elementError(varName, raw);
    if (err) {
      problems.push(err);
      continue;
    }
    problems.push(...elementWarnings(varName, raw));
    const key = raw.endsWith('/') ? raw.slice(0, -1) : raw;
    if (seen.has(key)) {
      problems.push({
        severity: 'warning',
        message: `${varName} lists ${show(key)} more than once.`,
        hint: 'Remove the duplicate.',
        pattern: redactSecrets(raw),
      });
    }
    seen.add(key);
  }
  return problems;
}
