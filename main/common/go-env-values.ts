// Values go accepts but that break module fetching, or every go command. go itself checks
// only some of these, and only when it uses the value (GO111MODULE and GOFLAGS fail every
// command; GOPROXY, GOSUMDB and GOAUTH fail the first fetch; pattern lists never fail, they
// just do not match). Messages quote go's own where go has one.

import { validatePatternList } from './go-pattern-check';
import { parseGoauth } from './go-goauth';
import { parseGoproxy } from './go-proxy';
import { parseGosumdb } from './go-sumdb';
import { goFields, goIsAbs } from './go-text';
import { goQuote, toBytes } from './go-url';
import { redactSecrets } from './redact';

export interface ValueProblem {
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
}

const patternVars = new Set(['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE']);

// Values go takes literally, where a quote character can only be a copy-paste accident.
// (CC, CGO_CFLAGS, GOAUTH commands and the like do honour quotes.)
const literalVars = new Set([
  'GO111MODULE',
  'GOPROXY',
  'GOSUMDB',
  'GOPATH',
  'GOMODCACHE',
  'GOCACHE',
  'GOBIN',
  'GOROOT',
  'GOTOOLCHAIN',
  'GOVCS',
  'GOWORK',
  'GOTMPDIR',
  'GOOS',
  'GOARCH',
]);

function goflagsProblems(value: string): ValueProblem[] {
  for (const f of goFields(value)) {
    // base.InitGOFLAGS: every word must look like -x, --x, -x=value or --x=value.
    if (!f.startsWith('-') || f === '-' || f === '--' || /^(---|-=|--=)/.test(f)) {
      return [
        {
          severity: 'error',
          message: `go: parsing $GOFLAGS: non-flag ${goQuote(toBytes(f))} (every go command but go env fails)`,
          hint: 'GOFLAGS is a space-separated list of -flag=value entries; values cannot contain spaces.',
        },
      ];
    }
  }
  return [];
}

function pathProblems(key: string, value: string, windows: boolean): ValueProblem[] {
  const list = key === 'GOPATH' ? value.split(windows ? ';' : ':') : [value];
  for (const entry of list) {
    if (entry === '') continue;
    if (entry.startsWith('~')) {
      return [
        {
          severity: 'error',
          message: `${key} entry cannot start with shell metacharacter '~': ${goQuote(toBytes(entry))}`,
          hint: 'go does not expand ~; write the absolute path.',
        },
      ];
    }
    if (!goIsAbs(entry, windows)) {
      return [
        {
          severity: 'error',
          message: `${key} entry is relative; must be absolute path: ${goQuote(toBytes(entry))}`,
          hint: 'Write the absolute path.',
        },
      ];
    }
  }
  return [];
}

/** Problems with one go variable's value, as go would meet them. */
export function checkGoEnvValue(
  key: string,
  value: string,
  opts: { windows?: boolean } = {},
): ValueProblem[] {
  const out: ValueProblem[] = [];
  if (/[\r\n\v]/.test(value)) {
    out.push({
      severity: 'error',
      message: `${key} contains a line break or carriage return, which go keeps as part of the value.`,
      hint: 'Save the go env file with Unix (LF) line endings, or set the value with go env -w.',
    });
  }
  if (literalVars.has(key) && /^["'`]|["'`]$/.test(value)) {
    out.push({
      severity: 'error',
      message: `${key} is wrapped in quotes, and go takes them literally.`,
      hint: 'Remove the quotes.',
    });
  }
  switch (key) {
    case 'GO111MODULE':
      if (!['', 'on', 'off', 'auto'].includes(value)) {
        out.push({
          severity: 'error',
          message: `go: unknown environment setting GO111MODULE=${value} (every go command fails)`,
          hint: 'Use on, off or auto, or leave it unset (the default since go 1.16 is on).',
        });
      }
      break;
    case 'GOFLAGS':
      out.push(...goflagsProblems(value));
      break;
    case 'GOPROXY': {
      const list = parseGoproxy(value, opts);
      if (list.error !== undefined) {
        out.push({
          severity: 'error',
          message: list.error,
          hint: 'Every module download fails until this is fixed.',
        });
      } else if (list.ignored.length > 0) {
        out.push({
          severity: 'warning',
          message: `GOPROXY entries after "direct" or "off" are never used: ${list.ignored.join(', ')}`,
          hint: 'go stops at "direct" and "off"; put proxies before them.',
        });
      }
      break;
    }
    case 'GOSUMDB': {
      const db = parseGosumdb(value);
      if (db.kind === 'invalid') {
        out.push({
          severity: 'error',
          message: db.error,
          hint: 'Checksum verification fails for every module the database covers. Use the form name+hash+key [URL].',
        });
      }
      break;
    }
    case 'GOAUTH': {
      const auth = parseGoauth(value, opts);
      if (auth.error !== undefined) {
        out.push({
          severity: 'error',
          message: auth.error,
          hint: 'go >= 1.24 fails its first authenticated request.',
        });
      }
      for (const w of auth.warnings) out.push({ severity: 'warning', message: w });
      break;
    }
    case 'GOPATH':
    case 'GOMODCACHE':
      out.push(...pathProblems(key, value, opts.windows ?? false));
      break;
  }
  if (patternVars.has(key)) out.push(...validatePatternList(key, value));
  return out.map((p) => ({ ...p, message: redactSecrets(p.message) }));
}
