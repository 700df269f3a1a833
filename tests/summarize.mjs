// Totals every suite of tests/run-all.sh into one line, "N passed, N failed", and exits non-zero on any failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.test-reports';
let passed = 0;
let failed = 0;
const lines = [];

for (const file of readdirSync(dir)
  .filter((f) => f.startsWith('check-'))
  .sort()) {
  const ok = readFileSync(join(dir, file), 'utf8').trim() === 'pass';
  if (ok) passed++;
  else failed++;
  lines.push(`${file.slice(6)}: ${ok ? 'passed' : 'FAILED'}`);
}

const vitest = join(dir, 'vitest.json');
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'));
  const f =
    r.numFailedTests +
    (r.numRuntimeErrorTestSuites ?? 0) +
    (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
  passed += r.numPassedTests;
  failed += f;
  lines.push(`unit: ${r.numPassedTests} passed, ${f} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
} else {
  failed++;
  lines.push('unit: no report (the runner did not finish)');
}

const pw = join(dir, 'playwright.json');
if (existsSync(pw)) {
  const s = JSON.parse(readFileSync(pw, 'utf8')).stats;
  const f = s.unexpected + s.flaky;
  passed += s.expected;
  failed += f;
  lines.push(`e2e: ${s.expected} passed, ${f} failed, ${s.skipped} skipped`);
  if ((JSON.parse(readFileSync(pw, 'utf8')).errors ?? []).length > 0) {
    failed++;
    lines.push('e2e: the runner reported errors');
  }
} else {
  failed++;
  lines.push('e2e: no report (the runner did not finish)');
}

console.log('');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
