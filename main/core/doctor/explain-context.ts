// What the classifier may know about this machine when it reads a tool's output.
import type { ExplainContext } from '../../common/explain';
import type { DoctorContext } from './context';

export function explainContextOf(ctx: DoctorContext): ExplainContext {
  const helperHosts =
    'summary' in ctx.git
      ? ctx.git.summary.credentialHelpers
          .filter((h) => !h.reset)
          .map((h) => (h.urlScope ? (/^[a-z]+:\/\/([^/]+)/.exec(h.urlScope)?.[1] ?? h.urlScope) : '*'))
      : [];
  return {
    goVersion: ctx.goEnv.version?.raw,
    netrcHosts: ctx.goNetrc.entries.map((e) => e.host),
    credentialHelperHosts: helperHosts,
    goprivate: ctx.routing.GOPRIVATE,
    gonoproxy: ctx.routing.GONOPROXY,
    gonosumdb: ctx.routing.GONOSUMDB,
    goproxy: ctx.routing.GOPROXY,
    envOverrides: ctx.goEnv.settings
      .filter((s) => s.winner === 'os' && s.fileValue !== undefined)
      .map((s) => s.key),
  };
}
