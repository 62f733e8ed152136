import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Code that runs in the browser keeps full zod and the zod schemas out: they are large, and zod's
    // fast path probes for eval, which the Content-Security-Policy forbids. Types are fine.
    files: ['components/**/*.{ts,tsx}', 'machines/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'tests/support/fhir-schema.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "Use 'zod/mini' in browser code.", allowTypeImports: true },
            { name: '@/content', message: 'The validated bundle is for the server; use @/content/data or @/content/flow.', allowTypeImports: true },
          ],
          patterns: [
            {
              group: ['**/content/schema', '@/content/schema', '**/content/index'],
              message: "Browser code takes values from content/ids, content/flow or content/data; the schemas are for the server and tests.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
];

export default config;
