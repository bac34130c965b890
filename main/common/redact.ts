// One redactor for every line Onramp shows or stores: known secret values first, then the
// shapes secrets take in tool output (URL userinfo, auth headers, netrc passwords, tokens
// with well-known prefixes).
export const MASK = '••••••';

const shapes: [RegExp, string][] = [
  // scheme://user:secret@host → keep the user, hide the secret
  [/([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*):[^@\s/]*@/gi, `$1:${MASK}@`],
  // Authorization / Proxy-Authorization / PRIVATE-TOKEN headers, http.extraheader values
  [/((?:proxy-)?authorization:\s*(?:basic|bearer|token)?\s*)[^\s'"]+/gi, `$1${MASK}`],
  [/((?:private|job|deploy)-token:\s*)[^\s'"]+/gi, `$1${MASK}`],
  [/(extraheader\s*=?\s*[^\n]*?(?:basic|bearer|token)\s+)[^\s'"]+/gi, `$1${MASK}`],
  // netrc-style "password X"
  [/(\bpassword\s+)(?!••)[^\s]+/g, `$1${MASK}`],
  // well-known token formats (GitHub, GitLab, Bitbucket app passwords are opaque)
  [/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,})\b/g, MASK],
];

export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // longest first, so a secret that contains another is masked whole
  for (const s of [...secrets].sort((a, b) => b.length - a.length))
    if (s.length >= 4) out = out.split(s).join(MASK);
  for (const [re, rep] of shapes) out = out.replace(re, rep);
  return out;
}

/** Returns a function that redacts a stream of chunks, holding back a partial last line. */
export function lineRedactor(secrets: readonly string[] = []): {
  push(chunk: string): string[];
  flush(): string[];
} {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      return parts.map((l) => redactSecrets(l, secrets));
    },
    flush() {
      const rest = pending;
      pending = '';
      return rest.length > 0 ? [redactSecrets(rest, secrets)] : [];
    },
  };
}
