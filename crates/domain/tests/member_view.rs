//! An officer opens one member's record: the profile with roles by their names, the
//! learning in the order the member reads it, what mandatory training is due by the
//! workspace's catalogue, each submitted survey with the survey it answers, and each plan,
//! the latest first; and whatever the record, nothing is left out or shown twice.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use common::any_record_of;
use mdr_domain::consolidate::{HeldMember, member_view, shown_name, template_for};
use mdr_domain::exchange::MemberFile;
use mdr_domain::model::due::{DueStatus, MunicipalYear};
use mdr_domain::model::pack::{CouncilPack, PackRole};
use mdr_domain::model::plan::DevelopmentPlan;
use mdr_domain::model::survey::{SurveyResponse, SurveyRound};
use mdr_domain::model::survey_templates::built_in_templates;
use mdr_domain::model::{ActivityStatus, LearningActivity, MemberRecord, default_catalogue};
use proptest::prelude::*;
use uuid::Uuid;

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 11, 23);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

fn held(record: MemberRecord, exported: DateTime<Utc>) -> HeldMember {
    HeldMember {
        devices: [Uuid::from_u128(100)].into(),
        file: MemberFile::new(record, 38, Uuid::from_u128(100), exported),
    }
}

fn course_activity(
    n: u128,
    course: &str,
    status: ActivityStatus,
    start: Option<NaiveDate>,
    done: Option<NaiveDate>,
) -> LearningActivity {
    let catalogue = default_catalogue();
    let course = catalogue.iter().find(|c| c.id == course).unwrap();
    let mut activity = LearningActivity::for_course(Uuid::from_u128(n), course, at(n as i64));
    activity.status = status;
    activity.start_date = start;
    activity.completed_on = done;
    activity
}

fn submitted(n: u128, template: &str, round: &str, minute: i64) -> SurveyResponse {
    let template = built_in_templates()
        .into_iter()
        .find(|t| t.id == template)
        .unwrap();
    let mut response = SurveyResponse::start(
        Uuid::from_u128(n),
        &template,
        &SurveyRound::named(round),
        at(0),
    );
    response.status = mdr_domain::model::survey::ResponseStatus::Submitted;
    response.submitted_at = Some(at(minute));
    response.updated_at = at(minute);
    response
}

/// Cllr Amrit Kaur, licensing committee and backbench, elected in 2021, with a year of
/// learning, three surveys (one unfinished) and two plans.
fn amrit() -> MemberRecord {
    let mut record = MemberRecord::new(Uuid::from_u128(1), at(0));
    let profile = &mut record.profile;
    profile.full_name = "Cllr Amrit Kaur".into();
    profile.council = "Sandwell Metropolitan Borough Council".into();
    profile.ward = "Tipton Green".into();
    profile.roles = ["backbench-member", "licensing-committee"]
        .map(String::from)
        .into();
    profile.date_elected = Some(day(2021, 5, 6));
    record.set_up_at = Some(at(1));
    for activity in [
        course_activity(
            10,
            "code-of-conduct",
            ActivityStatus::Completed,
            None,
            Some(day(2026, 10, 1)),
        ),
        course_activity(
            11,
            "safeguarding",
            ActivityStatus::InProgress,
            Some(day(2026, 9, 1)),
            None,
        ),
        course_activity(
            12,
            "licensing-committee",
            ActivityStatus::Planned,
            Some(day(2027, 1, 20)),
            None,
        ),
        course_activity(
            13,
            "ms-teams",
            ActivityStatus::Completed,
            None,
            Some(day(2025, 6, 2)),
        ),
    ] {
        record.put_activity(activity);
    }
    record.put_activity(course_activity(
        14,
        "social-media",
        ActivityStatus::Planned,
        None,
        None,
    ));
    record.set_activity_deleted(Uuid::from_u128(14), true, at(300));
    record.put_response(submitted(20, "ethical-framework", "2025/26", 60));
    record.put_response(submitted(21, "training-needs", "2026/27", 200));
    let template = built_in_templates().remove(2);
    record.put_response(SurveyResponse::start(
        Uuid::from_u128(22),
        &template,
        &SurveyRound::named("2026/27"),
        at(250),
    ));
    for year in [2025, 2026] {
        record.put_plan(DevelopmentPlan::blank(
            MunicipalYear { starts_in: year },
            record.profile.roles.clone(),
            at(100),
        ));
    }
    record
}

