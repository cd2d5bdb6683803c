import { createRequire } from 'node:module';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  test: {
    projects: [
      {
        // One copy of graphql for type-graphql, Apollo and the tests (see ../shared/STACK.md).
        resolve: { alias: { graphql: require.resolve('graphql') } },
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/web/**', 'test/e2e/**'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        // A real server and headless Chromium (test/e2e/support/browser.ts); skipped without Chromium.
        resolve: { alias: { graphql: require.resolve('graphql') } },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts', 'test/e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          pool: 'forks',
          // Two browsers and two servers at once would starve a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'web',
          environment: 'happy-dom',
          include: ['test/web/**/*.test.ts'],
        },
      },
    ],
  },
});
