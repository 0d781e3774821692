//! The named case families the test files share (native and wasm), the seeds
//! known to fail through core defects, and the core's figures for
//! comparing platforms.

use super::compare::{Run, Tally, core_figures};
use super::generate::{Case, Options, Outline, Placement, polygon_case, soup_case};

pub const INSIDE: Options = Options {
    cameras: Placement::Inside,
    subnormals: false,
};
pub const ON_WALLS: Options = Options {
    cameras: Placement::OnWalls,
    subnormals: false,
};
pub const SUBNORMAL: Options = Options {
    cameras: Placement::Inside,
    subnormals: true,
};

/// The family names, as in failure messages and the `show` tool.
pub const FAMILIES: [&str; 4] = ["2-opt", "orthogonal", "koch", "soup"];

/// The case generator of a family name.
pub fn family(name: &str, opts: Options) -> impl Fn(u64) -> Case + use<> {
    let outline = match name {
        "2-opt" => Some(Outline::TwoOpt),
        "orthogonal" => Some(Outline::Orthogonal),
        "koch" => Some(Outline::Koch),
        "soup" => None,
        _ => panic!("no family {name}: 2-opt, orthogonal, koch, soup"),
    };
    move |seed| match outline {
        Some(o) => polygon_case(seed, o, opts),
        None => soup_case(seed, opts),
    }
}

/// Seeds of the CI runs (cameras inside) that fail through known core
/// defects; each class has its minimized scenario in
/// tests/fixtures/differential/ and a regression test in tests/regressions.rs.
/// Empty this as the core is fixed.
pub const KNOWN: &[(&str, u64)] = &[];

/// The known seeds of a family (for cameras inside; none for other options).
pub fn known(name: &str, opts: Options) -> Vec<u64> {
    KNOWN
        .iter()
        .filter(|k| k.0 == name && opts == INSIDE)
        .map(|k| k.1)
        .collect()
}

/// Cases per family run on both platforms, native (tests/differential.rs)
/// and wasm (tests/wasm.rs).
pub const PLATFORM_CASES: u64 = 75;

/// Runs `per_family` cases of every family (cameras inside, known seeds left
/// out) against the oracle, and returns the core's figures of each case as a
/// line `platform: FAMILY SEED BITS...` (the bits of every view area and of
/// the covered area, in hex), for scripts/test.sh to compare across platforms.
pub fn platform_run(per_family: u64) -> (Tally, Vec<String>) {
    let mut all = Tally::default();
    let mut lines = Vec::new();
    for name in FAMILIES {
        let skip = known(name, INSIDE);
        let t = Run {
            skip: &skip,
            ..Run::new(name, per_family)
        }
        .go(family(name, INSIDE));
        all.add(&t);
        for seed in (1..=per_family).filter(|s| !skip.contains(s)) {
            let f = core_figures(&family(name, INSIDE)(seed).to_json()).expect("core figures");
            let bits: Vec<String> = f
                .views
                .iter()
                .chain(std::iter::once(&f.covered))
                .map(|x| format!("{:016x}", x.to_bits()))
                .collect();
            lines.push(format!("platform: {name} {seed} {}", bits.join(" ")));
        }
    }
    (all, lines)
}
