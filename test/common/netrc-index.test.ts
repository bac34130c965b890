// The indexed lookups the editor uses on big files answer exactly like the one-host lookups.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  curlIndex,
  curlLookup,
  goIndex,
  goLookup,
  goNetrcEntries,
  parseNetrc,
} from '../../main/common/netrc';
import { netrcCase, netrcHosts } from './netrc.arbitraries';

const runs = Number(process.env.ONRAMP_FC_RUNS ?? 400);

describe('netrc indexes', () => {
  it('goIndex and curlIndex agree with goLookup and curlLookup for every host', () => {
    fc.assert(
      fc.property(netrcCase, (c) => {
        const doc = parseNetrc(c.text, 'netrc');
        const view = goNetrcEntries(c.text);
        const [go, curl] = [goIndex(view), curlIndex(doc)];
        for (const h of [...netrcHosts, 'absent.example']) {
          expect(go(h)).toEqual(goLookup(view, h));
          expect(curl(h)).toEqual(curlLookup(doc, h));
        }
      }),
      { numRuns: runs },
    );
  });
});
