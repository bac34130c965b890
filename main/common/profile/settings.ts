// What a profile asks of a machine, as concrete settings: go env values, git config entries,
// netrc entries, ssh host blocks, pinned host keys and CA files. Every setting remembers the
// JSON pointer it came from, so the security review can point at the line that asked for it.
// This is the only place that turns profile fields into settings; the review, the onboarding
// engine and the CI export all read these, so what is reviewed is exactly what is written.
import { DEFAULT_GOPROXY, DEFAULT_GOSUMDB } from '../go-proxy';
import type { Profile, ProfileHost } from './schema';

export interface GoEnvSetting {
  key: string;
  value: string;
  /** go's own default: nothing needs writing while the env file does not set the key */
  isGoDefault: boolean;
  pointer: string;
}

export interface GitSetting {
  key: string;
  value: string;
  /** 'add' for multi-valued keys (insteadOf): the value joins the others */
  action: 'set' | 'add';
  pointer: string;
}

export interface NetrcNeed {
  host: string;
  login?: string;
  why: string;
  tokenScopes?: string[];
  tokenCreateUrl?: string;
  pointer: string;
}

export interface SshOptionSetting {
  key: string;
  value: string;
  pointer: string;
}

export interface SshHostSetting {
  host: string;
  options: SshOptionSetting[];
  pointer: string;
}

export interface KnownHostPin {
  host: string;
  port: number;
  hostKeys: string[];
  fingerprints: string[];
  pointer: string;
}

export interface CaCertSetting {
  /** the web host whose HTTPS this CA signs */
  host: string;
  pem: string;
  /** file name inside the CA directory */
  fileName: string;
  pointer: string;
}

export interface DesiredSettings {
  goEnv: GoEnvSetting[];
  git: GitSetting[];
  netrc: NetrcNeed[];
  ssh: SshHostSetting[];
  knownHosts: KnownHostPin[];
  ca: CaCertSetting[];
  /** `module@version` for go mod download */
  testModules: string[];
  /** every host the profile declares (web, API, SSH, proxy) */
  ownedHosts: string[];
  /** where the web host of each profile host is */
  webHosts: string[];
}

export interface SettingsContext {
  /** directory the CA files go in (git's http.<url>.sslCAInfo points there) */
  caDir: string;
  /** the private key to name in the ssh host blocks, when known */
  sshKeyFile?: string;
}

export const mirrorUrls: Record<Exclude<Profile['publicMirror'], 'none'>, string> = {
  'proxy.golang.org': 'https://proxy.golang.org',
  'goproxy.cn': 'https://goproxy.cn',
  'goproxy.io': 'https://goproxy.io',
};

export const webHostOf = (h: ProfileHost): string => new URL(h.webUrl).hostname;
export const sshPortOf = (h: ProfileHost): number => h.ssh?.port ?? 22;

/**
 * The git URL prefix that fetches over ssh: scp-like `user@host:` on port 22 (the form every
 * forge documents; on a plain OpenSSH server it is relative to the user's home, where
 * `ssh://host/path` would be absolute), `ssh://user@host:port/` otherwise (scp form has no port).
 */
export function sshBaseUrl(h: ProfileHost): string {
  const ssh = h.ssh;
  if (!ssh) throw new Error('host has no ssh section');
  const port = sshPortOf(h);
  const user = ssh.user ?? 'git';
  return port === 22 ? `${user}@${ssh.host}:` : `ssh://${user}@${ssh.host}:${port}/`;
}

export function goproxyValue(p: Profile): string {
  const list = [p.goproxy?.url, p.publicMirror === 'none' ? undefined : mirrorUrls[p.publicMirror], 'direct'];
  return list.filter((x): x is string => x !== undefined).join(',');
}

function goEnvOf(p: Profile): GoEnvSetting[] {
  const out: GoEnvSetting[] = [];
  const add = (key: string, value: string, pointer: string, isGoDefault = false) =>
    out.push({ key, value, pointer, isGoDefault });
  add('GOPRIVATE', p.modules.private.join(','), '/modules/private');
  if (p.modules.noSumDb) add('GONOSUMDB', p.modules.noSumDb.join(','), '/modules/noSumDb');
  // GONOPROXY defaults to GOPRIVATE (direct fetches); "none" matches no real module path, so
  // private modules then come from the company proxy (`go help private`).
  if (p.goproxy?.servesPrivate) add('GONOPROXY', 'none', '/goproxy/servesPrivate');
  const proxy = goproxyValue(p);
  add('GOPROXY', proxy, p.goproxy ? '/goproxy' : '/publicMirror', proxy === DEFAULT_GOPROXY);
  add('GOSUMDB', p.sumdb, '/sumdb', p.sumdb === DEFAULT_GOSUMDB);
  for (const [key, value] of Object.entries(p.advanced?.goEnv ?? {}))
    out.push({ key, value, pointer: `/advanced/goEnv/${key}`, isGoDefault: false });
  // An advanced value replaces the computed one for the same key (the review sees the final value).
  const last = new Map(out.map((s, i) => [s.key, i]));
  return out.filter((s, i) => last.get(s.key) === i);
}

