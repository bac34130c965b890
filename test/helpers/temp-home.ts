// A temp HOME and a clean environment for tests against the real git, go and ssh. This
// machine exports GIT_SSL_CAINFO and SSL_CERT_FILE globally: tests build their own env.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempHome {
  home: string;
  dataDir: string;
  env: Record<string, string>;
  cleanup(): void;
}

export function makeTempHome(extraEnv: Record<string, string> = {}): TempHome {
  const root = mkdtempSync(join(tmpdir(), 'onramp-home-'));
  const home = join(root, 'home');
  const dataDir = join(root, 'data');
  mkdirSync(home, { recursive: true });
  const env: Record<string, string> = {
    HOME: home,
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    ONRAMP_DATA_DIR: dataDir,
    GOPATH: join(home, 'go'),
    GOCACHE: join(root, 'gocache'),
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: 'local',
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    LANG: 'C',
    ...extraEnv,
  };
  return { home, dataDir, env, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
