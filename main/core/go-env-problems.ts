// Lints on the go env as read by go-env-reader: the mistakes that make `go env -w` look ignored
// (an export in a startup file wins over the go env file: the env-override root cause), names go
// silently ignores (GONOSUMCHECK, GOPRIVATES…), and GOPRIVATE-style lists that cannot match.
import type { GoVersion } from '../common/go-version';
import type { ReadProblem } from '../common/read-problem';
import type { ShellExport } from '../common/shell-exports';
import type { GoEnvFileProblem } from '../common/go-env-file';
import { checkGoEnvValue } from '../common/go-env-values';
import { goVarInfo, isKnownGoVar, suggestGoVar } from '../common/go-vars';
import type { GoEnvSetting } from './go-env-reader';
import type { Env } from './paths';

export interface GoEnvProblemInput {
  env: Env;
  /** go env -json answered (so a missing key means this go does not know it) */
  goRan: boolean;
  version?: GoVersion;
  envFile?: string;
  /** parseGoEnvFile's own lints (unknown keys, os-only keys, duplicates, bad values) */
  fileProblems: GoEnvFileProblem[];
  settings: GoEnvSetting[];
  shellExports: ShellExport[];
}

const PATTERN_KEYS = new Set(['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE']);
// Unknown names that look like an attempt at a module setting, even without a close match.
const MODULE_ISH = /^GO_?(NO|PRIV|PROX|SUM|INSEC|AUTH|FLAG|VCS|ENV|TOOL|MOD|PATH)/;

const where = (file: string, line: number) => `${file}:${line}`;

function overrideProblems(s: GoEnvSetting, envFile: string | undefined): ReadProblem[] {
  const out: ReadProblem[] = [];
  if (s.key === 'GOVERSION') return out;
  for (const e of s.shellExports) {
    const differs = s.fileValue !== undefined && (e.dynamic || e.value !== s.fileValue);
    const base = `${where(e.file, e.line)} exports ${s.key}=${JSON.stringify(e.value)}`;
    const cond = e.conditional ? ' (when that branch runs)' : '';
    out.push(
      differs
        ? {
            severity: 'warning',
            code: 'env-override',
            message: `${base}, which overrides ${s.key}=${JSON.stringify(s.fileValue)} from the go env file in every shell that sources it${cond}.`,
            hint: `Remove the export and keep ${s.key} in the go env file (${envFile ?? 'go env GOENV'}), or change both.`,
            file: e.file,
            line: e.line,
          }
        : {
            severity: 'info',
            code: 'shell-export',
            message: `${base}${cond}; \`go env -w ${s.key}=…\` will not take effect in shells that source it.`,
            hint: `Keep go settings in one place: remove the export and use \`go env -w ${s.key}=…\`.`,
            file: e.file,
            line: e.line,
          },
    );
  }
  // An OS value equal to an export most likely came from that export (reported above).
  if (
    !s.shellExports.some((e) => e.value === s.osValue) &&
    s.winner === 'os' &&
    s.fileValue !== undefined &&
    s.fileValue !== '' &&
    s.osValue !== s.fileValue
  ) {
    out.push({
      severity: 'warning',
      code: 'env-override',
      message: `${s.key} is set in the environment (${JSON.stringify(s.osValue)}) and overrides ${JSON.stringify(s.fileValue)} from the go env file.`,
      hint:
        'It comes from the program that started Onramp or a file Onramp does not read (IDE settings, ' +
        '/etc/environment, ~/.pam_environment, launchctl, systemd environment.d). Unset it there.',
    });
  }
  return out;
}

function unknownNameProblem(name: string, source: string, file?: string, line?: number) {
  if (isKnownGoVar(name)) return undefined;
  const suggestion = suggestGoVar(name);
  if (suggestion === undefined && !MODULE_ISH.test(name)) return undefined;
  const p: ReadProblem = {
    severity: 'warning',
    code: 'unknown-go-var',
    message: `${name} (${source}) is not a go variable; go ignores it.`,
    hint: suggestion
      ? `Did you mean ${suggestion}?`
      : 'Remove it; `go help environment` lists the variables go reads.',
  };
  if (file !== undefined) p.file = file;
  if (line !== undefined) p.line = line;
  return p;
}

