// Every dotfile path derives from HOME (so tests can point HOME at a temp dir), and app data
// lives in the platform config dir, overridable with ONRAMP_DATA_DIR.
import { join } from 'node:path';
import { homedir } from 'node:os';

export type Env = Record<string, string | undefined>;

export interface Paths {
  home: string;
  dataDir: string;
  gitconfig: string;
  netrc: string;
  sshDir: string;
  sshConfig: string;
  knownHosts: string;
  shellRcFiles: string[];
}

export function homeOf(env: Env): string {
  return env.HOME && env.HOME.length > 0 ? env.HOME : homedir();
}

export function dataDirOf(env: Env, platform: NodeJS.Platform = process.platform): string {
  if (env.ONRAMP_DATA_DIR) return env.ONRAMP_DATA_DIR;
  const home = homeOf(env);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Onramp');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Onramp');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'onramp');
}

export function pathsOf(env: Env, platform: NodeJS.Platform = process.platform): Paths {
  const home = homeOf(env);
  const sshDir = join(home, '.ssh');
  return {
    home,
    dataDir: dataDirOf(env, platform),
    gitconfig: join(home, '.gitconfig'),
    netrc:
      env.NETRC && env.NETRC.length > 0 ? env.NETRC : join(home, platform === 'win32' ? '_netrc' : '.netrc'),
    sshDir,
    sshConfig: join(sshDir, 'config'),
    knownHosts: join(sshDir, 'known_hosts'),
    shellRcFiles: [
      '.profile',
      '.bashrc',
      '.bash_profile',
      '.zshrc',
      '.zshenv',
      join('.config', 'fish', 'config.fish'),
    ].map((f) => join(home, f)),
  };
}
