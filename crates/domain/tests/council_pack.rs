//! The council pack: what an officer publishes and a member imports. What changes is shown
//! before anything is applied; a newer pack replaces an older one; an older or identical
//! one changes nothing; another council's pack needs the member's say-so; and nothing the
//! member recorded is lost when courses or roles are retired.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::LazyLock;

use chrono::{NaiveDate, TimeZone, Utc};
use common::any_pack;
use mdr_domain::exchange::{Reader, explain, file_text, read_pack_file, write_pack_file};
use mdr_domain::model::due::training_due;
use mdr_domain::model::pack::{
    CouncilPack, PackDecision, assess_pack, offered_courses, offered_roles, pack_changes,
};
use mdr_domain::model::{ActivityStatus, LearningActivity, LearningFormat, MandatoryFor};
use proptest::prelude::*;
use uuid::Uuid;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn published(council: &str, version: u32) -> CouncilPack {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut pack = CouncilPack::starting(council, today(), now);
    pack.pack_version = version;
    pack
}

static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: serde_json::Value = serde_json::from_str(include_str!(
        "../../../public/schema/council-pack.schema.json"
    ))
    .unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
});

#[test]
fn an_officers_new_mandatory_planning_course_shows_as_added_and_is_outstanding_for_planners() {
    let held = published("Sandwell Metropolitan Borough Council", 1);
    let mut next = held.published(Utc::now());
    let mut course = next.courses[0].clone();
    course.id = "planning-enforcement".into();
    course.title = "Planning enforcement".into();
    course.mandatory_for = MandatoryFor::Roles(["planning-committee".to_owned()].into());
    course.format = LearningFormat::FaceToFace;
    next.courses.push(course);

    let PackDecision::Apply(changes) = assess_pack(Some(&held), &next) else {
        panic!("a newer pack from the same council is applied");
    };
    assert_eq!(changes.courses_added, ["Planning enforcement"]);
    assert!(changes.courses_changed.is_empty() && changes.courses_retired.is_empty());

    let mut member = mdr_domain::model::Profile::empty(Utc::now());
    member.roles = ["planning-committee".to_owned()].into();
    let due = training_due(&offered_courses(Some(&next)), &member, &[], today());
    assert!(due.iter().any(|d| d.course.id == "planning-enforcement"));
}

#[test]
fn the_same_pack_twice_changes_nothing_and_an_older_one_is_refused() {
    let held = published("Sandwell Metropolitan Borough Council", 3);
    assert_eq!(
        assess_pack(Some(&held), &held),
        PackDecision::AlreadyApplied { version: 3 }
    );
    let older = published("Sandwell Metropolitan Borough Council", 2);
    assert_eq!(
        assess_pack(Some(&held), &older),
        PackDecision::Older {
            held: 3,
            incoming: 2
        }
    );
}

#[test]
fn another_councils_pack_asks_before_switching() {
    let held = published("Sandwell Metropolitan Borough Council", 3);
    let other = published("Durham County Council", 1);
    assert!(matches!(
        assess_pack(Some(&held), &other),
        PackDecision::OtherCouncil { ref held, ref incoming, .. }
            if held == "Sandwell Metropolitan Borough Council" && incoming == "Durham County Council"
    ));
    let same_but_spaced = published("  sandwell metropolitan   borough council ", 4);
    assert!(matches!(
        assess_pack(Some(&held), &same_but_spaced),
        PackDecision::Apply(_)
    ));
}

#[test]
fn a_first_pack_is_compared_with_the_built_in_catalogue() {
    let mut pack = published("Sandwell Metropolitan Borough Council", 1);
    pack.courses.retain(|c| c.id != "leadership-academy");
    pack.roles[0].name = "Leader of the Council".into();
    let PackDecision::Apply(changes) = assess_pack(None, &pack) else {
        panic!("a first pack is applied");
    };
    assert_eq!(changes.courses_retired, ["LGA Leadership Academy"]);
    assert_eq!(
        changes.roles_renamed,
        [("Leader".to_owned(), "Leader of the Council".to_owned())]
    );
    assert_eq!(changes.budget, None, "there was no budget before");
}

