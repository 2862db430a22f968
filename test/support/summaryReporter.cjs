// Prints the ten slowest test files, then one plain closing line,
// "jest: N passed, N failed[, N skipped]", that CI reads in any language.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const files = results.testResults
      .map((r) => ({
        file: r.testFilePath.replace(`${process.cwd()}/`, ''),
        ms: r.perfStats.end - r.perfStats.start,
      }))
      .filter((f) => f.ms > 0)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10)
    if (files.length > 1) {
      process.stdout.write(
        `\nslowest test files: ${files.map((f) => `${f.file} ${(f.ms / 1000).toFixed(0)} s`).join(', ')}\n`,
      )
    }
    const skipped = results.numPendingTests + results.numTodoTests
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    process.stdout.write(
      `\njest: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    )
  }
}
module.exports = SummaryReporter
