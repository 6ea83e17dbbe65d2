#![cfg(not(target_arch = "wasm32"))]
//! What training a councillor is shown as due: mandatory courses for their roles that are
//! outstanding, refreshers due soon or overdue on real calendar edges (leap days, the due
//! date itself, the 90-day window), and minutes counted in the municipal year from 1 May.

mod common;

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};
use mdr_domain::model::Profile;
use mdr_domain::model::catalogue::{Course, default_catalogue};
use mdr_domain::model::due::{
    DUE_SOON_DAYS, DueStatus, DueTraining, MunicipalYear, last_completed, minutes_in_year,
    refresher_due_on, training_due,
};
use mdr_domain::model::learning::{ActivityStatus, LearningActivity};
use mdr_domain::model::roles::{RoleId, default_roles};
use proptest::prelude::*;
use uuid::Uuid;

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
}

fn roles(ids: &[&str]) -> BTreeSet<RoleId> {
    ids.iter().map(|r| (*r).to_owned()).collect()
}

/// A councillor holding `roles`, elected on `elected` if that is known.
fn profile(roles: BTreeSet<RoleId>, elected: Option<NaiveDate>) -> Profile {
    let mut profile = Profile::empty(now());
    profile.roles = roles;
    profile.date_elected = elected;
    profile
}

fn course(id: &str) -> Course {
    default_catalogue()
        .into_iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("the built-in catalogue has {id}"))
}

/// An activity for a catalogue course, in the given state.
fn activity(
    n: u128,
    course_id: &str,
    status: ActivityStatus,
    completed_on: Option<NaiveDate>,
) -> LearningActivity {
    let mut activity = LearningActivity::for_course(Uuid::from_u128(n), &course(course_id), now());
    activity.status = status;
    activity.completed_on = completed_on;
    activity
}

fn completed(n: u128, course_id: &str, on: NaiveDate) -> LearningActivity {
    activity(n, course_id, ActivityStatus::Completed, Some(on))
}

fn deleted(mut activity: LearningActivity) -> LearningActivity {
    activity.deleted_at = Some(now());
    activity
}

/// The list as the councillor reads it: course ids with their status, in order.
fn listed(due: &[DueTraining]) -> Vec<(&str, DueStatus)> {
    due.iter()
        .map(|d| (d.course.id.as_str(), d.status))
        .collect()
}

fn ids(due: &[DueTraining]) -> Vec<&str> {
    due.iter().map(|d| d.course.id.as_str()).collect()
}

/// The status of one course on the list, or `None` if it is not listed.
fn status_of(due: &[DueTraining], course_id: &str) -> Option<DueStatus> {
    due.iter()
        .find(|d| d.course.id == course_id)
        .map(|d| d.status)
}

/// What a councillor holding `role_ids` sees on `today`.
fn due_for(
    role_ids: &[&str],
    activities: &[LearningActivity],
    today: NaiveDate,
) -> Vec<DueTraining> {
    training_due(
        &default_catalogue(),
        &profile(roles(role_ids), None),
        activities,
        today,
    )
}

const ALL_MEMBER_COURSES: [&str; 3] = ["induction", "code-of-conduct", "safeguarding"];

#[test]
fn a_new_licensing_member_sees_licensing_and_all_member_training_outstanding() {
    let due = due_for(&["licensing-committee"], &[], day(2026, 11, 23));
    assert_eq!(
        listed(&due),
        [
            ("induction", DueStatus::Outstanding { by: None }),
            ("code-of-conduct", DueStatus::Outstanding { by: None }),
            ("safeguarding", DueStatus::Outstanding { by: None }),
            ("licensing-committee", DueStatus::Outstanding { by: None }),
        ]
    );
    assert_eq!(due[3].course, course("licensing-committee"));
}

#[test]
fn a_backbench_member_is_not_asked_to_do_licensing_training() {
    let due = due_for(&["backbench-member"], &[], day(2026, 11, 23));
    assert_eq!(ids(&due), ALL_MEMBER_COURSES);
    assert_eq!(status_of(&due, "licensing-committee"), None);
    assert_eq!(status_of(&due, "planning-committee"), None);
}

