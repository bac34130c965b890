// Stable fix ids. The `fix` command maps each id to a plan, so ids are a contract like the
// taxonomy: add new ones, never rename. Titles are what a person sees next to a cause.

export interface FixInfo {
  title: string;
  description: string;
}

export const fixCatalog = {
  'add-goprivate': {
    title: 'Add the module path to GOPRIVATE',
    description:
      'go env -w GOPRIVATE=<host or org glob> so go fetches the module directly and skips the public proxy and checksum database.',
  },
  'add-gonosumdb': {
    title: 'Add the module path to GONOSUMDB',
    description: 'Skip only the public checksum database for the module (GOPRIVATE implies it).',
  },
  'add-direct-fallback': {
    title: 'End GOPROXY with ",direct"',
    description:
      'Let go fall back to the VCS when the proxy list answers 404/410, or list the module in GONOPROXY.',
  },
  'fix-private-proxy': {
    title: "Fix the organisation's module proxy",
    description:
      'Give the proxy (Athens, Artifactory, Nexus…) upstream credentials for the private host, or exclude the module from it with GONOPROXY.',
  },
  'set-goproxy-mirror': {
    title: 'Use a reachable module mirror',
    description: 'Point GOPROXY (and GOSUMDB) at a mirror reachable from this network, keeping ",direct".',
  },
  'move-shell-export': {
    title: 'Move the exported variable into go env',
    description:
      'Remove the export from the shell profile, IDE or CI settings (it beats `go env -w`), then set the value with go env -w.',
  },
  'add-netrc-entry': {
    title: 'Add a ~/.netrc entry for the host',
    description:
      "go's own HTTPS requests (discovery, GOPROXY) read only ~/.netrc before Go 1.24: one line `machine H login L password P`.",
  },
  'configure-credential-helper': {
    title: 'Configure a git credential helper for the host',
    description:
      'Store a token in the OS keychain through a git credential helper so git never needs a prompt.',
  },
  'use-goauth-git': {
    title: 'Set GOAUTH=git',
    description: 'Go 1.24+: let go reuse git credential helpers for its own HTTPS requests.',
  },
  'replace-credential': {
    title: 'Replace the rejected credential',
    description:
      'The stored token or password is wrong, expired or revoked: create a new token and update the helper, keychain or netrc.',
  },
  'use-token-not-password': {
    title: 'Use a personal access token instead of a password',
    description: 'GitHub, GitLab (with 2FA) and Bitbucket refuse account passwords over HTTPS.',
  },
  'check-token-scope': {
    title: 'Grant the token read access to the repository',
    description: 'Add the repo/read_repository scope, or include the repository in a fine-grained token.',
  },
  'authorize-sso': {
    title: "Authorize the token for the organisation's SAML SSO",
    description: 'On GitHub: Settings → Tokens → Configure SSO → Authorize for the organisation.',
  },
  'request-repo-access': {
    title: 'Ask for access to the repository',
    description: 'The account has no access; no local change fixes this.',
  },
  'check-module-path': {
    title: 'Check the module path for typos',
    description:
      'Compare the import path with the repository URL; hosts hide private repositories behind "not found".',
  },
  'remove-extraheader': {
    title: 'Remove the stale http.extraheader',
    description: 'A CI checkout left an Authorization extraheader that wins over your credential helper.',
  },
  'use-git-qualifier': {
    title: 'Add ".git" to the repository root in the module path',
    description:
      'For GitLab subgroups without discovery credentials, require host/group/sub/repo.git so go skips the truncated go-get answer.',
  },
  'set-git-ca': {
    title: 'Trust the CA in git',
    description:
      'git config --global http.https://<host>/.sslCAInfo <ca.pem> (Debian git ignores SSL_CERT_FILE).',
  },
  'set-go-ca': {
    title: 'Trust the CA in go',
    description: 'Add the CA to the system store or point SSL_CERT_FILE at a bundle that includes it.',
  },
  'check-server-certificate': {
    title: "Fix or renew the server's certificate",
    description:
      'The certificate is expired or names another host; the server owner must fix it (or use the right host name).',
  },
  'check-clock': {
    title: 'Check the system clock',
    description: 'A wrong clock makes valid certificates look expired or not yet valid.',
  },
  'connect-vpn': {
    title: 'Connect the VPN or fix DNS for the host',
    description:
      'Internal hosts resolve only through the corporate DNS or VPN; otherwise check the host name for typos.',
  },
  'check-service-port': {
    title: 'Check the host and port',
    description: 'Nothing listens there: wrong port, service down, or a firewall rejecting the connection.',
  },
  'fix-http-proxy': {
    title: 'Fix HTTPS_PROXY / NO_PROXY',
    description:
      'Add proxy credentials, point HTTPS_PROXY at a working proxy, or list internal hosts in NO_PROXY (and git http.proxy).',
  },
  'ssh-over-443': {
    title: 'Use SSH over port 443',
    description:
      'Outbound port 22 is blocked: use ssh.github.com:443 / altssh.gitlab.com:443 in ~/.ssh/config, or HTTPS.',
  },
  'pin-host-key': {
    title: 'Pin the host key in known_hosts',
    description:
      'go runs ssh in BatchMode, so an unknown host key fails: add the verified key with ssh-keyscan; replace a changed one after checking it.',
  },
  'add-ssh-key': {
    title: 'Register the SSH public key with the host',
    description: 'Add the public key to the account (or deploy key) that can read the repository.',
  },
  'set-ssh-identity': {
    title: 'Choose the SSH key for the host',
    description:
      'Host block with IdentityFile and IdentitiesOnly yes in ~/.ssh/config, so the right key is offered first.',
  },
  'load-key-into-agent': {
    title: 'Start ssh-agent and add the key',
    description:
      'go cannot ask for a passphrase or PIN: start the agent and ssh-add the key before running go.',
  },
  'chmod-key-600': {
    title: 'Make the private key readable only by you',
    description: 'chmod 600 <key> (ssh ignores keys other users can read).',
  },
  'fix-insteadof': {
    title: 'Fix the url.insteadOf rule',
    description:
      'Use url."git@host:".insteadOf "https://host/" (scp form) or url."ssh://git@host/".insteadOf — never "ssh://git@host:".',
  },
  'push-tags': {
    title: 'Push the tag',
    description:
      'The version does not exist in the repository: git push origin <tag>, or require an existing version.',
  },
  'fix-version': {
    title: 'Require a valid version',
    description:
      'Use the /vN module path for v2+, a pseudo-version go computes (go get module@commit), or a tag.',
  },
  'fix-module-path': {
    title: 'Make the module path match',
    description: "Require the path declared in the dependency's go.mod, or start the path with a host name.",
  },
  'refresh-gosum': {
    title: 'Investigate the checksum mismatch',
    description:
      'A tag was moved or the download was tampered with: verify upstream, then drop the stale go.sum line or clean the module cache.',
  },
  'set-goinsecure': {
    title: 'Serve the host over HTTPS (or set GOINSECURE)',
    description: 'go refuses plain HTTP; GOINSECURE=<host> allows it for that host only.',
  },
  'enable-modules': {
    title: 'Turn modules back on',
    description: 'Unset GO111MODULE=off (go env -u GO111MODULE and remove any export).',
  },
  'install-git': {
    title: 'Install git and put it on PATH',
    description: 'go shells out to git (and ssh) for direct fetches.',
  },
  'fix-modcache-permissions': {
    title: 'Make the module cache writable',
    description: 'chown the GOMODCACHE tree back to your user, or point GOMODCACHE at a writable directory.',
  },
  'authenticate-requests': {
    title: 'Authenticate and slow down',
    description:
      'Authenticated requests get higher limits; wait for the limit to reset and avoid parallel clones.',
  },
  'report-upstream': {
    title: 'Report to the tool or server owner',
    description: 'This matches a known toolchain or server problem; retry later or use a workaround.',
  },
} as const satisfies Record<string, FixInfo>;

export type FixId = keyof typeof fixCatalog;

export const fixIds = Object.keys(fixCatalog) as FixId[];

export function isFixId(value: unknown): value is FixId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(fixCatalog, value);
}
