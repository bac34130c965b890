#!/usr/bin/env node
// Onramp's git credential helper. git runs it as `<absolute path> get|store|erase` (configured
// per host: credential.https://HOST.helper), with the request on stdin; it answers from the OS
// keychain (or the store the person chose), so no token sits in a file. Logic:
// main/core/credentials/helper.ts.
//
// git runs the helper for every authenticated request (get, then store or erase), so start-up
// time matters: loading tsx costs 0.4–0.8 s. The helper's sources are therefore bundled once with
// esbuild (which tsx already brings) into ~/.cache/onramp/helper/ (0700, owned by the user) and
// the bundle is reused while no source changed (size and mtime of every input are checked).
// Anything unexpected falls back to running the sources through tsx, like bin/onramp.mjs.
import { createRequire } from 'node:module';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(repo, 'main', 'core', 'credentials', 'helper.ts');
const requireHere = createRequire(import.meta.url);

function cacheDir() {
  const base = process.env.XDG_CACHE_HOME || join(process.env.HOME || homedir(), '.cache');
  const dir = join(base, 'onramp', 'helper');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  // Code is loaded from here: only from a private directory of our own.
  if (!st.isDirectory() || st.uid !== process.getuid?.() || (st.mode & 0o077) !== 0) return undefined;
  return dir;
}

const signature = (file) => {
  const st = statSync(file);
  return `${st.size}:${st.mtimeMs}`;
};

function cachedBundle(dir) {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    if (m.entry !== entry) return undefined;
    for (const [file, sig] of Object.entries(m.inputs)) if (signature(file) !== sig) return undefined;
    return join(dir, m.bundle);
  } catch {
    return undefined;
  }
}

async function buildBundle(dir) {
  const esbuild = await import('esbuild');
  // The native keyring binding stays outside the bundle, required by absolute path.
  const nativeExternal = {
    name: 'native-external',
    setup(b) {
      b.onResolve({ filter: /^@napi-rs\/keyring$/ }, (a) => ({
        path: requireHere.resolve(a.path),
        external: true,
      }));
    },
  };
  const r = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: repo,
    plugins: [nativeExternal],
  });
  const inputs = {};
  for (const f of Object.keys(r.metafile.inputs)) {
    const abs = join(repo, f);
    inputs[abs] = signature(abs);
  }
  const name = `helper-${process.pid}-${Date.now()}.cjs`;
  const tmp = join(dir, `.${name}.tmp`);
  writeFileSync(tmp, r.outputFiles[0].contents, { mode: 0o600 });
  renameSync(tmp, join(dir, name));
  const manifestTmp = join(dir, `.manifest-${process.pid}.tmp`);
  writeFileSync(manifestTmp, JSON.stringify({ entry, bundle: name, inputs }), { mode: 0o600 });
  renameSync(manifestTmp, join(dir, 'manifest.json'));
  // Earlier bundles are stale now (a running helper already has its copy loaded).
  for (const f of readdirSync(dir))
    if (f.startsWith('helper-') && f !== name) rmSync(join(dir, f), { force: true });
  return join(dir, name);
}

async function loadHelper() {
  try {
    const dir = cacheDir();
    if (dir) {
      const bundle = cachedBundle(dir) ?? (await buildBundle(dir));
      return requireHere(bundle);
    }
  } catch {
    /* fall back to the sources */
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../main/core/credentials/helper.ts');
}

const { runHelperProcess } = await loadHelper();
process.exitCode = await runHelperProcess(process.argv.slice(2));
