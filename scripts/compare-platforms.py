#!/usr/bin/env python3
"""Compares the core's areas on the same differential cases, native and wasm.

usage: compare-platforms.py NATIVE_OUTPUT WASM_OUTPUT
Each file holds `platform: FAMILY SEED BITS...` lines (f64 bits in hex) printed by
tests/differential.rs `platform_cases` and tests/wasm.rs
`differential_cases_agree_with_the_oracle` with `-- --nocapture`. Every area must
be bit-identical: the core computes its angles with the `libm` crate on both
platforms (never std's sin/cos/atan2/hypot/exp, which come from the system's libm
natively and from musl's port in wasm), so any difference is a defect
(docs/reliability.md)."""
import struct, sys

def read(path):
    out = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        i = line.find("platform: ")
        if i < 0:
            continue
        parts = line[i + len("platform: "):].split()
        out[(parts[0], parts[1])] = [int(b, 16) for b in parts[2:]]
    return out

def ordered(bits):
    # f64 bits to an integer that counts ulps across zero.
    return bits if bits < 1 << 63 else (1 << 63) - bits

native, wasm = read(sys.argv[1]), read(sys.argv[2])
if not native or native.keys() != wasm.keys():
    print(f"platforms: the case lists differ ({len(native)} native, {len(wasm)} wasm)")
    sys.exit(1)
areas = same = worst = bad = 0
worst_rel = 0.0
for key, a in native.items():
    b = wasm[key]
    if len(a) != len(b):
        print(f"platforms: {key}: {len(a)} figures native, {len(b)} in wasm"); bad += 1; continue
    for x, y in zip(a, b):
        areas += 1
        d = abs(ordered(x) - ordered(y))
        same += d == 0
        worst = max(worst, d)
        fx, fy = (struct.unpack("<d", struct.pack("<Q", v))[0] for v in (x, y))
        rel = abs(fx - fy) / max(abs(fx), abs(fy), 1e-300)
        worst_rel = max(worst_rel, rel)
        if d != 0:
            bad += 1
            print(f"platforms: {key}: {fx!r} native, {fy!r} in wasm (relative {rel:.2e})")
print(f"platforms: {len(native)} cases, {areas} areas, {same} bit-identical, "
      f"largest difference {worst} ulps, relative {worst_rel:.2e}")
sys.exit(1 if bad else 0)
