// Profile signatures: `ssh-keygen -Y sign -n onramp-profile` over the exact profile bytes,
// published beside it as <profile>.sig, checked against the organisation's allowed signers
// file. The namespace keeps a signature made for something else (a git commit, a file) from
// being replayed as a profile signature. This file reads ssh-keygen's answers and says what
// they mean to a person; main/core/profile/signature.ts runs it.
import type { ReviewItem } from './review-types';

export const PROFILE_SIG_NAMESPACE = 'onramp-profile';

export type SignatureStatus =
  | { state: 'good'; signer: string; keyType: string; fingerprint: string }
  | { state: 'unsigned' }
  /** a well-formed signature by a key no allowed-signers file vouches for (or none was given) */
  | { state: 'untrusted'; reason: string; keyType?: string; fingerprint?: string }
  | { state: 'bad'; reason: string }
  /** a built-in preset: shipped with Onramp, nothing to verify */
  | { state: 'builtin' };

export interface GoodSignature {
  signer?: string;
  keyType: string;
  fingerprint: string;
}

/**
 * `Good "onramp-profile" signature for alice@corp with ED25519 key SHA256:…` (verify) or
 * `Good "onramp-profile" signature with ED25519 key SHA256:…` (check-novalidate).
 */
export function parseGoodSignature(
  output: string,
  namespace = PROFILE_SIG_NAMESPACE,
): GoodSignature | undefined {
  for (const line of output.split('\n')) {
    const m = /^Good "([^"]*)" signature (?:for (.+) )?with (\S+) key (SHA256:[A-Za-z0-9+/]+)\s*$/.exec(
      line.trim(),
    );
    if (!m || m[1] !== namespace) continue;
    return { ...(m[2] ? { signer: m[2] } : {}), keyType: m[3] as string, fingerprint: m[4] as string };
  }
  return undefined;
}

export function signatureReviewItem(status: SignatureStatus): ReviewItem {
  switch (status.state) {
    case 'good':
      return {
        id: 'profile-signed',
        level: 'info',
        title: `signed by ${status.signer}`,
        explanation: `The signature checks out with ${status.keyType} key ${status.fingerprint}, which your organisation's allowed signers list names as ${status.signer}.`,
      };
    case 'unsigned':
      return {
        id: 'profile-unsigned',
        level: 'warning',
        title: 'the profile is not signed',
        explanation:
          'Nothing shows who wrote it or that it was not changed on the way. Apply it only if you got it from a place you trust.',
      };
    case 'untrusted':
      return {
        id: 'profile-signer-unknown',
        level: 'warning',
        title: 'signed, but not by a key you trust',
        explanation: `${status.reason}${status.fingerprint ? ` The signing key is ${status.keyType ?? ''} ${status.fingerprint}.` : ''} Compare it with what your organisation publishes.`,
      };
    case 'builtin':
      return {
        id: 'profile-builtin',
        level: 'info',
        title: 'a built-in preset',
        explanation: 'It ships with Onramp; only the answers you gave (URL, org) come from you.',
      };
    case 'bad':
      return {
        id: 'profile-bad-signature',
        level: 'danger',
        overridable: false,
        title: 'the signature does not match',
        explanation: `${status.reason} The profile may have been changed after it was signed; Onramp will not apply it.`,
      };
  }
}
