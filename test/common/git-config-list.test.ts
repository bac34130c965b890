import { describe, expect, it } from 'vitest';
import { OnrampError } from '../../main/common/errors';
import {
  parseGitConfigList,
  redactUrlPassword,
  splitGitConfigKey,
  summarizeGitConfig,
  type GitConfigEntry,
} from '../../main/common/git-config-list';

/** Builds `git config --null --list --show-origin --show-scope` output. */
function listing(...records: [scope: string, origin: string, key: string, value?: string][]): string {
  return records.map(([s, o, k, v]) => `${s}\0${o}\0${v === undefined ? k : `${k}\n${v}`}\0`).join('');
}

function entry(key: string, value: string | null, file = '/h/.gitconfig'): GitConfigEntry {
  return { scope: 'global', origin: `file:${file}`, file, key, value };
}

describe('parseGitConfigList', () => {
  it('reads scope, origin, file, key and value', () => {
    const out = listing(
      ['global', 'file:/home/a b/.gitconfig', 'user.name', 'A B'],
      ['local', 'file:.git/config', 'core.bare', 'false'],
      ['command', 'command line:', 'x.y', 'z'],
      ['command', 'standard input:', 'x.y', '1'],
      ['global', 'blob:HEAD:cfg', 'x.z', '2'],
    );
    expect(parseGitConfigList(out)).toEqual([
      {
        scope: 'global',
        origin: 'file:/home/a b/.gitconfig',
        file: '/home/a b/.gitconfig',
        key: 'user.name',
        value: 'A B',
      },
      { scope: 'local', origin: 'file:.git/config', file: '.git/config', key: 'core.bare', value: 'false' },
      { scope: 'command', origin: 'command line:', key: 'x.y', value: 'z' },
      { scope: 'command', origin: 'standard input:', key: 'x.y', value: '1' },
      { scope: 'global', origin: 'blob:HEAD:cfg', key: 'x.z', value: '2' },
    ]);
  });

  it('tells a key without value (null) from an empty value', () => {
    const out = listing(['global', 'file:/g', 'core.flag'], ['global', 'file:/g', 'core.empty', '']);
    const [flag, empty] = parseGitConfigList(out);
    expect(flag?.value).toBeNull();
    expect(empty?.value).toBe('');
  });

  it('keeps newlines, "=", unicode and case-preserved subsections in values and keys', () => {
    const out = listing(
      ['global', 'file:/g', 'core.multi', 'line1\nline2=x\n'],
      ['global', 'file:/g', 'url.https://Host.Example/Org/.insteadof', 'ghé:'],
    );
    const [multi, url] = parseGitConfigList(out);
    expect(multi?.value).toBe('line1\nline2=x\n');
    expect(url?.key).toBe('url.https://Host.Example/Org/.insteadof');
    expect(url?.value).toBe('ghé:');
  });

  it('maps scopes git may add later to unknown', () => {
    expect(parseGitConfigList(listing(['submodule', 'file:/m', 'a.b', 'c']))[0]?.scope).toBe('submodule');
    expect(parseGitConfigList(listing(['future', 'file:/m', 'a.b', 'c']))[0]?.scope).toBe('unknown');
  });

  it('returns no entries for empty output and rejects output without origin/scope', () => {
    expect(parseGitConfigList('')).toEqual([]);
    expect(() => parseGitConfigList('a.b\nc\0d.e\nf\0')).toThrow(OnrampError);
  });
});

describe('splitGitConfigKey', () => {
  it('splits at the first and the last dot, as git does', () => {
    expect(splitGitConfigKey('core.sshcommand')).toEqual({
      section: 'core',
      subsection: null,
      name: 'sshcommand',
    });
    expect(splitGitConfigKey('url.git@github.com:.insteadof')).toEqual({
      section: 'url',
      subsection: 'git@github.com:',
      name: 'insteadof',
    });
    expect(splitGitConfigKey('url..insteadof')).toEqual({
      section: 'url',
      subsection: '',
      name: 'insteadof',
    });
    expect(splitGitConfigKey('http.https://a.b/c.d.sslcainfo').subsection).toBe('https://a.b/c.d');
  });
});

