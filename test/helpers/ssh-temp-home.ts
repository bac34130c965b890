// A temp HOME with an empty ~/.ssh (0700), and ssh-keygen helpers, for the ssh reader tests.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { parseFingerprintLine } from '../../main/core/ssh-keys';
import { runToolChecked } from '../../main/core/tool-runner';
import { makeTempHome, type TempHome } from './temp-home';

export interface SshTempHome {
  t: TempHome;
  ssh: string;
}

/** Registers beforeEach/afterEach hooks; read `.t` and `.ssh` inside tests. */
export function useSshTempHome(): SshTempHome {
  const ctx = {} as SshTempHome;
  beforeEach(() => {
    ctx.t = makeTempHome();
    ctx.ssh = join(ctx.t.home, '.ssh');
    mkdirSync(ctx.ssh, { mode: 0o700 });
  });
  afterEach(() => ctx.t.cleanup());
  return ctx;
}

export const keygen = (h: SshTempHome, ...args: string[]) =>
  runToolChecked('ssh-keygen', ['-q', ...args], { env: h.t.env });

export const fingerprintOf = async (h: SshTempHome, pub: string) =>
  parseFingerprintLine((await runToolChecked('ssh-keygen', ['-l', '-f', pub], { env: h.t.env })).stdout)
    ?.fingerprint;
