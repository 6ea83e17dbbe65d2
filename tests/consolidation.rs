//! An officer brings members' files together: a new member is accepted, a newer revision
//! replaces an older one, the same or an older one changes nothing, a second device's file
//! is merged part by part, a bad file is refused and changes nothing, and any order of any
//! imports gives the same workspace.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use common::{any_moment, any_record_of};
use mdr::consolidate::{ImportOutcome, OfficerWorkspace, training_audit, training_audit_csv};
use mdr::exchange::{MemberFile, write_member_file};
use mdr::model::{ActivityStatus, LearningActivity, MemberRecord, default_catalogue};
use proptest::prelude::*;
use uuid::Uuid;

const TABLET: Uuid = Uuid::from_u128(100);
const LAPTOP: Uuid = Uuid::from_u128(200);

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn member(n: u128, name: &str) -> MemberRecord {
    let mut record = MemberRecord::new(Uuid::from_u128(n), at(0));
    record.profile.full_name = name.into();
    record.profile.council = "Sandwell Metropolitan Borough Council".into();
    record.profile.ward = "Tipton Green".into();
    record
}

fn completed(record: &mut MemberRecord, n: u128, course: &str, on: NaiveDate, minute: i64) {
    let catalogue = default_catalogue();
    let course = catalogue.iter().find(|c| c.id == course).unwrap();
    let mut activity = LearningActivity::for_course(Uuid::from_u128(n), course, at(minute));
    activity.status = ActivityStatus::Completed;
    activity.completed_on = Some(on);
    activity.evidence = format!("CERT-{n}");
    record.put_activity(activity);
}

fn file(record: &MemberRecord, revision: u64, device: Uuid, minute: i64) -> String {
    write_member_file(&MemberFile::new(
        record.clone(),
        revision,
        device,
        at(minute),
    ))
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
}

#[test]
fn a_new_member_is_accepted_and_a_newer_revision_replaces_the_older() {
    let mut workspace = OfficerWorkspace::default();
    let mut record = member(1, "Cllr Amrit Kaur");
    assert_eq!(
        workspace.import(&file(&record, 3, TABLET, 1)),
        ImportOutcome::Accepted {
            member: "Cllr Amrit Kaur".into()
        }
    );
    completed(&mut record, 10, "code-of-conduct", day(1), 2);
    assert_eq!(
        workspace.import(&file(&record, 5, TABLET, 3)),
        ImportOutcome::Updated {
            member: "Cllr Amrit Kaur".into(),
            from: 3,
            to: 5
        }
    );
    assert_eq!(workspace.members[&Uuid::from_u128(1)].file.revision, 5);
    assert_eq!(
        workspace.members[&Uuid::from_u128(1)]
            .file
            .record
            .learning
            .len(),
        1
    );
}

#[test]
fn the_same_revision_again_or_an_older_one_changes_nothing() {
    let mut workspace = OfficerWorkspace::default();
    let older = member(1, "Cllr Amrit Kaur");
    let mut newer = older.clone();
    completed(&mut newer, 10, "code-of-conduct", day(1), 2);
    workspace.import(&file(&newer, 5, TABLET, 3));
    let held = workspace.clone();
    assert_eq!(
        workspace.import(&file(&newer, 5, TABLET, 3)),
        ImportOutcome::Unchanged {
            member: "Cllr Amrit Kaur".into(),
            revision: 5
        }
    );
    assert_eq!(
        workspace.import(&file(&older, 3, TABLET, 1)),
        ImportOutcome::Older {
            member: "Cllr Amrit Kaur".into(),
            incoming: 3,
            held: 5
        }
    );
    assert_eq!(workspace, held);
}

#[test]
fn a_second_devices_file_is_merged_and_the_officer_is_told_what_it_added() {
    let mut workspace = OfficerWorkspace::default();
    let base = member(1, "Cllr Amrit Kaur");
    let mut on_tablet = base.clone();
    completed(&mut on_tablet, 10, "code-of-conduct", day(1), 2);
    let mut on_laptop = base.clone();
    completed(&mut on_laptop, 20, "licensing-committee", day(2), 3);
    workspace.import(&file(&on_tablet, 4, TABLET, 4));
    let outcome = workspace.import(&file(&on_laptop, 2, LAPTOP, 5));
    assert_eq!(
        outcome,
        ImportOutcome::Merged {
            member: "Cllr Amrit Kaur".into(),
            parts: vec!["learning: Licensing committee training".into()],
        }
    );
    assert!(
        outcome
            .explanation()
            .contains("Licensing committee training")
    );
    let held = &workspace.members[&Uuid::from_u128(1)];
    assert_eq!(held.file.record.learning.len(), 2);
    assert_eq!(held.file.revision, 4, "the highest revision is kept");
    assert_eq!(held.devices.len(), 2);
}