#[test]
fn a_councillor_with_no_roles_still_owes_the_all_member_courses() {
    let due = due_for(&[], &[], day(2026, 11, 23));
    assert_eq!(ids(&due), ALL_MEMBER_COURSES);
}

#[test]
fn a_standards_member_must_learn_about_independent_persons_once() {
    let today = day(2026, 11, 23);
    let due = due_for(&["standards-committee"], &[], today);
    assert_eq!(
        status_of(&due, "independent-persons"),
        Some(DueStatus::Outstanding { by: None })
    );
    let done = [completed(1, "independent-persons", day(2010, 1, 5))];
    let due = due_for(&["standards-committee"], &done, today);
    assert_eq!(
        status_of(&due, "independent-persons"),
        None,
        "a course with no refresher is done for good"
    );
}

#[test]
fn completing_the_licensing_course_takes_it_off_the_list() {
    let today = day(2026, 11, 23);
    let done = [completed(1, "licensing-committee", day(2026, 11, 1))];
    let due = due_for(&["licensing-committee"], &done, today);
    assert_eq!(status_of(&due, "licensing-committee"), None);
    assert_eq!(
        ids(&due),
        ALL_MEMBER_COURSES,
        "the other courses are still outstanding"
    );
}

#[test]
fn training_planned_or_under_way_says_so_and_deleted_or_undated_training_leaves_it_outstanding() {
    let today = day(2026, 11, 23);
    let mut planned = activity(1, "licensing-committee", ActivityStatus::Planned, None);
    planned.start_date = Some(day(2027, 1, 20));
    let in_progress = activity(2, "licensing-committee", ActivityStatus::InProgress, None);
    let status = |activities: &[LearningActivity]| {
        status_of(
            &due_for(&["licensing-committee"], activities, today),
            "licensing-committee",
        )
    };
    assert_eq!(
        status(std::slice::from_ref(&planned)),
        Some(DueStatus::Planned {
            on: Some(day(2027, 1, 20))
        })
    );
    assert_eq!(
        status(std::slice::from_ref(&in_progress)),
        Some(DueStatus::InProgress)
    );
    // Under way wins over planned; of two plans, the earlier date is the one to say.
    assert_eq!(
        status(&[planned.clone(), in_progress.clone()]),
        Some(DueStatus::InProgress)
    );
    let mut sooner = activity(5, "licensing-committee", ActivityStatus::Planned, None);
    sooner.start_date = Some(day(2026, 12, 9));
    let undated = activity(6, "licensing-committee", ActivityStatus::Planned, None);
    assert_eq!(
        status(&[planned.clone(), undated.clone(), sooner]),
        Some(DueStatus::Planned {
            on: Some(day(2026, 12, 9))
        })
    );
    assert_eq!(status(&[undated]), Some(DueStatus::Planned { on: None }));
    // Neither counts as done, and a deleted plan, a deleted completion or a completion with
    // no date leave the course outstanding.
    let not_done = [
        deleted(planned),
        deleted(in_progress),
        deleted(completed(3, "licensing-committee", day(2026, 11, 1))),
        activity(4, "licensing-committee", ActivityStatus::Completed, None),
    ];
    for one in &not_done {
        assert_eq!(
            status(std::slice::from_ref(one)),
            Some(DueStatus::Outstanding { by: None }),
            "{:?} completed on {:?}, deleted: {}",
            one.status,
            one.completed_on,
            one.is_deleted()
        );
    }
    assert_eq!(
        last_completed(&course("licensing-committee"), &not_done),
        None
    );
}

#[test]
fn the_induction_is_asked_of_new_members_only_in_their_first_year() {
    let today = day(2026, 11, 23);
    let catalogue = default_catalogue();
    let due = |elected: Option<NaiveDate>| {
        training_due(
            &catalogue,
            &profile(roles(&["backbench-member"]), elected),
            &[],
            today,
        )
    };
    // Members elected in 2012, 2016, 2018 and 2022 are not asked for it.
    for year in [2012, 2016, 2018, 2022] {
        assert_eq!(
            status_of(&due(Some(day(year, 5, 3))), "induction"),
            None,
            "elected {year}"
        );
    }
    // A member elected in May 2026 is, by the first anniversary.
    assert_eq!(
        status_of(&due(Some(day(2026, 5, 7))), "induction"),
        Some(DueStatus::Outstanding {
            by: Some(day(2027, 5, 7))
        })
    );
    // One who has not said when is asked, as a new member would be.
    assert_eq!(
        status_of(&due(None), "induction"),
        Some(DueStatus::Outstanding { by: None })
    );
    // The other all-member courses are asked of everyone, however long ago elected.
    assert_eq!(
        ids(&due(Some(day(2012, 5, 3)))),
        ["code-of-conduct", "safeguarding"]
    );
}

