// Builds the renderer into dist/renderer before any e2e test, exactly as the app ships it
// (same Vite config), and fails early with Vite's own message when the build breaks.
import { build } from 'vite';

export async function setup(): Promise<void> {
  // vitest sets NODE_ENV=test, which would make Vite emit React's development build
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'renderer/vite.config.ts', mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = before;
  }
}
