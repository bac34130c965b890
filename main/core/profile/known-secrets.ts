// Every secret value this machine's configuration holds that Onramp can find: netrc passwords,
// git credential-store passwords, credential-shaped git config values and environment
// variables. The support bundle masks each of them wherever it appears, on top of the shape-based
// redaction, because a bundle is sent to other people and one missed token is one too many.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { goNetrcEntries } from '../../common/netrc';
import { settingSecrets } from '../../common/setting-redaction';
import { pathsOf, type Env } from '../paths';
import { readTextIfExists } from '../requests/read-text';

const tokenLike = (s: string) => s.length >= 16 && /^[A-Za-z0-9_.~+/=-]+$/.test(s);

function fromNetrc(text: string): string[] {
  const out: string[] = [];
  for (const e of goNetrcEntries(text).entries) {
    out.push(e.password);
    if (tokenLike(e.login)) out.push(e.login);
  }
  // Entries go would skip (no login, after `default`) can still hold passwords curl sends.
  for (const m of text.matchAll(/\bpassword\s+(\S+)/g)) if (m[1]) out.push(m[1]);
  return out;
}

function fromCredentialStore(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/([^:@/\s]*)(?::([^@/\s]*))?@/i.exec(line.trim());
    if (!m) continue;
    if (m[2]) out.push(decodeURIComponentSafe(m[2]), m[2]);
    if (m[1] && tokenLike(m[1])) out.push(m[1]);
  }
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Values of `key=value` lines (git config --list) that are credentials by name or shape. */
export function gitConfigSecrets(listing: string): string[] {
  const out: string[] = [];
  for (const line of listing.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    // `--show-scope --show-origin` lines are `scope<TAB>origin<TAB>key=value`.
    const head = line.slice(0, eq);
    const key = head.slice(head.lastIndexOf('\t') + 1);
    const value = line.slice(eq + 1);
    // Only the variable name decides (a subsection is a URL and may itself hold a password).
    const name = key.slice(key.lastIndexOf('.') + 1);
    if (/(token|password|passwd|secret)/i.test(name) && value.trim() !== '') out.push(value.trim());
    if (/extraheader$/i.test(key)) {
      const h = /^[^:]+:\s*(?:\S+\s+)?(\S+)/.exec(value);
      if (h?.[1]) out.push(h[1]);
    }
    // URL userinfo in the key (url.<base>.insteadOf) or the value, and inline helper secrets.
    for (const m of line.matchAll(/:\/\/[^:@/\s]*:([^@/\s]+)@/g))
      if (m[1]) out.push(m[1], decodeURIComponentSafe(m[1]));
    for (const m of value.matchAll(/\b(?:password|token)=([^\s;'"]+)/gi)) if (m[1]) out.push(m[1]);
  }
  return out;
}

export async function knownSecrets(env: Env, gitListing: string): Promise<string[]> {
  const { netrc, home } = pathsOf(env);
  const found = [...fromNetrc(readTextIfExists(netrc)), ...gitConfigSecrets(gitListing)];
  for (const file of [
    join(home, '.git-credentials'),
    join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'credentials'),
  ])
    found.push(...fromCredentialStore(await readFile(file, 'utf8').catch(() => '')));
  for (const [k, v] of Object.entries(env)) if (v) found.push(...settingSecrets(k, v));
  return [...new Set(found.filter((s) => s.length >= 4))];
}
