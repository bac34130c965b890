import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNetrc, removeNetrcMachine, setNetrcMachine, validateNetrcToken } from '../../main/common/netrc';
import { caught } from './dotfiles.helpers';

const fixture = readFileSync(join(__dirname, '../fixtures/dotfiles/messy.netrc'), 'utf8');
const parse = (text: string) => parseNetrc(text, '.netrc');
const set = (text: string, host: string, login = 'L', password = 'P') =>
  setNetrcMachine(parse(text), { host, login, password });

describe('setNetrcMachine', () => {
  it('replaces login and password in place, keeping tabs, spacing and other lines', () => {
    const r = set(fixture, 'git.corp.example', 'dave', 'n3w');
    expect(r).toMatchObject({ change: 'updated-in-place', line: 20 });
    expect(r.text).toBe(fixture.replace('login\tcarol\tpassword\tcorp-s3cret', 'login\tdave\tpassword\tn3w'));
  });

  it('adds a missing login in place and replaces a quoted password', () => {
    expect(set('machine h password "a b" account x\n', 'h').text).toBe(
      'machine h login L password P account x\n',
    );
  });

  it('rewrites a multi-line entry as one line where it was', () => {
    const r = set(fixture, 'ftp.example.org');
    expect(r).toMatchObject({ change: 'rewritten', line: 10 });
    expect(r.text).toBe(
      fixture.replace(
        'machine ftp.example.org\nlogin anonymous\npassword me@example.org\n',
        'machine ftp.example.org login L password P\n',
      ),
    );
  });

  it('keeps an account and whatever shares the lines of a rewritten entry', () => {
    const text =
      'machine a login x password y machine h\n  login u # note\npassword p account q machine b login z password w\n';
    expect(set(text, 'h').text).toBe(
      'machine a login x password y\nmachine h login L password P account q\n  # note\nmachine b login z password w\n',
    );
  });

  it('inserts a new entry before default, in the file newline style', () => {
    const r = set('machine a login x password y\r\ndefault login d password e', 'n.example');
    expect(r).toMatchObject({ change: 'inserted', line: 2 });
    expect(r.text).toBe(
      'machine a login x password y\r\nmachine n.example login L password P\r\ndefault login d password e',
    );
  });

  it('appends at the end, ending the last line only where needed', () => {
    expect(set('machine a login x password y', 'n').text).toBe(
      'machine a login x password y\nmachine n login L password P\n',
    );
    expect(set('machine a login x password y\n', 'n').text).toBe(
      'machine a login x password y\nmachine n login L password P\n',
    );
    expect(set('', 'n').text).toBe('machine n login L password P\n');
    expect(set('# only a comment\r\n', 'n').text).toBe(
      '# only a comment\r\nmachine n login L password P\r\n',
    );
  });

  it('ends an open macdef before appending so the entry is not swallowed', () => {
    expect(set('machine a login x password y\nmacdef m\ncd /', 'n').text).toBe(
      'machine a login x password y\nmacdef m\ncd /\n\nmachine n login L password P\n',
    );
  });

  it('puts the entry first when Go would never read it at the end (CRLF macdef)', () => {
    const text = 'macdef m\r\nx\r\n\r\nmachine a login x password y\r\n';
    const r = set(text, 'n');
    expect(r.text).toBe(`machine n login L password P\r\n${text}`);
  });

  it('moves an entry that sits after default (curl would use the default)', () => {
    const r = set(
      'machine a login x password y\ndefault login d password e\nmachine h login u password p\n',
      'h',
    );
    expect(r.change).toBe('moved');
    expect(r.text).toBe(
      'machine a login x password y\nmachine h login L password P\ndefault login d password e\n',
    );
  });

  it('changes nothing when the credentials are already there', () => {
    expect(set('machine h login L password P\n', 'h')).toEqual({
      text: 'machine h login L password P\n',
      change: 'unchanged',
      line: 1,
    });
  });

  it('validates before editing and never echoes the password', () => {
    const err = caught(() => set('', 'h', 'u', 'sec ret'));
    expect(err.code).toBe('invalid-input');
    expect(err.message).not.toContain('sec');
  });
});

describe('removeNetrcMachine', () => {
  it('removes every entry for the host and nothing else', () => {
    const text =
      'machine a login x password y\nmachine h login u password p\n# keep\nmachine h\n\tlogin v password q\n';
    expect(removeNetrcMachine(parse(text), 'h')).toEqual({
      text: 'machine a login x password y\n# keep\n',
      removed: 2,
    });
  });

  it('keeps a shared line and macros, and is a no-op for unknown hosts', () => {
    const text = 'machine a login x password y machine h login u password p\nmacdef m\nx\n';
    expect(removeNetrcMachine(parse(text), 'h').text).toBe('machine a login x password y\nmacdef m\nx\n');
    expect(removeNetrcMachine(parse(fixture), 'nope.example')).toEqual({ text: fixture, removed: 0 });
  });

  it('removes one fixture entry, leaving every other line', () => {
    const out = removeNetrcMachine(parse(fixture), 'github.com').text;
    expect(out).toBe(
      fixture.replace(
        'machine github.com\n\tlogin alice\n\tpassword ghp_fixture000000000000000000000000000\n',
        '',
      ),
    );
  });
});

describe('validateNetrcToken', () => {
  it.each([
    ['password', '', 'password is empty'],
    ['password', 'ab cd', 'whitespace at character 3'],
    ['password', 'ab\u00a0cd', 'whitespace at character 3'],
    ['password', 'x"', 'a quote at character 2'],
    ['login', "o'brien", 'a quote at character 2'],
    ['password', 's#cret', "'#' at character 2"],
    ['password', 'a\\b', 'a backslash at character 2'],
    ['password', 'tab\there', 'a control character at character 4'],
    ['password', '🔑x\u0085', 'a control character at character 3'],
    ['host', 'h.example:443', "':' (use the bare host name) at character 10"],
    ['host', 'https://h', "':' (use the bare host name) at character 6"],
  ] as const)('%s %j → %s', (kind, value, message) => {
    const err = caught(() => validateNetrcToken(kind, value));
    expect(err.code).toBe('invalid-input');
    expect(err.message).toBe(
      `${kind} ${message.startsWith(kind) ? message.slice(kind.length + 1) : `contains ${message}`}`,
    );
    if (value.length > 2) expect(err.message).not.toContain(value);
  });

  it('accepts plain tokens, including unicode and netrc keywords', () => {
    for (const v of ['ghp_abc123', 'ü-日本', 'machine', 'a=b&c!$%'])
      expect(() => validateNetrcToken('password', v)).not.toThrow();
  });
});
