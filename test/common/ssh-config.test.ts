import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  argvSplit,
  hostOptions,
  parseSshConfig,
  printSshConfig,
  summarizeSshConfig,
  upsertManagedHost,
} from '../../main/common/ssh-config';
import { caught, hasSsh, sshG as runSshG } from './dotfiles.helpers';

const fixture = readFileSync(join(__dirname, '../fixtures/dotfiles/big.ssh_config'), 'utf8');
const parse = (text: string) => parseSshConfig(text, 'config');
const dir = mkdtempSync(join(tmpdir(), 'onramp-sshcfg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sshG = (text: string, alias: string) => runSshG(dir, text, alias);

describe('parseSshConfig / printSshConfig', () => {
  it('prints the fixture byte for byte, also with CRLF', () => {
    expect(printSshConfig(parse(fixture))).toBe(fixture);
    const crlf = fixture.replace(/\n/g, '\r\n');
    const doc = parse(crlf);
    expect(printSshConfig(doc)).toBe(crlf);
    expect(doc.eol).toBe('\r\n');
  });

  it('reads `=` syntax, case, quotes, escapes and trailing comments like ssh', () => {
    const doc = parse(
      'ServerAliveInterval=60\n\tServerAliveCountMax = 3\nHOST=a "b c" d\\ e # x\n  User \'o"k\' \n=Port =4\n  # c\n\f\n',
    );
    expect(doc.lines.map((l) => [l.kind, l.keyword, l.args])).toEqual([
      ['directive', 'serveraliveinterval', ['60']],
      ['directive', 'serveralivecountmax', ['3']],
      ['directive', 'host', ['a', 'b c', 'd e']],
      ['directive', 'user', ['o"k']],
      ['directive', 'port', ['4']], // ssh -G: port 4
      ['comment', '', []],
      ['blank', '', []],
    ]);
    expect(argvSplit('"a\\"b" \'x y\'z')).toEqual(['a"b', 'x yz']);
  });

  it.each([
    ['Host foo\n User "a b\n', 2, 'invalid quotes'],
    ['Host\nPort 2\n', 1, 'no argument after keyword "host"'],
    ['Host foo\n User # c\n', 2, 'no argument after keyword "user"'],
    ['Host ""\n', 1, 'empty Host pattern'],
    ['Match nope x\n', 1, 'unknown Match criterion "nope"'],
    ['Match host\n', 1, 'missing argument for Match host'],
    ['Match exec\n', 1, 'missing argument for Match exec'],
    ['Match all host x\n', 1, "'all' cannot be combined"],
    ['# >>> onramp managed: a\nHost a\n', 1, 'without its end'],
    ['Host a\n# <<< onramp managed: a\n', 2, 'end without its begin'],
  ])('rejects %j at line %i, as ssh does', (text, line, message) => {
    const err = caught(() => parse(text));
    expect(err).toMatchObject({ code: 'parse', file: 'config', line });
    expect(err.message).toContain(message);
    expect(err.hint).toBeTruthy();
    if (hasSsh && !text.includes('onramp')) {
      const r = sshG(text, 'foo');
      expect(r.status).not.toBe(0);
      expect(r.err).toContain(`line ${line}`);
    }
  });

  it.runIf(hasSsh)('accepts what ssh accepts', () => {
    for (const text of [
      'Match canonical all\n',
      'Match !all\n',
      'Match host foo all\n',
      'Match host=foo\n User x\n',
      'Port=22 # c\n',
    ]) {
      expect(() => parse(text)).not.toThrow();
      expect(sshG(text, 'foo').status).toBe(0);
    }
  });
});

describe('summarizeSshConfig', () => {
  const s = summarizeSshConfig(parse(fixture));

  it('lists blocks with canonical keywords, in order', () => {
    expect(
      s.blocks.map((b) => [
        b.kind,
        b.line,
        b.patterns,
        b.criteria.map((c) => `${c.negated ? '!' : ''}${c.name}${c.arg === undefined ? '' : `=${c.arg}`}`),
      ]),
    ).toEqual([
      ['global', null, [], []],
      ['host', 11, ['github.com', 'gist.github.com'], []],
      ['host', 17, ['my laptop', '!bad-host', 'box-??', '*.home.arpa'], []],
      ['match', 25, [], ['host=*.corp.example.com', 'exec=test -f ~/.corp-vpn-up']],
      ['match', 29, [], ['originalhost=gitlab.corp.example.com', '!user=root']],
      ['match', 33, [], ['canonical', 'all']],
      ['host', 36, ['legacy.example.org'], []],
      ['match', 41, [], ['localuser=deploy', 'localnetwork=10.0.0.0/8']],
      ['host', 44, ['*'], []],
    ]);
    expect(s.blocks[0]?.options.map((o) => o.keyword)).toEqual([
      'AddKeysToAgent',
      'ServerAliveInterval',
      'ServerAliveCountMax',
    ]);
    expect(s.blocks[2]?.options[1]).toEqual({ keyword: 'User', args: ['first last'], line: 19 });
    expect(s.blocks[6]?.options.map((o) => o.keyword)).toEqual([
      'HostKeyAlgorithms',
      'PubkeyAcceptedKeyTypes',
      'Ciphers',
    ]);
  });

  it('lists Includes (resolved from ~/.ssh) and Match exec commands', () => {
    expect(s.includes).toEqual([
      { args: ['config.d/*'], resolved: ['~/.ssh/config.d/*'], line: 3, blockLine: null },
      {
        args: ['~/.ssh/work.conf', '/etc/ssh/extra.conf'],
        resolved: ['~/.ssh/work.conf', '/etc/ssh/extra.conf'],
        line: 4,
        blockLine: null,
      },
      { args: ['corp-gitlab.conf'], resolved: ['~/.ssh/corp-gitlab.conf'], line: 31, blockLine: 29 },
    ]);
    expect(s.matchExec).toEqual([{ command: 'test -f ~/.corp-vpn-up', line: 25 }]);
  });

  it('marks blocks inside onramp markers as managed', () => {
    const doc = parse(upsertManagedHost(parse(fixture), 'git.corp', [['User', 'git']]));
    expect(
      summarizeSshConfig(doc)
        .blocks.filter((b) => b.managed)
        .map((b) => b.patterns),
    ).toEqual([['git.corp']]);
  });
});

describe('hostOptions', () => {
  const doc = parse(fixture);
  const view = (alias: string) => {
    const o = hostOptions(doc, alias);
    return [
      o.blocks,
      o.user?.value,
      o.port?.value,
      o.hostName?.value,
      o.identitiesOnly?.value,
      o.identityFiles.map((f) => f.line),
    ];
  };

  it('takes the first value obtained, accumulates IdentityFile, honours ! and wildcards', () => {
    expect(view('github.com')).toEqual([[null, 11, 44], 'git', '22', 'github.com', 'yes', [14, 45, 46]]);
    expect(view('box-12')).toEqual([
      [null, 17, 44],
      'first last',
      '2222',
      '192.168.1.20',
      undefined,
      [21, 45, 46],
    ]);
    expect(view('box-123')).toEqual([[null, 44], undefined, '22', undefined, undefined, [45, 46]]);
    expect(view('bad-host')).toEqual([[null, 44], undefined, '22', undefined, undefined, [45, 46]]);
    expect(view('GitHub.com')).toEqual([[null, 44], undefined, '22', undefined, undefined, [45, 46]]);
  });

  it('says which Match blocks and Includes it did not follow', () => {
    expect(hostOptions(doc, 'x').uncertain.map((u) => u.line)).toEqual([3, 4, 25, 29, 33, 41]);
    expect(hostOptions(parse('Match all\n User a\nMatch !all\n User b\n'), 'x')).toMatchObject({
      user: { value: 'a' },
      uncertain: [],
    });
  });
});
