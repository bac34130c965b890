// The layering rules fire: electron only in main/electron and preload, no Node APIs in
// main/common or renderer. (Linting the real tree runs in `npm test` before the suites.)
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint', () => {
  it.each([
    ["import { app } from 'electron';", 'main/core/x.ts'],
    ["import { app } from 'electron';", 'main/common/x.ts'],
    ["import { ipcRenderer } from 'electron/renderer';", 'renderer/x.tsx'],
    ["import { readFile } from 'node:fs';", 'main/common/x.ts'],
    ["import { join } from 'path';", 'main/common/x.ts'],
    ["import { readFile } from 'node:fs/promises';", 'renderer/x.ts'],
  ])('%s in %s is an error', async (code, file) => {
    expect(await restricted(code, file)).toHaveLength(1);
  });

  it.each([
    ["import { app } from 'electron';", 'main/electron/x.ts'],
    ["import { contextBridge } from 'electron';", 'preload/x.ts'],
    ["import { readFile } from 'node:fs';", 'main/core/x.ts'],
    ["import { z } from 'zod';", 'main/common/x.ts'],
  ])('%s in %s is allowed', async (code, file) => {
    expect(await restricted(code, file)).toEqual([]);
  });
});
