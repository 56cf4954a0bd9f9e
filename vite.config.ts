import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: served from app://renderer in Electron and from a loopback server in tests,
// so asset URLs are relative and the build is one folder.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // shared/ is pure by rule (lint-enforced: no DOM, no node:*, no electron), so a module there
      // that the renderer takes nothing from is dropped, e.g. the zod schemas re-exported by
      // shared/landscape/index.ts: zod is main's and the preload's, not the first screen's.
      treeshake: { moduleSideEffects: [{ test: /[\\/]shared[\\/]/, sideEffects: false }] },
    },
  },
});
