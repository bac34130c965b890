// Does GOPRIVATE/GONOPROXY/GONOSUMDB cover a private module? Decided by go's own rules
// (routeModule) and confirmed by asking the configured proxy and checksum DB what go would
// ask them. A private module sent to a public proxy is the commonest real failure.
import { finding, fix, type Finding } from '../../common/doctor-report';
import { routeModule, type GoRoutingEnv, type ModuleRoute } from '../../common/go-proxy';
import { parseGosumdb } from '../../common/go-sumdb';
import { moduleHost } from '../../common/go-repo-root';
import { goCaFiles, goCredential, type DoctorContext } from './context';
import { escapeModulePath, httpGet } from './http-get';
import { mayBePrivate, type DoctorModule } from './targets';

export interface CoverageResult {
  findings: Finding[];
  /** go will reach the VCS host directly for this module */
  direct: boolean;
  route: ModuleRoute;
}

const publicProxyHosts = new Set([
  'proxy.golang.org',
  'goproxy.io',
  'goproxy.cn',
  'mirrors.aliyun.com',
  'goproxy.dev',
]);

/** The narrowest sensible GOPRIVATE pattern for a module: its host (or host/org on shared hosts). */
export function patternFor(path: string): string {
  const parts = path.split('/');
  const host = moduleHost(path);
  return ['github.com', 'gitlab.com', 'bitbucket.org'].includes(host)
    ? parts.slice(0, 2).join('/')
    : (parts[0] as string);
}

function fileRouting(ctx: DoctorContext): GoRoutingEnv {
  const file = (k: string) => ctx.goEnv.settings.find((s) => s.key === k)?.fileValue;
  return {
    ...ctx.routing,
    GOPRIVATE: file('GOPRIVATE') ?? '',
    GONOPROXY: file('GONOPROXY') ?? '',
    GONOSUMDB: file('GONOSUMDB') ?? '',
    GOPROXY: file('GOPROXY') ?? '',
  };
}

async function askProxy(ctx: DoctorContext, proxyUrl: string, m: DoctorModule) {
  const url = `${proxyUrl.replace(/\/$/, '')}/${escapeModulePath(m.path)}/@v/list`;
  const host = new URL(proxyUrl).hostname;
  return ctx.memo(`proxy:${url}`, async () => ({
    url,
    answer: await httpGet(url, {
      caFiles: goCaFiles(ctx),
      auth: goCredential(ctx, host),
      timeoutMs: ctx.timeoutMs,
    }),
  }));
}

