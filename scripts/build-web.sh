#!/usr/bin/env bash
# Builds the web app's WebAssembly module into www/pkg, as wasm-pack.toml says, with
# its TypeScript declarations (www/pkg/blindspot.d.ts, which the page is type-checked
# against).
#   scripts/build-web.sh [--test-hooks]
# --test-hooks builds the core with the `test-hooks` feature, for the browser tests only
# (scripts/test.sh): a scenario named "panic in the core (test hook)" makes the core
# panic, so the page's recovery from a real core failure can be tested. Never ship it.
source "$(dirname "$0")/lib.sh"
ensure_wasm_tools
test_hooks=false
for arg in "$@"; do
  case "$arg" in
    --test-hooks) test_hooks=true ;;
    *) echo "unknown option: $arg (expected --test-hooks)" >&2; exit 2 ;;
  esac
done

read_setting() {  # read_setting KEY [TABLE]: a value from wasm-pack.toml
  python3 - "$1" "${2:-}" <<'PY'
import sys, tomllib, json
cfg = tomllib.load(open("wasm-pack.toml", "rb"))
key, table = sys.argv[1], sys.argv[2]
v = (cfg.get(table, {}) if table else cfg).get(key)
print(json.dumps(v) if isinstance(v, list) else ("" if v is None else str(v).lower() if isinstance(v, bool) else v))
PY
}
target="$(read_setting target)"
out_dir="$(read_setting out-dir)"
out_name="$(read_setting out-name)"
profile="$(read_setting profile)"
no_default="$(read_setting no-default-features)"
opt_enabled="$(read_setting enabled wasm-opt)"

features=()
[ "$no_default" = "true" ] && features+=(--no-default-features)
[ "$test_hooks" = "true" ] && features+=(--features test-hooks)
hooks_note=""; [ "$test_hooks" = "true" ] && hooks_note=", with the test hooks (browser tests only)"
say "building the core for wasm32 ($profile$hooks_note)"
cargo build --lib --target wasm32-unknown-unknown --profile "$profile" "${features[@]}"
profile_dir="$profile"; [ "$profile" = "dev" ] && profile_dir=debug
mkdir -p "$out_dir"
# --remove-name-section: function names serve only debuggers' stack traces (a panic's
# message keeps its file and line); measured on the test-hooks build at 9079e84: 2,688,991 B
# -> 2,497,402 B raw, 951,906 B -> 897,456 B gzipped (-54 KB).
wasm-bindgen --target "$target" --out-dir "$out_dir" --out-name "$out_name" \
  --remove-name-section --remove-producers-section \
  "target/wasm32-unknown-unknown/$profile_dir/blindspot.wasm"

if [ "$opt_enabled" = "true" ]; then
  if [ ! -x tools/binaryen/node_modules/.bin/wasm-opt ]; then
    say "installing npm binaryen for wasm-opt"
    mkdir -p tools/binaryen && (cd tools/binaryen && npm install --no-save --no-audit --no-fund binaryen@132 >/dev/null)
  fi
  mapfile -t args < <(python3 -c 'import tomllib;print("\n".join(tomllib.load(open("wasm-pack.toml","rb"))["wasm-opt"]["args"]))')
  tools/binaryen/node_modules/.bin/wasm-opt "${args[@]}" -o "$out_dir/${out_name}_bg.wasm" "$out_dir/${out_name}_bg.wasm"
fi
say "web build: $out_dir/${out_name}.js, $(du -k "$out_dir/${out_name}_bg.wasm" | cut -f1) KB of wasm"

# pdfjs-dist, served from the page's own origin for PDF underlays (scripts/vendor-web.sh).
scripts/vendor-web.sh
