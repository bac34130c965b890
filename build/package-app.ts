// Packages the desktop app: bundles main + preload, checks the renderer build is there, then
// runs electron-builder with the typed configuration. Needs a machine that can download the
// Electron binary (see docs/packaging.md).
// Run: node bin/run-ts.mjs build/package-app.ts [--linux] [--mac] [--win] [--dir]
import { existsSync } from 'node:fs';
import { build } from 'electron-builder';
import { bundleElectron } from './bundle-electron';
import { electronBuilderConfig } from './electron-builder.config';

const args = new Set(process.argv.slice(2));
if (!existsSync('dist/renderer/index.html')) {
  console.error('dist/renderer/index.html is missing: build the renderer first (vite build).');
  process.exit(1);
}
await bundleElectron();
const pick = (flag: string) => (args.has(flag) ? [] : undefined);
const any = ['--linux', '--mac', '--win'].some((f) => args.has(f));
const files = await build({
  config: electronBuilderConfig,
  publish: 'never',
  dir: args.has('--dir'),
  // No platform flag: the host platform's targets.
  ...(any ? { linux: pick('--linux'), mac: pick('--mac'), win: pick('--win') } : {}),
});
console.log(files.join('\n'));
