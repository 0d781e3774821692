#!/usr/bin/env bash
# Copies the page's third-party modules from npm (vendor/web/package.json, pinned exactly,
# with its lock file) into www/vendor, so that the page serves them from its own origin:
# nothing is ever loaded from the internet. Run by scripts/build-web.sh.
#   pdfjs-dist 6.5.438: draws the first page of a PDF underlay (www/js/underlay/pdf.js).
#   Pinned because a plain install on Node 20 picks 5.x (BUILD-NOTES.md).
source "$(dirname "$0")/lib.sh"
src=vendor/web/node_modules/pdfjs-dist
want="$(python3 -c 'import json;print(json.load(open("vendor/web/package.json"))["dependencies"]["pdfjs-dist"])')"
have="$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["version"])' "$src/package.json" 2>/dev/null || true)"
if [ "$have" != "$want" ]; then
  say "installing pdfjs-dist $want from npm (vendor/web)"
  # --omit=optional: its optional @napi-rs/canvas is for Node, not the browser.
  (cd vendor/web && npm ci --omit=optional --no-audit --no-fund --loglevel=error)
fi
out=www/vendor/pdfjs
rm -rf "$out"
mkdir -p "$out/wasm"
cp "$src/build/pdf.min.mjs" "$src/build/pdf.worker.min.mjs" "$src/LICENSE" "$out/"
# The decoders pdfjs loads for JPEG 2000 and JBIG2 scans (as wasm: the CSP allows
# 'wasm-unsafe-eval') and its colour management; the standard fonts and CMaps for text.
cp "$src"/wasm/*.wasm "$src"/wasm/LICENSE_* "$out/wasm/"
cp -r "$src/standard_fonts" "$src/cmaps" "$src/iccs" "$out/"
say "vendored pdfjs-dist $want into $out ($(du -sk "$out" | cut -f1) KB)"