#[test]
fn a_bad_file_is_refused_with_its_reason_and_changes_nothing() {
    let mut workspace = OfficerWorkspace::default();
    let record = member(1, "Cllr Amrit Kaur");
    let good = file(&record, 3, TABLET, 1);
    workspace.import(&good);
    let held = workspace.clone();
    let cut = &good[..good.len() / 2];
    let ImportOutcome::Refused { reason } = workspace.import(cut) else {
        panic!("a truncated file is refused")
    };
    assert!(reason.contains("incomplete"), "{reason}");
    assert!(matches!(
        workspace.import("not json at all"),
        ImportOutcome::Refused { .. }
    ));
    let impostor = member(1, "Cllr Somebody Else");
    let ImportOutcome::Refused { reason } = workspace.import(&file(&impostor, 9, LAPTOP, 2)) else {
        panic!("the same id under another name is refused")
    };
    assert!(
        reason.contains("different name (Cllr Somebody Else)"),
        "{reason}"
    );
    assert_eq!(workspace, held);
}

#[test]
fn the_training_audit_lists_who_did_what_and_when_and_downloads_for_excel() {
    let mut workspace = OfficerWorkspace::default();
    let mut amrit = member(1, "Cllr Amrit Kaur");
    completed(&mut amrit, 10, "licensing-committee", day(14), 1);
    completed(&mut amrit, 11, "code-of-conduct", day(2), 1);
    let mut joan = member(2, "=Cllr Joan Whitfield");
    let catalogue = default_catalogue();
    let mut planned = LearningActivity::for_course(
        Uuid::from_u128(12),
        catalogue.iter().find(|c| c.id == "ms-teams").unwrap(),
        at(1),
    );
    planned.status = ActivityStatus::Planned;
    joan.put_activity(planned);
    workspace.import(&file(&amrit, 2, TABLET, 1));
    workspace.import(&file(&joan, 1, LAPTOP, 1));

    let rows = training_audit(&workspace);
    let summary: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r.member.as_str(),
                r.course.as_str(),
                r.status,
                r.completed_on.as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "=Cllr Joan Whitfield",
                "MS Teams for members",
                "Planned",
                ""
            ),
            (
                "Cllr Amrit Kaur",
                "Code of Conduct",
                "Completed",
                "02/10/2026"
            ),
            (
                "Cllr Amrit Kaur",
                "Licensing committee training",
                "Completed",
                "14/10/2026"
            ),
        ]
    );
    let csv = training_audit_csv(&workspace);
    assert!(csv.starts_with("\u{feff}Member,Council,Ward or division,Course,Provider,Status,Completed on,Hours,Evidence\r\n"));
    assert!(
        csv.contains("'=Cllr Joan Whitfield,"),
        "a formula-like name is made inert"
    );
    assert!(csv.contains("Cllr Amrit Kaur,Sandwell Metropolitan Borough Council,Tipton Green,Code of Conduct,Monitoring Officer,Completed,02/10/2026,2,CERT-11\r\n"));
}

#[test]
fn a_held_member_is_kept_and_read_back_whole() {
    let mut workspace = OfficerWorkspace::default();
    let mut record = member(1, "Cllr Amrit Kaur");
    completed(&mut record, 10, "code-of-conduct", day(1), 2);
    workspace.import(&file(&record, 4, TABLET, 1));
    workspace.import(&file(&member(1, "Cllr Amrit Kaur"), 1, LAPTOP, 2));
    let held = &workspace.members[&Uuid::from_u128(1)];
    let back = mdr::consolidate::HeldMember::from_stored(&held.to_stored()).unwrap();
    assert_eq!(&back, held);
    assert_eq!(OfficerWorkspace::from_held([back]), workspace);
    assert!(mdr::consolidate::HeldMember::from_stored("{").is_err());

    // A new member is kept from the text of their file, and reads back the same.
    let text = file(&record, 4, TABLET, 1);
    let mut fresh = OfficerWorkspace::default();
    fresh.import(&text);
    let held = &fresh.members[&Uuid::from_u128(1)];
    let stored = held.to_stored_from(&text);
    let back = mdr::consolidate::HeldMember::from_stored(&stored).unwrap();
    assert_eq!(&back, held);
    let held = &workspace.members[&Uuid::from_u128(1)];

    // An entry saved by an earlier version of the app held the file as a string of JSON.
    let earlier = serde_json::json!({
        "devices": held.devices,
        "file": serde_json::to_string(&held.file).unwrap(),
    });
    let back = mdr::consolidate::HeldMember::from_stored(&earlier.to_string()).unwrap();
    assert_eq!(&back, held);
}

