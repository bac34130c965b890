// The terminal's redactor: a known secret never gets through whole, however the stream is cut
// into chunks and whenever the idle timer releases held-back text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MASK } from '../../main/common/redact';
import { streamRedactor } from '../../main/server/stream-redactor';

const secret = 'Zq9-corp-token-4711-xyz';

/** Feeds chunks, optionally "going idle" (release()) after each one; returns what was sent. */
function run(chunks: string[], secrets: string[], idleAfterEach: boolean): string {
  const r = streamRedactor(secrets);
  let out = '';
  for (const c of chunks) {
    out += r.push(c);
    if (idleAfterEach) out += r.release();
  }
  return out + r.release(true);
}

describe('streamRedactor', () => {
  it('masks a secret in one chunk and passes other text through unchanged', () => {
    expect(run([`echo ${secret}\r\n${secret}\r\n$ `], [secret], false)).toBe(`echo ${MASK}\r\n${MASK}\r\n$ `);
    expect(run(['ls -la\r\n', 'total 0\r\n$ '], [secret], true)).toBe('ls -la\r\ntotal 0\r\n$ ');
  });

  it('masks a secret echoed one key at a time, even with idle releases in between', () => {
    const keys = [...`echo ${secret}`];
    for (const idle of [false, true]) {
      const out = run(keys, [secret], idle);
      expect(out).not.toContain(secret);
      // at most the first SHORT_HOLD-1 characters escape before the match is certain
      expect(out).not.toContain(secret.slice(0, 4));
      expect(out).toContain(MASK);
    }
  });

  it('never lets a whole secret through for any chunking (property)', () => {
    const secrets = [secret, 'p@ss-w0rd', 'tok'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', ' ', '\n', 'Zq9', 'p@', secret, 'p@ss-w0rd', 'ss-w', 'x'), {
          maxLength: 30,
        }),
        fc.array(fc.nat(20), { maxLength: 40 }),
        fc.boolean(),
        (parts, cuts, idle) => {
          const text = parts.join('');
          const chunks: string[] = [];
          let at = 0;
          for (const c of cuts) {
            if (at >= text.length) break;
            chunks.push(text.slice(at, at + c + 1));
            at += c + 1;
          }
          chunks.push(text.slice(at));
          const out = run(chunks, secrets, idle);
          expect(out).not.toContain(secret);
          expect(out).not.toContain('p@ss-w0rd');
          expect(out).not.toContain(secret.slice(0, 4));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('sees secrets added after it was created (the list is live)', () => {
    const list: string[] = [];
    const r = streamRedactor(list);
    expect(r.push('before ')).toBe('before ');
    list.push(secret);
    expect(r.push(`now ${secret}!`)).toBe(`now ${MASK}!`);
  });

  it('applies the shape rules too (URL userinfo)', () => {
    expect(run(['git clone https://alice:hunter2x@git.corp.test/x\r\n'], [], false)).not.toContain(
      'hunter2x',
    );
  });

  it('masks a held-back secret prefix when the stream ends on it', () => {
    const r = streamRedactor([secret]);
    expect(r.push(`x ${secret.slice(0, 10)}`)).toBe('x ');
    expect(r.held).toBe(10);
    expect(r.release()).toBe('');
    expect(r.release(true)).toBe(MASK);
  });
});