describe('summarizeGitConfig', () => {
  it('lists insteadOf and pushInsteadOf rules with their origin', () => {
    const s = summarizeGitConfig([
      entry('url.git@github.com:.insteadof', 'https://github.com/'),
      entry('url.ssh://git@h/.pushinsteadof', 'https://h/', '/h/inc'),
      entry('url.insteadof', 'ignored-no-base'),
    ]);
    expect(s.insteadOf).toEqual([
      {
        scope: 'global',
        file: '/h/.gitconfig',
        base: 'git@github.com:',
        baseDisplay: 'git@github.com:',
        prefix: 'https://github.com/',
        push: false,
      },
      {
        scope: 'global',
        file: '/h/inc',
        base: 'ssh://git@h/',
        baseDisplay: 'ssh://git@h/',
        prefix: 'https://h/',
        push: true,
      },
    ]);
  });

  it('reports an insteadOf without value, which makes git fetch die', () => {
    const s = summarizeGitConfig([entry('url.X.insteadof', null)]);
    expect(s.insteadOf).toEqual([]);
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]?.message).toMatch(/no value/);
  });

  it('hides tokens in bases but keeps the base usable for rewriting', () => {
    const [rule] = summarizeGitConfig([
      entry('url.https://oauth2:glpat-123@gitlab.com/.insteadof', 'https://gitlab.com/'),
    ]).insteadOf;
    expect(rule?.base).toBe('https://oauth2:glpat-123@gitlab.com/');
    expect(rule?.baseDisplay).toBe('https://oauth2:<redacted>@gitlab.com/');
  });

  it('applies empty credential.helper values the way git resets its list', () => {
    const s = summarizeGitConfig([
      entry('credential.helper', 'cache'),
      entry('credential.https://a.com.helper', 'store'),
      entry('credential.helper', ''), // clears both: it matches every URL
      entry('credential.helper', 'osxkeychain'),
      entry('credential.https://b.com.helper', 'b1'),
      entry('credential.https://b.com.helper', ''), // clears b1, and osxkeychain only for b.com
      entry('credential.https://b.com.helper', 'b2'),
    ]);
    expect(s.credentialHelpers.map((h) => [h.urlScope, h.helper, h.reset])).toEqual([
      [null, 'osxkeychain', false],
      ['https://b.com', '', true],
      ['https://b.com', 'b2', false],
    ]);
  });

  it('keeps other credential settings per URL', () => {
    const s = summarizeGitConfig([
      entry('credential.https://h.com.username', 'bot'),
      entry('credential.usehttppath', 'true'),
    ]);
    expect(s.credentialOther.map((c) => [c.urlScope, c.key, c.value])).toEqual([
      ['https://h.com', 'username', 'bot'],
      [null, 'usehttppath', 'true'],
    ]);
  });

  it('never exposes extraheader values or proxy passwords', () => {
    const s = summarizeGitConfig([
      entry('http.https://h.com/.extraheader', 'AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46c2VjcmV0'),
      entry('http.extraheader', 'garbage-without-colon'),
      entry('http.proxy', 'http://me:hunter2@proxy:3128'),
      entry('http.https://h.com/.sslcainfo', '/etc/ca.pem'),
      entry('http.sslverify', null),
    ]);
    expect(s.http).toEqual([
      expect.objectContaining({
        url: 'https://h.com/',
        key: 'extraheader',
        value: 'AUTHORIZATION: <redacted>',
        redacted: true,
      }),
      expect.objectContaining({ url: null, key: 'extraheader', value: '<redacted>', redacted: true }),
      expect.objectContaining({
        url: null,
        key: 'proxy',
        value: 'http://me:<redacted>@proxy:3128',
        redacted: true,
      }),
      expect.objectContaining({
        url: 'https://h.com/',
        key: 'sslcainfo',
        value: '/etc/ca.pem',
        redacted: false,
      }),
      expect.objectContaining({ url: null, key: 'sslverify', value: null, redacted: false }),
    ]);
    expect(JSON.stringify(s)).not.toMatch(/eC1hY2Nlc3M|hunter2/);
  });

  it('takes the last core.sshCommand', () => {
    const s = summarizeGitConfig([
      entry('core.sshcommand', 'ssh -i a'),
      entry('core.sshcommand', 'ssh -i b', '/r/.git/config'),
    ]);
    expect(s.sshCommand).toEqual({ scope: 'global', file: '/r/.git/config', value: 'ssh -i b' });
  });
});

describe('redactUrlPassword', () => {
  it('replaces only the password part', () => {
    expect(redactUrlPassword('https://user:tok@h/x https://h/y')).toBe(
      'https://user:<redacted>@h/x https://h/y',
    );
    expect(redactUrlPassword('https://user@h/x')).toBe('https://user@h/x');
    expect(redactUrlPassword('git@github.com:org/x')).toBe('git@github.com:org/x');
  });
});
