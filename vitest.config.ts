import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'native/**/*.test.ts', 'scripts/**/*.test.ts', 'test/outside/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          exclude: ['test/outside/**'],
          environment: 'node',
          globalSetup: ['test/support/buildRendererOnce.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time on a 2-core machine; files still isolate their data folders.
          fileParallelism: false,
        },
      },
    ],
  },
});
