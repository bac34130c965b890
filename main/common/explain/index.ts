// explainOutput: read what go, git and ssh printed and name the root causes, most likely first.
// Pure and synchronous so the CLI, the UI and the doctor can call it on any captured output.
import { rank } from './rank';
import {
  detectPrecedence,
  detectWrongRoot,
  fillHosts,
  foldLeakIntoMissingVersion,
  refineNesting,
  refineWithContext,
} from './refine';
import { scan } from './scan';
import type { ExplainContext, ExplainResult, Signal } from './types';

export type { Cause, CauseFix, ExplainContext, ExplainResult } from './types';
export { fixCatalog, fixIds, isFixId, type FixId, type FixInfo } from './fixes';
export { isTaxonomyId, routeOrder, taxonomyIds, taxonomyTitles, type TaxonomyId } from './taxonomy';
export { redactLine } from './redact';
export { bypassesProxy, bypassesSumdb } from './goprivate';

export function explainOutput(text: string, context: ExplainContext = {}): ExplainResult {
  const { signals, errorLines } = scan(text);
  fillHosts(signals);
  refineNesting(signals);
  foldLeakIntoMissingVersion(signals);
  const extra: Signal[] = [...detectWrongRoot(signals), ...refineWithContext(signals, context)];
  const all = [...signals, ...extra];
  detectPrecedence(all);
  if (all.length === 0 && errorLines.length > 0) {
    for (const e of errorLines)
      all.push({ cause: 'other', weight: 0.2, line: e.line, text: e.text, rule: 'unclassified' });
  }
  return { causes: rank(all, context) };
}
