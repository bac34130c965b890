// The explicit, remembered opt-in for machines without a keychain: secrets in one 0600 JSON file
// in a 0700 directory of Onramp's data dir. It is plain text on disk, which is why Onramp never
// uses it unless the person chose it (`onramp secrets store file --confirm`), and why every
// record kept here is marked plaintext in `onramp secrets`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OnrampError } from '../../common/errors';
import { atomicWrite } from '../atomic-file';
import { pathsOf, type Env } from '../paths';
import type { SecretStore } from './secret-store-types';

export const credentialsDir = (env: Env) => join(pathsOf(env).dataDir, 'credentials');
export const fileStorePath = (env: Env) => join(credentialsDir(env), 'secrets.json');

type Items = Record<string, Record<string, string>>;

async function load(file: string): Promise<Items> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new OnrampError({ code: 'io', message: `cannot read ${file}`, file });
  }
  try {
    const v = JSON.parse(text) as { version?: number; items?: Items };
    return v.items ?? {};
  } catch {
    // Never echo the content: it is secrets.
    throw new OnrampError({ code: 'parse', message: `${file} is not valid JSON`, file });
  }
}

async function save(file: string, items: Items): Promise<void> {
  await atomicWrite(file, JSON.stringify({ version: 1, items }, null, 2) + '\n', {
    mode: 0o600,
    keepExistingMode: false,
    dirMode: 0o700,
  });
}

export function fileStore(env: Env): SecretStore {
  const file = fileStorePath(env);
  return {
    kind: 'file',
    label: `file ${file} (0600, plain text: opted in)`,
    async get(n) {
      return (await load(file))[n.service]?.[n.account] ?? null;
    },
    async set(n, secret) {
      const items = await load(file);
      (items[n.service] ??= {})[n.account] = secret;
      await save(file, items);
    },
    async delete(n) {
      const items = await load(file);
      const svc = items[n.service];
      if (!svc || !(n.account in svc)) return false;
      delete svc[n.account];
      if (Object.keys(svc).length === 0) delete items[n.service];
      await save(file, items);
      return true;
    },
    async list(service) {
      return Object.keys((await load(file))[service] ?? {});
    },
  };
}
