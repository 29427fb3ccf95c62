// One lint config for the whole repository. Formatting is Prettier's job (`npm run format:check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

export default tseslint.config(
  { ignores: ['dist/', 'dist-firefox/', 'demo-output/', 'test-results/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      // Page text is data: no HTML sinks anywhere in the code base.
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Page and user text must never become markup.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Extension code goes through webextension-polyfill so it runs in Firefox too; the
    // `chrome` global is for tests that drive Chromium.
    files: ['src/**'],
    rules: { 'no-restricted-globals': ['error', 'chrome'] },
  },
  {
    // core is pure: it must not reach into the browser shells or the store.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['../store/*', '../messages/*', '../content/*', '../background/*', '../ui/*'],
          paths: ['webextension-polyfill', 'idb'],
        },
      ],
    },
  },
);
