import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'web/dist/', 'dist/', 'server/src/db/migrations/Migration*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
    rules: {
      // TypeScript (vue-tsc) checks names; the core rule does not know browser globals in SFCs.
      'no-undef': 'off',
      // User text is rendered as text only: v-html would let a post inject markup.
      'vue/no-v-html': 'error',
    },
  },
  {
    // The service worker runs in a worker scope with its own globals; the build fills __PRECACHE__.
    files: ['web/sw/sw.js'],
    rules: { 'no-undef': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  prettier,
);
