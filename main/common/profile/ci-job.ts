// The CI side of a profile: the same go env, git and ssh settings as a developer machine, as
// POSIX shell steps a CI job runs at start. Credentials come from the CI's secret store as
// environment variables and go into ~/.netrc (what go reads; GOAUTH's default from go 1.24 is
// netrc too) with printf, a shell builtin, so no token is ever in an argv, a URL or the YAML.
// SSH uses a deploy key and a pinned known_hosts line; host key checking stays on. Scripts are
// POSIX sh and rely on the runner's `set -e` (GitLab sets it; the GitHub printer adds it).
import { goproxyValue, sshBaseUrl, webHostOf, type DesiredSettings } from './settings';
import type { Profile } from './schema';

export type CiTarget = 'github-actions' | 'gitlab-ci';
export const ciTargets: readonly CiTarget[] = ['github-actions', 'gitlab-ci'];

export interface CiSecret {
  name: string;
  what: string;
}

export interface CiStep {
  name: string;
  /** secret variables the step reads (GitHub maps them from `secrets.*`; GitLab has them as CI/CD variables) */
  secrets: string[];
  script: string;
}

export interface CiJob {
  /** plain (non-secret) variables for the whole job */
  variables: Record<string, string>;
  steps: CiStep[];
  secrets: CiSecret[];
}

/** `git.corp.test` → `GIT_CORP_TEST`, for secret names. */
export const varSuffix = (host: string) => host.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** Single-quoted for POSIX sh. */
export const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A line that makes NAME=value (a shell expression in double quotes) visible to later steps. */
function persist(target: CiTarget, name: string, value: string): string {
  return target === 'github-actions'
    ? `printf '%s=%s\\n' ${name} "${value}" >> "$GITHUB_ENV"`
    : `export ${name}="${value}"`;
}

