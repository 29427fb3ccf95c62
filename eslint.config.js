// One lint config for the whole repository. Formatting is Prettier's job (`npm run format:check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

/** A relative import into any of these top-level rooms of src/, from any depth. */
const roomsOutside = (rooms) => `^(\\.\\./)+(${rooms.join('|')})(/|$)`;

/** The browser's own objects: core receives what it needs (a Document) as a parameter. */
const BROWSER_GLOBALS = [
  'chrome',
  'browser',
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'self',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-firefox/',
      'demo-output/',
      'test-results/',
      'node_modules/',
      'bench/out/',
    ],
  },
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
    // core is pure: it must not reach into the browser shells or the store, at any depth
    // (src/core/platforms/ too), nor touch the browser's globals. Its detection functions take
    // a Document as a parameter: the type is fine, the global is not.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: roomsOutside(['store', 'ui', 'background', 'content', 'messages', 'browser']),
              message: 'core is pure: the shells and the store import core, never the reverse.',
            },
          ],
          paths: ['webextension-polyfill', 'idb'],
        },
      ],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    // messages is the protocol only: schemas, types, the router. No browser, no store.
    files: ['src/messages/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: roomsOutside(['store', 'ui', 'background', 'content', 'browser']),
              message: 'messages is the protocol: it imports core only.',
            },
          ],
          paths: ['webextension-polyfill', 'idb'],
        },
      ],
    },
  },
  {
    // The views reach the background by message only (src/messages), and the browser through
    // src/browser: a view that imported background code would run it in the wrong process.
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: roomsOutside(['background', 'content']),
              message: 'ui talks to the background by message, and to the browser via src/browser.',
            },
          ],
          paths: [
            {
              // Importing it once turns every form field's onChange into React's per-keystroke
              // event (found at a merge: ten editor tests failed). Preact's own API has memo.
              name: 'preact/compat',
              message:
                'preact/compat changes every onChange in the app; use preact and preact/hooks.',
            },
          ],
        },
      ],
    },
  },
  {
    // The content script runs in the page: never the store (it would be the page's database),
    // the views or the background; of src/browser only what needs no extension API.
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: roomsOutside(['store', 'ui', 'background']),
              message: 'The content script asks the background; it imports no other process.',
            },
            {
              regex: '^(\\.\\./)+browser/(?!clipboard$)',
              message: 'Only plain-DOM adapters (clipboard) run in a page.',
            },
          ],
          paths: ['idb'],
        },
      ],
    },
  },
);
