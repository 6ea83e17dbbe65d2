//! The yearly allowance per member: what the courses a councillor asks for cost against
//! it, and each member's actual and planned spend in the officer's report, which always
//! adds up to the spend report's totals.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mdr_domain::consolidate::{OfficerWorkspace, spend, spend_per_member, spend_per_member_csv};
use mdr_domain::exchange::{MemberFile, write_member_file};
use mdr_domain::model::allowance::plan_cost;
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::model::plan::{CourseRequest, DevelopmentPlan};
use mdr_domain::model::{ActivityStatus, LearningActivity, MemberRecord, default_catalogue};
use proptest::prelude::*;
use uuid::Uuid;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const YEAR: MunicipalYear = MunicipalYear { starts_in: 2026 };

fn plan_asking_for(courses: &[&str]) -> DevelopmentPlan {
    let catalogue = default_catalogue();
    let mut plan = DevelopmentPlan::blank(YEAR, Default::default(), at());
    plan.requested_courses = courses
        .iter()
        .map(|id| {
            let course = catalogue.iter().find(|c| c.id == *id).unwrap();
            CourseRequest {
                course_id: course.id.clone(),
                title: course.title.clone(),
            }
        })
        .collect();
    plan
}

/// I-ACT £75.00 and Presenting with Impact £60.00 are £135.00; the Code of Conduct is free.
#[test]
fn a_plan_says_what_its_courses_cost_against_the_allowance() {
    let catalogue = default_catalogue();
    let plan = plan_asking_for(&[
        "iact-mental-health",
        "presenting-with-impact",
        "code-of-conduct",
    ]);

    let within = plan_cost(&plan.requested_courses, YEAR, &catalogue, Some(20_000));
    assert_eq!(within.requested_pence, 13_500);
    assert_eq!(within.courses.len(), 2);
    assert_eq!(within.left_pence(), Some(6_500));
    assert_eq!(
        within.sentence(),
        "The courses you have asked for cost £135.00 of your £200.00 allowance for 2026/27, leaving £65.00."
    );

    let over = plan_cost(&plan.requested_courses, YEAR, &catalogue, Some(12_000));
    assert_eq!(over.left_pence(), Some(-1_500));
    assert_eq!(
        over.sentence(),
        "The courses you have asked for cost £135.00, which is £15.00 more than your £120.00 allowance for 2026/27. The member development officer can say which to take first."
    );

    let none_set = plan_cost(&plan.requested_courses, YEAR, &catalogue, None);
    assert_eq!(none_set.left_pence(), None);
    assert_eq!(
        none_set.sentence(),
        "The courses you have asked for cost £135.00."
    );

    let free = plan_cost(
        &plan_asking_for(&["code-of-conduct"]).requested_courses,
        YEAR,
        &catalogue,
        Some(12_000),
    );
    assert_eq!(
        free.sentence(),
        "Your allowance for courses in 2026/27 is £120.00. None of the courses asked for so far has a cost."
    );
}

fn member(n: u128, name: &str, places: &[(&str, ActivityStatus, Option<NaiveDate>)]) -> String {
    let catalogue = default_catalogue();
    let mut record = MemberRecord::new(Uuid::from_u128(n), at());
    record.profile.full_name = name.into();
    record.profile.ward = "Pharos".into();
    for (i, (id, status, on)) in places.iter().enumerate() {
        let course = catalogue.iter().find(|c| c.id == *id).unwrap();
        let mut activity =
            LearningActivity::for_course(Uuid::from_u128(n * 100 + i as u128), course, at());
        activity.status = *status;
        match status {
            ActivityStatus::Completed => activity.completed_on = *on,
            _ => activity.start_date = *on,
        }
        record.put_activity(activity);
    }
    write_member_file(&MemberFile::new(record, 1, Uuid::from_u128(900 + n), at()))
}

