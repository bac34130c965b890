// Reads the output of `git config --null --list --show-origin --show-scope` and summarises the
// parts of git config that decide whether a private module can be fetched. git itself resolves
// includes, includeIf and scopes, so we parse its listing instead of the files: every entry here
// is one git will actually use, in the order git applies them.
import { OnrampError } from './errors';
import type { UrlRewriteRule } from './git-url-rewrite';

export type GitConfigScope = 'system' | 'global' | 'local' | 'worktree' | 'command' | 'submodule' | 'unknown';

export interface GitConfigEntry {
  scope: GitConfigScope;
  /** as git prints it: `file:/path`, `command line:`, `blob:…`, `standard input:` */
  origin: string;
  /** the path for `file:` origins (relative for the local scope: `.git/config`) */
  file?: string;
  /** as git prints it: section and name lowercase, subsection case preserved */
  key: string;
  /** null for a key written without `=` (git's "implicit true") */
  value: string | null;
}

export interface GitConfigKey {
  section: string;
  subsection: string | null;
  name: string;
}

const scopes: readonly GitConfigScope[] = ['system', 'global', 'local', 'worktree', 'command', 'submodule'];

/**
 * Parses NUL-separated records of `scope NUL origin NUL key [LF value] NUL`. A key has no
 * newline, so the first LF splits key from value; a key without value (`[core] flag`) has no LF.
 */
export function parseGitConfigList(output: string): GitConfigEntry[] {
  const fields = output.split('\0');
  // The output ends with NUL, so the last field is empty.
  if (fields[fields.length - 1] === '') fields.pop();
  if (fields.length % 3 !== 0)
    throw new OnrampError({
      code: 'parse',
      message: `git config --list output has ${fields.length} fields, not a multiple of 3`,
      hint: 'Run git config with --null --show-origin --show-scope.',
    });
  const entries: GitConfigEntry[] = [];
  for (let i = 0; i < fields.length; i += 3) {
    const scopeText = fields[i] ?? '';
    const origin = fields[i + 1] ?? '';
    const record = fields[i + 2] ?? '';
    const nl = record.indexOf('\n');
    const entry: GitConfigEntry = {
      scope: (scopes as readonly string[]).includes(scopeText) ? (scopeText as GitConfigScope) : 'unknown',
      origin,
      key: nl < 0 ? record : record.slice(0, nl),
      value: nl < 0 ? null : record.slice(nl + 1),
    };
    if (origin.startsWith('file:')) entry.file = origin.slice('file:'.length);
    entries.push(entry);
  }
  return entries;
}

/** Splits a key the way git's parse_config_key does: the subsection runs to the last dot. */
export function splitGitConfigKey(key: string): GitConfigKey {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0) return { section: key, subsection: null, name: '' };
  if (first === last) return { section: key.slice(0, first), subsection: null, name: key.slice(first + 1) };
  return { section: key.slice(0, first), subsection: key.slice(first + 1, last), name: key.slice(last + 1) };
}

export interface ConfigOrigin {
  scope: GitConfigScope;
  file?: string;
}

export interface InsteadOfRule extends UrlRewriteRule, ConfigOrigin {
  push: boolean;
  /** the base with any password in it replaced, for display (bases often carry CI tokens) */
  baseDisplay: string;
}

export interface CredentialHelperEntry extends ConfigOrigin {
  /** the `<url>` of `credential.<url>.helper`, null for plain `credential.helper` */
  urlScope: string | null;
  helper: string;
  /** an empty value: git clears the helpers collected so far for URLs this scope matches */
  reset: boolean;
}

export interface CredentialSetting extends ConfigOrigin {
  urlScope: string | null;
  /** lowercase name: username, usehttppath, … */
  key: string;
  value: string | null;
}

export interface HttpSetting extends ConfigOrigin {
  url: string | null;
  /** lowercase name: sslcainfo, sslverify, extraheader, proxy, … */
  key: string;
  /** never a secret: extraheader values and proxy passwords are replaced */
  value: string | null;
  redacted: boolean;
}

export interface ConfigProblem extends ConfigOrigin {
  key: string;
  message: string;
}