#[test]
fn only_the_course_itself_counts_towards_it() {
    let today = day(2026, 11, 23);
    let mut own = LearningActivity::own(Uuid::from_u128(1), now());
    own.title = "Licensing committee training".into();
    own.status = ActivityStatus::Completed;
    own.completed_on = Some(day(2026, 11, 1));
    let others = [own, completed(2, "planning-committee", day(2026, 11, 1))];
    let due = due_for(&["licensing-committee"], &others, today);
    assert_eq!(
        status_of(&due, "licensing-committee"),
        Some(DueStatus::Outstanding { by: None })
    );
}

#[test]
fn a_code_of_conduct_done_on_leap_day_is_due_on_28_february_three_years_on() {
    let leap_day = day(2024, 2, 29);
    assert_eq!(course("code-of-conduct").refresher_months, Some(36));
    assert_eq!(refresher_due_on(leap_day, 36), day(2027, 2, 28));
    assert_eq!(refresher_due_on(leap_day, 12), day(2025, 2, 28));
    assert_eq!(refresher_due_on(leap_day, 48), day(2028, 2, 29));

    let done = [completed(1, "code-of-conduct", leap_day)];
    let due_on = day(2027, 2, 28);
    let status = |today| {
        status_of(
            &due_for(&["backbench-member"], &done, today),
            "code-of-conduct",
        )
    };
    assert_eq!(status(day(2027, 1, 1)), Some(DueStatus::DueSoon { due_on }));
    assert_eq!(
        status(day(2027, 2, 28)),
        Some(DueStatus::DueSoon { due_on })
    );
    assert_eq!(status(day(2027, 3, 1)), Some(DueStatus::Overdue { due_on }));
}

#[test]
fn a_refresher_is_due_not_overdue_on_the_due_date_and_overdue_the_day_after() {
    let done = [completed(1, "licensing-committee", day(2026, 3, 15))];
    let due_on = day(2027, 3, 15);
    assert_eq!(refresher_due_on(day(2026, 3, 15), 12), due_on);
    let status = |today| {
        status_of(
            &due_for(&["licensing-committee"], &done, today),
            "licensing-committee",
        )
    };
    assert_eq!(
        status(day(2027, 3, 14)),
        Some(DueStatus::DueSoon { due_on })
    );
    assert_eq!(status(due_on), Some(DueStatus::DueSoon { due_on }));
    assert_eq!(
        status(day(2027, 3, 16)),
        Some(DueStatus::Overdue { due_on })
    );
    assert_eq!(status(day(2029, 1, 1)), Some(DueStatus::Overdue { due_on }));
}

#[test]
fn a_refresher_is_due_soon_from_exactly_90_days_before() {
    assert_eq!(DUE_SOON_DAYS, 90);
    let done = [completed(1, "licensing-committee", day(2026, 3, 15))];
    let due_on = day(2027, 3, 15);
    let ninety_before = day(2026, 12, 15);
    assert_eq!((due_on - ninety_before).num_days(), 90);
    let status = |today| {
        status_of(
            &due_for(&["licensing-committee"], &done, today),
            "licensing-committee",
        )
    };
    assert_eq!(status(ninety_before), Some(DueStatus::DueSoon { due_on }));
    assert_eq!(status(day(2026, 12, 14)), None, "91 days before");
    assert_eq!(status(day(2026, 6, 1)), None);
}