// Unknown names in the OS environment and the startup files (the go env file's are linted by
// parseGoEnvFile). Only names that look meant for go: GOOGLE_* and friends are not noise.
function unknownNames(input: GoEnvProblemInput): ReadProblem[] {
  const out: ReadProblem[] = [];
  const exported = new Set<string>();
  for (const e of input.shellExports) {
    if (!/^GO/i.test(e.name)) continue;
    exported.add(e.name);
    const p = unknownNameProblem(e.name, 'shell export', e.file, e.line);
    if (p) out.push(p);
  }
  for (const name of Object.keys(input.env)) {
    if (!/^GO/i.test(name) || exported.has(name)) continue;
    const p = unknownNameProblem(name, 'environment');
    if (p) out.push(p);
  }
  return out;
}

// Values in the OS environment and the startup files, checked as go would meet them.
function valueProblems(input: GoEnvProblemInput): ReadProblem[] {
  const out: ReadProblem[] = [];
  const check = (key: string, value: string, file?: string, line?: number) => {
    if (goVarInfo(key)?.kind !== 'config') return;
    for (const p of checkGoEnvValue(key, value)) {
      const r: ReadProblem = {
        severity: p.severity,
        code: PATTERN_KEYS.has(key) ? 'invalid-pattern' : 'invalid-go-value',
        message: p.message,
        hint: p.hint ?? `Fix ${key}.`,
      };
      if (file !== undefined) r.file = file;
      if (line !== undefined) r.line = line;
      out.push(r);
    }
  };
  const exported = new Set<string>();
  for (const e of input.shellExports) {
    // A computed value's text is not what go sees; a masked one cannot be checked faithfully.
    if (e.dynamic || e.redacted) continue;
    exported.add(`${e.name}=${e.value}`);
    check(e.name, e.value, e.file, e.line);
  }
  // An OS value equal to an export most likely came from it: reported once, at the export.
  for (const [key, value] of Object.entries(input.env)) {
    if (/^GO/.test(key) && value && !exported.has(`${key}=${value}`)) check(key, value);
  }
  return out;
}

function versionProblems(input: GoEnvProblemInput): ReadProblem[] {
  const out: ReadProblem[] = [];
  if (!input.goRan) return out;
  for (const s of input.settings) {
    const since = goVarInfo(s.key)?.since ?? 0;
    if (since === 0 || s.effective !== null) continue;
    if (!s.osValue && !s.fileValue && s.shellExports.length === 0) continue;
    // GOTOOLCHAIN=local asks for what an older go does anyway.
    if (s.key === 'GOTOOLCHAIN' && (s.osValue || s.fileValue) === 'local') continue;
    out.push({
      severity: 'info',
      code: 'unsupported-go-var',
      message: `${s.key} is set but ${input.version?.raw ?? 'this go'} does not know it (it needs Go 1.${since}); it has no effect.`,
      hint:
        s.key === 'GOAUTH'
          ? "Upgrade Go to 1.24+, or give go's own HTTPS requests a ~/.netrc entry."
          : `Upgrade Go to 1.${since}+ or remove the setting.`,
    });
  }
  return out;
}

/** Every problem the go env reading shows, in a stable order. */
export function goEnvProblems(input: GoEnvProblemInput): ReadProblem[] {
  const out: ReadProblem[] = [];
  if (input.env.GOENV === 'off') {
    out.push({
      severity: 'info',
      code: 'goenv-off',
      message: 'GOENV=off: go reads no env file, and `go env -w` fails.',
      hint: 'Unset GOENV so go settings can be kept in the go env file.',
    });
  }
  for (const p of input.fileProblems) {
    out.push({
      severity: p.severity,
      code: 'go-env-file',
      message: p.message,
      hint: p.hint ?? 'Fix or remove the line; `go env -w` rewrites the file.',
      file: p.file,
      line: p.line,
    });
  }
  for (const s of input.settings) out.push(...overrideProblems(s, input.envFile));
  out.push(...unknownNames(input), ...valueProblems(input), ...versionProblems(input));
  return out;
}