#[test]
fn printed_reports_name_the_council_every_member_held_names() {
    let mut workspace = OfficerWorkspace::default();
    assert_eq!(workspace.council(), None, "no members, no council");
    workspace.import(&file(&member(1, "Cllr Amrit Kaur"), 1, TABLET, 1));
    let mut spaced = member(2, "Cllr Joan Whitfield");
    spaced.profile.council = "  sandwell metropolitan  borough council ".into();
    workspace.import(&file(&spaced, 1, TABLET, 1));
    assert_eq!(
        workspace.council(),
        Some("Sandwell Metropolitan Borough Council")
    );

    let mut elsewhere = member(3, "Cllr Sam Price");
    elsewhere.profile.council = "Dudley Metropolitan Borough Council".into();
    workspace.import(&file(&elsewhere, 1, TABLET, 1));
    assert_eq!(
        workspace.council(),
        None,
        "members of two councils name neither"
    );
}

/// Snapshots of up to three members, each from one of two devices, with any content.
fn any_snapshots() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        (1u128..4, any::<bool>(), 0u64..6, any_moment()).prop_flat_map(
            |(n, laptop, revision, when)| {
                any_record_of(Uuid::from_u128(n)).prop_map(move |mut record| {
                    record.profile.full_name = format!("Member {n}");
                    let device = if laptop { LAPTOP } else { TABLET };
                    write_member_file(&MemberFile::new(record, revision, device, when))
                })
            },
        ),
        1..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_member_kept_from_their_files_text_reads_back_exactly(files in any_snapshots()) {
        for text in &files {
            let mut workspace = OfficerWorkspace::default();
            workspace.import(text);
            for held in workspace.members.values() {
                let stored = held.to_stored_from(text);
                prop_assert!(stored.len() < text.len() + 100);
                prop_assert_eq!(&mdr::consolidate::HeldMember::from_stored(&stored).unwrap(), held);
            }
        }
    }

    #[test]
    fn any_order_of_any_imports_gives_the_same_workspace(files in any_snapshots(), seed in any::<u64>()) {
        let mut forwards = OfficerWorkspace::default();
        for f in &files { forwards.import(f); }
        let mut shuffled = files.clone();
        let n = shuffled.len();
        for i in 0..n { shuffled.swap(i, (seed as usize).wrapping_add(i * 7) % n); }
        let mut other = OfficerWorkspace::default();
        for f in shuffled.iter().rev() { other.import(f); }
        prop_assert_eq!(&forwards, &other);

        let before = forwards.clone();
        for f in &files { forwards.import(f); }
        prop_assert_eq!(forwards, before, "importing the same files again changes nothing");
    }

    /// The officer's page saves only the members an import says it changed.
    #[test]
    fn an_import_says_whether_it_changed_what_is_held(files in any_snapshots()) {
        let mut workspace = OfficerWorkspace::default();
        for text in files.iter().chain(&files) {
            let file = mdr::exchange::read_member_file(text).unwrap();
            let before = workspace.clone();
            let (outcome, changed) = workspace.import_file_with_change(file);
            prop_assert_eq!(changed, workspace != before, "{:?}", outcome);
        }
    }
}

