// Builds the renderer for both transports: Electron loads dist/renderer/index.html from disk
// (file://, hence relative asset URLs with base './'), browser mode serves the same files.
// The terminal (xterm and its addons) is reached only through a dynamic import, so Rollup puts
// it in its own chunk and the first paint loads only the shell.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// No node:path here: the renderer room may not import Node APIs (lint), and a URL does the job.
const here = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}../dist/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // xterm alone is ~300 KB minified; it lives in the lazy terminal chunk
    chunkSizeWarningLimit: 600,
    modulePreload: { polyfill: false },
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place as annotations; harmless, and not ours to fix
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: true },
});
