// The words and the default fixes for each root cause. Explanations name the host and module
// when known and say why the surface message may point the wrong way.
import { parseGoVersion, supportsGoauth } from '../go-version';
import type { FixId } from './fixes';
import type { TaxonomyId } from './taxonomy';
import type { ExplainContext } from './types';

interface Subject {
  host?: string;
  module?: string;
}

const at = (s: Subject) => (s.host ? ` on ${s.host}` : '');
const mod = (s: Subject) => s.module ?? 'the module';

const text: Record<TaxonomyId, (s: Subject) => string> = {
  'proxy-leak': (s) =>
    `${mod(s)} was requested from a public module proxy, which cannot read private repositories and answers "not found". Any authentication error it quotes happened on the proxy's side, not yours.`,
  'sumdb-leak': (s) =>
    `go checked ${mod(s)} against the public checksum database, which cannot read private repositories. The git error it quotes is the database's, not yours.`,
  'https-no-credentials': (s) =>
    `git needed a user name and password${at(s)} but go forbids prompts (GIT_TERMINAL_PROMPT=0) and no credential was found.`,
  'auth-rejected': (s) =>
    `${s.host ?? 'The host'} rejected the credential that was sent: wrong, expired or revoked.`,
  forbidden: (s) =>
    `The credential authenticated${at(s)} but is not allowed to read the repository (scope, repository access, SSO or IP allow-list).`,
  'credential-precedence': () =>
    'A different credential than the one you set up was used (CI extraheader, another helper, netrc vs helper, another SSH identity).',
  'repo-not-found': (s) =>
    `${s.host ?? 'The host'} says the repository${s.module ? ` for ${s.module}` : ''} does not exist.`,
  'module-path-mismatch': (s) =>
    `The module path ${s.module ? `${s.module} ` : ''}does not match what the repository's go.mod declares, or does not start with a host name.`,
  'unrecognized-import-path': (s) =>
    `go could not learn where ${mod(s)} lives: its ?go-get=1 request${at(s)} did not return go-import meta tags (a login page, an error page, or no answer).`,
  'discovery-wrong-root': (s) =>
    `The ?go-get=1 answer for ${mod(s)} named a different (truncated) repository root.`,
  'tls-unknown-authority': (s) =>
    `The TLS certificate${at(s)} is signed by a CA that this machine does not trust.`,
  'tls-bad-cert': (s) => `The TLS certificate${at(s)} is expired, not yet valid, or issued for another name.`,
  'dns-failure': (s) => `${s.host ?? 'The host'} does not resolve.`,
  'connection-refused': (s) =>
    `Nothing accepted the connection${at(s)}: wrong port, service down, or a firewall rejecting it.`,
  timeout: (s) => `Connections${at(s)} time out: packets are dropped by a firewall, a VPN or the network.`,
  'http-proxy-misconfig': () =>
    'The HTTP(S) proxy in the environment is wrong, down, wants credentials, or is used for a host that should bypass it.',
  'public-proxy-unreachable': (s) =>
    `The public module proxy or checksum database${at(s)} is not reachable from this network; a mirror is needed.`,
  'private-proxy-misconfig': (s) =>
    `The organisation's module proxy${at(s)} could not serve ${mod(s)}: it lacks upstream credentials, cannot reach the origin, or is misconfigured.`,
  'proxy-disabled': () => 'Module lookups are disabled by GOPROXY or vendor mode.',
  'ssh-publickey-denied': (s) => `The SSH server${at(s)} accepted none of the keys offered.`,
  'ssh-host-key-unknown': (s) =>
    `The SSH host key${at(s)} is not in known_hosts or has changed; go runs ssh in BatchMode, so it cannot ask you to accept it.`,
  'ssh-agent-problem': () =>
    'ssh could not use the key: it needs a passphrase or PIN that go cannot ask for, or the agent is not running or refused.',
  'ssh-key-permissions': () => 'ssh ignored the private key because other users can read the file.',
  'ssh-port-blocked': (s) => `Outbound SSH${at(s)} is blocked: the connection times out.`,
  'insteadof-malformed': () => 'A url.<base>.insteadOf rule rewrites the URL into one git cannot use.',
  'unknown-revision': (s) =>
    `The requested version of ${mod(s)} does not exist in the repository (tag not pushed, or a moved or deleted commit).`,
  'invalid-version': (s) => `The version of ${mod(s)} breaks module version rules.`,
  'checksum-mismatch': (s) =>
    `The content downloaded for ${mod(s)} differs from go.sum or the checksum database: a moved tag, a stale cache, or tampering.`,
  'insecure-protocol': (s) =>
    `${s.host ?? 'The server'} serves the repository over plain HTTP, which go refuses by default.`,
  'modules-off': () =>
    'go runs in GOPATH mode (GO111MODULE=off), so modules, GOPROXY and GOPRIVATE do not apply.',
  'vcs-missing': () => 'go needs git (and ssh for ssh URLs) on PATH to fetch modules directly.',
  'env-override': () =>
    'A variable exported by the shell, IDE or CI overrides the go env file, so `go env -w` seems ignored.',
  'modcache-permissions': () => 'The module cache (or its VCS cache) is not writable by this user.',
  'rate-limited': (s) => `${s.host ?? 'The host'} is throttling requests.`,
  'foreign-private': (s) => `${mod(s)} is private to another organisation; no local setting grants access.`,
  'not-your-config': () =>
    'This matches a known toolchain or server problem; your configuration is not the cause.',
  other: () => 'The output contains errors that match no known cause.',
};

