// Which fixes Onramp can turn into a plan, and what each needs from the person. The planner's
// cases live in main/core/fixes/fix-steps.ts; until the contract says per fix whether it is
// automated, this list mirrors them (a fix missing here still works: it just shows as manual
// first, and "Try to plan it" remains).
import { fixCatalog, type FixId } from '../../../main/common/explain/fixes';

export const automatedFixes: ReadonlySet<string> = new Set<FixId>([
  'add-goprivate',
  'add-gonosumdb',
  'add-direct-fallback',
  'enable-modules',
  'set-git-ca',
  'fix-insteadof',
  'add-netrc-entry',
  'replace-credential',
  'chmod-key-600',
]);

export interface FixLike {
  id: string;
  title: string;
  needsInput?: 'token' | 'confirmation' | 'passphrase';
  params?: Record<string, string>;
}

export function fixDescription(id: string): string | undefined {
  return (fixCatalog as Record<string, { description: string } | undefined>)[id]?.description;
}

/** The inputs a fix form asks for before planning. */
export function fixInputs(fix: FixLike): { token: boolean; caFile: boolean } {
  return {
    token: fix.needsInput === 'token' || fix.id === 'add-netrc-entry' || fix.id === 'replace-credential',
    caFile: fix.id === 'set-git-ca' && !fix.params?.caFile,
  };
}
