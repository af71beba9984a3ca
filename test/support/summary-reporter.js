// Prints how long the run took (against the target for unit-only runs) and one plain closing line
// ("tests: N passed, N failed") that any CI log reader understands; under `npm test` (test/support/run.mjs) the
// closing line is also written to HUB_TEST_SUMMARY_FILE, so that the runner can print it last.
const { writeFileSync } = require('node:fs');

const UNIT_TARGET_SECONDS = 60;

class SummaryReporter {
  onRunComplete(contexts, results) {
    const projects = [...contexts].map((c) => c.config.displayName?.name ?? c.config.displayName).filter(Boolean);
    const took = Math.round((Date.now() - results.startTime) / 1000);
    const target = projects.length === 1 && projects[0] === 'unit' ? ` (target: under ${UNIT_TARGET_SECONDS} s)` : '';
    process.stdout.write(`[test] jest (${projects.sort().join(', ')}) took ${took} s${target}\n`);
    const skipped = results.numPendingTests + results.numTodoTests;
    // A file that fails before its tests run (an import or set-up error) has no failed test: count it as one, so that
    // the closing line never says "0 failed" for a red run.
    const brokenFiles = results.testResults.filter((r) => r.testExecError && r.numFailingTests === 0).length;
    const failed = results.numFailedTests + brokenFiles;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
    process.stdout.write(line);
    try {
      if (process.env.HUB_TEST_SUMMARY_FILE) writeFileSync(process.env.HUB_TEST_SUMMARY_FILE, line);
    } catch {
      // The runner prints the line again only when it finds the file; the line above already stands.
    }
  }
}
module.exports = SummaryReporter;
