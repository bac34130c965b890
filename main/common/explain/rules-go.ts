// Errors the go command itself prints about modules, versions, discovery and its environment
// (Go 1.13 to 1.25 wording).
import { findModule, moduleHost } from './extract';
import type { Rule } from './rule';

const mod = (line: string) => findModule(line)?.module;

export const goRules: Rule[] = [
  {
    name: 'goproxy-off',
    gate: ['disabled by GOPROXY=off', 'GOPROXY list is not the empty string'],
    re: /module lookup disabled by GOPROXY=off|GOPROXY list is not the empty string, but contains no entries/,
    hit: (m, line) => ({
      cause: 'proxy-disabled',
      weight: 0.95,
      module: mod(line),
      fixes: ['add-direct-fallback', 'add-goprivate'],
      note: m[0].startsWith('GOPROXY list')
        ? 'GOPROXY is set to a list with no usable entry (for example ","), so go has nowhere to look modules up.'
        : 'GOPROXY=off forbids network lookups for modules not already in the cache (GOPRIVATE/GONOPROXY modules are still fetched directly).',
    }),
  },
  {
    name: 'gonoproxy-without-direct',
    gate: ['disabled by GOPRIVATE/GONOPROXY'],
    re: /disabled by GOPRIVATE\/GONOPROXY/,
    hit: (_m, line) => ({
      cause: 'proxy-disabled',
      weight: 0.9,
      module: mod(line),
      note: 'The module matches GOPRIVATE/GONOPROXY but GOPROXY has no "direct" entry to fetch it from.',
      fixes: ['add-direct-fallback'],
    }),
  },
  {
    name: 'vendor-mode',
    gate: ['-mod=vendor', 'inconsistent vendoring'],
    re: /import lookup disabled by -mod=vendor|inconsistent vendoring|lookup disabled by -mod=vendor/,
    hit: () => ({
      cause: 'proxy-disabled',
      weight: 0.85,
      note: 'The build runs in vendor mode, so go only looks in vendor/; run go mod vendor after changing requirements.',
      fixes: ['add-direct-fallback'],
    }),
  },
  {
    name: 'modules-off',
    gate: ['GO111MODULE=off'],
    re: /disabled by GO111MODULE=off/,
    hit: () => ({ cause: 'modules-off', weight: 0.95, fixes: ['enable-modules'] }),
  },
  {
    name: 'gopath-cannot-find',
    gate: ['cannot find package'],
    re: /cannot find package "([^"]+)" in any of/,
    hit: (m) => ({ cause: 'modules-off', weight: 0.75, module: m[1], fixes: ['enable-modules'] }),
  },
  {
    name: 'git-missing',
    gate: ['executable file not found', 'missing Git command', 'cannot run ssh'],
    re: /exec: "(git|ssh)": executable file not found|missing Git command|cannot run ssh: No such file/,
    hit: (_m, line) => ({ cause: 'vcs-missing', weight: 0.95, module: mod(line), fixes: ['install-git'] }),
  },
  {
    name: 'env-override',
    gate: ['does not override conflicting OS environment variable'],
    re: /go env -w (\w+)=\.\.\. does not override conflicting OS environment variable/,
    hit: (m) => ({
      cause: 'env-override',
      weight: 0.95,
      facts: { variable: m[1] ?? '' },
      note: `${m[1] ?? 'The variable'} is exported by the shell, IDE or CI, and that value wins over the go env file.`,
      fixes: ['move-shell-export'],
    }),
  },
  {
    name: 'modcache-permission',
    gate: ['permission denied', 'Permission denied'],
    re: /cannot open (?:\.git\/)?FETCH_HEAD: Permission denied|(?:writing go\.mod cache|could not create module cache|mkdir [^:]*pkg\/mod[^:]*|open [^:]*pkg\/mod[^:]*|rename [^:]*pkg\/mod[^:]*): (?:mkdir [^:]+: )?permission denied/i,
    hit: (_m, line) => ({
      cause: 'modcache-permissions',
      weight: 0.9,
      module: mod(line),
      fixes: ['fix-modcache-permissions'],
    }),
  },
  {
    name: 'module-declares-path',
    gate: ['module declares its path as'],
    re: /module declares its path as:? (\S+)/,
    hit: (m, line) => ({
      cause: 'module-path-mismatch',
      weight: 0.95,
      module: mod(line),
      facts: { declared: m[1] ?? '' },
      fixes: ['fix-module-path'],
    }),
  },
  {
    name: 'missing-dot',
    gate: ['missing dot in first path element', 'does not begin with hostname', 'malformed module path'],
    re: /malformed module path "([^"]+)": missing dot in first path element|missing dot in first path element|import path does not begin with hostname|malformed module path "([^"]+)"/,
    hit: (m) => ({
      cause: 'module-path-mismatch',
      weight: m[0].includes('missing dot') || m[0].includes('hostname') ? 0.9 : 0.75,
      module: m[1] ?? m[2],
      note: 'A module path must start with a host name (containing a dot) unless a replace directive points it somewhere local.',
      fixes: ['fix-module-path'],
    }),
  },
  {
    name: 'major-version',
    gate: ['should be v0 or v1', 'must match major version', '+incompatible'],
    re: /should be v0 or v1, not (v\d+)|module path must match major version|invalid version: \+incompatible|\+incompatible suffix not allowed/,
    hit: (_m, line) => ({
      cause: 'invalid-version',
      weight: 0.9,
      module: mod(line),
      note: 'From v2 on, the module path must end in /vN (github.com/x/y/v2), or the version must carry +incompatible for repositories without go.mod.',
      fixes: ['fix-version'],
    }),
  },
  {
    name: 'pseudo-version',
    gate: ['invalid pseudo-version', 'invalid module version'],
    re: /invalid pseudo-version|invalid module version "([^"]+)"/,
    hit: (_m, line) => ({ cause: 'invalid-version', weight: 0.9, module: mod(line), fixes: ['fix-version'] }),
  },
  {
    name: 'unknown-revision',
    gate: ['unknown revision', 'no matching versions for query'],
    re: /unknown revision (\S+)|no matching versions for query "([^"]+)"/,
    hit: (m, line) => ({
      cause: 'unknown-revision',
      weight: m[1] ? 0.85 : 0.7,
      module: mod(line),
      facts: { revision: m[1] ?? m[2] ?? '' },
      fixes: ['push-tags', 'fix-version'],
    }),
  },
  {
    name: 'checksum-mismatch',
    gate: ['checksum mismatch', 'SECURITY ERROR'],
    re: /checksum mismatch|SECURITY ERROR/,
    hit: (m, line) => ({
      cause: 'checksum-mismatch',
      weight: m[0] === 'SECURITY ERROR' ? 0.85 : 0.95,
      module: mod(line),
      fixes: ['refresh-gosum'],
    }),
  },
  {
    name: 'no-go-import',
    gate: ['go-import meta tags', 'unrecognized import path'],
    re: /no go-import meta tags|unrecognized import path "([^"]+)"(?:[:(]| \()?\s*(.*)$/,
    hit: (m, line) => {
      if (line.includes('no go-import meta tags'))
        return { cause: 'unrecognized-import-path', weight: 0.8, module: m[1], host: moduleHost(m[1]) };
      // Bare "unrecognized import path" is a symptom: the network/TLS rules on the same line
      // name the root cause, and the ranker folds this one into them.
      const module = m[1];
      return {
        cause: 'unrecognized-import-path',
        weight: m[2] ? 0.5 : 0.6,
        module,
        host: moduleHost(module),
      };
    },
  },
  {
    name: 'non-authoritative-meta',
    gate: ['non-authoritative meta tag'],
    re: /get "([^"]+)": verifying non-authoritative meta tag/,
    hit: (m) => ({ cause: 'discovery-wrong-root', weight: 0.8, module: m[1], host: moduleHost(m[1]) }),
  },
  {
    name: 'insecure',
    gate: [
      'no secure protocol found',
      'uses insecure protocol',
      'refusing to pass credentials',
      'gave HTTP response to HTTPS client',
    ],
    re: /no secure protocol found for repository|uses insecure protocol|refusing to pass credentials to insecure URL|server gave HTTP response to HTTPS client/,
    hit: (_m, line) => ({
      cause: 'insecure-protocol',
      weight: 0.85,
      module: mod(line),
      fixes: ['set-goinsecure'],
    }),
  },
];
