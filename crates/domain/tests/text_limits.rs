//! How much a councillor may type: the same limit in every form, in the rules that check a
//! record and in the published JSON Schema; a plan box past its limit keeps its text and
//! holds the sign-off until it is shortened.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use chrono::{NaiveDate, TimeZone, Utc};
use common::any_plan;
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::model::plan::{DevelopmentNeed, DevelopmentPlan, PlanError, Priority};
use mdr_domain::model::text::{EVALUATION_TEXT, LONG_TEXT, SHORT_TEXT, fits};
use proptest::prelude::*;
use uuid::Uuid;

fn schema() -> serde_json::Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/schema/member-record.schema.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_forms_limits_are_the_files_limits() {
    let schema = schema();
    let defs = &schema["$defs"];
    assert_eq!(defs["text"]["maxLength"], SHORT_TEXT);
    assert_eq!(defs["longText"]["maxLength"], LONG_TEXT);
    let evaluation = &defs["evaluation"]["properties"];
    assert_eq!(evaluation["comments"]["maxLength"], EVALUATION_TEXT);
    assert_eq!(evaluation["do_differently"]["maxLength"], EVALUATION_TEXT);
    // Every box of the plan the form offers is a long text in the file, but who held the
    // meeting and a requested course's title, which are names.
    let plan = &defs["plan"]["properties"];
    for long in [
        "strengths",
        "notes",
        "agreed_actions",
        "goal",
        "need",
        "why",
        "access_needs",
    ] {
        let found = serde_json::to_string(plan).unwrap();
        assert!(
            found.contains(&format!("\"{long}\":{{\"$ref\":\"#/$defs/longText\"}}")),
            "{long}"
        );
    }
}

fn plan_with(strengths: String) -> DevelopmentPlan {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let mut plan = DevelopmentPlan::blank(MunicipalYear { starts_in: 2026 }, BTreeSet::new(), now);
    plan.strengths = strengths;
    plan
}

#[test]
fn a_pasted_note_past_the_limit_is_kept_and_holds_the_sign_off_until_shortened() {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let pasted = "Chairing a planning committee. ".repeat(200); // 6,200 characters
    let mut plan = plan_with(pasted.clone());
    let need = Uuid::from_u128(7);
    plan.needs.push(DevelopmentNeed {
        id: need,
        need: "Public speaking".into(),
        priority: Priority::High,
        why: "w".repeat(LONG_TEXT + 1),
        preferred_format: None,
    });
    let too_long: Vec<_> = plan.too_long().into_iter().map(|t| t.field).collect();
    assert_eq!(
        too_long,
        ["strengths".to_owned(), format!("need-{need}-why")]
    );
    let refused = plan.sign("Cllr Zoë Brontë", day, now).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "Shorten “Your strengths” to 5,000 characters or fewer, then sign off the plan."
    );
    assert!(matches!(refused, PlanError::TooLong(_)));
    assert_eq!(plan.strengths, pasted, "nothing is cut");
    assert_eq!(plan.sign_off, None);

    plan.strengths.truncate(LONG_TEXT);
    plan.needs[0].why = "To speak at planning committee".into();
    assert_eq!(plan.too_long(), []);
    plan.sign("Cllr Zoë Brontë", day, now).unwrap();
}

#[test]
fn the_limit_counts_characters_not_bytes() {
    // Welsh and accented names are several bytes a character.
    let plan = plan_with("ŵ".repeat(LONG_TEXT));
    assert_eq!(plan.too_long(), []);
    assert!(!fits(&"ŵ".repeat(LONG_TEXT + 1), LONG_TEXT));
}

proptest! {
    #[test]
    fn any_plan_is_held_at_sign_off_exactly_when_a_box_is_past_its_limit(plan in any_plan(2026)) {
        let mut unsigned = plan.clone();
        unsigned.sign_off = None;
        let now = Utc.with_ymd_and_hms(2027, 1, 1, 10, 0, 0).unwrap();
        let day = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let held = !unsigned.too_long().is_empty();
        let result = unsigned.sign("Cllr Rhys Llewellyn", day, now);
        prop_assert_eq!(held, matches!(result, Err(PlanError::TooLong(_))));
    }
}
