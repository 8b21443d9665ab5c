import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Packs and installs the package once for the consumer-facing tests.
    globalSetup: ['test/setup/packed.ts'],
    // Type-level tests (`*.test-d.ts`) run under `vitest --typecheck`.
    typecheck: {include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json'},
    // CI reads the counts from this file (`.ci/run`), not from the console summary.
    reporters: ['default', ['json', {outputFile: 'test-results.json'}]],
    testTimeout: 60_000,
  },
})
