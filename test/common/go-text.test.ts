import { describe, expect, it } from 'vitest';
import { decodeRune, goFields, goIsAbs, goTrimSpace, utf8Encode } from '../../main/common/go-text';
import { goQuote, toBytes } from '../../main/common/go-url';

describe('Go string primitives', () => {
  it('encodes UTF-8 as the platform encoder does, lone surrogates included', () => {
    for (const s of ['', 'abc', 'é', '日本', '😀', 'a\ud800b', '\udc00', 'x\ud83d']) {
      expect(Array.from(utf8Encode(s)), JSON.stringify(s)).toEqual(Array.from(new TextEncoder().encode(s)));
    }
  });

  it('decodes runes like utf8.DecodeRune, invalid bytes as (U+FFFD, 1)', () => {
    expect(decodeRune(Uint8Array.from([0xe6, 0x97, 0xa5]), 0)).toEqual([0x65e5, 3]);
    expect(decodeRune(Uint8Array.from([0xe6, 0x97]), 0)).toEqual([0xfffd, 1]); // truncated
    expect(decodeRune(Uint8Array.from([0xc0, 0x80]), 0)).toEqual([0xfffd, 1]); // overlong
    expect(decodeRune(Uint8Array.from([0xed, 0xa0, 0x80]), 0)).toEqual([0xfffd, 1]); // surrogate
    expect(decodeRune(new Uint8Array(0), 0)).toEqual([0xfffd, 0]);
  });

  it('splits and trims on unicode.IsSpace, which is not JS whitespace', () => {
    expect(goFields(' a\u0085b\u00a0c\u3000d ')).toEqual(['a', 'b', 'c', 'd']);
    expect(goFields('a\ufeffb')).toEqual(['a\ufeffb']); // JS \s counts U+FEFF; Go does not
    expect(goTrimSpace('\u2028 direct \t')).toBe('direct');
    expect(goTrimSpace('\ufeffdirect')).toBe('\ufeffdirect');
  });

  it('judges absolute paths per OS', () => {
    expect(goIsAbs('/x')).toBe(true);
    expect(goIsAbs('C:\\x')).toBe(false);
    expect(goIsAbs('C:\\x', true)).toBe(true);
    expect(goIsAbs('\\\\host\\share\\x', true)).toBe(true);
    expect(goIsAbs('x/y', true)).toBe(false);
  });

  it('quotes like strconv.Quote', () => {
    expect(goQuote(toBytes('a"b\\c\n\x01é\u00a0'))).toBe('"a\\"b\\\\c\\n\\x01é\\u00a0"');
    expect(goQuote(toBytes('é').slice(0, 1))).toBe('"\\xc3"');
  });
});