/// Members whose names may be shared, each with any learning record.
fn any_members_sharing_names() -> impl Strategy<Value = OfficerWorkspace> {
    proptest::collection::vec((1u128..9, 0usize..3), 0..8).prop_flat_map(|picks| {
        picks
            .into_iter()
            .map(|(n, name)| {
                any_record_of(Uuid::from_u128(n)).prop_map(move |mut record| {
                    record.profile.full_name =
                        ["Cllr Ahmed", "Cllr Brown", "Cllr Ahmed "][name].into();
                    write_member_file(&MemberFile::new(record, 1, TABLET, at(0)))
                })
            })
            .collect::<Vec<_>>()
            .prop_map(|files| {
                let mut workspace = OfficerWorkspace::default();
                for f in &files {
                    workspace.import(f);
                }
                workspace
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The page shows the first rows without making the rest; they must be the same rows
    /// as the whole report's, in the same order: every row, then sorted by member and course.
    #[test]
    fn the_first_rows_of_the_training_audit_are_the_whole_audits_first_rows(
        workspace in any_members_sharing_names(),
        limit in 0usize..120,
    ) {
        use mdr::consolidate::{NameKey, training_audit, training_audit_first, training_audit_len};
        let mut expected: Vec<(String, String, String)> = workspace
            .members
            .values()
            .flat_map(|held| {
                let name = held.file.record.profile.full_name.clone();
                held.file.record.activities().map(move |a| (name.clone(), a.title.clone(), a.evidence.clone()))
            })
            .collect();
        // By name as an officer reads names (mdr::consolidate::NameKey), then course.
        expected.sort_by_cached_key(|(member, course, _)| (NameKey::of(member), NameKey::of(course)));
        let key = |rows: Vec<mdr::consolidate::AuditRow>| -> Vec<(String, String, String)> {
            rows.into_iter().map(|r| (r.member, r.course, r.evidence)).collect()
        };
        prop_assert_eq!(training_audit_len(&workspace), expected.len());
        prop_assert_eq!(key(training_audit(&workspace)), expected.clone());
        expected.truncate(limit);
        prop_assert_eq!(key(training_audit_first(&workspace, limit)), expected);
    }
}

mod reports {
    use super::*;
    use mdr::consolidate::{
        compliance, compliance_csv, course_evaluation, engagement, spend, spend_csv,
    };
    use mdr::model::due::MunicipalYear;
    use mdr::model::learning::Evaluation;
    use mdr::model::roles::default_roles;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn activity(
        n: u128,
        course: &str,
        status: ActivityStatus,
        done: Option<NaiveDate>,
    ) -> LearningActivity {
        let catalogue = default_catalogue();
        let mut a = LearningActivity::for_course(
            Uuid::from_u128(n),
            catalogue.iter().find(|c| c.id == course).unwrap(),
            at(0),
        );
        a.status = status;
        a.completed_on = done;
        a
    }

    fn evaluated(
        mut a: LearningActivity,
        rating: u8,
        usefulness: u8,
        recommend: bool,
        comment: &str,
    ) -> LearningActivity {
        a.evaluation = Some(Evaluation {
            rating,
            usefulness,
            do_differently: comment.into(),
            would_recommend: recommend,
            comments: String::new(),
        });
        a
    }

    /// Two licensing committee members: Amrit has done nothing; Joan did the licensing
    /// training on 1 Nov 2025 (refreshed yearly, so overdue since 1 Nov 2026) and the
    /// I-ACT course (£75) this year; Amrit has I-ACT planned.
    fn fixture() -> OfficerWorkspace {
        let mut amrit = member(1, "Cllr Amrit Kaur");
        amrit.profile.roles.insert("licensing-committee".into());
        amrit.put_activity(activity(
            10,
            "iact-mental-health",
            ActivityStatus::Planned,
            None,
        ));
        amrit.put_activity(evaluated(
            activity(
                11,
                "licensing-committee",
                ActivityStatus::Completed,
                Some(NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()),
            ),
            4,
            3,
            false,
            "Too long",
        ));
        let mut joan = member(2, "Cllr Joan Whitfield");
        joan.profile.roles.insert("licensing-committee".into());
        joan.put_activity(evaluated(
            activity(
                20,
                "licensing-committee",
                ActivityStatus::Completed,
                Some(NaiveDate::from_ymd_opt(2025, 11, 1).unwrap()),
            ),
            5,
            5,
            true,
            "Ask about conditions first",
        ));
        joan.put_activity(activity(
            21,
            "iact-mental-health",
            ActivityStatus::Completed,
            Some(NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()),
        ));
        let mut workspace = OfficerWorkspace::default();
        workspace.import(&file(&amrit, 1, TABLET, 1));
        let old_export = write_member_file(&MemberFile::new(
            joan,
            1,
            LAPTOP,
            Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).unwrap(),
        ));
        workspace.import(&old_export);
        workspace
    }

    #[test]
    fn compliance_lists_who_is_overdue_or_has_not_done_each_course_by_role() {
        let rows = compliance(&fixture(), &default_catalogue(), &default_roles(), today());
        let lines: Vec<String> = rows
            .iter()
            .map(|r| {
                format!(
                    "{} | {} | {} | {} {}",
                    r.role, r.member, r.course, r.status, r.due_on
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                "All members | Cllr Amrit Kaur | Code of Conduct | Not done ",
                "All members | Cllr Amrit Kaur | Induction for newly elected members | Not done ",
                "All members | Cllr Amrit Kaur | Safeguarding children and adults at risk | Not done ",
                "All members | Cllr Joan Whitfield | Code of Conduct | Not done ",
                "All members | Cllr Joan Whitfield | Induction for newly elected members | Not done ",
                "All members | Cllr Joan Whitfield | Safeguarding children and adults at risk | Not done ",
                "Licensing committee member | Cllr Amrit Kaur | Licensing committee training | Overdue 01/06/2025",
                "Licensing committee member | Cllr Joan Whitfield | Licensing committee training | Overdue 01/11/2026",
            ]
        );
        assert!(compliance_csv(&rows).contains("Licensing committee member,Cllr Joan Whitfield,Licensing committee training,Overdue,01/11/2026\r\n"));
    }

    #[test]
    fn course_evaluation_averages_ratings_and_keeps_comments() {
        let rows = course_evaluation(&fixture());
        assert_eq!(rows.len(), 1);
        let licensing = &rows[0];
        assert_eq!(
            (licensing.course.as_str(), licensing.responses),
            ("Licensing committee training", 2)
        );
        assert!((licensing.average_rating - 4.5).abs() < 1e-9);
        assert!((licensing.average_usefulness - 4.0).abs() < 1e-9);
        assert!((licensing.recommend_percent - 50.0).abs() < 1e-9);
        assert_eq!(
            licensing.comments,
            ["Too long", "Ask about conditions first"]
        );
    }

    #[test]
    fn spend_counts_completed_and_planned_paid_places_against_the_budget() {
        let year = MunicipalYear::containing(today());
        let spend = spend(&fixture(), &default_catalogue(), 500_000, year);
        assert_eq!(spend.rows.len(), 1, "free courses cost nothing");
        assert_eq!((spend.rows[0].completed, spend.rows[0].planned), (1, 1));
        assert_eq!((spend.completed_pence, spend.planned_pence), (7_500, 7_500));
        assert_eq!(spend.remaining_pence(), 485_000);
        let csv = spend_csv(&spend);
        assert!(csv.contains("I-ACT Managing and Promoting Positive Mental Health and Wellbeing,£75.00,1,1,£150.00\r\n"));
        assert!(csv.contains("Budget 2026/27,,,,\"£5,000.00\"\r\n"));
    }

    #[test]
    fn reports_list_names_as_an_officer_reads_them_whatever_the_case_typed() {
        let mut workspace = OfficerWorkspace::default();
        for (n, name) in [
            (1, "Cllr Zara Ali"),
            (2, "cllr amrit kaur"),
            (3, "Cllr Member 10"),
            (4, "Cllr Member 2"),
            (5, "CLLR BOB WARD"),
        ] {
            let mut record = member(n, name);
            completed(&mut record, n * 10, "code-of-conduct", day(1), 1);
            workspace.import(&file(&record, 1, TABLET, 0));
        }
        let order = [
            "cllr amrit kaur",
            "CLLR BOB WARD",
            "Cllr Member 2",
            "Cllr Member 10",
            "Cllr Zara Ali",
        ];
        let audit: Vec<String> = training_audit(&workspace)
            .into_iter()
            .map(|r| r.member)
            .collect();
        assert_eq!(audit, order);
        let engaged: Vec<String> = engagement(&workspace, &[], today())
            .into_iter()
            .map(|r| r.member)
            .collect();
        assert_eq!(engaged, order);
        let catalogue = default_catalogue();
        let overdue: Vec<String> = compliance(&workspace, &catalogue, &default_roles(), today())
            .into_iter()
            .filter(|r| r.course == "Induction for newly elected members")
            .map(|r| r.member)
            .collect();
        assert_eq!(overdue, order);
    }

    #[test]
    fn engagement_shows_who_has_sent_nothing_and_how_old_each_file_is() {
        let roster = vec![
            "Cllr Amrit Kaur".to_owned(),
            " cllr   amrit kaur".to_owned(),
            "Cllr Siân Evans".to_owned(),
        ];
        let rows = engagement(&fixture(), &roster, today());
        let lines: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|r| (r.member.as_str(), r.status, r.latest_file.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                ("Cllr Siân Evans", "No file", ""),
                ("Cllr Joan Whitfield", "Over a year old", "01/06/2025"),
                ("Cllr Amrit Kaur", "Up to date", "23/11/2026"),
            ]
        );
    }
}
