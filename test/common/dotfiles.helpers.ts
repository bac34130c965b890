// Shared by the netrc and ssh_config tests: catching an OnrampError, and running `ssh -G` on a
// config we wrote (never on an unvetted one: -G runs `Match exec` commands).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OnrampError } from '../../main/common/errors';

export function caught(fn: () => unknown): OnrampError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OnrampError) return err;
    throw err;
  }
  throw new Error('expected an OnrampError');
}

export const hasSsh = spawnSync('ssh', ['-V']).status === 0;

/** `ssh -G -F <dir>/config alias`, its exit status, options (lower-cased keys) and stderr. */
export function sshG(
  dir: string,
  text: string,
  alias: string,
): { status: number | null; out: Map<string, string[]>; err: string } {
  const file = join(dir, 'config');
  writeFileSync(file, text);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  const r = spawnSync('ssh', ['-G', '-F', file, alias], { encoding: 'utf8', env });
  const out = new Map<string, string[]>();
  for (const line of r.stdout.split('\n')) {
    const [k, ...v] = line.split(' ');
    if (k) out.set(k, [...(out.get(k) ?? []), v.join(' ')]);
  }
  return { status: r.status, out, err: r.stderr };
}
