// Layering rules, after VS Code's "code-layering": each room may import only what its
// runtime has. Do not relax these rules: importing 'electron' from plain Node tries to
// download a binary (it cannot here), and node:* in common/renderer breaks the browser build.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'zlib',
  'worker_threads',
];
const noNode = {
  patterns: [{ group: ['node:*'], message: 'main/common and renderer must not use Node APIs.' }],
  paths: nodeBuiltins.map((name) => ({ name, message: 'main/common and renderer must not use Node APIs.' })),
};
const noElectron = {
  paths: [{ name: 'electron', message: "Only main/electron and preload may import 'electron'." }],
  patterns: [{ group: ['electron/*'], message: "Only main/electron and preload may import 'electron'." }],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'bench/results/**', 'test/sandbox/run/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-restricted-imports': ['error', noElectron],
      'import/no-default-export': 'off',
    },
  },
  {
    files: ['main/common/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, ...noElectron.paths],
          patterns: [...noNode.patterns, ...noElectron.patterns],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts', 'preload/**/*.ts', 'test/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