#[test]
fn the_latest_of_several_completions_counts() {
    let licensing = course("licensing-committee");
    let history = [
        completed(1, "licensing-committee", day(2024, 6, 1)),
        completed(2, "licensing-committee", day(2026, 6, 1)),
        completed(3, "licensing-committee", day(2025, 6, 1)),
        deleted(completed(4, "licensing-committee", day(2026, 10, 1))),
        activity(
            5,
            "licensing-committee",
            ActivityStatus::Planned,
            Some(day(2026, 11, 1)),
        ),
        completed(6, "planning-committee", day(2026, 11, 1)),
    ];
    assert_eq!(last_completed(&licensing, &history), Some(day(2026, 6, 1)));
    assert_eq!(last_completed(&licensing, &[]), None);

    let status = |today| {
        status_of(
            &due_for(&["licensing-committee"], &history, today),
            "licensing-committee",
        )
    };
    assert_eq!(
        status(day(2026, 11, 23)),
        None,
        "done in June, due next June"
    );
    let due_on = day(2027, 6, 1);
    assert_eq!(status(day(2027, 5, 1)), Some(DueStatus::DueSoon { due_on }));
    assert_eq!(status(day(2027, 6, 2)), Some(DueStatus::Overdue { due_on }));
}

#[test]
fn the_municipal_year_turns_over_on_1_may() {
    let year = MunicipalYear::containing(day(2027, 4, 30));
    assert_eq!(year, MunicipalYear { starts_in: 2026 });
    assert_eq!(year.label(), "2026/27");
    assert_eq!(year.first_day(), day(2026, 5, 1));
    assert_eq!(year.last_day(), day(2027, 4, 30));
    assert!(year.contains(day(2026, 5, 1)));
    assert!(year.contains(day(2027, 4, 30)));
    assert!(!year.contains(day(2026, 4, 30)));
    assert!(!year.contains(day(2027, 5, 1)));

    let next = MunicipalYear::containing(day(2027, 5, 1));
    assert_eq!(next, MunicipalYear { starts_in: 2027 });
    assert_eq!(next.label(), "2027/28");
    assert!(year < next);
    assert_eq!(
        MunicipalYear::containing(day(2027, 1, 1)),
        year,
        "January belongs to the year that began the May before"
    );
}

#[test]
fn a_municipal_year_across_a_century_is_labelled_with_two_digits() {
    assert_eq!(MunicipalYear { starts_in: 1999 }.label(), "1999/00");
    assert_eq!(MunicipalYear { starts_in: 2000 }.label(), "2000/01");
    assert_eq!(MunicipalYear { starts_in: 2009 }.label(), "2009/10");
    assert_eq!(
        MunicipalYear::containing(day(2000, 4, 30)).label(),
        "1999/00"
    );
}

#[test]
fn minutes_count_in_the_municipal_year_they_were_completed() {
    let mut last_day_of_old = completed(1, "code-of-conduct", day(2027, 4, 30));
    last_day_of_old.minutes = 120;
    let mut first_day_of_new = completed(2, "safeguarding", day(2027, 5, 1));
    first_day_of_new.minutes = 90;
    let mut planned = activity(
        3,
        "induction",
        ActivityStatus::Planned,
        Some(day(2027, 5, 1)),
    );
    planned.minutes = 360;
    let mut in_progress = activity(4, "induction", ActivityStatus::InProgress, None);
    in_progress.start_date = Some(day(2027, 4, 1));
    in_progress.minutes = 360;
    let mut removed = deleted(completed(5, "planning-committee", day(2027, 5, 2)));
    removed.minutes = 180;
    let mut own = LearningActivity::own(Uuid::from_u128(6), now());
    own.title = "LGA webinar on housing".into();
    own.status = ActivityStatus::Completed;
    own.completed_on = Some(day(2026, 5, 1));
    own.minutes = 45;
    let record = [
        last_day_of_old,
        first_day_of_new,
        planned,
        in_progress,
        removed,
        own,
    ];

    assert_eq!(
        minutes_in_year(&record, MunicipalYear { starts_in: 2026 }),
        120 + 45
    );
    assert_eq!(
        minutes_in_year(&record, MunicipalYear { starts_in: 2027 }),
        90
    );
    assert_eq!(
        minutes_in_year(&record, MunicipalYear { starts_in: 2025 }),
        0
    );
    assert_eq!(minutes_in_year(&[], MunicipalYear { starts_in: 2026 }), 0);
}

