import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep parallelism modest so peers (nginx, sshd, chromium) get CPU too.
    maxWorkers: 2,
    server: { deps: { inline: ['electron-store'] } },
    alias: { electron: new URL('./test/doubles/electron.ts', import.meta.url).pathname },
  },
});
