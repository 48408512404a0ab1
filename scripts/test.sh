#!/usr/bin/env bash
# The one test command (`npm test`): build, lint (Biome: rules and the import
# boundaries), unit tests in Node, then the e2e tests in Chromium against the
# built site. Always ends with one plain line, "N passed, N failed", the totals
# over both suites (a failed lint adds one failure), for CI to read.
set -euo pipefail

cd "$(dirname "$0")/.."

results=test-results
unit_json="$results/unit.json"
e2e_json="$results/e2e.json"
# Written only when the lint passes, so a lint that failed or never ran counts as a failure.
lint_passed="$results/lint.passed"
mkdir -p "$results"
# e2e/ holds a screenshot and the store state of each failed e2e test.
rm -rf "$unit_json" "$e2e_json" "$lint_passed" "$results/e2e"

# Totals from vitest's JSON reports. A suite with no report (the build failed,
# or vitest crashed before writing one) counts as one failure, and so does a
# suite that failed without a failed test (a file that did not load), and so
# does a lint that did not pass.
summary() {
  node -e '
    const fs = require("node:fs");
    const [lintPassed, ...reports] = process.argv.slice(1);
    let passed = 0, failed = fs.existsSync(lintPassed) ? 0 : 1;
    for (const file of reports) {
      if (!fs.existsSync(file)) { failed += 1; continue; }
      const r = JSON.parse(fs.readFileSync(file, "utf8"));
      passed += r.numPassedTests;
      failed += r.numFailedTests + (!r.success && r.numFailedTests === 0 ? 1 : 0);
    }
    console.log(`${passed} passed, ${failed} failed`);
  ' "$lint_passed" "$unit_json" "$e2e_json"
}
trap summary EXIT

if [ ! -d node_modules ]; then
  npm install
fi

bash scripts/ensure-chromium.sh
npm run build

# The lint and both suites run even when one fails; the script fails if any did.
status=0
if npm run lint; then touch "$lint_passed"; else status=1; fi
npx vitest run --reporter=default --reporter=json --outputFile.json="$unit_json" || status=$?
npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$e2e_json" || status=$?
exit "$status"