#[test]
fn an_officer_reads_one_members_record_in_the_order_the_member_keeps_it() {
    let view = member_view(&held(amrit(), at(400)), None, today());

    assert_eq!(view.name, "Cllr Amrit Kaur");
    assert_eq!(view.member_id, Uuid::from_u128(1));
    assert_eq!(
        view.role_names,
        ["Licensing committee member", "Backbench member"],
        "roles by their names, in the council's order"
    );
    assert_eq!(view.exported_at, at(400));
    assert_eq!(
        view.last_changed,
        at(300),
        "the latest change is the activity deleted"
    );

    let titles: Vec<&str> = view.activities.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Safeguarding children and adults at risk",
            "Licensing committee training",
            "Code of Conduct",
            "MS Teams for members",
        ],
        "under way, planned, then done with the latest first; the deleted one left out"
    );

    let due: Vec<(&str, DueStatus)> = view
        .due
        .iter()
        .map(|d| (d.course.id.as_str(), d.status))
        .collect();
    assert_eq!(
        due,
        [
            ("safeguarding", DueStatus::InProgress),
            (
                "licensing-committee",
                DueStatus::Planned {
                    on: Some(day(2027, 1, 20))
                }
            ),
        ],
        "no induction five years after election, and the Code of Conduct done last month"
    );

    let surveys: Vec<(&str, &str, Option<&str>)> = view
        .surveys
        .iter()
        .map(|s| {
            (
                s.response.template_id.as_str(),
                s.response.round.as_str(),
                s.template.as_ref().map(|t| t.title.as_str()),
            )
        })
        .collect();
    assert_eq!(
        surveys,
        [
            ("training-needs", "2026/27", Some("Training needs survey")),
            (
                "ethical-framework",
                "2025/26",
                Some("Ethical framework self-assessment")
            ),
        ],
        "submitted only, the latest first, each with its survey"
    );
    assert_eq!(view.surveys_in_draft, 1);

    let years: Vec<i32> = view.plans.iter().map(|p| p.year).collect();
    assert_eq!(years, [2026, 2025]);
}

#[test]
fn roles_are_named_by_the_workspaces_pack_then_the_members_own() {
    let mut record = amrit();
    record
        .profile
        .roles
        .extend(["armed-forces-champion", "retired-panel"].map(String::from));
    let mut members_pack = CouncilPack::starting("Sandwell", today(), at(0));
    members_pack.roles.push(PackRole {
        id: "armed-forces-champion".into(),
        name: "Armed Forces Champion".into(),
        retired: false,
    });
    record.pack = Some(members_pack);
    let mut officers_pack = CouncilPack::starting("Sandwell", today(), at(0));
    let licensing = officers_pack
        .roles
        .iter_mut()
        .find(|r| r.id == "licensing-committee")
        .unwrap();
    licensing.name = "Licensing and Gambling Committee member".into();

    let view = member_view(&held(record, at(400)), Some(&officers_pack), today());
    assert_eq!(
        view.role_names,
        [
            "Licensing and Gambling Committee member",
            "Backbench member",
            "Armed Forces Champion",
            "retired-panel",
        ],
        "a role nobody names still shows, by its id, rather than vanishing"
    );
    assert!(
        view.roles.iter().any(|r| r.name == "Armed Forces Champion"),
        "the plans' roles are named the same way"
    );
}

