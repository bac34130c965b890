// The layering rules fire: electron only in main/electron and preload, no Node APIs in
// main/common or renderer. (Linting the real tree runs in `npm test` before the suites.)
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();
// Import lines are built from parts so this file itself contains no electron import line.
const imp = (names: string, from: string) => `import { ${names} } from '${from}';`;

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint', () => {
  it.each([
    [imp('app', 'electron'), 'main/core/x.ts'],
    [imp('app', 'electron'), 'main/common/x.ts'],
    [imp('ipcRenderer', 'electron/renderer'), 'renderer/x.tsx'],
    [imp('readFile', 'node:fs'), 'main/common/x.ts'],
    [imp('join', 'path'), 'main/common/x.ts'],
    [imp('readFile', 'node:fs/promises'), 'renderer/x.ts'],
  ])('%s in %s is an error', async (code, file) => {
    expect(await restricted(code, file)).toHaveLength(1);
  });

  it.each([
    [imp('app', 'electron'), 'main/electron/x.ts'],
    [imp('contextBridge', 'electron'), 'preload/x.ts'],
    [imp('readFile', 'node:fs'), 'main/core/x.ts'],
    [imp('z', 'zod'), 'main/common/x.ts'],
  ])('%s in %s is allowed', async (code, file) => {
    expect(await restricted(code, file)).toEqual([]);
  });
});
