// How credential facts read for a person (CLI lines; the UI can reuse them). Never a secret:
// every input here is metadata (names of places, dates, scopes).
import type { Place, Verification } from './inventory-model';
import type { CredentialProblem } from './token-info';

const placeNames: Record<Place['kind'], string> = {
  keychain: 'keychain item',
  'session-cache': 'session memory',
  'file-store': 'file store',
  'credential-helper': 'git credential helper',
  goauth: 'GOAUTH',
  netrc: 'netrc',
  agent: 'ssh agent',
  'ssh-config': 'ssh config',
  'key-file': 'key file',
  'known-hosts': 'known_hosts',
};

export function describePlace(p: Place & { present?: boolean | null }): string {
  const state = p.present === false ? ' [MISSING]' : p.present === null ? ' [not checked]' : '';
  return `${placeNames[p.kind]}: ${p.detail}${p.plaintext ? ' (plain text on disk)' : ''}${state}`;
}

export function describeProblem(p: CredentialProblem): string {
  return `${p.severity}: ${p.message}${p.hint ? `\n    ${p.hint}` : ''}`;
}

export function describeVerification(v: Verification | undefined): string {
  if (!v) return 'never';
  return `${v.at.slice(0, 19).replace('T', ' ')}Z ${v.ok ? 'ok' : 'FAILED'} (${v.how})`;
}

export function describeDate(iso: string | undefined, none = 'never'): string {
  return iso ? iso.slice(0, 10) : none;
}
