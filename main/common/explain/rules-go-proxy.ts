// GOPROXY and checksum-database answers. The HTTP status alone rarely names the root cause: a
// public proxy answers 404/410 both for a private module it cannot read (proxy-leak) and for a
// tag that does not exist, so these rules emit an "event" that the ranker refines with what the
// proxy quoted in its `server response` (see rank-nesting.ts).
import { findModule, isAlwaysPublicModule, isPublicProxyHost, moduleFromServiceUrl } from './extract';
import type { Rule, RuleHit } from './rule';
import { statusText } from './rule';

function urlHostOf(url: string): string {
  const m = /^[a-z]+:\/\/([^/:]+)/i.exec(url);
  return (m?.[1] ?? '').toLowerCase();
}

/** Classify one failed proxy/sumdb request. */
export function proxyEvent(url: string, status: string, line: string): RuleHit | null {
  if (url.startsWith('file:')) return null;
  const host = urlHostOf(url);
  const module = moduleFromServiceUrl(url) ?? findModule(line)?.module;
  const code = Number(status);
  const facts: Record<string, string> = { url, status, serviceHost: host };
  if (url.includes('go-get=1')) {
    // go's own discovery request (not a proxy): the host answered an error page.
    return {
      cause: code === 401 || code === 403 ? 'https-no-credentials' : 'unrecognized-import-path',
      weight: 0.7,
      host,
      module,
      facts,
    };
  }
  if (host === 'api.bitbucket.org') {
    // go ≤1.17 asked Bitbucket's API which VCS a repository uses; it needs credentials too.
    const cause = code === 401 ? 'auth-rejected' : code === 404 ? 'repo-not-found' : 'forbidden';
    return { cause, weight: 0.7, host: 'bitbucket.org', module, facts };
  }
  const isSumdb = /\/(lookup|tile)\//.test(url) || host.startsWith('sum.');
  if (isSumdb) {
    facts.event = 'sumdb';
    if (/\/tile\//.test(url)) {
      // The mirror failed to serve a Merkle tile of the public log: nothing about this module.
      return {
        cause: 'not-your-config',
        weight: 0.7,
        module,
        facts,
        note: `The checksum database mirror at ${host} failed to serve a log tile; this is a server-side problem, not your configuration.`,
        fixes: ['report-upstream', 'set-goproxy-mirror'],
      };
    }
    if (code === 404 || code === 410) return { cause: 'sumdb-leak', weight: 0.8, module, facts };
    return { cause: 'public-proxy-unreachable', weight: 0.5, host, module, facts };
  }
  facts.event = 'proxy';
  const isPublic = isPublicProxyHost(host);
  facts.public = isPublic ? 'yes' : 'no';
  if (!isPublic) return { cause: 'private-proxy-misconfig', weight: 0.75, host, module, facts };
  if (code === 404 || code === 410) return { cause: 'proxy-leak', weight: 0.75, module, facts };
  if (code === 403) {
    // proxy.golang.org does not answer 403 for modules; a 403 for a public module is a firewall.
    return isAlwaysPublicModule(module)
      ? { cause: 'public-proxy-unreachable', weight: 0.75, host, module, facts }
      : { cause: 'proxy-leak', weight: 0.55, module, facts };
  }
  if (code === 400) return { cause: 'invalid-version', weight: 0.5, module, facts };
  return { cause: 'not-your-config', weight: 0.45, host, module, facts, fixes: ['report-upstream'] };
}

export const goProxyRules: Rule[] = [
  {
    name: 'proxy-reading-status',
    gate: ['reading '],
    // go ≥1.13: "…: reading https://proxy.golang.org/x/@v/list: 404 Not Found"
    re: /reading ((?:https?|file):\/\/\S+?): (\d{3})\b/,
    hit: (m, line) => proxyEvent(m[1] ?? '', m[2] ?? '', line),
  },
  {
    name: 'proxy-unexpected-status',
    gate: ['unexpected status'],
    // go 1.11–1.12: "unexpected status (https://proxy/…/@v/v1.info): 404 Not Found"
    re: /unexpected status \(((?:https?|file):\/\/[^)\s]+)\): (\d{3})/,
    hit: (m, line) => proxyEvent(m[1] ?? '', m[2] ?? '', line),
  },
  {
    name: 'proxy-status-text-only',
    gate: ['reading '],
    // Some mirrors answer with only a status text ("reading https://…: Not Found").
    re: /reading ((?:https?):\/\/\S+?): (Not Found|Gone|Forbidden|Bad Gateway|Internal Server Error)\s*$/,
    hit: (m, line) => proxyEvent(m[1] ?? '', statusText[m[2] ?? ''] ?? '500', line),
  },
  {
    name: 'sumdb-record-auth',
    gate: ['cannot authenticate record data'],
    re: /cannot authenticate record data/,
    hit: () => ({
      cause: 'not-your-config',
      weight: 0.7,
      note: 'The checksum database (or a mirror of it) returned data that does not verify: a server-side or mirror problem.',
      fixes: ['report-upstream', 'set-goproxy-mirror'],
    }),
  },
];
