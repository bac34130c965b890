#!/usr/bin/env node
// The npm registry reachable from our machines serves only the Linux builds of some native
// packages (e.g. @rollup/rollup-darwin-x64 answers 404), so `npm install` here leaves the other
// platforms' optional packages out of package-lock.json, and `npm ci` then refuses the lock as
// out of sync. npm never fetches an optional package whose os/cpu/libc do not match, so an
// entry that names its platform is all a lock needs. Run after `npm install`:
//   node scripts/lock-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const cpus = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'riscv64', 'ppc64', 's390x'];
/** os, cpu and libc from a platform package's name, e.g. rollup-linux-arm-musleabihf. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-').slice(1);
  const [os, cpu, abi] = parts;
  if (!os || !cpus.includes(cpu)) return undefined;
  const entry = { os: [os], cpu: [cpu] };
  if (os === 'linux') entry.libc = [abi?.startsWith('musl') ? 'musl' : 'glibc'];
  return entry;
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  if (!pkg.optionalDependencies || !path.endsWith('node_modules/rollup')) continue;
  for (const [dep, range] of Object.entries(pkg.optionalDependencies)) {
    const key = `node_modules/${dep}`;
    if (packages[key] || !dep.startsWith('@rollup/rollup-')) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[key] = { version: range, ...platform, dev: pkg.dev, license: 'MIT', optional: true };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
lock.packages = sorted;
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock-platforms: added ${added} optional platform entries`);
