import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KNOWN_GOSUMDB, checkVerifierKey, parseGosumdb } from '../../main/common/go-sumdb';

// A verifier key as note.GenerateKey would print it; the hash is computed with node:crypto so
// the port's own SHA-256 is checked against an independent implementation.
function makeKey(name: string, opts: { alg?: number; len?: number; hash?: string } = {}): string {
  const key = Buffer.concat([Buffer.from([opts.alg ?? 1]), randomBytes(opts.len ?? 32)]);
  const sum = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), key]))
    .digest();
  return `${name}+${opts.hash ?? sum.subarray(0, 4).toString('hex')}+${key.toString('base64')}`;
}

describe('parseGosumdb (go 1.19 dbDial)', () => {
  it('defaults to sum.golang.org with the built-in key', () => {
    expect(parseGosumdb('')).toEqual({
      kind: 'db',
      name: 'sum.golang.org',
      key: KNOWN_GOSUMDB['sum.golang.org'],
      knownKey: true,
    });
  });

  it('off only when exactly "off"', () => {
    expect(parseGosumdb('off')).toEqual({ kind: 'off' });
    expect(parseGosumdb(' off')).toEqual({
      kind: 'invalid',
      error: 'invalid GOSUMDB: malformed verifier id',
    });
  });

  it('sum.golang.google.cn is sum.golang.org through another URL', () => {
    expect(parseGosumdb('sum.golang.google.cn')).toMatchObject({
      kind: 'db',
      name: 'sum.golang.org',
      url: 'https://sum.golang.google.cn',
    });
    expect(parseGosumdb('sum.golang.org https://goproxy.corp/sumdb/sum.golang.org')).toMatchObject({
      name: 'sum.golang.org',
      url: 'https://goproxy.corp/sumdb/sum.golang.org',
    });
  });

  it('accepts a full verifier key, with or without a URL', () => {
    const key = makeKey('sum.corp.example');
    expect(parseGosumdb(key)).toEqual({ kind: 'db', name: 'sum.corp.example', key, knownKey: false });
    expect(parseGosumdb(`${key} https://sum.corp.example/db`)).toMatchObject({
      url: 'https://sum.corp.example/db',
    });
    expect(checkVerifierKey(KNOWN_GOSUMDB['sum.golang.org'] as string)).toEqual({
      ok: true,
      name: 'sum.golang.org',
    });
  });

  it("gives go's errors for bad values", () => {
    const cases: [string, string][] = [
      ['sum.corp.example', 'invalid GOSUMDB: malformed verifier id'], // a bare name only works for known ones
      ['a b c', 'invalid GOSUMDB: too many fields'],
      [makeKey('sum.corp.example', { hash: 'deadbeef' }), 'invalid GOSUMDB: invalid verifier hash'],
      [makeKey('sum.corp.example', { alg: 2 }), 'invalid GOSUMDB: unknown verifier algorithm'],
      [makeKey('sum.corp.example', { len: 31 }), 'invalid GOSUMDB: malformed verifier id'],
      [makeKey('sum.corp.example/'), 'invalid sumdb name (must be host[/path]): sum.corp.example/'],
      [makeKey('u@sum.corp.example'), 'invalid sumdb name (must be host[/path]): u@sum.corp.example'],
      ['\t', 'missing GOSUMDB'],
    ];
    for (const [value, error] of cases)
      expect(parseGosumdb(value), value).toEqual({ kind: 'invalid', error });
  });

  it('rejects a key whose base64 lost its padding', () => {
    const key = makeKey('sum.corp.example', { len: 30 }); // 31 bytes: one '=' of padding
    expect(key.endsWith('=')).toBe(true);
    expect(checkVerifierKey(key.slice(0, -1))).toEqual({ ok: false, error: 'malformed verifier id' });
  });

  it('reports a bad URL and never shows its password', () => {
    const r = parseGosumdb('sum.golang.org https://u:topsecret@sum.corp/%zz');
    expect(r).toEqual({
      kind: 'invalid',
      error: 'invalid GOSUMDB URL: parse "https://u:••••••@sum.corp/%zz": invalid URL escape "%zz"',
    });
    const ok = parseGosumdb('sum.golang.org https://u:topsecret@sum.corp/');
    expect(JSON.stringify(ok)).not.toContain('topsecret');
  });
});