/// With a £120.00 allowance for 2026/27:
/// - Cllr Rhian Ellis: I-ACT completed 14 October 2026 (£75.00 spent), Presenting with
///   Impact planned with no date (£60.00 planned): £15.00 over;
/// - Cllr Tom Ashworth: Chairing Skills for Virtual Meetings completed 2 April 2026, in
///   the year before (not counted), and planned for 3 March 2027 (£60.00): £60.00 left;
/// - Cllr Wendy Moss: nothing paid: £0.00, £120.00 left.
#[test]
fn each_member_spend_is_actual_and_planned_against_the_allowance() {
    let mut workspace = OfficerWorkspace::default();
    for file in [
        member(
            1,
            "Cllr Rhian Ellis",
            &[
                (
                    "iact-mental-health",
                    ActivityStatus::Completed,
                    Some(date(2026, 10, 14)),
                ),
                ("presenting-with-impact", ActivityStatus::Planned, None),
            ],
        ),
        member(
            2,
            "Cllr Tom Ashworth",
            &[
                (
                    "chairing-virtual-meetings",
                    ActivityStatus::Completed,
                    Some(date(2026, 4, 2)),
                ),
                (
                    "chairing-virtual-meetings",
                    ActivityStatus::Planned,
                    Some(date(2027, 3, 3)),
                ),
            ],
        ),
        member(
            3,
            "Cllr Wendy Moss",
            &[(
                "code-of-conduct",
                ActivityStatus::Completed,
                Some(date(2026, 6, 1)),
            )],
        ),
    ] {
        workspace.import("member-record.json", &file);
    }
    let per_member = spend_per_member(&workspace, &default_catalogue(), Some(12_000), YEAR);
    let lines: Vec<(&str, u64, u64, i64)> = per_member
        .rows
        .iter()
        .map(|r| {
            (
                r.member.as_str(),
                r.completed_pence,
                r.planned_pence,
                r.left_pence(12_000),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("Cllr Rhian Ellis", 7_500, 6_000, -1_500),
            ("Cllr Tom Ashworth", 0, 6_000, 6_000),
            ("Cllr Wendy Moss", 0, 0, 12_000),
        ]
    );
    assert_eq!(per_member.over_allowance(), 1);
    assert_eq!(
        spend_per_member_csv(&per_member).text(),
        "\u{feff}Member,Ward or division,Spent,Planned,Allowance,Left\r\n\
         Cllr Rhian Ellis,Pharos,£75.00,£60.00,£120.00,£15.00 over\r\n\
         Cllr Tom Ashworth,Pharos,£0.00,£60.00,£120.00,£60.00\r\n\
         Cllr Wendy Moss,Pharos,£0.00,£0.00,£120.00,£120.00\r\n"
    );
    // Without an allowance, no allowance columns.
    let without = spend_per_member(&workspace, &default_catalogue(), None, YEAR);
    assert_eq!(without.over_allowance(), 0);
    assert!(
        spend_per_member_csv(&without)
            .text()
            .starts_with("\u{feff}Member,Ward or division,Spent,Planned\r\n")
    );
}

proptest! {
    /// However members record their learning, their lines add up to the spend report's
    /// totals for the year.
    #[test]
    fn members_lines_add_up_to_the_spend_totals(
        records in proptest::collection::vec(common::any_record(), 0..6),
        starts_in in 2024i32..2028,
    ) {
        let year = MunicipalYear { starts_in };
        let catalogue = default_catalogue();
        let mut workspace = OfficerWorkspace::default();
        for (n, mut record) in records.into_iter().enumerate() {
            // Most generated course ids name no course: point some at paid ones.
            for (i, activity) in record.learning.iter_mut().enumerate() {
                if i % 2 == 0 {
                    activity.course_id = Some(catalogue[(n + i) % catalogue.len()].id.clone());
                }
            }
            record.member_id = Uuid::from_u128(n as u128 + 1);
            let file = write_member_file(&MemberFile::new(record, 1, Uuid::from_u128(500 + n as u128), at()));
            workspace.import("member-record.json", &file);
        }
        let totals = spend(&workspace, &catalogue, 0, year);
        let per_member = spend_per_member(&workspace, &catalogue, None, year);
        prop_assert_eq!(per_member.rows.len(), workspace.members.len());
        prop_assert_eq!(per_member.rows.iter().map(|r| r.completed_pence).sum::<u64>(), totals.completed_pence);
        prop_assert_eq!(per_member.rows.iter().map(|r| r.planned_pence).sum::<u64>(), totals.planned_pence);
    }
}
