// Packaging: the fuses a shipped binary must have, the targets, what goes into the archive,
// and the icons.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { electronBuilderConfig, electronFuses } from '../../build/electron-builder.config';

describe('electron-builder configuration', () => {
  it('flips the fuses', () => {
    expect(electronBuilderConfig.electronFuses).toBe(electronFuses);
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage + deb, dmg and nsis', () => {
    expect(electronBuilderConfig.linux?.target).toEqual(['AppImage', 'deb']);
    expect(electronBuilderConfig.mac?.target).toEqual(['dmg']);
    expect(electronBuilderConfig.win?.target).toEqual(['nsis']);
  });

  it('packs only the bundles, in an ASAR archive, and starts the bundled main', () => {
    const c = electronBuilderConfig;
    expect(c.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(c.asar).toBe(true);
    const files = c.files as string[];
    for (const f of files) expect(f === 'package.json' || /^!?(dist\/|\*\*\/\*\.map$)/.test(f), f).toBe(true);
    expect(files).toContain('dist/electron/**/*');
    expect(files).toContain('dist/renderer/**/*');
    expect(c.extraMetadata.main).toBe('dist/electron/main.mjs');
  });

  it('declares the onramp:// scheme to the OS', () => {
    const protocols = [electronBuilderConfig.protocols].flat();
    expect(protocols.flatMap((p) => p?.schemes ?? [])).toEqual(['onramp']);
    expect(electronBuilderConfig.linux?.mimeTypes).toContain('x-scheme-handler/onramp');
  });
});

describe('icons', () => {
  it('assets/icon.png is a 512×512 RGBA PNG', () => {
    const png = readFileSync('assets/icon.png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
  });

  it('assets/icon.svg is the same drawing', () => {
    const svg = readFileSync('assets/icon.svg', 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="512" height="512"/);
    expect(svg).not.toMatch(/<script|href=|on[a-z]+=/i);
  });
});
