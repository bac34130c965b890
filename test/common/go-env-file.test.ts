import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGoEnvFile } from '../../main/common/go-env-file';
import { checkGoEnvValue } from '../../main/common/go-env-values';
import { makeTempHome } from '../helpers/temp-home';

const FILE = '/home/me/.config/go/env';
const problemsAt = (text: string) =>
  parseGoEnvFile(text, FILE).problems.map((p) => [
    p.line,
    p.severity,
    p.message.replace(`${FILE}:${p.line}: `, ''),
  ]);

describe('parseGoEnvFile', () => {
  it('reads KEY=VALUE lines as go does: first "=" splits, nothing trimmed, last one wins', () => {
    const f = parseGoEnvFile('GOPRIVATE=github.com/acme\nGOFLAGS=-mod=mod\nGOPRIVATE=gitlab.corp', FILE);
    expect(f.entries).toEqual([
      { key: 'GOPRIVATE', value: 'github.com/acme', line: 1 },
      { key: 'GOFLAGS', value: '-mod=mod', line: 2 },
      { key: 'GOPRIVATE', value: 'gitlab.corp', line: 3 },
    ]);
    expect(f.values).toEqual({ GOPRIVATE: 'gitlab.corp', GOFLAGS: '-mod=mod' });
    expect(problemsAt('GOPRIVATE=a.example\nGOPRIVATE=b.example\n')).toEqual([
      [1, 'warning', 'GOPRIVATE is set again on line 2, which wins.'],
    ]);
  });

  it('skips blank lines and comments silently, and says why it skipped each line', () => {
    const f = parseGoEnvFile('\n# managed by onramp\n   \nGOPROXY=direct\n', FILE);
    expect(f.ignored).toEqual([
      { line: 1, reason: 'blank' },
      { line: 2, reason: 'comment' },
      { line: 3, reason: 'blank' },
    ]);
    expect(f.problems).toEqual([]);
    expect(f.values).toEqual({ GOPROXY: 'direct' });
  });

  it('formats problems as file:line with parseError', () => {
    const [p] = parseGoEnvFile('\nexport GOPRIVATE=github.com/acme\n', FILE).problems;
    expect(p).toMatchObject({ severity: 'error', file: FILE, line: 2 });
    expect(p?.message).toMatch(new RegExp(`^${FILE}:2: go ignores this line, so GOPRIVATE is not set here`));
    expect(p?.hint).toMatch(/no export/);
  });

  it('flags lines meant to set a variable that go skips or never reads', () => {
    expect(problemsAt('goprivate=github.com/acme')[0]?.[2]).toMatch(/GOPRIVATE is not set here/);
    expect(problemsAt('GOPRIVATE github.com/acme')[0]?.[2]).toMatch(/GOPRIVATE is not set here/);
    expect(problemsAt('\uFEFFGOPRIVATE=github.com/acme')[0]?.[2]).toMatch(/byte-order mark/);
    const spaced = parseGoEnvFile('GOPRIVATE = github.com/acme', FILE);
    expect(spaced.values).toEqual({ 'GOPRIVATE ': ' github.com/acme' });
    expect(spaced.problems[0]?.hint).toBe('Did you mean GOPRIVATE?');
    expect(parseGoEnvFile('GONOSUMCHECK=github.com/acme', FILE).problems[0]?.hint).toBe(
      'Did you mean GONOSUMDB?',
    );
  });

  it('warns about variables the file cannot set', () => {
    expect(problemsAt('GOENV=/tmp/env')[0]?.[2]).toMatch(/only from the OS environment/);
    expect(problemsAt('GODEBUG=netdns=go')[0]?.[2]).toMatch(/read by Go programs/);
    expect(problemsAt('EDITOR=vim')[0]?.[2]).toMatch(/not a go variable/);
    expect(problemsAt('some text')).toEqual([[1, 'warning', 'go ignores this line: it has no "=".']]);
    expect(problemsAt('foo=bar')).toEqual([
      [1, 'warning', 'go ignores this line: a key must start with a letter A-Z.'],
    ]);
  });

  it('checks values: CRLF, quotes, and what go would reject', () => {
    expect(problemsAt('GOPROXY=direct\r\n')[0]?.[2]).toMatch(/carriage return/);
    expect(problemsAt('GOSUMDB="off"')[0]?.[2]).toMatch(/quotes/);
    expect(problemsAt('GO111MODULE=yes')[0]?.[2]).toBe(
      'go: unknown environment setting GO111MODULE=yes (every go command fails)',
    );
    expect(problemsAt('GOFLAGS=-mod=mod insecure')[0]?.[2]).toMatch(
      /^go: parsing \$GOFLAGS: non-flag "insecure"/,
    );
    expect(problemsAt('GOPROXY=athens')[0]?.[2]).toBe('invalid proxy URL missing scheme: athens');
    expect(problemsAt('GOPRIVATE=https://github.com/acme')[0]?.[2]).toMatch(/is a URL/);
    expect(problemsAt('GOPATH=~/go')[0]?.[2]).toMatch(/shell metacharacter '~'/);
  });
});

describe('checkGoEnvValue', () => {
  it('accepts ordinary values', () => {
    for (const [k, v] of [
      ['GOPROXY', 'https://goproxy.corp,direct'],
      ['GOSUMDB', 'sum.golang.org'],
      ['GOFLAGS', '-mod=mod -modcacherw'],
      ['GOPRIVATE', 'github.com/acme,*.corp.example'],
      ['GOPATH', '/home/me/go:/opt/go'],
      ['GOAUTH', 'git /home/me;netrc'],
      ['CC', '"/opt/my gcc/bin/gcc"'],
    ] as const) {
      expect(checkGoEnvValue(k, v), `${k}=${v}`).toEqual([]);
    }
  });
});

// go itself is the authority on how it reads the file: ask `go env -json` about a tricky one.
const haveGo = spawnSync('go', ['version']).status === 0;
describe.skipIf(!haveGo)('parseGoEnvFile agrees with go env', () => {
  it('reads the same values go reads', () => {
    const home = makeTempHome();
    try {
      const file = join(home.home, 'goenv');
      const text = [
        'GONOPROXY=first.example',
        'export GONOSUMDB=never.example',
        'goinsecure=never.example',
        'GOPRIVATE =never.example',
        '# GOPROXY=never.example',
        'GOSUMDB=off\r',
        'GOINSECURE=a.example=b',
        'GONOPROXY=second.example',
        'GOPROXY',
        '',
      ].join('\n');
      writeFileSync(file, text);
      const run = spawnSync('go', ['env', '-json'], { env: { ...home.env, GOENV: file }, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const goSays = JSON.parse(run.stdout) as Record<string, string>;
      const ours = parseGoEnvFile(text, file).values;
      for (const key of ['GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOPRIVATE', 'GOPROXY', 'GOSUMDB']) {
        const want =
          ours[key] ?? { GOPROXY: 'https://proxy.golang.org,direct', GOSUMDB: 'sum.golang.org' }[key] ?? '';
        expect(goSays[key], key).toBe(want);
      }
      expect(goSays.GOSUMDB).toBe('off\r'); // the CRLF trap, confirmed
    } finally {
      home.cleanup();
    }
  });
});
