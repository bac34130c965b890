// Pulls the module path and the host out of one line of go/git/ssh output.

const moduleAtVersion =
  /(?:^|[\s'"(])([a-z0-9][\w.-]*\.[\w.-]+(?::\d+)?(?:\/[\w.~+!-]+)*)@(v\d[\w.+-]*|latest|upgrade|none|master|main|[0-9a-f]{7,40})/i;
const importPath =
  /(?:unrecognized import path|malformed module path|package|module|require|go get) "?([a-z0-9][\w.-]*\.[a-z][\w.-]*(?:\/[\w.~+-]+)*)"?/i;
const urlHost =
  /\b(?:https?|ssh|git(?:\+ssh)?):\/\/(?:[^\s@/'"]+@)?\[?([a-z0-9][\w.-]*|\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]+)\]?(?::\d+)?/i;
const scpHost = /\b[\w.-]+@([a-z0-9][\w.-]*\.[a-z][\w-]*):/i;

/** Go escapes upper-case letters in proxy URLs as "!x". */
export function unescapeModulePath(path: string): string {
  return path.replace(/!([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** The module path and version of the first `path@version` on the line. */
export function findModule(line: string): { module: string; version: string } | undefined {
  const m = moduleAtVersion.exec(line);
  if (m?.[1] && m[2]) {
    const module = m[1].replace(/\/go\.mod$/, '');
    if (!isServiceHost(module.split('/')[0] ?? '')) return { module, version: m[2] };
  }
  const p = importPath.exec(line);
  if (p?.[1] && !isServiceHost(p[1].split('/')[0] ?? '')) return { module: p[1], version: '' };
  return undefined;
}

/** The module path encoded in a GOPROXY or sumdb URL (…/<module>/@v/… or …/lookup/<module>@v). */
export function moduleFromServiceUrl(url: string): string | undefined {
  const v = /^https?:\/\/[^/]+(?:\/[^@]*?)?\/((?:[a-z0-9][\w.-]*\.[\w.-]+)(?:\/[^@/\s]+)*?)\/@v\//i.exec(url);
  if (v?.[1]) return unescapeModulePath(stripProxyPrefix(v[1]));
  const l = /\/lookup\/([^@\s]+)@/.exec(url);
  if (l?.[1]) return unescapeModulePath(l[1]);
  return undefined;
}

// A proxy may live under a path (https://mirrors.aliyun.com/goproxy/<module>/@v/…); the module
// starts at the first element that looks like a host name after the proxy's own path.
function stripProxyPrefix(path: string): string {
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    if (/^[a-z0-9][\w-]*(\.[\w-]+)+$/i.test(parts[i] ?? '')) return parts.slice(i).join('/');
  }
  return path;
}

/** The host named by the first URL, scp-style address or host phrase on the line. */
export function findHost(line: string): string | undefined {
  const u = urlHost.exec(line);
  if (u?.[1]) return u[1].toLowerCase();
  const s = scpHost.exec(line);
  if (s?.[1]) return s[1].toLowerCase();
  const phrase =
    /(?:connect to host|Could not resolve host(?:name)?:?|resolve host '?|Failed to connect to|lookup|unable to look up|host key for|known for) \[?([\w.-]+)/i.exec(
      line,
    );
  if (phrase?.[1]) return phrase[1].toLowerCase();
  return undefined;
}

/** First element of a module path: the host that serves it (before any discovery redirect). */
export function moduleHost(module: string | undefined): string | undefined {
  if (!module) return undefined;
  const first = module.split('/')[0];
  return first && first.includes('.') ? first.toLowerCase() : undefined;
}

const publicProxies = [
  'proxy.golang.org',
  'goproxy.io',
  'goproxy.cn',
  'proxy.golang.com.cn',
  'mirrors.aliyun.com',
  'goproxy.baidu.com',
  'mirrors.tencent.com',
  'gocenter.io',
];
const publicSumdbs = ['sum.golang.org', 'sum.golang.google.cn'];

export function isPublicProxyHost(host: string | undefined): boolean {
  return !!host && (publicProxies.includes(host) || publicSumdbs.includes(host));
}

export function isServiceHost(host: string): boolean {
  return isPublicProxyHost(host.toLowerCase());
}

/** Module hosts that are public by construction (vanity hosts of public projects). */
const alwaysPublicModuleHosts = [
  'golang.org',
  'google.golang.org',
  'cloud.google.com',
  'gopkg.in',
  'go.uber.org',
  'k8s.io',
  'sigs.k8s.io',
  'go.opentelemetry.io',
  'honnef.co',
];
/** Code hosts that serve both public and private repositories. */
export const publicCodeHosts = ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'gitea.com'];

export function isAlwaysPublicModule(module: string | undefined): boolean {
  const host = moduleHost(module);
  return !!host && alwaysPublicModuleHosts.includes(host);
}
