#!/usr/bin/env bash
# Runs every test: formatting and lints (native and wasm32), the web page's import
# rules and type check, native tests, wasm boundary tests in Node, and the browser
# end-to-end tests in headless Chromium. Installs what is missing first. Ends with
# plain summary lines. E2E_PORT picks the browser tests' server port (default 8765).
source "$(dirname "$0")/lib.sh"
ensure_wasm_tools
ensure_chromium
ensure_document_tools
ensure_node_deps
ensure_schema_checker

say "format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --lib --test wasm -- -D warnings

# The page's type check reads the bindings' .d.ts, so the web app is built first (a
# fresh clone has no www/pkg, and a stale one fails on a changed boundary).
say "building the web app and the CLI for the browser tests"
scripts/build-web.sh --test-hooks
cargo build --release --bin blindspot

say "the published scenario schema against the samples, fixtures and generated plans"
target/release/blindspot generate --walls 2000 --cameras 50 -o target/schema-one-level.json
target/release/blindspot generate --walls 2000 --cameras 50 --levels 3 -o target/schema-three-levels.json
python3 scripts/check-schema.py www/samples/museum-wing.json www/samples/museum-wing-doubled.json \
  www/samples/large.json tests/fixtures/levels/*.json tests/fixtures/repro/*.json \
  target/schema-one-level.json target/schema-three-levels.json --invalid tests/fixtures/three-errors.json

say "web page: import rules between folders, type check, unit tests of the pure modules"
node scripts/check-web-imports.mjs
(cd tests/e2e && npx tsc -p ../../www/jsconfig.json)
node --test tests/web/

say "native tests"
cargo test

say "wasm boundary tests (Node)"
cargo test --target wasm32-unknown-unknown --no-default-features --test wasm -- --nocapture 2>&1 | tee target/platform-wasm.txt

say "native and wasm areas on the same differential cases"
cargo test -q --test differential platform_cases -- --nocapture >target/platform-native.txt
python3 scripts/compare-platforms.py target/platform-native.txt target/platform-wasm.txt

say "browser end-to-end tests (headless Chromium)"
report="$ROOT/target/e2e-report.json"
rm -f "$report"
set +e
(cd tests/e2e && PLAYWRIGHT_JSON_OUTPUT_NAME="$report" npx playwright test --reporter=list,json)
status=$?
set -e
python3 - "$report" <<'PY'
import json, sys
try:
    stats = json.load(open(sys.argv[1]))["stats"]
except Exception as e:
    print(f"e2e: 0 passed, 1 failed (no report: {e})")
    sys.exit(0)
passed = stats.get("expected", 0) + stats.get("flaky", 0)
failed = stats.get("unexpected", 0)
flaky = stats.get("flaky", 0)
print(f"e2e: {passed} passed, {failed} failed, {flaky} flaky (passed on the retry)")

def walk(suite, title=()):
    for s in suite.get("suites", []):
        yield from walk(s, title + (s.get("title", ""),))
    for spec in suite.get("specs", []):
        for t in spec.get("tests", []):
            yield title + (spec.get("title", ""),), t

report = json.load(open(sys.argv[1]))
for suite in report.get("suites", []):
    for title, t in walk(suite, (suite.get("title", ""),)):
        if t.get("status") == "flaky":
            print("flaky:", " > ".join(x for x in title if x))
PY
exit $status
