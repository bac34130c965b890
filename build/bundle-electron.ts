// Bundles the Electron main process and the preload with esbuild (esbuild comes with tsx/vite).
//   main    → dist/electron/main.mjs   ESM for Electron's Node; 'electron' and the native
//                                      modules stay external, everything else is inlined.
//   preload → dist/electron/preload.cjs CommonJS, browser platform: a sandboxed preload cannot
//                                      be an ES module and can require only 'electron'.
// Run: node bin/run-ts.mjs build/bundle-electron.ts [outDir]
import { build, type Metafile, type Plugin } from 'esbuild';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eventNames, methods } from '../main/common/contract';

/** Packages the main bundle may import at run time (Electron itself and native addons). */
export const MAIN_EXTERNALS = ['electron', '@napi-rs/keyring', 'node-pty'] as const;

export interface ElectronBundles {
  main: string;
  preload: string;
  /** import paths each bundle leaves to the runtime */
  externals: { main: string[]; preload: string[] };
}

/**
 * The preload needs only the contract's method and event NAMES, not its zod schemas (which
 * would put all of zod, ~750 KB, into every window). For the preload bundle the contract module
 * is replaced by those two lists, computed here from the real contract; importing any other
 * value from it fails the build.
 */
const contractNamesOnly: Plugin = {
  name: 'contract-names-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]main[\\/]common[\\/]contract\.ts$/ }, () => ({
      contents: `export const methods = ${JSON.stringify(methods)};\nexport const eventNames = ${JSON.stringify(eventNames)};\n`,
      loader: 'js',
    }));
  },
};

const externalImports = (meta: Metafile): string[] =>
  [
    ...new Set(
      Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)),
    ),
  ].sort();

export async function bundleElectron(
  outDir = 'dist/electron',
  root = process.cwd(),
): Promise<ElectronBundles> {
  const out = resolve(root, outDir);
  const main = resolve(out, 'main.mjs');
  const preload = resolve(out, 'preload.cjs');
  const common = {
    bundle: true,
    absWorkingDir: root,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  } as const;
  const [m, p] = await Promise.all([
    build({
      ...common,
      entryPoints: ['main/electron/main.ts'],
      outfile: main,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      sourcemap: 'linked',
      external: [...MAIN_EXTERNALS],
      // CommonJS dependencies inlined into an ES module still call require().
      banner: {
        js: "import { createRequire as __onrampRequire } from 'node:module'; const require = __onrampRequire(import.meta.url);",
      },
    }),
    build({
      ...common,
      entryPoints: ['preload/index.ts'],
      outfile: preload,
      platform: 'browser',
      format: 'cjs',
      target: 'chrome130',
      external: ['electron'],
      plugins: [contractNamesOnly],
    }),
  ]);
  return {
    main,
    preload,
    externals: { main: externalImports(m.metafile), preload: externalImports(p.metafile) },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await bundleElectron(process.argv[2]);
  console.log(`${r.main}\n${r.preload}`);
}
