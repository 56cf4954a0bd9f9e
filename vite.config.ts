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
  },
});
