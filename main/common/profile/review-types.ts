// What the security review hands to a person: one item per thing a profile would change that
// deserves a second look, explained in plain words, and the consent rule that decides whether
// the profile may be applied. Dangerous items are blocked unless overridden one by one (by id);
// warnings need consent; a few things (a bad signature) cannot be overridden at all.

export type ReviewLevel = 'danger' | 'warning' | 'info';

export interface ReviewItem {
  /** stable id, e.g. `git-runs-command:core.sshCommand`: what --allow takes */
  id: string;
  level: ReviewLevel;
  title: string;
  /** plain words: what it does and what could go wrong */
  explanation: string;
  /** the setting as it would be written, e.g. `git config core.sshCommand '…'` */
  setting?: string;
  /** JSON pointer in the profile */
  pointer?: string;
  line?: number;
  /** false: no override exists (a bad signature); default true */
  overridable?: boolean;
}

export interface Consent {
  /** the person read the review and accepts its warnings (--yes) */
  acceptWarnings: boolean;
  /** ids of dangerous items the person overrides one by one (--allow ID) */
  overrides: readonly string[];
}

export interface ConsentResult {
  ok: boolean;
  /** dangerous items without an override, and items that cannot be overridden */
  blocked: ReviewItem[];
  /** warnings not (yet) accepted */
  unconsented: ReviewItem[];
  /** --allow ids that match no item (a typo must not pass silently) */
  unknownOverrides: string[];
}

export function checkConsent(items: readonly ReviewItem[], consent: Consent): ConsentResult {
  const allowed = new Set(consent.overrides);
  const blocked = items.filter(
    (i) => (i.level === 'danger' && !allowed.has(i.id)) || (i.level === 'danger' && i.overridable === false),
  );
  const unconsented = items.filter(
    (i) => i.level === 'warning' && !consent.acceptWarnings && !allowed.has(i.id),
  );
  const ids = new Set(items.map((i) => i.id));
  const unknownOverrides = consent.overrides.filter((o) => !ids.has(o));
  return {
    ok: blocked.length === 0 && unconsented.length === 0 && unknownOverrides.length === 0,
    blocked,
    unconsented,
    unknownOverrides,
  };
}

const rank: Record<ReviewLevel, number> = { danger: 0, warning: 1, info: 2 };

/** Dangerous first, then by line; one item per id. */
export function sortReview(items: readonly ReviewItem[]): ReviewItem[] {
  const seen = new Set<string>();
  return [...items]
    .filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)))
    .sort((a, b) => rank[a.level] - rank[b.level] || (a.line ?? 0) - (b.line ?? 0));
}
