// Profiles for tests: a base profile as a plain object (tests patch it), its JSON text, and one
// against the sandbox Git host (its CA, its users, its published ssh host key fingerprint).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProfileText, type ParsedProfile } from '../../main/common/profile/parse';
import type { Sandbox } from '../sandbox/sandbox';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function baseProfile(): Json {
  return {
    version: 1,
    id: 'acme',
    name: 'Acme Corp',
    hosts: [
      { kind: 'gitlab', webUrl: 'https://git.corp.test', protocol: 'https', token: { login: 'alice' } },
    ],
    modules: { private: ['git.corp.test'] },
    publicMirror: 'proxy.golang.org',
    sumdb: 'sum.golang.org',
    testModules: [{ module: 'git.corp.test/acme/lib', version: 'v1.2.0' }],
  };
}

export const text = (p: Json) => `${JSON.stringify(p, null, 2)}\n`;
export const parsed = (p: Json, file = 'test.json'): ParsedProfile => parseProfileText(text(p), file);

export interface SandboxProfileOptions {
  protocol?: 'https' | 'ssh';
  /** a company GOPROXY (proxy.corp.test, basic auth) that serves the private modules */
  proxy?: boolean;
  user?: 'alice' | 'bob';
  fingerprint?: string;
}

/** A profile for the sandbox's git.corp.test: CA inline, test modules lib and app-dep. */
export function sandboxProfile(sb: Sandbox, o: SandboxProfileOptions = {}): Json {
  const protocol = o.protocol ?? 'https';
  const p: Json = {
    version: 1,
    id: `corp-${protocol}${o.proxy ? '-proxy' : ''}`,
    name: 'Corp (sandbox)',
    hosts: [
      {
        kind: 'gitlab',
        webUrl: `https://${sb.hosts.git}`,
        protocol,
        caCertificate: readFileSync(sb.caFile, 'utf8'),
        token: { login: o.user ?? 'alice', scopes: ['read_repository'] },
        ...(protocol === 'ssh'
          ? {
              ssh: {
                host: sb.hosts.git,
                user: 'git',
                fingerprints: [o.fingerprint ?? sb.ssh.hostKeyFingerprint],
              },
            }
          : {}),
      },
    ],
    modules: { private: [sb.hosts.git] },
    publicMirror: 'proxy.golang.org',
    sumdb: 'sum.golang.org',
    testModules: [
      { module: sb.repos.lib.module, version: 'v1.2.0' },
      { module: sb.repos.appDep.module, version: 'v0.1.0' },
    ],
  };
  if (o.proxy) {
    p.goproxy = {
      url: `https://${sb.hosts.proxy}`,
      kind: 'athens',
      auth: true,
      servesPrivate: true,
      login: o.user ?? 'alice',
    };
    p.modules.noSumDb = [sb.hosts.git];
  }
  return p;
}

export function writeProfile(dir: string, name: string, p: Json): string {
  const file = join(dir, name);
  writeFileSync(file, text(p));
  return file;
}

/**
 * The environment of a developer's fresh shell on a temp HOME: nothing go- or git-specific
 * exported (this machine exports GIT_SSL_CAINFO and SSL_CERT_FILE globally; they are not here),
 * caches outside HOME so HOME holds only what onboarding writes.
 */
export function shellEnv(
  home: string,
  dataDir: string,
  cacheRoot: string,
  extra: Record<string, string> = {},
) {
  return {
    HOME: home,
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C',
    ONRAMP_DATA_DIR: dataDir,
    XDG_CONFIG_HOME: join(home, '.config'),
    GOPATH: join(cacheRoot, 'gopath'),
    GOCACHE: join(cacheRoot, 'gocache'),
    GOTOOLCHAIN: 'local',
    GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
  };
}

/**
 * ssh takes `~` from the passwd entry, not $HOME (design notes), so a temp HOME is not where ssh
 * looks. This makes ssh read the temp HOME's config and known_hosts, as it would for a user whose
 * home that is; everything else (key, user, host key checking) comes from those files.
 */
export function sshHomeCommand(home: string): string {
  return `ssh -F ${home}/.ssh/config -o UserKnownHostsFile=${home}/.ssh/known_hosts -o ControlMaster=no -o BatchMode=yes`;
}
