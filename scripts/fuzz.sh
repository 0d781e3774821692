#!/usr/bin/env bash
# Coverage-guided fuzzing with AFL++ through cargo-afl, on the stable toolchain.
#   scripts/fuzz.sh [EXECS] [TARGET...]    default: 1000000 executions of each target
#   JOBS=2 scripts/fuzz.sh ...             that many AFL++ instances per target
#                                          (one main, the rest secondaries), EXECS in all
# Targets: read (the scenario reader on arbitrary bytes), geometry (plan
# preparation, views, coverage and blind spots from structured input), import
# (the DXF, SVG and GeoJSON importers: a format byte, then the file).
# Installs cargo-afl (which builds its own AFL++) when missing, builds the
# instrumented targets in fuzz/target, runs each from fuzz/corpus/TARGET into
# fuzz/out/TARGET, and prints one line per target: executions, crashes, hangs.
# Crashing inputs are left in fuzz/out/TARGET/default/crashes/ (see
# docs/reliability.md for turning them into regression tests).
source "$(dirname "$0")/lib.sh"

execs="${1:-1000000}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read geometry import)

if ! cargo afl --version >/dev/null 2>&1; then
  say "installing cargo-afl 0.18.2 (builds AFL++; a few minutes, once)"
  cargo install cargo-afl --version =0.18.2
fi
# Builds AFL++ and its runtime for this rustc when not yet built.
cargo afl config --build >/dev/null 2>&1 || true

say "building the instrumented targets"
(cd fuzz && cargo afl build --release --quiet)

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
export AFL_NO_AFFINITY=1 AFL_SKIP_CRASHES=1
jobs="${JOBS:-1}"
for t in "${targets[@]}"; do
  say "fuzzing $t for $execs executions ($jobs instances)"
  rm -rf "fuzz/out/$t"; mkdir -p fuzz/out
  # -t: a run over 2 s is a hang; -E: each instance stops after its share.
  share=$(( (execs + jobs - 1) / jobs ))
  pids=()
  for j in $(seq 1 "$jobs"); do
    role="-S s$j"; [ "$j" = 1 ] && role="-M main"
    cargo afl fuzz -i "fuzz/corpus/$t" -o "fuzz/out/$t" $role -t 2000 -E "$share" -- "fuzz/target/release/$t" >"fuzz/out-$t-$j.log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do
    wait "$p" || { echo "afl-fuzz failed for $t:"; tail -20 fuzz/out-"$t"-*.log; exit 1; }
  done
  sum() { cat fuzz/out/"$t"/*/fuzzer_stats | awk -F': *' -v k="$1" '$1 ~ "^"k" *$" {s += $2} END {print s}'; }
  echo "fuzz $t: $(sum execs_done) executions in $(sum run_time) instance-seconds, $(sum corpus_count) paths, $(sum saved_crashes) crashes, $(sum saved_hangs) hangs"
done