#[test]
fn retired_courses_and_roles_leave_the_lists_but_records_keep_their_details() {
    let held = published("Sandwell Metropolitan Borough Council", 1);
    let mut next = held.published(Utc::now());
    let code = next
        .courses
        .iter_mut()
        .find(|c| c.id == "code-of-conduct")
        .unwrap();
    code.retired = true;
    next.roles
        .iter_mut()
        .find(|r| r.id == "group-leader")
        .unwrap()
        .retired = true;
    next.budget_pence = 750_000;

    let changes = pack_changes(Some(&held), &next);
    assert_eq!(changes.courses_retired, ["Code of Conduct"]);
    assert_eq!(changes.roles_retired, ["Group leader"]);
    assert_eq!(changes.budget, Some((500_000, 750_000)));
    assert!(
        offered_courses(Some(&next))
            .iter()
            .all(|c| c.id != "code-of-conduct")
    );
    assert!(
        offered_roles(Some(&next))
            .iter()
            .all(|r| r.id != "group-leader")
    );

    let course = held
        .courses
        .iter()
        .find(|c| c.id == "code-of-conduct")
        .unwrap();
    let mut done = LearningActivity::for_course(Uuid::from_u128(1), course, Utc::now());
    done.status = ActivityStatus::Completed;
    done.completed_on = Some(today());
    assert_eq!(
        done.title, "Code of Conduct",
        "the activity keeps the retired course's title"
    );
    let mut all = mdr_domain::model::Profile::empty(Utc::now());
    all.roles = ["backbench-member".to_owned()].into();
    let due = training_due(&offered_courses(Some(&next)), &all, &[done], today());
    assert!(
        due.iter().all(|d| d.course.id != "code-of-conduct"),
        "a retired course is no longer due"
    );
}

#[test]
fn a_new_survey_round_is_listed_as_a_change() {
    let held = published("Sandwell Metropolitan Borough Council", 1);
    let mut next = held.published(Utc::now());
    next.surveys[0].round = "2027/28".into();
    let changes = pack_changes(Some(&held), &next);
    assert_eq!(
        changes.surveys,
        ["Ethical framework self-assessment (2027/28 round)"]
    );
}

proptest! {
    #[test]
    fn any_pack_published_and_imported_comes_back_exactly(pack in any_pack()) {
        let text = write_pack_file(&pack);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let problems: Vec<String> = SCHEMA.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path())).collect();
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(read_pack_file(&text).unwrap(), pack);
    }

    #[test]
    fn a_pack_never_changes_anything_against_itself(pack in any_pack()) {
        prop_assert!(pack_changes(Some(&pack), &pack).is_empty());
        prop_assert_eq!(assess_pack(Some(&pack), &pack), PackDecision::AlreadyApplied { version: pack.pack_version });
    }
}

/// What a member is told when their app refuses `pack`, arriving as `council-pack.json`.
fn refusal(pack: &CouncilPack) -> String {
    let error = read_pack_file(&write_pack_file(pack)).unwrap_err();
    explain(&error, "council-pack.json", Reader::ApplyingPack)
}

#[test]
fn a_pack_that_lists_two_courses_under_one_id_is_refused_and_says_which() {
    // An officer copies the Code of Conduct to make a refresher, and forgets the id.
    let mut pack = published("Sandwell Metropolitan Borough Council", 2);
    let mut refresher = pack.courses[1].clone();
    refresher.title = "Code of Conduct refresher".into();
    pack.courses.push(refresher);
    assert_eq!(
        refusal(&pack),
        "“council-pack.json” cannot be imported. The council pack is damaged: it lists two courses under one id, “code-of-conduct” (“Code of Conduct” and “Code of Conduct refresher”). Ask your member development officer to send the pack again. Nothing has been changed."
    );
}

#[test]
fn a_pack_with_a_course_mandatory_for_a_role_it_does_not_define_is_refused() {
    let mut pack = published("Sandwell Metropolitan Borough Council", 2);
    pack.courses[0].mandatory_for = MandatoryFor::Roles(["audit-committee".to_owned()].into());
    assert_eq!(
        refusal(&pack),
        "“council-pack.json” cannot be imported. The council pack is damaged: its course “Induction for newly elected members” is mandatory for a role the pack does not list (“audit-committee”). Ask your member development officer to send the pack again. Nothing has been changed."
    );
    // A retired role is still one the pack defines: members who held it keep it.
    let mut pack = published("Sandwell Metropolitan Borough Council", 2);
    let planning = pack
        .roles
        .iter_mut()
        .find(|r| r.id == "planning-committee")
        .unwrap();
    planning.retired = true;
    assert_eq!(read_pack_file(&write_pack_file(&pack)), Ok(pack));
}

#[test]
fn a_pack_resaved_in_another_encoding_asks_for_the_pack_again() {
    let pack = published("Cyngor Sir Ynys Môn", 1);
    let text = write_pack_file(&pack);
    let latin1: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    for (bytes, aside) in [
        (latin1, ""),
        (
            utf16,
            " (it is saved as UTF-16, which some programs call “Unicode”)",
        ),
    ] {
        let error = file_text(bytes).unwrap_err();
        assert_eq!(
            explain(
                &error,
                "council-pack-ynys-mon-v1.json",
                Reader::ApplyingPack
            ),
            format!(
                "“council-pack-ynys-mon-v1.json” cannot be imported. The council pack is not saved as UTF-8 text, the only kind the app reads{aside}: a program has probably re-saved it in another encoding, which would change letters such as ë and é. Ask your member development officer to send the pack again. Nothing has been changed."
            )
        );
    }
    let marked = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
    assert_eq!(read_pack_file(&file_text(marked).unwrap()), Ok(pack));
}
