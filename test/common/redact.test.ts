import { describe, expect, it } from 'vitest';
import { lineRedactor, MASK, redactSecrets } from '../../main/common/redact';

describe('redactSecrets', () => {
  it('hides known secrets, longest first', () => {
    expect(redactSecrets('tok=abcd1234 and abcd1234xyz', ['abcd1234', 'abcd1234xyz'])).toBe(
      `tok=${MASK} and ${MASK}`,
    );
  });
  it('hides URL userinfo passwords but keeps the user', () => {
    expect(redactSecrets("fatal: unable to access 'https://alice:s3cr3t@git.corp.test/x.git/'")).toBe(
      `fatal: unable to access 'https://alice:${MASK}@git.corp.test/x.git/'`,
    );
  });
  it('hides auth headers, extraheader, netrc passwords and token shapes', () => {
    expect(redactSecrets('> Authorization: Basic YWxpY2U6dG9rZW4=')).toBe(`> Authorization: Basic ${MASK}`);
    expect(redactSecrets('http.https://github.com/.extraheader=AUTHORIZATION: basic eHl6')).not.toContain(
      'eHl6',
    );
    expect(redactSecrets('machine h login u password hunter22')).toBe(`machine h login u password ${MASK}`);
    expect(redactSecrets('token ghp_0123456789abcdefghijABCDEFGHIJ used')).toBe(`token ${MASK} used`);
    expect(redactSecrets('PRIVATE-TOKEN: glpat-abcdefghijklmnopqrstu')).not.toContain('glpat-');
  });
  it('redacts a secret split across stream chunks', () => {
    const r = lineRedactor(['supersecret']);
    const lines = [...r.push('a super'), ...r.push('secret b\nnext'), ...r.flush()];
    expect(lines).toEqual([`a ${MASK} b`, 'next']);
  });
});
