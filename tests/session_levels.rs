//! A session is one plan: a file of several levels is refused with what works,
//! never computed as one flat plan (sight through floors, every floor summed as
//! one), while each of its levels opens alone.

use blindspot::scenario::Scenario;
use blindspot::session::Session;

const THREE_LEVELS: &str = include_str!("fixtures/levels/quay-and-two-floors.json");

#[test]
fn a_file_of_several_levels_is_refused_naming_its_levels_and_what_works() {
    let (scenario, warnings) = Scenario::from_json(THREE_LEVELS).unwrap();
    let ids: Vec<String> = scenario.levels().iter().map(|l| l.id.clone()).collect();
    assert_eq!(ids.len(), 3);
    let error = Session::new(scenario, warnings).expect_err("several levels must be refused");
    let problems: Vec<_> = error.problems.errors().collect();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "levels");
    let text = problems[0].message.to_string();
    assert!(text.contains("3 levels"), "{text}");
    for id in &ids {
        assert!(
            text.contains(&format!("({id})")),
            "{id} not named in: {text}"
        );
    }
    assert!(text.contains("blindspot report"), "{text}");
}

#[test]
fn each_level_of_it_opens_alone_and_a_plan_edit_cannot_bring_levels_in() {
    let (scenario, _) = Scenario::from_json(THREE_LEVELS).unwrap();
    let mut sessions: Vec<Session> = scenario
        .levels()
        .iter()
        .map(|l| Session::new(scenario.level_slice(&l.id).unwrap(), Default::default()).unwrap())
        .collect();
    let before = sessions[0].report().summary.overall.covered_area_m2;
    let error = sessions[0].set_plan(scenario.clone()).expect_err("refused");
    assert_eq!(error.problems.errors().next().unwrap().path, "levels");
    // Nothing changed on the refusal.
    assert_eq!(sessions[0].report().summary.overall.covered_area_m2, before);
}