#[test]
fn mandatory_training_follows_the_workspaces_catalogue() {
    let mut pack = CouncilPack::starting("Sandwell", today(), at(0));
    pack.courses.retain(|c| c.id != "safeguarding");
    let view = member_view(&held(amrit(), at(400)), Some(&pack), today());
    let due: Vec<&str> = view.due.iter().map(|d| d.course.id.as_str()).collect();
    assert_eq!(due, ["licensing-committee"]);
}

#[test]
fn a_survey_is_read_with_the_version_the_member_answered() {
    let mut record = amrit();
    let mut members_pack = CouncilPack::starting("Sandwell", today(), at(0));
    members_pack.surveys[0].template.title = "Ethics self-assessment (as answered)".into();
    record.pack = Some(members_pack);
    let mut officers_pack = CouncilPack::starting("Sandwell", today(), at(0));
    officers_pack.surveys[0].template.version += 1;
    officers_pack.surveys[0].template.title = "Ethics self-assessment (revised)".into();
    let response = record
        .surveys
        .iter()
        .find(|r| r.template_id == "ethical-framework")
        .unwrap()
        .clone();

    let title = |t: Option<mdr_domain::model::survey::SurveyTemplate>| t.map(|t| t.title);
    assert_eq!(
        title(template_for(&response, Some(&officers_pack), &record)),
        Some("Ethics self-assessment (as answered)".to_owned()),
        "the member's own pack has the version answered; the workspace's has a newer one"
    );
    record.pack = None;
    assert_eq!(
        title(template_for(&response, Some(&officers_pack), &record)),
        Some("Ethical framework self-assessment".to_owned()),
        "the built-in survey is that version too"
    );

    let mut unknown = response.clone();
    unknown.template_id = "a-survey-nobody-here-runs".into();
    assert_eq!(template_for(&unknown, Some(&officers_pack), &record), None);
    let mut newer = response;
    newer.template_version = 99;
    assert_eq!(
        title(template_for(&newer, Some(&officers_pack), &record)),
        Some("Ethics self-assessment (revised)".to_owned()),
        "no version matches: the workspace's own survey of that id"
    );
}

#[test]
fn a_record_saved_without_a_name_still_has_one_to_read_out() {
    assert_eq!(shown_name("  Cllr Zoë Brontë "), "Cllr Zoë Brontë");
    assert_eq!(shown_name("   "), "A member with no name given");
    let mut record = amrit();
    record.profile.full_name.clear();
    assert_eq!(
        member_view(&held(record, at(400)), None, today()).name,
        "A member with no name given"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever a member's record holds, the officer's page lists every activity not
    /// deleted, every submitted response and every plan exactly once, and counts the
    /// unfinished surveys; reading it changes nothing held.
    #[test]
    fn every_part_of_any_record_is_listed_once(
        record in any_record_of(Uuid::from_u128(1)),
        exported in 0i64..10_000,
    ) {
        let member = held(record.clone(), at(exported));
        let before = member.clone();
        let view = member_view(&member, None, today());
        prop_assert_eq!(&member, &before);

        let mut listed: Vec<Uuid> = view.activities.iter().map(|a| a.id).collect();
        listed.sort();
        let live: Vec<Uuid> = record.activities().map(|a| a.id).collect();
        prop_assert_eq!(listed, live);

        let mut answered: Vec<Uuid> = view.surveys.iter().map(|s| s.response.id).collect();
        answered.sort();
        let submitted: Vec<Uuid> = record.surveys.iter().filter(|r| r.is_submitted()).map(|r| r.id).collect();
        prop_assert_eq!(answered, submitted);
        prop_assert_eq!(view.surveys_in_draft + view.surveys.len(), record.surveys.len());

        let mut years: Vec<i32> = view.plans.iter().map(|p| p.year).collect();
        prop_assert!(years.windows(2).all(|w| w[0] > w[1]), "latest first");
        years.reverse();
        prop_assert_eq!(years, record.plans.iter().map(|p| p.year).collect::<Vec<_>>());
        prop_assert!(view.last_changed >= record.profile.updated_at);
        prop_assert_eq!(view.role_names.len(), record.profile.roles.len());
    }
}