export interface GitConfigSummary {
  insteadOf: InsteadOfRule[];
  credentialHelpers: CredentialHelperEntry[];
  credentialOther: CredentialSetting[];
  http: HttpSetting[];
  sshCommand: (ConfigOrigin & { value: string | null }) | null;
  problems: ConfigProblem[];
}

const redactedText = '<redacted>';

/** Replaces the password of `scheme://user:password@host` forms anywhere in the string. */
export function redactUrlPassword(text: string): string {
  return text.replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#@:\s]*):[^/?#@\s]*@/g, `$1:${redactedText}@`);
}

/** An extraheader holds a token; only the header name is safe to show. */
function redactHeader(value: string): string {
  const m = /^([A-Za-z0-9-]+)\s*:/.exec(value);
  return m ? `${m[1]}: ${redactedText}` : redactedText;
}

function originOf(e: GitConfigEntry): ConfigOrigin {
  const o: ConfigOrigin = { scope: e.scope };
  if (e.file !== undefined) o.file = e.file;
  return o;
}

function problem(e: GitConfigEntry, message: string): ConfigProblem {
  return { ...originOf(e), key: e.key, message };
}

export function summarizeGitConfig(entries: readonly GitConfigEntry[]): GitConfigSummary {
  const s: GitConfigSummary = {
    insteadOf: [],
    credentialHelpers: [],
    credentialOther: [],
    http: [],
    sshCommand: null,
    problems: [],
  };
  for (const e of entries) {
    const k = splitGitConfigKey(e.key);
    if (k.section === 'url' && (k.name === 'insteadof' || k.name === 'pushinsteadof')) {
      // `[url] insteadOf = x` has no base; remote.c ignores it.
      if (k.subsection === null) continue;
      if (e.value === null) {
        // remote.c: config_error_nonbool, and every fetch/push/ls-remote then dies.
        s.problems.push(problem(e, `${e.key} has no value; git fetch and push fail with "missing value"`));
        continue;
      }
      s.insteadOf.push({
        ...originOf(e),
        base: k.subsection,
        baseDisplay: redactUrlPassword(k.subsection),
        prefix: e.value,
        push: k.name === 'pushinsteadof',
      });
    } else if (k.section === 'credential') {
      summarizeCredential(s, e, k);
    } else if (k.section === 'http') {
      summarizeHttp(s, e, k);
    } else if (e.key === 'core.sshcommand') {
      s.sshCommand = { ...originOf(e), value: e.value };
    }
  }
  return s;
}

function summarizeCredential(s: GitConfigSummary, e: GitConfigEntry, k: GitConfigKey): void {
  if (k.name !== 'helper') {
    s.credentialOther.push({ ...originOf(e), urlScope: k.subsection, key: k.name, value: e.value });
    return;
  }
  if (e.value === null) {
    s.problems.push(problem(e, `${e.key} has no value; git credential lookups fail`));
    return;
  }
  if (e.value !== '') {
    s.credentialHelpers.push({ ...originOf(e), urlScope: k.subsection, helper: e.value, reset: false });
    return;
  }
  // An empty helper clears the list git has collected for the URL being looked up. A plain
  // `credential.helper=` matches every URL, so it clears everything before it; a scoped one
  // clears earlier helpers of the same scope for sure and others only for URLs it matches,
  // so it stays in the list as a marker. credentialHelpersForUrl gives the exact list.
  if (k.subsection === null) {
    s.credentialHelpers.length = 0;
    return;
  }
  const kept = s.credentialHelpers.filter((h) => h.urlScope !== k.subsection);
  s.credentialHelpers.length = 0;
  s.credentialHelpers.push(...kept, { ...originOf(e), urlScope: k.subsection, helper: '', reset: true });
}

function summarizeHttp(s: GitConfigSummary, e: GitConfigEntry, k: GitConfigKey): void {
  let value = e.value;
  let redacted = false;
  if (value !== null && k.name === 'extraheader') {
    value = redactHeader(value);
    redacted = true;
  } else if (value !== null) {
    const clean = redactUrlPassword(value);
    redacted = clean !== value;
    value = clean;
  }
  s.http.push({ ...originOf(e), url: k.subsection, key: k.name, value, redacted });
}
