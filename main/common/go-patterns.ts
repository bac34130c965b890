// Go's module-path globs (GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE), in one place for
// callers. The port of Go's matching code lives in go-path-match.ts and the lint for
// GOPRIVATE-style lists in go-pattern-check.ts, each kept under the file-size limit.
export {
  BAD_PATTERN_MESSAGE,
  goPathMatch,
  isBadPattern,
  matchPrefixPatterns,
  pathMatch,
  type PathMatchResult,
} from './go-path-match';
export { validatePatternList, type PatternProblem } from './go-pattern-check';