function caStep(target: CiTarget, s: DesiredSettings): CiStep | undefined {
  if (s.ca.length === 0) return undefined;
  const lines = ['ca_dir="$HOME/.onramp/ca"', 'mkdir -p "$ca_dir"'];
  for (const c of s.ca) {
    const pem = c.pem.replace(/\r/g, '').replace(/\n$/, '');
    lines.push(`cat > "$ca_dir/${c.fileName}" <<'ONRAMP_CA'`, pem, 'ONRAMP_CA');
    // git (GnuTLS on Debian/Ubuntu) needs the CA per host; go reads SSL_CERT_DIR.
    lines.push(`git config --global ${shq(`http.https://${c.host}/.sslCAInfo`)} "$ca_dir/${c.fileName}"`);
  }
  lines.push(persist(target, 'SSL_CERT_DIR', '${SSL_CERT_DIR:-/etc/ssl/certs:/etc/pki/tls/certs}:$ca_dir'));
  return {
    name: 'Onramp: trust the company CA (git per host, go via SSL_CERT_DIR)',
    secrets: [],
    script: lines.join('\n'),
  };
}

function netrcStep(s: DesiredSettings, secrets: CiSecret[]): CiStep | undefined {
  if (s.netrc.length === 0) return undefined;
  const used: string[] = [];
  // chmod before any secret is written (no umask: GitLab runs later scripts in the same shell).
  const lines = ['touch "$HOME/.netrc"', 'chmod 600 "$HOME/.netrc"'];
  for (const n of s.netrc) {
    const token = `ONRAMP_TOKEN_${varSuffix(n.host)}`;
    const scopes = n.tokenScopes?.length ? ` with scopes ${n.tokenScopes.join(', ')}` : '';
    secrets.push({ name: token, what: `token for ${n.host}${scopes} (${n.why})` });
    used.push(token);
    let login = shq(n.login ?? '');
    if (!n.login) {
      const loginVar = `ONRAMP_LOGIN_${varSuffix(n.host)}`;
      secrets.push({ name: loginVar, what: `user name that goes with ${token}` });
      used.push(loginVar);
      lines.push(`: "\${${loginVar}:?set the ${loginVar} CI secret}"`);
      login = `"$${loginVar}"`;
    }
    lines.push(`: "\${${token}:?set the ${token} CI secret}"`);
    lines.push(
      `printf 'machine %s login %s password %s\\n' ${shq(n.host)} ${login} "$${token}" >> "$HOME/.netrc"`,
    );
  }
  return {
    name: 'Onramp: credentials for go and git (~/.netrc from CI secrets)',
    secrets: used,
    script: lines.join('\n'),
  };
}

function sshStep(target: CiTarget, p: Profile, s: DesiredSettings, secrets: CiSecret[]): CiStep | undefined {
  const hosts = p.hosts.filter((h) => h.protocol === 'ssh' && h.ssh);
  if (hosts.length === 0) return undefined;
  const used: string[] = [];
  const lines = [
    'mkdir -p "$HOME/.ssh"',
    'chmod 700 "$HOME/.ssh"',
    'touch "$HOME/.ssh/known_hosts"',
    'onramp_ids=""',
  ];
  for (const h of hosts) {
    const ssh = h.ssh as NonNullable<typeof h.ssh>;
    const keyVar = `ONRAMP_SSH_KEY_${varSuffix(ssh.host)}`;
    secrets.push({
      name: keyVar,
      what: `private deploy key (read-only) for ${ssh.host}${target === 'gitlab-ci' ? ', as a masked or a File variable' : ''}`,
    });
    used.push(keyVar);
    const keyFile = `$HOME/.ssh/onramp_${ssh.host.replace(/[^a-z0-9]/g, '_')}`;
    lines.push(
      `: "\${${keyVar}:?set the ${keyVar} CI secret}"`,
      `rm -f "${keyFile}"; touch "${keyFile}"; chmod 600 "${keyFile}"`,
      `if [ -f "$${keyVar}" ]; then cat "$${keyVar}" > "${keyFile}"; else printf '%s\\n' "$${keyVar}" > "${keyFile}"; fi`,
      `onramp_ids="$onramp_ids -i ${keyFile}"`,
    );
    const pin = s.knownHosts.find((k) => k.host === ssh.host);
    const name = (pin?.port ?? 22) === 22 ? ssh.host : `[${ssh.host}]:${pin?.port}`;
    if (pin && pin.hostKeys.length > 0)
      for (const k of pin.hostKeys)
        lines.push(`printf '%s\\n' ${shq(`${name} ${k}`)} >> "$HOME/.ssh/known_hosts"`);
    else if (pin) {
      // Only a key whose fingerprint the profile publishes is written: never trust on first use.
      lines.push(
        'scan="$(mktemp)"',
        `ssh-keyscan -T 10 -p ${pin.port} ${shq(ssh.host)} 2>/dev/null > "$scan" || true`,
        'pinned=0',
        'while read -r h t k; do',
        '  case "$h" in ""|"#"*) continue ;; esac',
        `  fp="$(printf '%s %s\\n' "$t" "$k" | ssh-keygen -lf - | cut -d' ' -f2)"`,
        '  case "$fp" in',
        `    ${pin.fingerprints.map(shq).join('|')}) printf '%s %s %s\\n' "$h" "$t" "$k" >> "$HOME/.ssh/known_hosts"; pinned=1 ;;`,
        '  esac',
        'done < "$scan"',
        'rm -f "$scan"',
        `[ "$pinned" = 1 ] || { echo "onramp: no SSH host key of ${ssh.host} matches the profile's fingerprints (host unreachable, or its key changed)" >&2; exit 1; }`,
      );
    }
    lines.push(
      `git config --global --add ${shq(`url.${sshBaseUrl(h)}.insteadOf`)} ${shq(`https://${webHostOf(h)}/`)}`,
    );
  }
  lines.push(
    persist(
      target,
      'GIT_SSH_COMMAND',
      'ssh$onramp_ids -o IdentitiesOnly=yes -o UserKnownHostsFile=$HOME/.ssh/known_hosts -o StrictHostKeyChecking=yes -o BatchMode=yes',
    ),
  );
  return { name: 'Onramp: SSH deploy key and pinned host key', secrets: used, script: lines.join('\n') };
}

export function buildCiJob(p: Profile, s: DesiredSettings, target: CiTarget): CiJob {
  const variables: Record<string, string> = {};
  for (const g of s.goEnv) variables[g.key] = g.value;
  variables.GOPROXY ??= goproxyValue(p);
  const secrets: CiSecret[] = [];
  const extraGit = s.git.filter((g) => g.pointer.startsWith('/advanced/'));
  const gitStep: CiStep | undefined =
    extraGit.length === 0
      ? undefined
      : {
          name: 'Onramp: git settings from the profile',
          secrets: [],
          script: [...extraGit.map((g) => `git config --global ${shq(g.key)} ${shq(g.value)}`)].join('\n'),
        };
  const steps = [caStep(target, s), netrcStep(s, secrets), sshStep(target, p, s, secrets), gitStep].filter(
    (x): x is CiStep => x !== undefined,
  );
  if (s.testModules.length > 0)
    steps.push({
      name: 'Onramp: check that the private modules download',
      secrets: [],
      script: [`go mod download ${s.testModules.map(shq).join(' ')}`].join('\n'),
    });
  return { variables, steps, secrets };
}
