// electron-builder configuration, typed. Packages only the bundles in dist/ (main, preload,
// renderer) into an ASAR archive, declares the onramp:// scheme to the OS, and flips Electron's
// fuses so a shipped binary cannot be turned into a general Node runtime or a debuggable one,
// and loads only the integrity-checked app.asar.
// https://www.electronjs.org/docs/latest/tutorial/fuses
import type { Configuration } from 'electron-builder';

export const electronFuses = {
  // ELECTRON_RUN_AS_NODE would make the signed binary run any script as plain Node.
  runAsNode: false,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code (--require) or trust.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect / SIGUSR1 would open a debugger into the process that holds tokens.
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  // We serve pages from app://, never file://, so file:// needs no extra privileges.
  grantFileProtocolExtraPrivileges: false,
  loadBrowserProcessSpecificV8Snapshot: false,
} as const satisfies NonNullable<Configuration['electronFuses']>;

export const APP_ID = 'dev.onramp.desktop';

export const electronBuilderConfig: Configuration = {
  appId: APP_ID,
  productName: 'Onramp',
  copyright: 'Copyright © Onramp contributors',
  directories: { output: 'out/packages', buildResources: 'assets' },
  // The bundles only: main and preload from build/bundle-electron.ts, the renderer from vite.
  // Native modules (keychain, pty) come in as production dependencies and are rebuilt.
  files: ['dist/electron/**/*', 'dist/renderer/**/*', '!**/*.map', 'package.json'],
  extraMetadata: { main: 'dist/electron/main.mjs' },
  asar: true,
  // .node binaries cannot be loaded from inside an archive.
  asarUnpack: ['**/*.node'],
  protocols: [{ name: 'Onramp profile link', schemes: ['onramp'] }],
  electronFuses,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    icon: 'assets/icon.png',
    // not `onramp`: that is the CLI's name on the PATH
    executableName: 'onramp-desktop',
    synopsis: 'Private Go modules that just work',
    mimeTypes: ['x-scheme-handler/onramp'],
  },
  deb: { depends: ['git', 'openssh-client', 'libsecret-1-0'] },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.developer-tools',
    icon: 'assets/icon.png',
    hardenedRuntime: true,
  },
  dmg: { title: 'Onramp ${version}' },
  win: { target: ['nsis'], icon: 'assets/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};
