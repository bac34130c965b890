// What the machine readers (go env, shell files, ssh, netrc, tools) found wrong, as data: the
// status view lists these and the doctor folds them into root causes, so each carries the file
// and line to fix and a hint in words a developer can act on. Messages never hold a secret.

export type ProblemSeverity = 'error' | 'warning' | 'info';

export const readProblemCodes = [
  'tool-missing', // go / git / ssh not on PATH
  'tool-failed', // a tool ran but could not answer (e.g. `go env` rejected the environment)
  'env-override', // an OS or shell variable overrides the go env file (taxonomy: env-override)
  'shell-export', // a shell startup file sets a go variable: `go env -w` cannot change it
  'unknown-go-var', // a GO* name go does not know (often a misspelling)
  'unsupported-go-var', // a variable this go version ignores (GOAUTH before 1.24)
  'invalid-pattern', // a GOPRIVATE-style entry that cannot match, or matches too much
  'invalid-go-value', // another go variable's value that go rejects or misreads (GOFLAGS, GOPROXY…)
  'go-env-file', // a line of the go env file go ignores or reads differently (see go-env-file.ts)
  'goenv-off', // GOENV=off: go has no env file
  'file-unreadable',
  'file-permissions', // a credential file readable by group/other
  'netrc-compat', // a netrc line Go reads differently from curl/git (see netrc-view.ts)
  'ssh-key-permissions', // taxonomy: ssh-key-permissions
  'ssh-key-encrypted', // go runs ssh in BatchMode: a passphrase (or FIDO touch) needs the agent
  'ssh-key-unusable', // a .pub that does not match its key, a PuTTY key
  'ssh-config-unvetted', // `Match exec` in the ssh config: Onramp will not run `ssh -G`
  'ssh-agent', // agent not reachable / no identities
] as const;
export type ReadProblemCode = (typeof readProblemCodes)[number];

export interface ReadProblem {
  severity: ProblemSeverity;
  code: ReadProblemCode;
  message: string;
  hint: string;
  file?: string;
  line?: number;
}