function netrcOf(p: Profile): NetrcNeed[] {
  const out: NetrcNeed[] = [];
  p.hosts.forEach((h, i) => {
    const reasons = [
      ...(h.protocol === 'https' ? ['git fetches over HTTPS with it'] : []),
      ...(h.discoveryNeedsAuth ? ['go’s ?go-get=1 discovery needs it (private subgroups)'] : []),
    ];
    const why = reasons.join('; ');
    if (!why) return;
    out.push({
      host: webHostOf(h),
      login: h.token?.login,
      why,
      tokenScopes: h.token?.scopes,
      tokenCreateUrl: h.token?.createUrl,
      pointer: `/hosts/${i}`,
    });
  });
  if (p.goproxy?.auth) {
    const host = new URL(p.goproxy.url).hostname;
    if (!out.some((n) => n.host === host))
      out.push({ host, login: p.goproxy.login, why: 'the company GOPROXY needs it', pointer: '/goproxy' });
  }
  return out;
}

export function desiredSettings(p: Profile, ctx: SettingsContext): DesiredSettings {
  const git: GitSetting[] = [];
  const ssh: SshHostSetting[] = [];
  const knownHosts: KnownHostPin[] = [];
  const ca: CaCertSetting[] = [];
  p.hosts.forEach((h, i) => {
    const web = webHostOf(h);
    if (h.protocol === 'ssh' && h.ssh)
      git.push({
        key: `url.${sshBaseUrl(h)}.insteadOf`,
        value: `https://${web}/`,
        action: 'add',
        pointer: `/hosts/${i}/protocol`,
      });
    // ssh settings only matter (and are only written) when git is to fetch over ssh.
    if (h.ssh && h.protocol === 'ssh') {
      const pointer = `/hosts/${i}/ssh`;
      const options: SshOptionSetting[] = [{ key: 'User', value: h.ssh.user ?? 'git', pointer }];
      if (sshPortOf(h) !== 22) options.push({ key: 'Port', value: String(sshPortOf(h)), pointer });
      if (ctx.sshKeyFile)
        options.push(
          { key: 'IdentityFile', value: ctx.sshKeyFile, pointer },
          { key: 'IdentitiesOnly', value: 'yes', pointer },
        );
      ssh.push({ host: h.ssh.host, options, pointer });
      knownHosts.push({
        host: h.ssh.host,
        port: sshPortOf(h),
        hostKeys: h.ssh.hostKeys ?? [],
        fingerprints: h.ssh.fingerprints ?? [],
        pointer: `/hosts/${i}/ssh`,
      });
    }
    if (h.caCertificate) {
      const fileName = `${p.id}-${web}.pem`;
      ca.push({ host: web, pem: h.caCertificate, fileName, pointer: `/hosts/${i}/caCertificate` });
      git.push({
        key: `http.https://${web}/.sslCAInfo`,
        value: `${ctx.caDir}/${fileName}`,
        action: 'set',
        pointer: `/hosts/${i}/caCertificate`,
      });
    }
  });
  (p.advanced?.gitConfig ?? []).forEach((g, i) =>
    git.push({ key: g.key, value: g.value, action: 'set', pointer: `/advanced/gitConfig/${i}` }),
  );
  for (const [host, opts] of Object.entries(p.advanced?.sshOptions ?? {})) {
    const pointer = `/advanced/sshOptions/${host}`;
    const existing = ssh.find((s) => s.host === host);
    const extra = Object.entries(opts).map(([key, value]) => ({ key, value, pointer: `${pointer}/${key}` }));
    if (existing) {
      const replaced = (k: string) => extra.some((e) => e.key.toLowerCase() === k.toLowerCase());
      existing.options = [...existing.options.filter((o) => !replaced(o.key)), ...extra];
    } else ssh.push({ host, options: extra, pointer });
  }
  const webHosts = p.hosts.map(webHostOf);
  const ownedHosts = new Set(webHosts);
  for (const h of p.hosts) {
    if (h.ssh) ownedHosts.add(h.ssh.host);
    if (h.apiUrl) ownedHosts.add(new URL(h.apiUrl).hostname);
  }
  if (p.goproxy) ownedHosts.add(new URL(p.goproxy.url).hostname);
  return {
    goEnv: goEnvOf(p),
    git,
    netrc: netrcOf(p),
    ssh,
    knownHosts,
    ca,
    testModules: (p.testModules ?? []).map((t) => `${t.module}@${t.version ?? 'latest'}`),
    ownedHosts: [...ownedHosts],
    webHosts,
  };
}
