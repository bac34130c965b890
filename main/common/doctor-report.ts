// What `onramp doctor` returns: findings per check, the root cause first. The route order
// (env → coverage → network → discovery → VCS URL → auth → content) decides which broken
// thing is the root cause; later checks on the same route are skipped, not reported as five
// more errors.
import { routeOrder, taxonomyTitles, type TaxonomyId } from './explain/taxonomy';
import { fixCatalog, type FixId } from './explain/fixes';

export type Severity = 'error' | 'warning' | 'ok';

export interface FindingFix {
  id: FixId;
  title: string;
  /** what the fix needs that doctor cannot choose (a token, a confirmation) */
  needsInput?: 'token' | 'confirmation' | 'passphrase';
  /** values the fix planner uses (pattern to add, CA file, key file…); never secrets */
  params?: Record<string, string>;
}

export interface Finding {
  id: TaxonomyId;
  severity: Severity;
  /** the check that produced it, e.g. `coverage`, `tls-git`, `auth` */
  check: string;
  title: string;
  host?: string;
  module?: string;
  evidence: string[];
  explanation?: string;
  fixes: FindingFix[];
  durationMs?: number;
}

export interface CheckTiming {
  check: string;
  subject: string;
  durationMs: number;
}

export interface DoctorReport {
  primary: TaxonomyId | null;
  findings: Finding[];
  modules: string[];
  hosts: string[];
  durationMs: number;
  timings: CheckTiming[];
}

const rank = new Map<TaxonomyId, number>(routeOrder.map((id, i) => [id, i]));
const sevRank: Record<Severity, number> = { error: 0, warning: 1, ok: 2 };

/** Errors first in route order, then warnings, then passed checks. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => sevRank[a.severity] - sevRank[b.severity] || (rank.get(a.id) ?? 99) - (rank.get(b.id) ?? 99),
  );
}

export function primaryOf(findings: readonly Finding[]): TaxonomyId | null {
  return orderFindings(findings).find((f) => f.severity === 'error')?.id ?? null;
}

export function fix(id: FixId, extra: Omit<FindingFix, 'id' | 'title'> = {}): FindingFix {
  return { id, title: fixCatalog[id].title, ...extra };
}

export function finding(
  id: TaxonomyId,
  severity: Severity,
  check: string,
  rest: Partial<Omit<Finding, 'id' | 'severity' | 'check'>> = {},
): Finding {
  return { id, severity, check, title: rest.title ?? taxonomyTitles[id], evidence: [], fixes: [], ...rest };
}
