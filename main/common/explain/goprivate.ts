// Whether GOPRIVATE / GONOPROXY / GONOSUMDB cover a module, with cmd/go's defaults: GONOPROXY
// and GONOSUMDB fall back to GOPRIVATE when empty. The glob matching itself is the house
// implementation of golang.org/x/mod/module.MatchPrefixPatterns.
import { matchPrefixPatterns } from '../go-path-match';

export interface CoverageEnv {
  goprivate?: string;
  gonoproxy?: string;
  gonosumdb?: string;
}

function effective(specific: string | undefined, goprivate: string | undefined): string {
  return specific !== undefined && specific !== '' ? specific : (goprivate ?? '');
}

export function bypassesProxy(env: CoverageEnv, modulePath: string): boolean {
  return matchPrefixPatterns(effective(env.gonoproxy, env.goprivate), modulePath);
}

export function bypassesSumdb(env: CoverageEnv, modulePath: string): boolean {
  return matchPrefixPatterns(effective(env.gonosumdb, env.goprivate), modulePath);
}
