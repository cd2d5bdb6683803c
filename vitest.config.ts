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
          exclude: ['test/web/**'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: 'forks',
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
