// The secret values the terminal stream and transcript must never show. The dispatcher keeps
// the tokens a page pasted to itself, so the server notes them on the way in (fix.plan and
// onboard.* carry a `token`; any method's top-level `token`/`password` counts), and adds the passwords of the user's ~/.netrc, which
// `cat ~/.netrc` or `git config --list` in the embedded shell would otherwise print.
import { readFile } from 'node:fs/promises';
import { goNetrcEntries } from '../common/netrc-view';
import { pathsOf, type Env } from '../core/paths';

/** Shorter strings would mask ordinary words (redactSecrets ignores them too). */
const MIN_SECRET = 4;
const MAX_SECRET = 4096;
/** input fields that hold a pasted secret (contract.ts marks them "held in main, never echoed") */
const secretKeys = ['token', 'password'];

export interface KnownSecrets {
  /** live list: lineRedactor and the stream redactor read it on every chunk */
  readonly list: string[];
  add(secret: string): void;
  /** note any secret a contract call carries, before it is validated or dispatched */
  noteCall(method: unknown, input: unknown): void;
  /** (re)read ~/.netrc passwords; unreadable or absent netrc is not an error */
  loadNetrc(env: Env): Promise<void>;
}

export function knownSecrets(initial: readonly string[] = []): KnownSecrets {
  const list: string[] = [];
  const add = (s: string) => {
    if (s.length >= MIN_SECRET && s.length <= MAX_SECRET && !list.includes(s)) list.push(s);
  };
  initial.forEach(add);
  return {
    list,
    add,
    noteCall(_method, input) {
      if (!input || typeof input !== 'object') return;
      for (const key of secretKeys) {
        const v = (input as Record<string, unknown>)[key];
        if (typeof v === 'string') add(v);
      }
    },
    async loadNetrc(env) {
      let text: string;
      try {
        text = await readFile(pathsOf(env).netrc, 'utf8');
      } catch {
        return;
      }
      for (const e of goNetrcEntries(text).entries) add(e.password);
    },
  };
}
