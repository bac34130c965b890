// The shape of a classification rule. Each rule names the cheap substrings (`gate`) that must
// occur on a line before its regular expression runs: the scanner builds one prefilter from all
// gates, so a 10 MB `go mod download -x` log only pays for regexes on the few lines that matter.
import type { FixId } from './fixes';
import type { TaxonomyId } from './taxonomy';

export interface RuleHit {
  cause: TaxonomyId;
  weight: number;
  host?: string;
  module?: string;
  alternatives?: { id: TaxonomyId; weight: number }[];
  note?: string;
  facts?: Record<string, string>;
  fixes?: FixId[];
}

export interface Rule {
  name: string;
  /** case-sensitive substrings; the rule runs when any of them occurs on the line */
  gate: readonly string[];
  re: RegExp;
  hit(m: RegExpExecArray, line: string): RuleHit | RuleHit[] | null | undefined;
}

/** HTTP status text → code, for tools that print only the text. */
export const statusText: Record<string, string> = {
  'Bad Request': '400',
  Unauthorized: '401',
  Forbidden: '403',
  'Not Found': '404',
  Gone: '410',
  'Proxy Authentication Required': '407',
  'Too Many Requests': '429',
  'Internal Server Error': '500',
  'Bad Gateway': '502',
  'Service Unavailable': '503',
  'Gateway Timeout': '504',
};
