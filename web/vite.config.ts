import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { serviceWorker } from './sw/plugin';

const require = createRequire(import.meta.url);

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue(), serviceWorker()],
  resolve: {
    // The "browser" export of vue-i18n is its unminified all-in-one build; the bundler build
    // honours the feature flags below and is tree-shaken.
    alias: { 'vue-i18n': require.resolve('vue-i18n/dist/vue-i18n.esm-bundler.js') },
  },
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  build: { outDir: 'dist', emptyOutDir: true, manifest: true },
  server: { proxy: { '/graphql': { target: 'http://localhost:4000', ws: true } } },
});
