// Two projects: `unit` needs no root, no KVM device and no service; `e2e` drives the bundled
// action, a real registry and the stand-in libkrun. npm test runs both under
// native/build/test/with-kvm, which gives them a KVM device where the machine has none.
const E2E_FILES = ['e2e[^/]*', 'cli', 'run', 'local-action', 'image-pull'].map(
  (name) => `/__tests__/${name}\\.test\\.ts$`
)

const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/__tests__/tsconfig.json' }] }
}

export default {
  // The end-to-end tests run dist/: bring it up to date with the sources first.
  globalSetup: '<rootDir>/scripts/bundle-if-stale.mjs',
  testTimeout: 120000,
  verbose: true,
  projects: [
    { ...common, displayName: 'unit', testPathIgnorePatterns: ['/node_modules/', ...E2E_FILES] },
    { ...common, displayName: 'e2e', testRegex: E2E_FILES }
  ]
}
