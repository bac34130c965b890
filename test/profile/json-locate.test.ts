// The strict JSON reader behind profile errors: same values as JSON.parse on valid JSON (checked
// on generated documents), a line for every value, and refusals JSON.parse does not make.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OnrampError } from '../../main/common/errors';
import { jsonPointer, lineOf, parseLocatedJson } from '../../main/common/profile/json-locate';

const fail = (text: string): OnrampError => {
  try {
    parseLocatedJson(text, 'p.json');
  } catch (e) {
    return e as OnrampError;
  }
  throw new Error('expected a parse error');
};

describe('parseLocatedJson', () => {
  it('reads what JSON.parse reads, for any JSON document', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (v, pretty) => {
        const t = JSON.stringify(v, null, pretty ? 2 : undefined);
        expect(parseLocatedJson(t, 'x.json').value).toEqual(JSON.parse(t));
      }),
      { numRuns: 300 },
    );
  });

  it('remembers the line of every key and array item', () => {
    const t = '{\n  "a": 1,\n  "list": [\n    "x",\n    {\n      "b/c": true\n    }\n  ]\n}\n';
    const { lines } = parseLocatedJson(t, 'x.json');
    expect(lines.get('/a')).toBe(2);
    expect(lines.get('/list')).toBe(3);
    expect(lines.get('/list/0')).toBe(4);
    expect(lines.get('/list/1/b~1c')).toBe(6);
    expect(lineOf(lines, ['list', 1, 'b/c', 'deeper'])).toBe(6);
    expect(jsonPointer(['a~b', 'c/d', 0])).toBe('/a~0b/c~1d/0');
  });

  it('names the file and the line of a syntax error', () => {
    const e = fail('{\n  "a": 1\n  "b": 2\n}');
    expect(e.code).toBe('parse');
    expect(e.line).toBe(3);
    expect(e.message).toBe(`p.json:3: expected ',' or '}', found "\\""`);
    expect(fail('{"a": [1, 2,]}').message).toContain('expected a JSON value');
    expect(fail('{"a": 1} x').message).toContain('after the end of the JSON document');
    expect(fail('{"a": "\n"}').message).toContain('must be escaped');
  });

  it('refuses what JSON.parse lets through silently', () => {
    expect(fail('{"hosts": 1,\n "hosts": 2}')).toMatchObject({ line: 2 });
    expect(fail('{"hosts": 1, "hosts": 2}').message).toContain('duplicate key "hosts"');
    expect(fail('["\\ud800"]').message).toContain('unpaired UTF-16 surrogate');
    expect(fail(`${'['.repeat(40)}${']'.repeat(40)}`).message).toContain('nesting deeper than 32');
    expect(fail('{"a": NaN}').message).toContain('expected a JSON value');
  });

  it('keeps __proto__ as plain data and skips a UTF-8 BOM', () => {
    const v = parseLocatedJson('\ufeff{"__proto__": {"polluted": true}}', 'x.json').value as Record<
      string,
      unknown
    >;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
