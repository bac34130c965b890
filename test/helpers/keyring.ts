// A real Secret Service for tests: a private D-Bus session bus and gnome-keyring-daemon, unlocked
// with a random password, per test file. Not a fake: @napi-rs/keyring talks to it over D-Bus
// exactly as it talks to a desktop keyring.
//
// Why this shape (CI runs vitest as root, with no session bus):
//  - `dbus-run-session -- cmd` only wraps a whole command; wrapping vitest would mean editing the
//    test scripts, and every test file would share one keyring. Instead each file starts its own
//    bus with `dbus-daemon --session --fork --print-address --print-pid` (the parent exits once the
//    bus listens, so runTool returns) on a socket in a 0700 temp dir.
//  - gnome-keyring-daemon --unlock reads the login keyring password from stdin and daemonizes; an
//    EMPTY password leaves the keyring locked (observed), so the password is random. HOME and
//    XDG_DATA_HOME point into the temp dir, so the keyring file is private to the test.
//  - The native binding reads DBUS_SESSION_BUS_ADDRESS from the process environment when it
//    connects, so useTestKeyring() sets it in process.env (vitest's forks pool gives each test
//    file its own process); tests also put `kr.env` into the env they give git, so Onramp's
//    credential helper (a child of git) reaches the same keyring.
//  - Stopping: the daemons' pids are known exactly (dbus-daemon prints its own; the bus tells the
//    keyring's through GetConnectionUnixProcessID); nothing is killed by name.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runTool, runToolChecked } from '../../main/core/tool-runner';

export interface TestKeyring {
  /** what a child process needs to reach this keyring */
  env: { DBUS_SESSION_BUS_ADDRESS: string };
  dir: string;
  /** the keyring's own files (encrypted with the unlock password): scans may include them */
  keyringDir: string;
  stop(): Promise<void>;
}

const PATH = '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin';

/** The pid of the process owning a bus name (org.freedesktop.secrets: the keyring daemon). */
export async function busNameOwnerPid(
  address: string,
  name = 'org.freedesktop.secrets',
): Promise<number | undefined> {
  const r = await runTool(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.GetConnectionUnixProcessID',
      `string:${name}`,
    ],
    { env: { PATH, DBUS_SESSION_BUS_ADDRESS: address }, timeoutMs: 5_000 },
  );
  const m = /uint32 (\d+)/.exec(r.stdout);
  return r.code === 0 && m?.[1] ? Number(m[1]) : undefined;
}

function kill(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

/** Starts a private bus and an unlocked gnome-keyring (secrets component) on it. */
export async function startTestKeyring(): Promise<TestKeyring> {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-keyring-'));
  const home = join(dir, 'home');
  const run = join(dir, 'run');
  mkdirSync(home, { mode: 0o700 });
  mkdirSync(run, { mode: 0o700 });
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
    { env: { PATH }, timeoutMs: 10_000 },
  );
  const [address, pidText] = bus.stdout.trim().split('\n');
  const busPid = Number(pidText);
  if (!address?.startsWith('unix:') || !Number.isInteger(busPid))
    throw new Error(`dbus-daemon printed no address/pid: ${JSON.stringify(bus.stdout)}`);
  let keyringPid: number | undefined;
  try {
    await runToolChecked('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
      env: {
        PATH,
        HOME: home,
        XDG_DATA_HOME: join(home, '.local', 'share'),
        XDG_RUNTIME_DIR: run,
        DBUS_SESSION_BUS_ADDRESS: address,
      },
      stdin: randomBytes(16).toString('hex'),
      timeoutMs: 15_000,
    });
    // The daemon registers org.freedesktop.secrets shortly after it forks.
    for (let i = 0; i < 100 && keyringPid === undefined; i++) {
      keyringPid = await busNameOwnerPid(address);
      if (keyringPid === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    if (keyringPid === undefined) throw new Error('gnome-keyring-daemon never took org.freedesktop.secrets');
  } catch (err) {
    kill(busPid);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    env: { DBUS_SESSION_BUS_ADDRESS: address },
    dir,
    keyringDir: join(home, '.local', 'share', 'keyrings'),
    async stop() {
      kill(keyringPid);
      kill(busPid);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers beforeAll/afterAll hooks: a keyring for this test file, reachable from this process
 * (process.env) and from children given `kr.env`. Read `.kr` inside tests.
 */
export function useTestKeyring(): { kr: TestKeyring } {
  const ctx = {} as { kr: TestKeyring };
  let previous: string | undefined;
  beforeAll(async () => {
    ctx.kr = await startTestKeyring();
    previous = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = ctx.kr.env.DBUS_SESSION_BUS_ADDRESS;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
    await ctx.kr?.stop();
  });
  return ctx;
}
