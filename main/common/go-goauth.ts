// GOAUTH (go >= 1.24; older go ignores it): a ';'-separated list of "off", "netrc",
// "git DIR" or a command. Ported from go 1.24's cmd/go/internal/auth (runGoAuth, buildCommand)
// and `go help goauth`. go reads the list only when it first needs credentials for an HTTPS
// request, so a bad value fails that request rather than every go command. The list is
// processed in reverse so the first command listed wins; the fatal error go reports is the
// one it meets first in that reverse walk, which is the one this parser reports too.

import { goFields, goIsAbs, goTrimSpace } from './go-text';
import { redactSecrets } from './redact';

/** The first go release that reads GOAUTH. */
export const GOAUTH_MIN_GO = '1.24';
export const DEFAULT_GOAUTH = 'netrc';

export type GoauthCommand =
  | { kind: 'off' }
  | { kind: 'netrc' }
  /** Runs `git credential fill` in dir (which must exist and be a directory). */
  | { kind: 'git'; dir: string }
  /** An executable and its arguments (cmd/internal/quoted.Split of the entry). */
  | { kind: 'command'; argv: string[] };

export interface GoauthConfig {
  /** The value after the default ("netrc") is applied. */
  effective: string;
  /** In the order listed, which is priority order. */
  commands: GoauthCommand[];
  /** go's fatal error for this value, without the "go: " prefix. */
  error?: string;
  /** Entries go skips at run time (it reports them only under -x). */
  warnings: string[];
}

// cmd/internal/quoted.Split: fields separated by ASCII space, tab, CR, LF; '…' or "…" around a
// whole field, no escapes inside.
export function quotedSplit(s: string): { ok: true; argv: string[] } | { ok: false; error: string } {
  const argv: string[] = [];
  const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  let i = 0;
  while (i < s.length) {
    while (i < s.length && space(s[i])) i++;
    if (i >= s.length) break;
    const q = s[i];
    if (q === '"' || q === "'") {
      const end = s.indexOf(q, i + 1);
      if (end < 0) return { ok: false, error: `unterminated ${q} string` };
      argv.push(s.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !space(s[j])) j++;
    argv.push(s.slice(i, j));
    i = j;
  }
  return { ok: true, argv };
}

/** GOAUTH as go 1.24 reads it. Directory existence is the caller's check (this file is pure). */
export function parseGoauth(value: string, opts: { windows?: boolean } = {}): GoauthConfig {
  const effective = value === '' ? DEFAULT_GOAUTH : value;
  const shown = redactSecrets(effective);
  const config: GoauthConfig = { effective, commands: [], warnings: [] };
  if (effective === 'off') {
    config.commands.push({ kind: 'off' });
    return config;
  }
  const entries = effective.split(';');
  const parsed: GoauthCommand[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const command = goTrimSpace(entries[i] as string);
    const words = goFields(command);
    const fail = (error: string) => ({ ...config, commands: [...parsed].reverse(), error });
    switch (words[0]) {
      case undefined:
        return fail(`GOAUTH encountered an empty command (GOAUTH=${shown})`);
      case 'off':
        if (entries.length !== 1) {
          return fail(`GOAUTH=off cannot be combined with other authentication commands (GOAUTH=${shown})`);
        }
        parsed.push({ kind: 'off' });
        break;
      case 'netrc':
        // go ignores anything after "netrc".
        if (words.length > 1)
          config.warnings.push(
            `GOAUTH entry "${redactSecrets(command)}": go ignores the arguments after netrc.`,
          );
        parsed.push({ kind: 'netrc' });
        break;
      case 'git': {
        if (words.length !== 2) {
          return fail('GOAUTH=git dir method requires an absolute path to the git working directory');
        }
        const dir = words[1] as string;
        if (!goIsAbs(dir, opts.windows)) {
          return fail(
            'GOAUTH=git dir method requires an absolute path to the git working directory, dir is not absolute',
          );
        }
        parsed.push({ kind: 'git', dir });
        break;
      }
      default: {
        const split = quotedSplit(command);
        if (!split.ok) {
          config.warnings.push(redactSecrets(`cannot parse GOAUTH command ${command}: ${split.error}`));
          continue;
        }
        parsed.push({ kind: 'command', argv: split.argv });
      }
    }
  }
  return { ...config, commands: parsed.reverse() };
}