export async function coverageCheck(ctx: DoctorContext, m: DoctorModule): Promise<CoverageResult> {
  const route = routeModule(ctx.routing, m.path);
  const direct = route.proxyBypassed || route.sources.some((s) => s.kind === 'direct');
  const out: CoverageResult = { findings: [], direct, route };
  const pattern = patternFor(m.path);
  if (route.error) {
    out.findings.push(
      finding('proxy-disabled', 'error', 'coverage', {
        module: m.path,
        evidence: [route.error],
        fixes: [fix('add-direct-fallback')],
      }),
    );
    out.direct = false;
    return out;
  }
  let kind = mayBePrivate(m.path, ctx.routing.GOPRIVATE ?? '');
  const firstProxy = route.proxyBypassed ? undefined : route.sources.find((s) => s.kind === 'proxy');
  // A module on a shared host is private when the proxy says it does not know it.
  if (kind === 'ask-proxy' && firstProxy?.kind === 'proxy') {
    const { answer } = await askProxy(ctx, firstProxy.url, m);
    kind = answer.status === 404 || answer.status === 410 ? 'private' : 'public';
  }
  if (kind === 'public') return out;
  const covered = (r: ModuleRoute) => r.proxyBypassed && !r.sumdbChecked;
  // An override exported by a shell/IDE that un-covers a module the file covers is the root cause.
  if (
    !covered(route) &&
    covered(routeModule(fileRouting(ctx), m.path)) &&
    ctx.goEnv.settings.some((s) => s.winner === 'os')
  ) {
    const overriding = ctx.goEnv.settings.filter(
      (s) => s.winner === 'os' && ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOPROXY'].includes(s.key),
    );
    out.findings.push(
      finding('env-override', 'error', 'coverage', {
        module: m.path,
        evidence: overriding.map(
          (s) =>
            `${s.key}=${JSON.stringify(s.osValue)} in the environment overrides ${JSON.stringify(s.fileValue ?? '')} in the go env file${s.shellExports[0] ? ` (exported at ${s.shellExports[0].file}:${s.shellExports[0].line})` : ''}`,
        ),
        explanation:
          'The go env file covers this module, but a variable exported by the shell or the IDE wins over it.',
        fixes: [
          fix('move-shell-export', {
            needsInput: 'confirmation',
            params: { keys: overriding.map((s) => s.key).join(',') },
          }),
        ],
      }),
    );
    return out;
  }
  if (!route.proxyBypassed) {
    if (route.sources[0]?.kind === 'off') {
      out.findings.push(
        finding('proxy-disabled', 'error', 'coverage', {
          module: m.path,
          evidence: [
            `GOPROXY=off and ${m.path} is not matched by GOPRIVATE/GONOPROXY: module lookup disabled by GOPROXY=off`,
          ],
          explanation: 'GOPROXY=off blocks every lookup except modules matched by GOPRIVATE/GONOPROXY.',
          fixes: [fix('add-goprivate', { params: { pattern } })],
        }),
      );
      out.direct = false;
      return out;
    }
    if (firstProxy?.kind === 'proxy') {
      const { url, answer } = await askProxy(ctx, firstProxy.url, m);
      const host = new URL(firstProxy.url).hostname;
      const anonymousNotFound = answer.status === 404 || answer.status === 410;
      if (publicProxyHosts.has(host) || anonymousNotFound) {
        out.findings.push(
          finding('proxy-leak', 'error', 'coverage', {
            module: m.path,
            evidence: [
              `${url}: ${answer.status ?? answer.error}`,
              `GOPRIVATE=${JSON.stringify(ctx.routing.GOPRIVATE ?? '')} does not match ${m.path}`,
            ],
            explanation: `go asks the proxy ${firstProxy.url} for this private module (its path leaks there) and, because GONOSUMDB does not cover it either, the public checksum database too.`,
            fixes: [fix('add-goprivate', { params: { pattern } })],
          }),
        );
        return out;
      }
      if (answer.status !== 200) {
        out.findings.push(
          finding(
            'private-proxy-misconfig',
            route.sources.some((s) => s.kind === 'direct') ? 'warning' : 'error',
            'coverage',
            {
              module: m.path,
              evidence: [`${url}: ${answer.status ?? answer.error}`],
              explanation: `The organisation's proxy ${firstProxy.url} cannot serve this module.`,
              fixes: [fix('fix-private-proxy'), fix('add-goprivate', { params: { pattern } })],
            },
          ),
        );
        if (!out.direct) return out;
      }
    }
  }
  if (route.sumdbChecked) {
    const db = parseGosumdb(ctx.routing.GOSUMDB ?? '');
    const base = db.kind === 'db' ? (db.url ?? `https://${db.name}`) : undefined;
    const evidence = [
      `GONOSUMDB=${JSON.stringify(route.effective.GONOSUMDB)} does not match ${m.path}; GOSUMDB=${route.effective.GOSUMDB}`,
    ];
    if (base && m.version) {
      const url = `${base.replace(/\/$/, '')}/lookup/${escapeModulePath(m.path)}@${m.version}`;
      const a = await httpGet(url, { caFiles: goCaFiles(ctx), timeoutMs: ctx.timeoutMs });
      evidence.push(`verifying module: ${m.path}@${m.version}: reading ${url}: ${a.status ?? a.error}`);
    }
    out.findings.push(
      finding('sumdb-leak', 'error', 'coverage', {
        module: m.path,
        evidence,
        explanation:
          'go checks this private module against the public checksum database, which cannot know it.',
        fixes: [fix('add-gonosumdb', { params: { pattern } }), fix('add-goprivate', { params: { pattern } })],
      }),
    );
    return out;
  }
  out.findings.push(
    finding('proxy-leak', 'ok', 'coverage', {
      module: m.path,
      title: `${m.path} is covered by GOPRIVATE/GONOPROXY/GONOSUMDB`,
    }),
  );
  return out;
}
