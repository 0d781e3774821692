//! The core against an independent visibility oracle (tests/oracle/) on
//! generated plans: per-camera view areas and the covered area must agree
//! within 1e-9 relative. Deterministic seeds; a failure prints a minimized
//! scenario. The long run:
//! `DIFFERENTIAL_CASES=100000 cargo test --release --test differential -- --ignored --nocapture`.

mod oracle;

use oracle::compare::Run;
use oracle::families::{
    FAMILIES, INSIDE, ON_WALLS, PLATFORM_CASES, SUBNORMAL, family, known, platform_run,
};
use oracle::generate::Options;

fn check(name: &str, opts: Options, count: u64) {
    let skip = known(name, opts);
    let t = Run {
        skip: &skip,
        ..Run::new(name, count)
    }
    .go(family(name, opts));
    println!("{name} {opts:?}: {t}");
    assert!(t.cases > 0 && t.cameras > 0);
}

#[test]
fn random_simple_polygons_with_holes() {
    check("2-opt", INSIDE, 800);
}

#[test]
fn random_orthogonal_polygons_with_holes() {
    check("orthogonal", INSIDE, 800);
}

#[test]
fn von_koch_outlines_with_holes() {
    check("koch", INSIDE, 600);
}

#[test]
fn wall_soups_with_nearly_collinear_bundles() {
    check("soup", INSIDE, 300);
}

#[test]
fn polygons_cameras_on_vertices_and_walls() {
    for name in ["2-opt", "orthogonal", "koch"] {
        check(name, ON_WALLS, 100);
    }
}

#[test]
fn soups_cameras_at_free_wall_ends() {
    check("soup", ON_WALLS, 200);
}

#[test]
fn polygons_with_subnormal_coordinates() {
    for name in ["2-opt", "orthogonal", "koch"] {
        check(name, SUBNORMAL, 100);
    }
}

/// The cases the wasm tests also run (tests/wasm.rs): against the oracle,
/// and the core's figures printed for scripts/test.sh to compare with the
/// wasm build's (`-- --nocapture`).
#[test]
fn platform_cases() {
    let (t, lines) = platform_run(PLATFORM_CASES);
    assert_eq!(t.failures, 0);
    for line in lines {
        println!("{line}");
    }
}

/// At least 100,000 cases over all families (set DIFFERENTIAL_CASES), in a
/// release build; failures are counted and the first few printed.
#[test]
#[ignore = "long run: DIFFERENTIAL_CASES=100000 cargo test --release --test differential -- --ignored --nocapture long_run"]
fn long_run() {
    let total: u64 = std::env::var("DIFFERENTIAL_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let per = total.div_ceil(4);
    // The core's panics are counted as failures; their messages would drown the log.
    std::panic::set_hook(Box::new(|_| {}));
    let mut all = oracle::compare::Tally::default();
    for name in FAMILIES {
        let t = Run {
            first: 1_000_000,
            keep_going: true,
            ..Run::new(name, per)
        }
        .go(family(name, INSIDE));
        println!("{name}: {t}");
        all.add(&t);
    }
    drop(std::panic::take_hook());
    println!("differential long run: {all}");
    assert!(all.cases >= total * 9 / 10);
    assert_eq!(all.failures, 0);
}

/// Prints one case, its oracle and core figures:
/// `DIFFERENTIAL_SHOW=soup:3 cargo test --test differential -- --ignored --nocapture show`.
#[test]
#[ignore = "a tool: DIFFERENTIAL_SHOW=family:seed (2-opt, orthogonal, koch, soup)"]
fn show() {
    let Ok(spec) = std::env::var("DIFFERENTIAL_SHOW") else {
        return;
    };
    let (family_name, seed) = spec.split_once(':').expect("family:seed");
    let seed: u64 = seed.parse().expect("a seed");
    let opts = match std::env::var("DIFFERENTIAL_OPTIONS").as_deref() {
        Ok("on-walls") => ON_WALLS,
        Ok("subnormal") => SUBNORMAL,
        _ => INSIDE,
    };
    let case = family(family_name, opts)(seed);
    println!("{}", case.to_json());
    println!(
        "oracle: {:?}",
        oracle::compare::oracle_figures(&case).map(|f| (f.views, f.covered, f.target))
    );
    println!("core: {:?}", oracle::compare::core_figures(&case.to_json()));
    println!("cameras: {:?}", case.cameras);
    if oracle::compare::compare(&case).is_err() {
        println!("minimized:\n{}", oracle::compare::minimize(&case).to_json());
    }
}

/// Counts failures per family without stopping (a survey while the core is
/// being fixed): `DIFFERENTIAL_SURVEY=300 cargo test --release --test differential -- --ignored --nocapture survey`
/// (`DIFFERENTIAL_SURVEY_FAMILY=soup` for one family).
#[test]
#[ignore = "a tool: DIFFERENTIAL_SURVEY=cases"]
fn survey() {
    let Some(n) = std::env::var("DIFFERENTIAL_SURVEY")
        .ok()
        .and_then(|v| v.parse().ok())
    else {
        return;
    };
    std::panic::set_hook(Box::new(|_| {}));
    let only = std::env::var("DIFFERENTIAL_SURVEY_FAMILY").ok();
    for opts in [INSIDE, ON_WALLS, SUBNORMAL] {
        for name in FAMILIES
            .into_iter()
            .filter(|f| only.as_deref().is_none_or(|o| o == *f))
        {
            let t = Run {
                keep_going: true,
                ..Run::new(name, n)
            }
            .go(family(name, opts));
            println!("SURVEY {name} {opts:?}: {t}");
        }
    }
}
