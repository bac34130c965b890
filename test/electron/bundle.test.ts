// The bundles that ship: main imports only Electron, Node built-ins and native addons at run
// time; the sandboxed preload requires only 'electron' and, run as Electron would run it (with
// stand-ins for contextBridge and ipcRenderer), exposes exactly the contract functions.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleElectron, MAIN_EXTERNALS, type ElectronBundles } from '../../build/bundle-electron';
import { methods } from '../../main/common/contract';
import { ipcChannel, ipcEventChannel, preloadNames } from '../../main/common/contract-wire';

let bundles: ElectronBundles;
const work = mkdtempSync(join(tmpdir(), 'onramp-bundle-'));

beforeAll(async () => {
  bundles = await bundleElectron(join(work, 'electron'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('bundleElectron', () => {
  it('main leaves only Electron, node: built-ins and native addons to the runtime', () => {
    for (const dep of bundles.externals.main)
      expect(dep.startsWith('node:') || (MAIN_EXTERNALS as readonly string[]).includes(dep), dep).toBe(true);
    expect(bundles.externals.main).toContain('electron');
  });

  it('the preload requires nothing but electron and carries no zod', () => {
    expect(bundles.externals.preload).toEqual(['electron']);
    const code = readFileSync(bundles.preload, 'utf8');
    expect([...code.matchAll(/require\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['"electron"']);
    expect(code).not.toMatch(/zod|safeParse/);
    expect(code.length).toBeLessThan(20_000);
  });

  it('the built preload, run in a sandbox-like context, exposes exactly the contract functions', async () => {
    const exposed: [string, Record<string, (...a: unknown[]) => unknown>][] = [];
    const invoked: unknown[][] = [];
    const listening: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, v: never) => exposed.push([k, v]) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: null }),
        on: (channel: string) => listening.push(channel),
      },
    };
    const require = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(bundles.preload, 'utf8'), {
      require,
      module,
      exports: module.exports,
      console,
    });
    expect(exposed.map(([k]) => k)).toEqual(['onramp']);
    const api = exposed[0]?.[1] ?? {};
    expect(Object.keys(api).sort()).toEqual([...methods.map((m) => preloadNames[m]), 'on'].sort());
    for (const m of methods) await api[preloadNames[m]]?.({ m });
    expect(invoked).toEqual(methods.map((m) => [ipcChannel(m), { m }]));
    expect(listening).toEqual([ipcEventChannel]);
  });
});
