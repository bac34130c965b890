import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  curlLookup,
  goLookup,
  goNetrcEntries,
  parseNetrc,
  printNetrc,
  summarizeNetrc,
} from '../../main/common/netrc';
import { caught } from './dotfiles.helpers';

const fixture = readFileSync(join(__dirname, '../fixtures/dotfiles/messy.netrc'), 'utf8');
const parse = (text: string) => parseNetrc(text, '.netrc');
const codes = (text: string) => summarizeNetrc(parse(text)).goCompat.map((p) => p.code);

describe('parseNetrc / printNetrc', () => {
  it('prints the messy fixture byte for byte', () => {
    expect(printNetrc(parse(fixture))).toBe(fixture);
  });

  it('reads tokens across lines, tabs, comments, quotes and escapes like curl', () => {
    const doc = parse('# c\r\nmachine\ta.example\r\n  login "x \\"y\\""  # trailing\r\npassword p#q');
    expect(doc.eol).toBe('\r\n');
    const [e] = doc.entries;
    expect(e?.name?.value).toBe('a.example');
    expect(e?.fields.map((f) => [f.key, f.value.value, f.value.quoted])).toEqual([
      ['login', 'x "y"', true],
      ['password', 'p#q', false],
    ]);
    expect(e?.firstLine).toBe(2);
    expect(e?.lastLine).toBe(4);
    expect(doc.comments.map((c) => c.line)).toEqual([1, 3]);
  });

  it('ends a macdef body at the first empty line (also "\\r"), or at EOF', () => {
    const doc = parse('macdef a\nx\n  \n\nmachine h login l password p\nmacdef b\r\ny\r\n\r\nmacdef c\nz');
    const all = [...doc.looseMacdefs, ...doc.entries.flatMap((e) => e.macdefs)];
    expect(all.map((m) => [m.name.value, m.bodyFirstLine, m.bodyLastLine, m.terminatorLine])).toEqual([
      ['a', 2, 3, 4],
      ['b', 7, 7, 8],
      ['c', 10, 10, null],
    ]);
    expect(doc.entries).toHaveLength(1);
  });

  it.each([
    ['machine', 1, 'machine without a host name'],
    ['machine h login', 1, 'login without a value'],
    ['machine h\nlogin u\npassword', 3, 'password without a value'],
    ['login u', 1, 'before any machine'],
    ['machine h port 21', 1, 'expected a netrc keyword'],
    ['machine h login u password "open', 1, 'unterminated quoted token'],
    ['machine h login u password "a"b', 1, 'after a closing quote'],
    ['machine h login u password #x', 1, "starts with '#'"],
    ['machine h\nmacdef m cd /\n\n', 2, 'after the macdef name'],
  ])('rejects %j at line %i', (text, line, message) => {
    const err = caught(() => parse(text));
    expect(err.code).toBe('parse');
    expect(err.file).toBe('.netrc');
    expect(err.line).toBe(line);
    expect(err.message).toContain(message);
    expect(err.message).toMatch(/^\.netrc:\d+: /);
  });
});

describe('goNetrcEntries (go 1.19 rules)', () => {
  const go = (text: string) => goNetrcEntries(text).entries.map((e) => [e.host, e.login, e.password]);

  it('keeps quotes and splits at spaces inside them', () => {
    expect(go('machine h login u password "a b"')).toEqual([['h', 'u', '"a']]);
    expect(go('machine h login u password "ab"')).toEqual([['h', 'u', '"ab"']]);
  });

  it('ignores entries without login or password, resets at machine', () => {
    expect(go('machine a password p\nmachine b login u\nmachine c login u password p')).toEqual([
      ['c', 'u', 'p'],
    ]);
  });

  it('stops at a bare default, not at a default followed by pairs', () => {
    expect(goNetrcEntries('default\nmachine h login u password p').stoppedAtLine).toBe(1);
    expect(go('default\nmachine h login u password p')).toEqual([]);
    expect(go('default login d password x\nmachine h login u password p')).toEqual([['h', 'u', 'p']]);
  });

  it('pairs tokens per line: a keyword and its value on different lines are lost', () => {
    expect(go('machine h\nlogin u\npassword p')).toEqual([['h', 'u', 'p']]);
    expect(go('machine\nh login u password p')).toEqual([]);
  });

  it('reads comments as tokens and never ends a macro in a CRLF file', () => {
    expect(go('machine h login u password p\n# login x\n')).toEqual([['h', 'u', 'p']]);
    expect(go('# a default\nmachine h login u password p')).toEqual([]);
    expect(go('macdef m\r\nx\r\n\r\nmachine h login u password p\r\n')).toEqual([]);
    expect(go('macdef m\nx\n\nmachine h login u password p\n')).toEqual([['h', 'u', 'p']]);
  });
});

describe('summarizeNetrc', () => {
  it('summarizes the fixture without any password', () => {
    const s = summarizeNetrc(parse(fixture), ['git.corp.example']);
    expect(s.machines.map((m) => [m.host, m.login, m.hasPassword, m.hasAccount, m.line, m.managed])).toEqual([
      ['github.com', 'alice', true, false, 3, false],
      ['gitlab.example.com', 'bob', true, true, 7, false],
      ['ftp.example.org', 'anonymous', true, false, 10, false],
      ['api.example.net', 'svc user', true, false, 17, false],
      ['proxy.example.com', undefined, true, false, 18, false],
      ['git.corp.example', 'carol', true, false, 20, true],
    ]);
    expect(s).toMatchObject({ hasDefault: true, defaultLine: 21, macdefs: [{ name: 'init', line: 13 }] });
    const json = JSON.stringify(s);
    for (const secret of [
      'ghp_fixture',
      'glpat-fixture',
      'me@example.org',
      'p w',
      'only-a-password',
      'corp-s3cret',
      'guest@',
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(s.goCompat.map((p) => [p.code, p.line, p.host])).toEqual([
      ['quoted-token', 17, 'api.example.net'],
      ['quoted-token', 17, 'api.example.net'],
      ['missing-login', 18, 'proxy.example.com'],
      ['go-differs', 17, 'api.example.net'],
      ['go-differs', 18, 'proxy.example.com'],
    ]);
  });

  it('names each way Go and curl part', () => {
    // curl skips an empty default; Go stops there.
    expect(codes('machine h login u password p\ndefault\nmachine k login u password p')).toEqual([
      'after-default',
      'go-differs',
    ]);
    expect(codes('default login d password x\nmachine h login u password p')).toEqual([
      'default-not-last',
      'go-differs',
    ]);
    expect(codes('machine h\nlogin\nu password p')).toEqual(['split-entry', 'go-differs']);
    expect(codes('machine h login u password p\nmachine h login v password q')).toEqual([
      'duplicate-machine',
    ]);
    expect(codes('machine h login u password p\n# password x\n')).toEqual([]); // pairs (#, password)
    expect(codes('machine h login u password p\n# a password x\n')).toEqual(['comment-tokens']);
    expect(codes('machine h login u password p # see the default\n')).toEqual([]);
    expect(codes('macdef m\r\nx\r\n\r\nmachine h login u password p\r\n')).toEqual([
      'macdef-crlf',
      'go-differs',
    ]);
  });

  it('agrees that first match wins, and that a default before a machine wins for curl', () => {
    const doc = parse(
      'default login d password x\nmachine h login u password p\nmachine h login v password q',
    );
    expect(curlLookup(doc, 'h')).toMatchObject({ login: 'd', fromDefault: true });
    expect(goLookup(goNetrcEntries(doc.text), 'h')).toMatchObject({ login: 'u', password: 'p' });
  });
});
