// ESLint (flat config) over the TypeScript sources, tests, fixtures and scripts, with the
// compiler's types (each file's nearest tsconfig.json: the root one, or __tests__' with jest's).
import js from '@eslint/js'
import jest from 'eslint-plugin-jest'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'native/build/', 'coverage/', 'build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname
      },
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off'
    }
  },
  {
    // Plain JavaScript has no types to hold values to: every value read from JSON or a module
    // without declarations is `any`, so the no-unsafe-* rules would flag each use of one.
    files: ['**/*.js', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off'
    }
  },
  {
    files: ['__tests__/**', '__fixtures__/**'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      // testTier and withTmpfs (__fixtures__/) are test() for a tier that may not run here.
      'jest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['testTier', 'withTmpfs'] }]
    }
  },
  {
    // The tier policy makes describe() and test() blocks for its callers: titles and bodies
    // are theirs, and the blocks it makes itself report a tier that cannot run (a failing
    // test, or a skip that names its reason).
    files: ['__fixtures__/tiers.ts'],
    rules: {
      'jest/no-export': 'off',
      'jest/valid-title': ['error', { ignoreTypeOfDescribeName: true, ignoreTypeOfTestName: true }],
      'jest/valid-describe-callback': 'off',
      'jest/expect-expect': 'off',
      'jest/no-disabled-tests': 'off'
    }
  }
)
