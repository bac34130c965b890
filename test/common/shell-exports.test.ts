import { describe, expect, it } from 'vitest';
import { isRelevantShellVar, scanShellExports, shellDialectOf } from '../../main/common/shell-exports';
import { redactSettingValue, SECRET_MASK, settingSecrets } from '../../main/common/setting-redaction';

const posix = (text: string) => scanShellExports(text, '/h/.bashrc', 'posix');
const fish = (text: string) => scanShellExports(text, '/h/.config/fish/config.fish', 'fish');
const pick = (r: ReturnType<typeof posix>) => r.map((e) => [e.name, e.value, e.line]);

describe('scanShellExports (posix)', () => {
  it('reads the common export shapes with value and line', () => {
    const r = posix(
      [
        'export GOPRIVATE=git.corp.example',
        'export GONOSUMDB="a.example b.example"',
        "export GOPROXY='https://proxy.corp,direct'",
        'export GOFLAGS=-mod=mod GOINSECURE=x.example',
      ].join('\n'),
    );
    expect(pick(r)).toEqual([
      ['GOPRIVATE', 'git.corp.example', 1],
      ['GONOSUMDB', 'a.example b.example', 2],
      ['GOPROXY', 'https://proxy.corp,direct', 3],
      ['GOFLAGS', '-mod=mod', 4],
      ['GOINSECURE', 'x.example', 4],
    ]);
    expect(r[1]?.raw).toBe('"a.example b.example"');
    expect(r[0]).toMatchObject({ file: '/h/.bashrc', statement: 'export GOPRIVATE=git.corp.example' });
    expect(r.every((e) => !e.dynamic && !e.conditional && !e.redacted)).toBe(true);
  });

  it('handles assignment then export, export before assignment, and export X Y=v', () => {
    const r = posix('GOPRIVATE=a.example\nfoo=1\nexport GOPRIVATE foo\nexport GONOPROXY\nGONOPROXY=b\n');
    expect(pick(r)).toEqual([
      ['GOPRIVATE', 'a.example', 1],
      ['GONOPROXY', 'b', 5],
    ]);
    expect(pick(posix('GOPATH=/x; export GOPATH'))).toEqual([['GOPATH', '/x', 1]]);
    expect(pick(posix('export GOSUMDB GOPRIVATE=c.example'))).toEqual([['GOPRIVATE', 'c.example', 1]]);
  });

  it('does not report unexported assignments or command-scoped ones', () => {
    expect(posix('GOPRIVATE=a.example\n')).toEqual([]);
    expect(posix('GOPRIVATE=a.example go build ./...\n')).toEqual([]);
    expect(posix('export -n GOPRIVATE\nGOPRIVATE=x\n')).toEqual([]);
  });

  it('reads declare -x and typeset -x, ignores declare without -x', () => {
    const r = posix(
      'declare -x GOPROXY=direct\ntypeset -gx GONOSUMDB=a\ndeclare -r GOPRIVATE=b\nlocal -x GOVCS=c\n',
    );
    expect(pick(r)).toEqual([
      ['GOPROXY', 'direct', 1],
      ['GONOSUMDB', 'a', 2],
      ['GOVCS', 'c', 4],
    ]);
  });

  it('skips comments, joins continuations, ignores PATH and CGO_*', () => {
    const r = posix(
      [
        '# export GOPRIVATE=commented',
        'export PATH=$PATH:/usr/local/go/bin  # not ours',
        'export CGO_ENABLED=0',
        'export GOPRIVATE=a.example,\\',
        'b.example',
        'echo "# export GONOPROXY=no"',
        'export GONOSUMDB=x # trailing comment',
      ].join('\n'),
    );
    expect(pick(r)).toEqual([
      ['GOPRIVATE', 'a.example,b.example', 4],
      ['GONOSUMDB', 'x', 7],
    ]);
    expect(r[0]?.statement).toBe('export GOPRIVATE=a.example,b.example');
    // After a continuation, leading blanks separate words, as in the shell.
    expect(pick(posix('export \\\n  GONOPROXY=a,\\\n  b'))).toEqual([['GONOPROXY', 'a,', 2]]);
  });

  it('marks expansions dynamic but keeps the text unexpanded', () => {
    const r = posix(
      [
        'export GOPATH=$HOME/go',
        'export GOMODCACHE="$(go env GOPATH)/pkg/mod"',
        'export GOBIN=`pwd`/bin',
        "export GOFLAGS='$NOT_EXPANDED'",
        'export GOROOT=~/sdk/go',
        'export GOCACHE="${XDG_CACHE_HOME:-$HOME/.cache}/go"',
      ].join('\n'),
    );
    expect(r.map((e) => [e.name, e.value, e.dynamic])).toEqual([
      ['GOPATH', '$HOME/go', true],
      ['GOMODCACHE', '$(go env GOPATH)/pkg/mod', true],
      ['GOBIN', '`pwd`/bin', true],
      ['GOFLAGS', '$NOT_EXPANDED', false],
      ['GOROOT', '~/sdk/go', true],
      ['GOCACHE', '${XDG_CACHE_HOME:-$HOME/.cache}/go', true],
    ]);
  });

  it('flags exports inside if/case/functions/subshells and after && as conditional', () => {
    const r = posix(
      [
        'if [ -d /opt/go ]; then',
        '  export GOROOT=/opt/go',
        'fi',
        'export GOPRIVATE=a',
        '[ -f ~/.corp ] && export GONOPROXY=b',
        'setup() {',
        '  export GONOSUMDB=c',
        '}',
        'case "$HOST" in work*) export GOINSECURE=d ;; esac',
        '( export GOVCS=e )',
        'export GOFLAGS=-mod=mod',
      ].join('\n'),
    );
    expect(r.map((e) => [e.name, e.conditional])).toEqual([
      ['GOROOT', true],
      ['GOPRIVATE', false],
      ['GONOPROXY', true],
      ['GONOSUMDB', true],
      ['GOINSECURE', true],
      ['GOVCS', true],
      ['GOFLAGS', false],
    ]);
  });

  it('ignores here-document bodies and quoted lookalikes', () => {
    const r = posix(
      [
        'cat <<EOF > /tmp/x',
        'export GOPRIVATE=in-heredoc',
        'EOF',
        'echo "export GOPROXY=off"',
        'export GOSUMDB=off',
      ].join('\n'),
    );
    expect(pick(r)).toEqual([['GOSUMDB', 'off', 5]]);
  });

  it('handles CRLF files, multi-line quotes and proxy variables in any case', () => {
    const r = posix('export https_proxy=http://proxy:3128\r\nexport NO_PROXY="localhost,\n.corp"\r\n');
    expect(pick(r)).toEqual([
      ['https_proxy', 'http://proxy:3128', 1],
      ['NO_PROXY', 'localhost,\n.corp', 2],
    ]);
  });

  it('masks secrets in value, raw and statement', () => {
    const r = posix(
      [
        'export GOPROXY=https://alice:s3cr3t-pass@proxy.corp/go,direct',
        'export HTTPS_PROXY="http://bob:hunter22@proxy:8080"',
        "export GIT_CONFIG_VALUE_0='Authorization: Bearer abcdefgh12345678'",
        'export GIT_TOKEN=plain-token-value',
        'export GIT_ASKPASS=/usr/bin/askpass',
      ].join('\n'),
    );
    const text = JSON.stringify(r);
    for (const s of ['s3cr3t-pass', 'hunter22', 'abcdefgh12345678', 'plain-token-value']) {
      expect(text).not.toContain(s);
    }
    expect(r[0]?.value).toBe(`https://alice:${SECRET_MASK}@proxy.corp/go,direct`);
    expect(r[1]?.statement).toBe(`export HTTPS_PROXY="http://bob:${SECRET_MASK}@proxy:8080"`);
    expect(r[2]?.value).toBe(`Authorization: Bearer ${SECRET_MASK}`);
    expect(r.map((e) => e.redacted)).toEqual([true, true, true, true, false]);
    expect(r[4]?.value).toBe('/usr/bin/askpass');
  });

  it('never throws on odd input', () => {
    for (const t of ['export "', "export X='", 'export GOPATH=$(', '((((', 'fi fi }', 'export', '<<', '\\']) {
      expect(() => posix(t)).not.toThrow();
      expect(() => fish(t)).not.toThrow();
    }
  });
});

