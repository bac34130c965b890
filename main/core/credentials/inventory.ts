// The inventory file (data dir/credentials/inventory.json, 0600, no secrets) and the "seen"
// stamps the credential helper leaves when git reports that a token worked or was rejected.
// The inventory changes only through plans (journaled, undoable); stamps are written directly
// by the helper, one small file per host and account, so concurrent git processes never race
// on the inventory.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  parseInventory,
  serializeInventory,
  type Inventory,
  type Verification,
} from '../../common/credentials/inventory-model';
import { OnrampError } from '../../common/errors';
import type { FileEditStep } from '../../common/plan';
import { atomicWrite } from '../atomic-file';
import type { Env } from '../paths';
import { credentialsDir } from './file-store';

export const inventoryPath = (env: Env) => join(credentialsDir(env), 'inventory.json');

export function loadInventory(env: Env): Inventory {
  const file = inventoryPath(env);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return parseInventory('');
    throw new OnrampError({ code: 'io', message: `cannot read ${file}`, file });
  }
  try {
    return parseInventory(text);
  } catch (err) {
    throw new OnrampError({ code: 'parse', message: `${file}: ${(err as Error).message}`, file });
  }
}

/** The plan step that writes `inv` (no secrets, so its diff and snapshots are safe to show). */
export function inventoryStep(env: Env, inv: Inventory): FileEditStep {
  return { kind: 'file-edit', file: inventoryPath(env), content: serializeInventory(inv), mode: 0o600 };
}

const stampFile = (env: Env, host: string, account: string) =>
  join(
    credentialsDir(env),
    'seen',
    createHash('sha256').update(`${host}\0${account}`).digest('hex').slice(0, 32) + '.json',
  );

/** Records what git said about a token generation (helper `store` = worked, `erase` = rejected). */
export async function writeSeen(
  env: Env,
  host: string,
  account: string,
  generation: string,
  v: Verification,
): Promise<void> {
  await atomicWrite(stampFile(env, host, account), JSON.stringify({ generation, ...v }) + '\n', {
    mode: 0o600,
    keepExistingMode: false,
    dirMode: 0o700,
  });
}

/** The last stamp for this generation, if any. */
export async function readSeen(
  env: Env,
  host: string,
  account: string,
  generation: string,
): Promise<Verification | undefined> {
  try {
    const v = JSON.parse(await readFile(stampFile(env, host, account), 'utf8')) as Verification & {
      generation?: string;
    };
    return v.generation === generation ? { at: v.at, ok: v.ok, how: v.how } : undefined;
  } catch {
    return undefined;
  }
}

/** The newer of two verifications. */
export function latest(a: Verification | undefined, b: Verification | undefined): Verification | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.at >= b.at ? a : b;
}
