// The company GOPROXY tree and the consumer module, both made by the real go command fetching
// from the running sandbox: `go mod download` into a temp GOMODCACHE, whose cache/download
// directory is the GOPROXY protocol layout (<module>/@v/list, .info, .mod, .zip). The result is
// kept in a cache keyed by the repos' refs and the go version, since the fixtures are deterministic.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool, runToolChecked } from '../../main/core/tool-runner';
import { clientEnv, writeNetrc } from './client-env';
import type { Sandbox } from './layout';
import { reposFingerprint } from './repos';

const consumerMain = `package main

import (
	"fmt"

	dep "git.corp.test/acme/app-dep"
	"git.corp.test/acme/lib"
)

func main() {
	fmt.Println("lib", lib.Version(), "app-dep built with", dep.LibVersion())
}
`;

const consumerGoMod = `module example.test/consumer

go 1.19

require (
	git.corp.test/acme/app-dep v0.1.0
	git.corp.test/acme/lib v1.2.0
)
`;

/** Copies only the protocol files (list, .info, .mod, .zip) from a module cache's download dir. */
function copyProxyFiles(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    if (statSync(src).isDirectory()) {
      if (name === 'sumdb') continue;
      copyProxyFiles(src, join(to, name));
    } else if (name === 'list' || /\.(info|mod|zip)$/.test(name)) {
      mkdirSync(to, { recursive: true });
      cpSync(src, join(to, name));
    }
  }
}

async function go(args: string[], env: Record<string, string>, cwd: string): Promise<string> {
  const r = await runTool('go', args, { env, cwd, timeoutMs: 120_000 });
  if (r.code !== 0)
    throw new Error(`go ${args.join(' ')} failed (exit ${r.code ?? r.signal}):\n${r.stderr.trim()}`);
  return r.stdout;
}

/**
 * Fills `goproxyDir` with every tagged version that go can download from the sandbox (all but
 * wrongpath, whose go.mod declares another path), and writes `consumerDir` with a go.sum from
 * the same downloads.
 */
async function buildGoproxyAndConsumer(sb: Sandbox, goproxyDir: string, consumerDir: string): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'onramp-sbx-go-'));
  try {
    const home = join(tmp, 'home');
    mkdirSync(home, { recursive: true });
    writeNetrc(home, sb, 'alice');
    const env = clientEnv(sb, home);
    const targets = Object.values(sb.repos)
      .filter((r) => r.module === r.declares)
      .flatMap((r) => r.tags.map((t) => `${r.module}@${t}`));
    await go(['mod', 'download', '-json', ...targets], env, tmp);

    rmSync(goproxyDir, { recursive: true, force: true });
    copyProxyFiles(join(env.GOMODCACHE ?? '', 'cache', 'download'), goproxyDir);

    rmSync(consumerDir, { recursive: true, force: true });
    mkdirSync(consumerDir, { recursive: true });
    writeFileSync(join(consumerDir, 'go.mod'), consumerGoMod);
    writeFileSync(join(consumerDir, 'main.go'), consumerMain);
    // Everything is in the module cache already: tidy writes go.sum without touching the network.
    await go(['mod', 'tidy'], { ...env, GOPROXY: 'off', GOFLAGS: '-modcacherw -mod=mod' }, consumerDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Puts the GOPROXY tree and the consumer module in place: from the cache when the repos and go
 * are what they were when it was made (returns 'cached'), else by downloading ('downloaded').
 */
export async function prepareGoproxyAndConsumer(
  sb: Sandbox,
  dirs: { repos: string; goproxy: string; consumer: string; cache: string },
): Promise<'cached' | 'downloaded'> {
  const goVersion = await runToolChecked('go', ['version'], { env: { PATH: process.env.PATH ?? '' } });
  const key = createHash('sha256')
    .update([goVersion.stdout, consumerGoMod, consumerMain, await reposFingerprint(dirs.repos)].join('\0'))
    .digest('hex')
    .slice(0, 16);
  const cached = join(dirs.cache, key);
  const copy = (from: string, to: string) => {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
  };
  if (existsSync(join(cached, 'complete'))) {
    copy(join(cached, 'goproxy'), dirs.goproxy);
    copy(join(cached, 'consumer'), dirs.consumer);
    return 'cached';
  }
  await buildGoproxyAndConsumer(sb, dirs.goproxy, dirs.consumer);
  rmSync(dirs.cache, { recursive: true, force: true });
  copy(dirs.goproxy, join(cached, 'goproxy'));
  copy(dirs.consumer, join(cached, 'consumer'));
  writeFileSync(join(cached, 'complete'), '');
  return 'downloaded';
}