const defaultFixes: Record<TaxonomyId, FixId[]> = {
  'proxy-leak': ['add-goprivate'],
  'sumdb-leak': ['add-goprivate', 'add-gonosumdb'],
  'https-no-credentials': ['configure-credential-helper', 'add-netrc-entry'],
  'auth-rejected': ['replace-credential'],
  forbidden: ['check-token-scope', 'authorize-sso', 'request-repo-access'],
  'credential-precedence': ['remove-extraheader', 'set-ssh-identity'],
  'repo-not-found': ['check-module-path', 'configure-credential-helper', 'request-repo-access'],
  'module-path-mismatch': ['fix-module-path'],
  'unrecognized-import-path': ['add-netrc-entry', 'use-git-qualifier'],
  'discovery-wrong-root': ['use-git-qualifier', 'add-netrc-entry'],
  'tls-unknown-authority': ['set-go-ca', 'set-git-ca'],
  'tls-bad-cert': ['check-server-certificate', 'check-clock'],
  'dns-failure': ['connect-vpn'],
  'connection-refused': ['check-service-port'],
  timeout: ['connect-vpn', 'fix-http-proxy'],
  'http-proxy-misconfig': ['fix-http-proxy'],
  'public-proxy-unreachable': ['set-goproxy-mirror'],
  'private-proxy-misconfig': ['fix-private-proxy', 'add-goprivate'],
  'proxy-disabled': ['add-direct-fallback'],
  'ssh-publickey-denied': ['add-ssh-key', 'set-ssh-identity'],
  'ssh-host-key-unknown': ['pin-host-key'],
  'ssh-agent-problem': ['load-key-into-agent'],
  'ssh-key-permissions': ['chmod-key-600'],
  'ssh-port-blocked': ['ssh-over-443'],
  'insteadof-malformed': ['fix-insteadof'],
  'unknown-revision': ['push-tags'],
  'invalid-version': ['fix-version'],
  'checksum-mismatch': ['refresh-gosum'],
  'insecure-protocol': ['set-goinsecure'],
  'modules-off': ['enable-modules'],
  'vcs-missing': ['install-git'],
  'env-override': ['move-shell-export'],
  'modcache-permissions': ['fix-modcache-permissions'],
  'rate-limited': ['authenticate-requests'],
  'foreign-private': ['request-repo-access'],
  'not-your-config': ['report-upstream'],
  other: [],
};

/** Go ≥ 1.24 can reuse git credential helpers for its own requests (GOAUTH=git). */
function hasGoauth(version: string | undefined): boolean {
  if (!version) return false;
  return supportsGoauth(parseGoVersion(version.startsWith('go') ? version : `go${version}`));
}

export function explanationFor(id: TaxonomyId, subject: Subject, notes: string[]): string {
  return [text[id](subject), ...notes].join(' ');
}

export function fixesFor(id: TaxonomyId, fromSignals: FixId[], ctx: ExplainContext): FixId[] {
  const list: FixId[] = [...fromSignals, ...defaultFixes[id]];
  if ((id === 'https-no-credentials' || id === 'unrecognized-import-path') && hasGoauth(ctx.goVersion))
    list.push('use-goauth-git');
  if (id === 'proxy-leak' && ctx.goproxy !== undefined && !/(^|[,|])\s*direct\s*($|[,|])/.test(ctx.goproxy))
    list.push('add-direct-fallback');
  return [...new Set(list)];
}
