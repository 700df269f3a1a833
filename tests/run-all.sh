#!/usr/bin/env bash
# Everything CI runs, in order: type-check, lint + format check, unit tests, end-to-end tests.
# Each suite always runs (a failing one does not hide the others); the last line totals them all.
set -u
cd "$(dirname "$0")/.."
reports=.test-reports
rm -rf "$reports" && mkdir -p "$reports"

run_check() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then echo pass > "$reports/check-$name"; else echo fail > "$reports/check-$name"; fi
}

run_check typecheck npx tsc -p tsconfig.json --noEmit
run_check lint npx eslint . --max-warnings=0
run_check format npx prettier --check .

echo "== unit"
npx vitest run --reporter=default --reporter=json --outputFile="$reports/vitest.json"

echo "== e2e"
PLAYWRIGHT_JSON_OUTPUT_FILE="$reports/playwright.json" npx playwright test --reporter=list,json

node tests/summarize.mjs "$reports"
