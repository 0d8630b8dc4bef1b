import { writeFileSync } from 'node:fs';

/**
 * A @web/test-runner reporter that counts what really ran. WTR's own summary is meant for people;
 * test/run-all.sh needs exact numbers, and it must notice a test file that failed to load
 * (that file has no test results, only session errors) — such a file counts as one failure.
 *
 * Counts are written as JSON to the file named by the WTR_COUNTS_FILE environment variable
 * (when set) and printed as one line, followed by one line per failure.
 */
export function countReporter() {
  /** @param {import('@web/test-runner').TestSuiteResult | undefined} suite */
  function walk(suite, counts, file) {
    if (!suite) return;
    for (const test of suite.tests) {
      if (test.skipped) counts.skipped += 1;
      else if (test.passed) counts.passed += 1;
      else {
        counts.failed += 1;
        counts.failures.push(`${file}: ${test.name}: ${test.error?.message ?? 'failed'}`);
      }
    }
    for (const child of suite.suites) walk(child, counts, file);
  }

  return {
    /** @param {{ sessions: import('@web/test-runner').TestSession[] }} args */
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, files: 0, failures: [] };
      for (const session of sessions) {
        counts.files += 1;
        const before = counts.passed + counts.failed + counts.skipped;
        walk(session.testResults, counts, session.testFile);
        const ran = counts.passed + counts.failed + counts.skipped - before;
        // A session can fail without any failing test: the file did not load, a test leaked an
        // uncaught error, the browser timed out. Count that once so it cannot pass unnoticed.
        const sessionFailed = session.passed === false && counts.failures.every((f) => !f.startsWith(`${session.testFile}:`));
        if (sessionFailed || ran === 0) {
          counts.failed += 1;
          const why = session.errors.map((e) => e.message).join('; ') || (ran === 0 ? 'no test ran' : 'session failed');
          counts.failures.push(`${session.testFile}: ${why}`);
        }
      }
      if (process.env.WTR_COUNTS_FILE) writeFileSync(process.env.WTR_COUNTS_FILE, JSON.stringify(counts, null, 2));
      // Not in the `N passed, N failed` form on purpose: CI reads that form only from the last line.
      console.log(`browser tests counted: pass ${counts.passed}, fail ${counts.failed}, skipped ${counts.skipped}, files ${counts.files}`);
      for (const failure of counts.failures) console.log(`  FAILED ${failure}`);
    },
  };
}
