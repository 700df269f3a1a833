import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const platformModules = ['dexie', 'electron', 'react', 'react-dom', 'antd', 'fastify', 'pg', '@electric-sql/pglite'];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'dist-web', 'release', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Plain Node scripts (the bin shim, the test summary).
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The page's classic scripts, copied into the build as they are (renderer/public).
    files: ['renderer/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { indexedDB: 'readonly', localStorage: 'readonly' } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // shared/ is the platform-free domain: the same functions run in the renderer, the server and the CLI.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'shared/ must not import Node built-ins.' },
            {
              group: ['fs', 'path', 'os', 'crypto', 'child_process', 'buffer', 'stream', 'url', 'zlib'],
              message: 'shared/ must not import Node built-ins.',
            },
            { group: platformModules, message: 'shared/ must not import platform-specific packages.' },
            { group: ['**/renderer/**', '**/electron/**', '**/server/**'], message: 'shared/ imports only shared/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'localStorage', 'indexedDB'],
    },
  },
);
