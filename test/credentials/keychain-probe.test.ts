// A headless box with dbus and gnome-keyring installed but no unlocked keyring: the bus starts
// the keyring daemon on demand (D-Bus activation), reads find nothing, writes fail. Onramp must
// call that "no keychain", not store into the void. Its own file: libdbus reads the bus address
// once per process, so this must be the process's first keychain call.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { keychainStatus } from '../../main/core/credentials/keychain-store';
import { runToolChecked } from '../../main/core/tool-runner';
import { busNameOwnerPid } from '../helpers/keyring';

it('reports an activatable Secret Service without an unlocked keyring as unavailable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-bus-'));
  mkdirSync(join(dir, 'home'));
  // The activated daemon inherits the bus's environment: keep its files in the temp dir.
  const bus = await runToolChecked(
    'dbus-daemon',
    [
      '--session',
      `--address=unix:path=${join(dir, 'bus')}`,
      '--fork',
      '--nopidfile',
      '--print-address=1',
      '--print-pid=1',
    ],
    {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: join(dir, 'home'), XDG_RUNTIME_DIR: dir },
      timeoutMs: 10_000,
    },
  );
  const [address = '', pid] = bus.stdout.trim().split('\n');
  const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = address;
  try {
    const s = await keychainStatus();
    expect(s).toEqual({ available: false, reason: expect.stringMatching(/no unlocked keyring/) });
  } finally {
    if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    const keyringPid = await busNameOwnerPid(address);
    if (keyringPid) process.kill(keyringPid, 'SIGTERM');
    process.kill(Number(pid), 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