#[test]
fn dropping_the_planning_committee_role_drops_its_overdue_refresher() {
    let today = day(2026, 11, 23);
    let done = [completed(1, "planning-committee", day(2025, 6, 1))];
    let mut member = roles(&["planning-committee", "backbench-member"]);
    let catalogue = default_catalogue();

    let due = training_due(&catalogue, &profile(member.clone(), None), &done, today);
    assert_eq!(
        status_of(&due, "planning-committee"),
        Some(DueStatus::Overdue {
            due_on: day(2026, 6, 1)
        })
    );

    member.remove("planning-committee");
    let due = training_due(&catalogue, &profile(member, None), &done, today);
    assert_eq!(status_of(&due, "planning-committee"), None);
    assert_eq!(ids(&due), ALL_MEMBER_COURSES);
}

#[test]
fn the_most_urgent_training_comes_first() {
    let today = day(2026, 11, 23);
    let record = [
        // Due 10 Jan 2027: due soon.
        completed(1, "code-of-conduct", day(2024, 1, 10)),
        // Due 1 Nov 2026: overdue.
        completed(2, "safeguarding", day(2023, 11, 1)),
        // Due 1 Dec 2026: due soon, sooner than the code of conduct.
        completed(3, "scrutiny-essentials", day(2022, 12, 1)),
        // Due 1 Oct 2026: overdue for longer than safeguarding.
        completed(4, "planning-committee", day(2025, 10, 1)),
    ];
    let due = due_for(
        &[
            "scrutiny-committee",
            "planning-committee",
            "licensing-committee",
        ],
        &record,
        today,
    );
    assert_eq!(
        listed(&due),
        [
            (
                "planning-committee",
                DueStatus::Overdue {
                    due_on: day(2026, 10, 1)
                }
            ),
            (
                "safeguarding",
                DueStatus::Overdue {
                    due_on: day(2026, 11, 1)
                }
            ),
            ("induction", DueStatus::Outstanding { by: None }),
            ("licensing-committee", DueStatus::Outstanding { by: None }),
            (
                "scrutiny-essentials",
                DueStatus::DueSoon {
                    due_on: day(2026, 12, 1)
                }
            ),
            (
                "code-of-conduct",
                DueStatus::DueSoon {
                    due_on: day(2027, 1, 10)
                }
            ),
        ]
    );
}

fn any_role_set() -> impl Strategy<Value = BTreeSet<RoleId>> {
    let ids: Vec<RoleId> = default_roles().into_iter().map(|r| r.id).collect();
    proptest::sample::subsequence(ids.clone(), 0..=ids.len())
        .prop_map(|chosen| chosen.into_iter().collect())
}

/// Any activities, each pointed at a course in the built-in catalogue, so that completions
/// really count towards mandatory courses.
fn any_catalogue_activities() -> impl Strategy<Value = Vec<LearningActivity>> {
    let ids: Vec<String> = default_catalogue().into_iter().map(|c| c.id).collect();
    (
        common::any_activities(),
        proptest::collection::vec(proptest::sample::select(ids), 8),
    )
        .prop_map(|(mut activities, course_ids)| {
            for (activity, id) in activities.iter_mut().zip(course_ids) {
                activity.course_id = Some(id);
            }
            activities
        })
}

