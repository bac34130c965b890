// Public result shapes of `explainOutput`, and the internal signal a rule emits for one line.
import type { FixId } from './fixes';
import type { TaxonomyId } from './taxonomy';

export interface CauseFix {
  id: FixId;
  title: string;
}

export interface Cause {
  id: TaxonomyId;
  /** 0..1 */
  confidence: number;
  title: string;
  /** the input lines (secrets redacted) that support this cause, in input order */
  evidence: string[];
  explanation: string;
  fixes: CauseFix[];
  host?: string;
  module?: string;
  /** symptoms and alternatives folded into this cause */
  secondary?: TaxonomyId[];
}

export interface ExplainResult {
  /** ranked by confidence; the first is the primary root cause */
  causes: Cause[];
}

/** What is known about the machine; every field is optional. */
export interface ExplainContext {
  goVersion?: string;
  /** hosts with a `machine` entry in ~/.netrc */
  netrcHosts?: string[];
  /** hosts that have a git credential helper configured, or '*' for a global helper */
  credentialHelperHosts?: string[];
  goprivate?: string;
  gonoproxy?: string;
  gonosumdb?: string;
  goproxy?: string;
  /** go env variables overridden by the process environment (shell export, IDE, CI) */
  envOverrides?: string[];
}

/** Where a line sits relative to a proxy/sumdb "server response" block. */
export interface Nesting {
  /** index of the signal that owns the block (the proxy/sumdb HTTP error) */
  owner: number;
}

/** One observation on one line. Rules emit these; the ranker turns them into causes. */
export interface Signal {
  cause: TaxonomyId;
  /** base confidence 0..1 before context and folding */
  weight: number;
  /** 0-based line number in the input */
  line: number;
  /** the raw line (not yet redacted) */
  text: string;
  rule: string;
  host?: string;
  module?: string;
  /** set when the line is quoted inside another tool's server response */
  nested?: Nesting;
  /** other ids this evidence could equally mean (GnuTLS, GitHub's 404 for private repos…) */
  alternatives?: { id: TaxonomyId; weight: number }[];
  /** a sentence added to the explanation */
  note?: string;
  /** extra facts for the ranker: HTTP status, proxy kind, URL… */
  facts?: Record<string, string>;
  fixes?: FixId[];
}
