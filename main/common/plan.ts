// A plan is the only way Onramp changes a machine: a list of steps, each with the file it
// touches, and a diff per file. Plans are data so the CLI can print them, the UI can show them,
// and the journal can record them.

/** A step run by the tool that owns the file (the tool is the authority). */
export interface GitConfigStep {
  kind: 'git-config';
  /** target config file (resolved, e.g. ~/.gitconfig). */
  file: string;
  action: 'set' | 'add' | 'unset' | 'unset-all';
  key: string;
  value?: string;
  /** value regex for --add/--unset of one value among many (exact match, escaped). */
  valuePattern?: string;
}

export interface GoEnvStep {
  kind: 'go-env';
  /** the go env file (`go env GOENV`). */
  file: string;
  action: 'set' | 'unset';
  key: string;
  value?: string;
}

/** A whole-file edit computed by a lossless parser/printer (netrc, ssh config). */
export interface FileEditStep {
  kind: 'file-edit';
  file: string;
  /** new content; may hold secrets (netrc) and is never printed: diffs are redacted. */
  content: string;
  /** mode to create the file with when it does not exist (e.g. 0o600). */
  mode: number;
  /** also set this mode on an existing file (e.g. chmod 600 a private key) */
  forceMode?: boolean;
  /** substrings to redact wherever this step is shown. */
  secrets?: string[];
}

export type Step = GitConfigStep | GoEnvStep | FileEditStep;

export interface FileState {
  exists: boolean;
  /** sha256 hex of the bytes, '' when absent */
  sha256: string;
  /** permission bits (e.g. 0o600), 0 when absent */
  mode: number;
}

export interface FileChange {
  file: string;
  before: FileState;
  after: FileState;
  /** unified diff, secrets redacted */
  diff: string;
}

export interface Plan {
  id: string;
  title: string;
  createdAt: string;
  steps: Step[];
  /** one entry per distinct target file, in first-touched order */
  changes: FileChange[];
}

/** How a step is shown to a person: the command, or the file edit. Never includes secrets. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'git-config': {
      const flag =
        step.action === 'add'
          ? ' --add'
          : step.action === 'unset'
            ? ' --unset'
            : step.action === 'unset-all'
              ? ' --unset-all'
              : '';
      const value = step.value !== undefined ? ` ${shellQuote(step.value)}` : '';
      const pat = step.valuePattern !== undefined ? ` ${shellQuote(step.valuePattern)}` : '';
      return `git config --file ${shellQuote(step.file)}${flag} ${step.key}${value}${pat}`;
    }
    case 'go-env':
      return step.action === 'set'
        ? `go env -w ${shellQuote(`${step.key}=${step.value ?? ''}`)}`
        : `go env -u ${step.key}`;
    case 'file-edit':
      return step.forceMode ? `edit ${step.file} (mode 0${step.mode.toString(8)})` : `edit ${step.file}`;
  }
}

export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_./:=@,+%^-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Replace every occurrence of each secret with a marker. */
export function redact(text: string, secrets: readonly string[] | undefined): string {
  if (!secrets) return text;
  let out = text;
  for (const s of secrets) if (s.length > 0) out = out.split(s).join('••••••');
  return out;
}
