// One lint gate for TypeScript (typescript-eslint) and, once present, the GraphQL schema rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { existsSync } from 'node:fs';

const graphqlRules = existsSync(new URL('./eslint/graphql.js', import.meta.url))
  ? (await import('./eslint/graphql.js')).default
  : [];
const layerRules = (await import('./eslint/layers.js')).default;

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/generated/**', 'generated/**', 'test-artifacts/**', 'neo4j-local/**', '.neo4j/**', '.ide-build/**', 'packages/*/dist/**', 'packages/*/src/**', 'examples/*/dist/**'] },
  {
    files: ['**/*.ts', 'ide/**/*.tsx', 'examples/**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      'no-process-env': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Small rooms (DEVELOPERS.md): no source file over 350 lines; generated code is ignored above.
  { files: ['**/*.{ts,tsx,js,mjs,cjs}'], rules: { 'max-lines': ['error', { max: 350 }] } },
  // Tests read untyped JSON responses; `any` there keeps assertions readable.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Configuration is read in one place only; tests, benchmarks and tools may read their own knobs.
  { files: ['src/config.ts', 'tests/**', 'bench/**', 'scripts/**', 'codegen.ts', 'vitest.config.ts'], rules: { 'no-process-env': 'off' } },
  ...graphqlRules,
  ...layerRules,
);
