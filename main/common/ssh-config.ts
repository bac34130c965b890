// ~/.ssh/config: no tool edits it, so Onramp parses and prints it losslessly
// (ssh-config-syntax.ts), summarizes it (ssh-config-view.ts) and edits only its own marked
// blocks (ssh-config-edit.ts). The effective config for a host comes from `ssh -G` in main/core.
export {
  argvSplit,
  parseSshConfig,
  printSshConfig,
  strdelim,
  type ManagedRegion,
  type MatchCriterion,
  type SshBlock,
  type SshConfigDocument,
  type SshLine,
} from './ssh-config-syntax';
export { canonicalSshKeyword } from './ssh-config-keywords';
export {
  hostOptions,
  hostPatternsMatch,
  sshPatternMatches,
  summarizeSshConfig,
  type SshBlockSummary,
  type SshConfigSummary,
  type SshHostOptions,
  type SshIncludeSummary,
  type SshOptionSummary,
  type SshValue,
} from './ssh-config-view';
export {
  ensureIncludeFirst,
  formatSshOption,
  removeManagedHost,
  removeManagedInclude,
  upsertManagedHost,
  validateSshAlias,
  type SshOption,
} from './ssh-config-edit';
