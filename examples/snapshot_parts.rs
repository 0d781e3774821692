//! Prints the size of each part of a scenario's session snapshot, and how long
//! loading, snapshotting and rebuilding take natively.
//! `cargo run --release --example snapshot_parts -- FILE [RUNS]`
use blindspot::session::Session;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: snapshot_parts FILE [RUNS]");
    let runs: usize = args
        .next()
        .map_or(3, |r| r.parse().expect("RUNS is a number"));
    let text = std::fs::read_to_string(&path).expect("reads the file");
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1e3;
    for run in 0..runs {
        let t = Instant::now();
        let session = Session::from_json(&text).expect("a valid scenario");
        let load = ms(t);
        let t = Instant::now();
        let bytes = session.snapshot();
        let snap = ms(t);
        let t = Instant::now();
        let again = Session::from_snapshot(&bytes).expect("rebuilds");
        let rebuild = ms(t);
        assert_eq!(again.views().len(), session.views().len());
        println!(
            "run {run}: load {load:.0} ms, snapshot {snap:.0} ms ({:.1} MB), from_snapshot {rebuild:.0} ms",
            bytes.len() as f64 / 1e6
        );
        if run == 0 {
            for (what, size) in session.snapshot_part_sizes() {
                println!("  {what:<10} {:>8.2} MB", size as f64 / 1e6);
            }
        }
    }
}
