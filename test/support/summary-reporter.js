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
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
    process.stdout.write(line);
    try {
      if (process.env.HUB_TEST_SUMMARY_FILE) writeFileSync(process.env.HUB_TEST_SUMMARY_FILE, line);
    } catch {
      // The runner prints the line again only when it finds the file; the line above already stands.
    }
  }
}
module.exports = SummaryReporter;
