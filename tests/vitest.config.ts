import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // tests/unit/: source only; tests/build/: dist/ from `npm run build`, or builds of temporary
    // copies (*.slow.test.ts: whole-site builds, left out of test:fast); tests/e2e/: real Chromium.
    include: ['tests/**/*.test.ts'],
    // Test files run in parallel (one worker per core); build and browser tests start builds,
    // servers and a browser, so their timeouts are generous.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    // In CI, also write a JSON report so .ci/run can print a plain "N passed, N failed" line.
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
