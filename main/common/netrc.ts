// netrc: the file go 1.19 reads for its own HTTPS requests and curl/git read for HTTP auth.
// No tool edits it, so Onramp parses and prints it losslessly (netrc-syntax.ts), reads it the
// way Go and curl do (netrc-view.ts) and edits one entry at a time (netrc-edit.ts).
export {
  parseNetrc,
  printNetrc,
  type NetrcComment,
  type NetrcDocument,
  type NetrcEntry,
  type NetrcField,
  type NetrcFieldKey,
  type NetrcMacdef,
  type NetrcToken,
} from './netrc-syntax';
export {
  curlIndex,
  curlLookup,
  goIndex,
  goLookup,
  goNetrcEntries,
  summarizeNetrc,
  type CurlCredential,
  type GoNetrcView,
  type NetrcCompatCode,
  type NetrcCompatProblem,
  type NetrcCredential,
  type NetrcMachineSummary,
  type NetrcSummary,
} from './netrc-view';
export {
  removeNetrcMachine,
  setNetrcMachine,
  validateNetrcToken,
  type NetrcCredentialInput,
  type NetrcEditResult,
  type NetrcTokenKind,
} from './netrc-edit';
