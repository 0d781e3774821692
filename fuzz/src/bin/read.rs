//! Fuzz target: the scenario reader on arbitrary bytes. It must never panic or
//! hang; a scenario it accepts must write out and read back as the same one
//! (docs/scenario-format.md, "Reading and writing").

use blindspot::scenario::Scenario;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        if let Ok((scenario, _warnings)) = Scenario::from_json(text) {
            let written = scenario.to_json();
            let (again, _) = Scenario::from_json(&written).unwrap_or_else(|e| {
                panic!("a written scenario does not read back: {e}\n{written}")
            });
            assert_eq!(
                again, scenario,
                "reading a written scenario gives another one"
            );
        }
    });
}
