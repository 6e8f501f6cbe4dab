// ESLint flat config: JavaScript and typescript-eslint recommended rules, import cycles, and the rules of
// hooks for the Preact UI. Formatting is Prettier's job (.prettierrc.json); nothing here is stylistic.
//
// Not type-aware on purpose: typed linting (typescript-eslint's projectService) builds the whole TypeScript
// program a second time next to `npm run typecheck` and made `npm run lint` 5-6 times slower here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Generated or installed, never written by hand.
  { ignores: ['.output/**', '.wxt/**', '.tmp/**', 'node_modules/**', 'coverage/**'] },

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (placeholders in signatures and destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Plain JavaScript (scripts/, tests/bench/, this file) runs in Node.
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },

  // Import cycles. `import-x/no-cycle` follows runtime imports only (it skips `import type`);
  // tests/architecture/conventions.test.ts also counts type-only imports.
  {
    plugins: { 'import-x': importX },
    settings: {
      // Which files import-x parses to follow their imports (its default is .js only), and how `@/` resolves.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/cache': { lifetime: 'Infinity' },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
    },
  },

  // Preact hooks follow React's rules; the plugin goes by names (use*, PascalCase components), not by
  // the react package. Only the two classic rules: the plugin's other recommended rules are React Compiler
  // checks. Missing effect dependencies warn, as in the plugin's own preset: many effects here run on
  // purpose for a subset of what they read (a record's id, not each of its fields).
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