describe('scanShellExports (fish)', () => {
  it('reads set -gx, set -x, set --export and export', () => {
    const r = fish(
      [
        'set -gx GOPRIVATE git.corp.example',
        'set -x GONOPROXY a b',
        'set --global --export GOPROXY "https://proxy.corp,direct"',
        "set -Ux GOFLAGS '-mod=mod'",
        'export GOSUMDB=off',
        'set -g GOVCS private:all  # not exported',
        'set -e GOINSECURE',
      ].join('\n'),
    );
    expect(pick(r)).toEqual([
      ['GOPRIVATE', 'git.corp.example', 1],
      ['GONOPROXY', 'a b', 2],
      ['GOPROXY', 'https://proxy.corp,direct', 3],
      ['GOFLAGS', '-mod=mod', 4],
      ['GOSUMDB', 'off', 5],
    ]);
  });

  it('marks command substitution and variables dynamic, blocks conditional', () => {
    const r = fish(
      [
        'if status is-interactive',
        '  set -gx GOPATH (go env GOPATH)',
        'end',
        'set -gx GOBIN $HOME/bin',
        "set -gx GOFLAGS '$literal'",
        'test -d /x; and set -gx GOROOT /x',
      ].join('\n'),
    );
    expect(r.map((e) => [e.name, e.value, e.dynamic, e.conditional])).toEqual([
      ['GOPATH', '(go env GOPATH)', true, true],
      ['GOBIN', '$HOME/bin', true, false],
      ['GOFLAGS', '$literal', false, false],
      ['GOROOT', '/x', false, false],
    ]);
  });
});

