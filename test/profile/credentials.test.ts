// The credential part of onboarding: tokens from stdin, one managed netrc line per host, an
// existing entry left alone unless a different token is given.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NetrcNeed } from '../../main/common/profile/settings';
import { netrcCredentialStep, parseTokenInput, TOKEN_PLACEHOLDER } from '../../main/core/profile/credentials';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let t: TempHome;
beforeEach(() => (t = makeTempHome()));
afterEach(() => t.cleanup());

const need = (host: string, login?: string): NetrcNeed => ({ host, login, why: 'test', pointer: '/hosts/0' });

describe('tokens from stdin', () => {
  it('one bare token for every host, or "host token" lines', () => {
    expect(parseTokenInput('tok-1\n')).toEqual({ token: 'tok-1', perHost: {} });
    expect(parseTokenInput('a.test tok-a\r\nb.test tok-b\n\n')).toEqual({
      perHost: { 'a.test': 'tok-a', 'b.test': 'tok-b' },
    });
    expect(() => parseTokenInput('one\ntwo\n')).toThrow(/more than one bare token/);
    expect(() => parseTokenInput('a b c')).toThrow(/"token" or "host token"/);
    expect(() => parseTokenInput('"quoted"')).toThrow(/password contains/);
  });
});

describe('netrc step', () => {
  it('adds a line per host in the form go reads, the token listed as a secret', () => {
    const r = netrcCredentialStep(
      t.env,
      [need('a.test', 'alice'), need('b.test', 'alice')],
      { perHost: { 'b.test': 'tok-b' }, token: 'tok' },
      false,
    );
    expect(r.step?.content).toBe(
      'machine a.test login alice password tok\nmachine b.test login alice password tok-b\n',
    );
    expect(r.step?.mode).toBe(0o600);
    expect(r.step?.secrets).toEqual(expect.arrayContaining(['tok', 'tok-b']));
  });

  it('keeps an existing entry unless a different token is given; replaces it in place otherwise', () => {
    const file = join(t.home, '.netrc');
    writeFileSync(
      file,
      '# mine\nmachine a.test login alice password old\nmachine z.test login z password z\n',
    );
    const kept = netrcCredentialStep(t.env, [need('a.test')], {}, false);
    expect(kept.step).toBeUndefined();
    expect(kept.needs).toEqual([]);
    expect(kept.done).toEqual(['~/.netrc has a credential for a.test (login alice)']);
    const r = netrcCredentialStep(t.env, [need('a.test')], { token: 'new' }, false);
    expect(r.step?.content).toBe(
      '# mine\nmachine a.test login alice password new\nmachine z.test login z password z\n',
    );
    expect(readFileSync(file, 'utf8')).toContain('password old');
  });

  it('says what is missing; a plan shows a placeholder instead', () => {
    const r = netrcCredentialStep(
      t.env,
      [{ ...need('a.test'), tokenScopes: ['read_api'], tokenCreateUrl: 'https://a.test/tokens' }],
      {},
      false,
    );
    expect(r.needs).toEqual([
      'a token for a.test with scopes read_api (create one at https://a.test/tokens): test; pass it on stdin with --token-stdin',
      'the user name for a.test: pass --login',
    ]);
    const plan = netrcCredentialStep(t.env, [need('a.test', 'alice')], {}, true);
    expect(plan.step?.content).toBe(`machine a.test login alice password ${TOKEN_PLACEHOLDER}\n`);
  });
});