fn months_since_year_zero(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

proptest! {
    #[test]
    fn a_refresher_falls_due_the_given_months_after_completion(
        done in common::any_date(),
        months in 1u32..=120,
    ) {
        let due_on = refresher_due_on(done, months);
        prop_assert!(due_on > done);
        prop_assert_eq!(
            months_since_year_zero(due_on) - months_since_year_zero(done),
            i64::from(months),
            "due in the month {} months on", months
        );
        prop_assert!(due_on.day() <= done.day(), "never later in the month");
        prop_assert!(done.day() - due_on.day() <= 3, "only a short month pulls it back");
        let days = (due_on - done).num_days();
        prop_assert!(days >= 28 * i64::from(months) && days <= 31 * i64::from(months));
    }

    #[test]
    fn a_refresher_is_never_overdue_on_or_before_its_due_date(
        done in common::any_date(),
        offset in -200i64..=200,
    ) {
        let records = [completed(1, "code-of-conduct", done)];
        let due_on = refresher_due_on(done, 36);
        let today = if offset < 0 {
            due_on - Days::new(offset.unsigned_abs())
        } else {
            due_on + Days::new(offset.unsigned_abs())
        };
        let status = status_of(&due_for(&["backbench-member"], &records, today), "code-of-conduct");
        let expected = if offset > 0 {
            Some(DueStatus::Overdue { due_on })
        } else if offset >= -DUE_SOON_DAYS {
            Some(DueStatus::DueSoon { due_on })
        } else {
            None
        };
        prop_assert_eq!(status, expected, "{} days from the due date", offset);
    }

    #[test]
    fn only_courses_mandatory_for_the_roles_are_listed_and_in_urgency_order(
        member in any_role_set(),
        activities in any_catalogue_activities(),
        today in common::any_date(),
    ) {
        let catalogue = default_catalogue();
        let due = training_due(&catalogue, &profile(member.clone(), None), &activities, today);
        for item in &due {
            prop_assert!(item.course.mandatory_for.applies_to(&member), "{} listed", item.course.id);
            match item.status {
                DueStatus::Outstanding { .. } | DueStatus::InProgress | DueStatus::Planned { .. } => {
                    prop_assert_eq!(last_completed(&item.course, &activities), None);
                }
                DueStatus::Overdue { due_on } => prop_assert!(due_on < today),
                DueStatus::DueSoon { due_on } => {
                    prop_assert!(due_on >= today);
                    prop_assert!((due_on - today).num_days() <= DUE_SOON_DAYS);
                }
            }
        }
        // Overdue, then not completed, then due soon; dates in order within each.
        let rank = |status: DueStatus| match status {
            DueStatus::Overdue { due_on } => (0, Some(due_on)),
            DueStatus::DueSoon { due_on } => (2, Some(due_on)),
            _ => (1, None),
        };
        prop_assert!(due.windows(2).all(|pair| rank(pair[0].status) <= rank(pair[1].status)));
        for course in &catalogue {
            if course.mandatory_for.applies_to(&member) && last_completed(course, &activities).is_none() {
                let status = status_of(&due, &course.id);
                let not_completed = matches!(
                    status,
                    Some(DueStatus::Outstanding { by: None } | DueStatus::InProgress | DueStatus::Planned { .. })
                );
                prop_assert!(not_completed, "{:?}", status);
            }
        }
    }

    #[test]
    fn every_completed_minute_falls_in_exactly_one_municipal_year(
        activities in common::any_activities(),
    ) {
        let counted: u32 = activities
            .iter()
            .filter(|a| a.completion().is_some())
            .map(|a| a.minutes)
            .sum();
        // Generated dates run from 2000 to 2099, so from the 1999/00 year to 2099/00.
        let across_years: u32 = (1999..=2099)
            .map(|starts_in| minutes_in_year(&activities, MunicipalYear { starts_in }))
            .sum();
        prop_assert_eq!(across_years, counted);
    }
}

#[test]
fn a_completed_webinar_needs_its_hours_or_a_word_that_they_are_not_known() {
    let today = day(2026, 11, 23);
    let mut webinar = LearningActivity::own(Uuid::from_u128(9), now());
    webinar.title = "LGA webinar: social media for councillors".into();
    webinar.status = ActivityStatus::Completed;
    webinar.completed_on = Some(day(2026, 11, 2));
    assert_eq!(
        webinar.problems(today),
        [mdr_domain::model::learning::ActivityProblem::HoursMissing]
    );
    assert_eq!(
        mdr_domain::model::learning::ActivityProblem::HoursMissing.to_string(),
        "Enter how many hours it took, or tick “I do not know how long it took”"
    );
    webinar.hours_not_known = true;
    assert_eq!(webinar.problems(today), []);
    // Counted apart: no hours in the total, one activity without them.
    let year = MunicipalYear { starts_in: 2026 };
    let logged = [
        webinar.clone(),
        completed(2, "code-of-conduct", day(2026, 10, 1)),
    ];
    assert_eq!(
        minutes_in_year(&logged, year),
        course("code-of-conduct").minutes
    );
    assert_eq!(
        mdr_domain::model::due::hours_missing_in_year(&logged, year),
        1
    );
    // Planned training needs no hours yet.
    webinar.status = ActivityStatus::Planned;
    webinar.hours_not_known = false;
    assert_eq!(webinar.problems(today), []);
}
