#!/usr/bin/env node
// Adds up Vitest JSON reports into the one line CI reads: "N passed, N failed".
//   node scripts/test-summary.mjs test-results/unit.json test-results/scale.json
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`test-summary: ${file} is missing: that suite did not run to the end`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  // A suite that failed without a failing test (its setup broke) counts as one failure.
  failed += report.numFailedTests || (report.success ? 0 : Math.max(1, report.numFailedTestSuites));
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
