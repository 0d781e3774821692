#![cfg(not(target_arch = "wasm32"))]
//! `blindspot audit` and `blindspot route` run as processes: text, JSON and
//! exit codes.

use serde_json::Value;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blindspot"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn sample() -> String {
    format!(
        "{}/www/samples/museum-wing.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

#[test]
fn audit_text_names_the_unseen_balcony_first_and_the_headline() {
    let o = run(&["audit", &sample()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("Zones meeting their required level: 0 of 7"),
        "{out}"
    );
    assert!(
        out.contains("Openings watched as required: 1 of 5"),
        "{out}"
    );
    let first = out
        .lines()
        .skip_while(|l| !l.starts_with("Openings, riskiest first"))
        .nth(1)
        .unwrap();
    assert!(
        first.contains("balcony") && first.contains("UNSEEN"),
        "{first}"
    );
    assert!(
        out.contains("quay-east            misses balcony (4.0 m away)"),
        "{out}"
    );
}

#[test]
fn audit_json_is_the_library_audit() {
    let o = run(&["audit", &sample(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = std::fs::read_to_string(sample()).unwrap();
    let session = blindspot::session::Session::from_json(&text).unwrap();
    let want = serde_json::to_value(blindspot::analysis::audit(&session)).unwrap();
    assert_eq!(v, want);
    assert_eq!(v["openings"][0]["id"], "balcony");
    assert_eq!(v["openings"][0]["status"], "unseen");
}

#[test]
fn route_text_gives_p_of_interruption_and_the_best_change() {
    let o = run(&[
        "route",
        &sample(),
        "--from",
        "balcony",
        "--to",
        "crown-case",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.starts_with("Routes from balcony to crown-case (walk grid 0.25 m)"),
        "{out}"
    );
    assert!(out.contains("Least watched route:"), "{out}");
    assert!(out.contains("Most vulnerable route"), "{out}");
    assert!(
        out.contains("first detecting element: gallery-east"),
        "{out}"
    );
    assert!(
        out.contains("Best single change: turn camera quay-east"),
        "{out}"
    );
}

#[test]
fn route_json_from_a_point() {
    let o = run(&[
        "route",
        &sample(),
        "--from",
        "30,-5",
        "--to",
        "crown-case",
        "--format",
        "json",
        "--resolution",
        "0.5",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["from"], "(30.00, -5.00)");
    assert_eq!(v["resolution_m"], 0.5);
    let p = v["least_watched"]["p_interruption"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&p));
    let pts = v["least_watched"]["points"].as_array().unwrap();
    assert_eq!(pts[0], serde_json::json!([30.0, -5.0]));
}

#[test]
fn route_exit_codes() {
    // Bad usage: no such opening, no such zone, a plain wall, a bad resolution.
    for args in [
        vec!["--from", "nope", "--to", "crown-case"],
        vec!["--from", "balcony", "--to", "vault"],
        vec!["--from", "facade-1", "--to", "crown-case"],
        vec![
            "--from",
            "balcony",
            "--to",
            "crown-case",
            "--resolution",
            "9",
        ],
    ] {
        let mut all = vec!["route", sample().leak() as &str];
        all.extend(args.iter());
        let o = run(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o.stderr));
        assert!(
            text(&o.stderr).starts_with("blindspot: "),
            "{}",
            text(&o.stderr)
        );
    }
    // No way on foot: every door a wall.
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(sample()).unwrap()).unwrap();
    for w in v["plan"]["walls"].as_array_mut().unwrap() {
        let kind = w["kind"].as_str().unwrap_or("wall").to_string();
        if kind != "wall" {
            let o = w.as_object_mut().unwrap();
            o.insert("kind".into(), "wall".into());
            for k in ["exterior", "open", "opaque", "delay", "passable"] {
                o.remove(k);
            }
        }
    }
    v["detectors"] = serde_json::json!([]);
    let dir = std::env::temp_dir().join(format!("blindspot-sealed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sealed.json");
    std::fs::write(&file, v.to_string()).unwrap();
    let o = run(&[
        "route",
        file.to_str().unwrap(),
        "--from",
        "1,-5",
        "--to",
        "crown-case",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("no way on foot"),
        "{}",
        text(&o.stderr)
    );
    // An invalid file: exit 1.
    std::fs::write(&file, "{\"blindspot\": 1}").unwrap();
    let o = run(&["route", file.to_str().unwrap(), "--from", "a", "--to", "b"]);
    assert_eq!(o.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}
