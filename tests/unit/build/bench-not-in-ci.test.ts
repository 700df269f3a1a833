import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import playwright from '../../../playwright.config';
import vitest from '../../../vitest.config';

/** Benchmarks measure a machine; what CI runs (tests/run-all.sh: vitest, then Playwright) must never pick them up. */
describe('benchmarks stay out of CI', () => {
  it('vitest includes only tests/unit and Playwright only tests/e2e', () => {
    const include = vitest.test?.include ?? [];
    expect(include.length).toBeGreaterThan(0);
    for (const pattern of include) expect(pattern.startsWith('tests/unit/')).toBe(true);
    expect(playwright.testDir).toBe('tests/e2e');
  });

  it('the CI script does not run them, and `npm run bench` refuses to when CI is set', () => {
    expect(readFileSync('tests/run-all.sh', 'utf8')).not.toMatch(/bench/);
    const run = spawnSync('npx', ['tsx', 'tests/bench/run.ts', 'no-such-bench'], { env: { ...process.env, CI: 'true' }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/benchmarks do not run in CI/);
  });
});
