// Evidence lines are shown in the UI, printed by the CLI and stored in reports, so secrets that
// tools echo back (URL userinfo, Authorization headers, CI extraheaders, TOKEN=… assignments)
// are masked before a line leaves the explainer. git itself masks URL passwords in most errors,
// but go, curl traces and CI logs do not. The house redactor (../redact) runs first; the shapes
// below add what explain needs on top (a token used as the URL user, NAME_TOKEN=… assignments),
// and the mask is the short form the explain output uses.
import { MASK as HOUSE_MASK, redactSecrets } from '../redact';

export const MASK = '•••';

// scheme://user:secret@ — keep the user, which helps explain which identity was used.
const urlPassword = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/:@'"]+):([^\s@/'"]+)@/gi;
// scheme://token@ — a bare userinfo that looks like a token (GitHub ghp_/github_pat_, GitLab
// glpat-, long opaque strings) rather than a user name.
const urlTokenUser = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/:@'"]+)@/gi;
const tokenLike = /^(gh[pousr]_|github_pat_|glpat-|x-access-token|oauth2)|^[A-Za-z0-9_-]{32,}$/;
// Authorization: Basic xxx / Bearer xxx, also inside quotes and git -c http.extraheader=…
const authHeader = /\b((?:proxy-)?authorization\s*[:=]\s*(?:basic|bearer|token)?\s*)([^\s"']+)/gi;
const extraHeader = /(extraheader\s*=?\s*["']?)([^"'\n]+)/gi;
// PASSWORD=…, GITHUB_TOKEN=…, api_key: … (values that are not already masked)
// A name standing alone (not the tail of "gitlab-ci-token:" inside a URL) followed by = or ": ".
const assignment =
  /(?<![\w./-])([A-Z0-9_]*(?:TOKEN|PASSWORD|PASSWD|SECRET|API_?KEY)[A-Z0-9_]*(?:\s*=\s*|:\s+))("?)([^\s"']+)/gi;

function isMasked(value: string): boolean {
  return value === MASK || /^\*+$/.test(value) || value.startsWith('$') || value.startsWith('<');
}

/** Mask credentials in one line of tool output. */
export function redactLine(line: string): string {
  if (!/[@:=\s]/.test(line)) return line;
  let out = redactSecrets(line).split(HOUSE_MASK).join(MASK);
  out = out.replace(urlPassword, (all, scheme: string, user: string, secret: string) =>
    isMasked(secret) ? all : `${scheme}${user}:${MASK}@`,
  );
  out = out.replace(urlTokenUser, (all, scheme: string, user: string) =>
    tokenLike.test(user) ? `${scheme}${MASK}@` : all,
  );
  if (/authorization/i.test(out)) {
    out = out.replace(authHeader, (all, head: string, value: string) =>
      isMasked(value) ? all : `${head}${MASK}`,
    );
  }
  if (/extraheader/i.test(out)) {
    out = out.replace(extraHeader, (all, head: string, value: string) => {
      // Keep the header name so the reader sees which header was set.
      const m = /^([\w-]+\s*:\s*(?:basic|bearer|token)?\s*)(.*)$/i.exec(value);
      if (!m) return `${head}${MASK}`;
      const rest = m[2] ?? '';
      return isMasked(rest) ? all : `${head}${m[1] ?? ''}${MASK}`;
    });
  }
  out = out.replace(assignment, (all, head: string, quote: string, value: string) =>
    isMasked(value) ? all : `${head}${quote}${MASK}`,
  );
  return out;
}
