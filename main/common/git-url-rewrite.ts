// git's url.<base>.insteadOf / pushInsteadOf resolution, as remote.c's alias_url does it
// (https://github.com/git/git/blob/v2.39.0/remote.c): the longest matching prefix wins, compared
// byte-wise and case-sensitively; no boundary is required (`git@host:` matches `git@host:org/x`).
// Checked against `git ls-remote --get-url` and `git remote -v` by a differential test.

export interface UrlRewriteRule {
  /** the `<base>` of url.<base>.insteadOf: what a matching prefix is replaced with */
  base: string;
  /** the insteadOf / pushInsteadOf value: the prefix a URL must start with */
  prefix: string;
  /** true for pushInsteadOf */
  push?: boolean;
}

export interface UrlRewriteResult {
  url: string;
  /** the rule applied; absent when no rule matched and the URL is unchanged */
  rule?: { base: string; prefix: string; push: boolean };
}

interface RewriteGroup {
  base: string;
  prefixes: string[];
}

/**
 * Groups rules by base in order of the base's first appearance, as make_rewrite does: git keeps
 * one `struct rewrite` per base and appends every later value for that base to it. That order
 * decides ties, which only happen between identical prefixes (two different strings of the same
 * length cannot both be prefixes of one URL).
 */
function groupByBase(rules: readonly UrlRewriteRule[], push: boolean): RewriteGroup[] {
  const groups = new Map<string, RewriteGroup>();
  for (const r of rules) {
    if ((r.push ?? false) !== push) continue;
    let g = groups.get(r.base);
    if (!g) {
      g = { base: r.base, prefixes: [] };
      groups.set(r.base, g);
    }
    g.prefixes.push(r.prefix);
  }
  return [...groups.values()];
}

/** remote.c alias_url: the first (base order, then value order) of the longest matches. */
function aliasUrl(
  url: string,
  groups: readonly RewriteGroup[],
): { base: string; prefix: string } | undefined {
  let best: { base: string; prefix: string } | undefined;
  let bestLen = -1;
  for (const g of groups) {
    for (const prefix of g.prefixes) {
      // Lengths compared in UTF-16 units give the same order as git's byte lengths here:
      // every candidate is a prefix of the same URL, so a longer one is longer in both.
      if (url.startsWith(prefix) && prefix.length > bestLen) {
        best = { base: g.base, prefix };
        bestLen = prefix.length;
      }
    }
  }
  return best;
}

/**
 * Rewrites a URL as git does before fetching or pushing. For push, pushInsteadOf rules are
 * tried on the original URL first; only when none matches is the insteadOf result used
 * (remote.c add_url_alias / add_pushurl_alias). An explicit remote.<name>.pushurl is not
 * modelled here: git rewrites it with insteadOf only.
 */
export function rewriteUrl(
  url: string,
  rules: readonly UrlRewriteRule[],
  opts: { push?: boolean } = {},
): UrlRewriteResult {
  if (opts.push) {
    const hit = aliasUrl(url, groupByBase(rules, true));
    if (hit) return { url: hit.base + url.slice(hit.prefix.length), rule: { ...hit, push: true } };
  }
  const hit = aliasUrl(url, groupByBase(rules, false));
  if (hit) return { url: hit.base + url.slice(hit.prefix.length), rule: { ...hit, push: false } };
  return { url };
}