describe('helpers', () => {
  it('knows which names matter', () => {
    expect(
      ['GOPRIVATE', 'GONOSUMCHECK', 'GIT_SSH_COMMAND', 'SSL_CERT_FILE', 'no_proxy', 'ALL_PROXY'].every(
        isRelevantShellVar,
      ),
    ).toBe(true);
    expect(['PATH', 'CGO_ENABLED', 'GITHUB_TOKEN', 'EDITOR', 'go_private'].some(isRelevantShellVar)).toBe(
      false,
    );
  });

  it('picks the dialect from the file name', () => {
    expect(shellDialectOf('/h/.config/fish/config.fish')).toBe('fish');
    expect(shellDialectOf('/h/.zshrc')).toBe('posix');
  });

  it('masks settings by shape and by name', () => {
    expect(redactSettingValue('GOPROXY', 'https://u:p4ss@a.example,https://v:w0rd@b.example').value).toBe(
      `https://u:${SECRET_MASK}@a.example,https://v:${SECRET_MASK}@b.example`,
    );
    expect(redactSettingValue('GOPROXY', 'https://abcdefghijklmnopqrstuvwxyz012345@proxy').value).toBe(
      `https://${SECRET_MASK}@proxy`,
    );
    expect(redactSettingValue('GOPROXY', 'https://proxy.golang.org,direct')).toEqual({
      value: 'https://proxy.golang.org,direct',
      redacted: false,
    });
    expect(settingSecrets('GIT_PASSWORD', '$(pass show git)')).toEqual([]);
    expect(settingSecrets('GIT_TOKEN', '"opaque-value"')).toEqual(['opaque-value']);
    expect(redactSettingValue('X', 'glpat-abcdefghijklmnopqrstu').value).toBe(SECRET_MASK);
  });
});
