// Prints the per-engine store test counts and the closing line
// "N passed, N failed" from jest's JSON report and the e2e report.
const fs = require('fs');
const path = require('path');
const [dir, stepFailures = '0'] = process.argv.slice(2);
let passed = 0;
let failed = Number(stepFailures);
let skipped = 0;
const engines = {};
const skippedByFile = {};
const jestFile = path.join(dir, 'jest.json');
if (fs.existsSync(jestFile)) {
  const jest = JSON.parse(fs.readFileSync(jestFile, 'utf8'));
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites || 0);
  skipped += jest.numPendingTests;
  for (const suite of jest.testResults) {
    for (const t of suite.assertionResults) {
      if (t.status === 'pending' || t.status === 'skipped') {
        const file = path.relative(process.cwd(), suite.name);
        skippedByFile[file] = (skippedByFile[file] || 0) + 1;
      }
      const m = /\bon (SQLITE_3|POSTGRES_\d+|MYSQL_\d+)\b/.exec(t.ancestorTitles.join(' '));
      if (m && t.status === 'passed') engines[m[1]] = (engines[m[1]] || 0) + 1;
    }
  }
} else {
  console.log('jest wrote no report: counting the run as failed');
  failed += 1;
}
const e2eFile = path.join(dir, 'e2e.json');
if (fs.existsSync(e2eFile)) {
  const e2e = JSON.parse(fs.readFileSync(e2eFile, 'utf8'));
  passed += e2e.passed;
  failed += e2e.failed;
  skipped += e2e.skipped || 0;
}
for (const [file, n] of Object.entries(skippedByFile)) {
  console.log(`skipped: ${n} test(s) in ${file}`);
}
const list = Object.entries(engines).map(([id, n]) => `${id}: ${n} passed`);
console.log(`store tests by database engine: ${list.join(', ') || 'none'}`);
if (!Object.keys(engines).some(id => id.startsWith('POSTGRES'))) {
  console.log('WARNING: store tests did not run on PostgreSQL');
}
if (skipped) console.log(`${skipped} test(s) skipped (see the notices above for why)`);
console.log(`${passed} passed, ${failed} failed`);
