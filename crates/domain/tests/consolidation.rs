//! An officer brings members' files together: a new member is accepted, a newer revision
//! replaces an older one, the same or an older one changes nothing, a second device's file
//! is merged part by part, a bad file is refused and changes nothing, and any order of any
//! imports gives the same workspace.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use common::{any_moment, any_record_of};
use mdr_domain::consolidate::{
    ImportOutcome, OfficerWorkspace, training_audit, training_audit_csv,
};
use mdr_domain::exchange::{MemberFile, write_member_file};
use mdr_domain::model::{ActivityStatus, LearningActivity, MemberRecord, default_catalogue};
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
        workspace.import("member-record.json", &file(&record, 3, TABLET, 1)),
        ImportOutcome::Accepted {
            member: "Cllr Amrit Kaur".into()
        }
    );
    completed(&mut record, 10, "code-of-conduct", day(1), 2);
    assert_eq!(
        workspace.import("member-record.json", &file(&record, 5, TABLET, 3)),
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
    workspace.import("member-record.json", &file(&newer, 5, TABLET, 3));
    let held = workspace.clone();
    assert_eq!(
        workspace.import("member-record.json", &file(&newer, 5, TABLET, 3)),
        ImportOutcome::Unchanged {
            member: "Cllr Amrit Kaur".into(),
            revision: 5
        }
    );
    assert_eq!(
        workspace.import("member-record.json", &file(&older, 3, TABLET, 1)),
        ImportOutcome::Older {
            member: "Cllr Amrit Kaur".into(),
            incoming: 3,
            held: 5
        }
    );
    assert_eq!(workspace, held);
    // What the officer reads says what happened, not which revision numbers.
    for outcome in [
        workspace.import("member-record.json", &file(&newer, 5, TABLET, 3)),
        workspace.import("member-record.json", &file(&older, 3, TABLET, 1)),
    ] {
        assert!(
            !outcome.explanation().contains("revision"),
            "{}",
            outcome.explanation()
        );
    }
    assert_eq!(
        workspace
            .import("member-record.json", &file(&older, 3, TABLET, 1))
            .explanation(),
        "This is an older file of Cllr Amrit Kaur's than the one already held; it was ignored."
    );
}

#[test]
fn a_second_devices_file_is_merged_and_the_officer_is_told_what_it_added() {
    let mut workspace = OfficerWorkspace::default();
    let base = member(1, "Cllr Amrit Kaur");
    let mut on_tablet = base.clone();
    completed(&mut on_tablet, 10, "code-of-conduct", day(1), 2);
    let mut on_laptop = base.clone();
    completed(&mut on_laptop, 20, "licensing-committee", day(2), 3);
    workspace.import("member-record.json", &file(&on_tablet, 4, TABLET, 4));
    let outcome = workspace.import("member-record.json", &file(&on_laptop, 2, LAPTOP, 5));
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
    workspace.import("member-record.json", &good);
    let held = workspace.clone();
    let cut = &good[..good.len() / 2];
    let ImportOutcome::Refused { reason } = workspace.import("member-record.json", cut) else {
        panic!("a truncated file is refused")
    };
    assert!(reason.contains("incomplete"), "{reason}");
    assert!(matches!(
        workspace.import("member-record.json", "not json at all"),
        ImportOutcome::Refused { .. }
    ));
    let impostor = member(1, "Cllr Somebody Else");
    let ImportOutcome::Refused { reason } =
        workspace.import("member-record.json", &file(&impostor, 9, LAPTOP, 2))
    else {
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
    workspace.import("member-record.json", &file(&amrit, 2, TABLET, 1));
    workspace.import("member-record.json", &file(&joan, 1, LAPTOP, 1));

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
                "2 Oct 2026"
            ),
            (
                "Cllr Amrit Kaur",
                "Licensing committee training",
                "Completed",
                "14 Oct 2026"
            ),
        ]
    );
    let csv = training_audit_csv(&workspace).text();
    assert!(csv.starts_with("\u{feff}Member,Council,Ward or division,Course,Provider,Status,Completed on,Hours,Evidence\r\n"));
    assert!(
        csv.contains("'=Cllr Joan Whitfield,"),
        "a formula-like name is made inert"
    );
    assert!(csv.contains("Cllr Amrit Kaur,Sandwell Metropolitan Borough Council,Tipton Green,Code of Conduct,Monitoring Officer,Completed,2026-10-02,2,CERT-11\r\n"));
}

#[test]
fn a_held_member_is_kept_and_read_back_whole() {
    let mut workspace = OfficerWorkspace::default();
    let mut record = member(1, "Cllr Amrit Kaur");
    completed(&mut record, 10, "code-of-conduct", day(1), 2);
    workspace.import("member-record.json", &file(&record, 4, TABLET, 1));
    workspace.import(
        "member-record.json",
        &file(&member(1, "Cllr Amrit Kaur"), 1, LAPTOP, 2),
    );
    let held = &workspace.members[&Uuid::from_u128(1)];
    let back = mdr_domain::consolidate::HeldMember::from_stored(&held.to_stored()).unwrap();
    assert_eq!(&back, held);
    assert_eq!(OfficerWorkspace::from_held([back]), workspace);
    assert!(mdr_domain::consolidate::HeldMember::from_stored("{").is_err());

    // A new member is kept from the text of their file, and reads back the same.
    let text = file(&record, 4, TABLET, 1);
    let mut fresh = OfficerWorkspace::default();
    fresh.import("member-record.json", &text);
    let held = &fresh.members[&Uuid::from_u128(1)];
    let stored = held.to_stored_from(&text);
    let back = mdr_domain::consolidate::HeldMember::from_stored(&stored).unwrap();
    assert_eq!(&back, held);
    let held = &workspace.members[&Uuid::from_u128(1)];

    // An entry saved by an earlier version of the app held the file as a string of JSON.
    let earlier = serde_json::json!({
        "devices": held.devices,
        "file": serde_json::to_string(&held.file).unwrap(),
    });
    let back = mdr_domain::consolidate::HeldMember::from_stored(&earlier.to_string()).unwrap();
    assert_eq!(&back, held);
}

#[test]
fn printed_reports_name_the_council_every_member_held_names() {
    let mut workspace = OfficerWorkspace::default();
    assert_eq!(workspace.council(), None, "no members, no council");
    workspace.import(
        "member-record.json",
        &file(&member(1, "Cllr Amrit Kaur"), 1, TABLET, 1),
    );
    let mut spaced = member(2, "Cllr Joan Whitfield");
    spaced.profile.council = "  sandwell metropolitan  borough council ".into();
    workspace.import("member-record.json", &file(&spaced, 1, TABLET, 1));
    assert_eq!(
        workspace.council(),
        Some("Sandwell Metropolitan Borough Council")
    );

    let mut elsewhere = member(3, "Cllr Sam Price");
    elsewhere.profile.council = "Dudley Metropolitan Borough Council".into();
    workspace.import("member-record.json", &file(&elsewhere, 1, TABLET, 1));
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
            workspace.import("member-record.json", text);
            for held in workspace.members.values() {
                let stored = held.to_stored_from(text);
                prop_assert!(stored.len() < text.len() + 100);
                prop_assert_eq!(&mdr_domain::consolidate::HeldMember::from_stored(&stored).unwrap(), held);
            }
        }
    }

    #[test]
    fn any_order_of_any_imports_gives_the_same_workspace(files in any_snapshots(), seed in any::<u64>()) {
        let mut forwards = OfficerWorkspace::default();
        for f in &files { forwards.import("member-record.json", f); }
        let mut shuffled = files.clone();
        let n = shuffled.len();
        for i in 0..n { shuffled.swap(i, (seed as usize).wrapping_add(i * 7) % n); }
        let mut other = OfficerWorkspace::default();
        for f in shuffled.iter().rev() { other.import("member-record.json", f); }
        prop_assert_eq!(&forwards, &other);

        let before = forwards.clone();
        for f in &files { forwards.import("member-record.json", f); }
        prop_assert_eq!(forwards, before, "importing the same files again changes nothing");
    }

    /// The officer's page saves only the members an import says it changed.
    #[test]
    fn an_import_says_whether_it_changed_what_is_held(files in any_snapshots()) {
        let mut workspace = OfficerWorkspace::default();
        for text in files.iter().chain(&files) {
            let file = mdr_domain::exchange::read_member_file(text).unwrap();
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
                    workspace.import("member-record.json", f);
                }
                workspace
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The page shows the first rows without making the rest; they must be the same rows
    /// as the whole report's, in the same order: every row (a member with no activity has
    /// one, with no course), then sorted by member and course.
    #[test]
    fn the_first_rows_of_the_training_audit_are_the_whole_audits_first_rows(
        workspace in any_members_sharing_names(),
        limit in 0usize..120,
    ) {
        use mdr_domain::consolidate::{NameKey, training_audit, training_audit_first, training_audit_len};
        let mut expected: Vec<(String, String, String)> = workspace
            .members
            .values()
            .flat_map(|held| {
                let name = held.file.record.profile.full_name.clone();
                let mut rows: Vec<_> = held
                    .file
                    .record
                    .activities()
                    .map(|a| (name.clone(), a.title.clone(), a.evidence.clone()))
                    .collect();
                if rows.is_empty() {
                    rows.push((name, String::new(), String::new()));
                }
                rows
            })
            .collect();
        // By name as an officer reads names (mdr_domain::consolidate::NameKey), then course.
        expected.sort_by_cached_key(|(member, course, _)| (NameKey::of(member), NameKey::of(course)));
        let key = |rows: Vec<mdr_domain::consolidate::AuditRow>| -> Vec<(String, String, String)> {
            rows.into_iter().map(|r| (r.member, r.course, r.evidence)).collect()
        };
        prop_assert_eq!(training_audit_len(&workspace), expected.len());
        prop_assert_eq!(key(training_audit(&workspace)), expected.clone());
        expected.truncate(limit);
        prop_assert_eq!(key(training_audit_first(&workspace, limit)), expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every member held is in the audit: with one line for each of their activities, or
    /// one line saying nothing is recorded; nobody else is.
    #[test]
    fn every_member_held_is_in_the_training_audit(workspace in any_members_sharing_names()) {
        use mdr_domain::consolidate::NOTHING_RECORDED;
        let rows = training_audit(&workspace);
        for (id, held) in &workspace.members {
            let theirs: Vec<_> = rows.iter().filter(|r| r.member_id == *id).collect();
            let activities = held.file.record.activities().count();
            if activities == 0 {
                prop_assert_eq!(theirs.len(), 1);
                prop_assert_eq!(theirs[0].status, NOTHING_RECORDED);
                prop_assert_eq!(theirs[0].course.as_str(), "");
            } else {
                prop_assert_eq!(theirs.len(), activities);
                prop_assert!(theirs.iter().all(|r| r.status != NOTHING_RECORDED));
            }
            prop_assert!(theirs.iter().all(|r| r.member == held.name()));
        }
        prop_assert!(rows.iter().all(|r| workspace.members.contains_key(&r.member_id)));
    }
}

/// Fifty members whose files hold no training: the audit still names each of them.
#[test]
fn members_with_no_training_are_each_in_the_audit_saying_so() {
    let mut workspace = OfficerWorkspace::default();
    for n in 1..=50 {
        workspace.import(
            "member-record.json",
            &file(&member(n, &format!("Cllr Member {n}")), 1, TABLET, 1),
        );
    }
    let mut amrit = member(51, "Cllr Amrit Kaur");
    completed(&mut amrit, 10, "code-of-conduct", day(2), 1);
    workspace.import("member-record.json", &file(&amrit, 1, TABLET, 1));

    let rows = training_audit(&workspace);
    assert_eq!(rows.len(), 51);
    assert_eq!(mdr_domain::consolidate::training_audit_len(&workspace), 51);
    assert_eq!(
        (rows[0].member.as_str(), rows[0].status),
        ("Cllr Amrit Kaur", "Completed")
    );
    assert_eq!(
        (
            rows[1].member.as_str(),
            rows[1].course.as_str(),
            rows[1].status
        ),
        ("Cllr Member 1", "", "No training recorded")
    );
    let csv = training_audit_csv(&workspace).text();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        records.len(),
        51,
        "a line for every member, not a header alone"
    );
    let nothing: Vec<&str> = records
        .iter()
        .filter(|r| &r[5] == "No training recorded")
        .map(|r| &r[0])
        .collect();
    assert_eq!(nothing.len(), 50);
    assert!(nothing.contains(&"Cllr Member 50"));
    assert!(csv.contains(
        "Cllr Member 7,Sandwell Metropolitan Borough Council,Tipton Green,,,No training recorded,,,\r\n"
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every member held has one row of hours, and the rows add up to the totals.
    #[test]
    fn hours_per_member_sum_to_the_total(
        workspace in any_members_sharing_names(),
        starts_in in 2000i32..2100,
    ) {
        use mdr_domain::consolidate::{hours_per_member, hours_per_member_csv, hours_text};
        use mdr_domain::model::due::MunicipalYear;
        let year = MunicipalYear { starts_in };
        let hours = hours_per_member(&workspace, year);
        prop_assert_eq!(hours.rows.len(), workspace.members.len());
        for id in workspace.members.keys() {
            prop_assert_eq!(hours.rows.iter().filter(|r| r.member_id == *id).count(), 1);
        }
        prop_assert_eq!(hours.rows.iter().map(|r| r.minutes_in_year).sum::<u64>(), hours.total_in_year);
        prop_assert_eq!(hours.rows.iter().map(|r| r.minutes_in_all).sum::<u64>(), hours.total_in_all);
        prop_assert_eq!(hours.rows.iter().map(|r| r.completed).sum::<usize>(), hours.total_completed);
        prop_assert_eq!(hours.rows.iter().map(|r| r.without_hours).sum::<usize>(), hours.total_without_hours);
        for (row, held) in hours.rows.iter().map(|r| (r, &workspace.members[&r.member_id])) {
            let done: Vec<_> = held.file.record.activities().filter(|a| a.completion().is_some()).collect();
            prop_assert_eq!(row.minutes_in_all, done.iter().map(|a| u64::from(a.minutes)).sum::<u64>());
            prop_assert!(row.minutes_in_year <= row.minutes_in_all);
            prop_assert!(row.without_hours <= row.completed);
        }
        let csv = hours_per_member_csv(&hours).text();
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        prop_assert_eq!(records.len(), hours.rows.len() + 1, "a row a member, and the total");
        let total = records.last().unwrap();
        prop_assert_eq!(&total[0], "Total");
        prop_assert_eq!(total[3].to_owned(), hours_text(hours.total_in_year));
        prop_assert_eq!(total[5].to_owned(), hours_text(hours.total_in_all));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Each member with a compliance row counts once under its course and role, and each
    /// line's counts add up to the members it is of.
    #[test]
    fn the_compliance_summary_counts_every_row_once(
        workspace in any_members_sharing_names(),
        days in 0i64..20_000,
    ) {
        use mdr_domain::consolidate::{compliance, compliance_summary};
        use mdr_domain::model::roles::default_roles;
        let today = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(days);
        let catalogue = default_catalogue();
        let rows = compliance(&workspace, &catalogue, &default_roles(), today);
        let summary = compliance_summary(&workspace, &catalogue, &default_roles(), &rows);
        for line in &summary.lines {
            prop_assert_eq!(line.counts.len(), summary.statuses.len());
            prop_assert_eq!(line.members, line.up_to_date + line.counts.iter().sum::<usize>());
            prop_assert!(line.members > 0);
            let with_rows: std::collections::BTreeSet<_> = rows
                .iter()
                .filter(|r| r.course == line.course && r.role == line.role)
                .map(|r| r.member_id)
                .collect();
            prop_assert_eq!(line.counts.iter().sum::<usize>(), with_rows.len());
        }
        let distinct: std::collections::BTreeSet<_> =
            rows.iter().map(|r| (&r.course, &r.role, r.member_id)).collect();
        let counted: usize = summary.lines.iter().map(|l| l.counts.iter().sum::<usize>()).sum();
        prop_assert_eq!(counted, distinct.len());
    }
}

mod reports {
    use super::*;
    use mdr_domain::consolidate::{
        compliance, compliance_csv, course_evaluation, engagement, spend, spend_csv,
    };
    use mdr_domain::model::due::MunicipalYear;
    use mdr_domain::model::learning::Evaluation;
    use mdr_domain::model::roles::default_roles;

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
        workspace.import("member-record.json", &file(&amrit, 1, TABLET, 1));
        let old_export = write_member_file(&MemberFile::new(
            joan,
            1,
            LAPTOP,
            Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).unwrap(),
        ));
        workspace.import("member-record.json", &old_export);
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
                    r.role,
                    r.member,
                    r.course,
                    r.status,
                    r.due_on.map(|d| d.to_string()).unwrap_or_default()
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
                "Licensing committee member | Cllr Amrit Kaur | Licensing committee training | Overdue 2025-06-01",
                "Licensing committee member | Cllr Joan Whitfield | Licensing committee training | Overdue 2026-11-01",
            ]
        );
        assert!(compliance_csv(&rows).text().contains("Licensing committee member,Cllr Joan Whitfield,Licensing committee training,Overdue,2026-11-01\r\n"));
    }

    /// Reads a CSV as a spreadsheet or script would: its header, then each row by column name.
    fn read_csv(text: &str) -> Vec<std::collections::BTreeMap<String, String>> {
        let text = text
            .strip_prefix('\u{feff}')
            .expect("a byte-order mark for Excel");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().unwrap().clone();
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                header
                    .iter()
                    .map(str::to_owned)
                    .zip(r.iter().map(str::to_owned))
                    .collect()
            })
            .collect()
    }

    /// Each date in a CSV is ISO 8601, which every reader takes as the same day: a
    /// spreadsheet set to US order reads 01/11/2026 as 11 January.
    #[test]
    fn every_date_in_the_csvs_is_iso_8601_and_reads_as_the_day_it_means() {
        let workspace = fixture();
        let iso = |cell: &str| NaiveDate::parse_from_str(cell, "%Y-%m-%d").ok();
        let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);

        let audit = read_csv(&training_audit_csv(&workspace).text());
        let completed: Vec<(&str, Option<NaiveDate>)> = audit
            .iter()
            .map(|r| (r["Course"].as_str(), iso(&r["Completed on"])))
            .collect();
        assert!(completed.contains(&("Licensing committee training", on(2025, 11, 1))));
        assert!(completed.contains(&("Licensing committee training", on(2024, 6, 1))));
        assert!(
            audit
                .iter()
                .all(|r| r["Completed on"].is_empty() || iso(&r["Completed on"]).is_some())
        );

        let rows = compliance(&workspace, &default_catalogue(), &default_roles(), today());
        let due = read_csv(&compliance_csv(&rows).text());
        let overdue: Vec<(&str, Option<NaiveDate>)> = due
            .iter()
            .filter(|r| r["Status"] == "Overdue")
            .map(|r| (r["Member"].as_str(), iso(&r["Due on"])))
            .collect();
        assert_eq!(
            overdue,
            [
                ("Cllr Amrit Kaur", on(2025, 6, 1)),
                ("Cllr Joan Whitfield", on(2026, 11, 1))
            ]
        );
        assert!(
            due.iter()
                .all(|r| r["Due on"].is_empty() || iso(&r["Due on"]).is_some())
        );

        let engaged = read_csv(
            &mdr_domain::consolidate::engagement_csv(&engagement(
                &workspace,
                &["Cllr Siân Evans".to_owned()],
                today(),
            ))
            .text(),
        );
        let latest: Vec<(&str, Option<NaiveDate>)> = engaged
            .iter()
            .map(|r| (r["Member"].as_str(), iso(&r["Latest file"])))
            .collect();
        assert_eq!(
            latest,
            [
                ("Cllr Siân Evans", None),
                ("Cllr Joan Whitfield", on(2025, 6, 1)),
                ("Cllr Amrit Kaur", on(2026, 11, 23)),
            ]
        );
    }

    /// Amrit did the licensing training in 2024 (3 hours); Joan did it in November 2025 and
    /// the I-ACT course (6 hours) this year; Bob did a webinar this year with no hours
    /// given and a 90-minute Code of Conduct session; Siân has done nothing.
    #[test]
    fn hours_per_member_gives_each_members_hours_this_year_and_in_all_with_a_total() {
        use mdr_domain::consolidate::{hours_per_member, hours_per_member_csv};
        let mut workspace = fixture();
        let mut bob = member(3, "Cllr Bob Ward");
        let mut webinar = LearningActivity::own(Uuid::from_u128(30), at(0));
        webinar.title = "LGA webinar: planning reform".into();
        webinar.status = ActivityStatus::Completed;
        webinar.completed_on = Some(day(3));
        bob.put_activity(webinar);
        let mut code = activity(
            31,
            "code-of-conduct",
            ActivityStatus::Completed,
            Some(day(4)),
        );
        code.minutes = 90;
        bob.put_activity(code);
        workspace.import("member-record.json", &file(&bob, 1, TABLET, 1));
        workspace.import(
            "member-record.json",
            &file(&member(4, "Cllr Siân Evans"), 1, TABLET, 1),
        );

        let year = MunicipalYear::containing(today());
        let hours = hours_per_member(&workspace, year);
        let rows: Vec<(&str, usize, u64, usize, u64)> = hours
            .rows
            .iter()
            .map(|r| {
                (
                    r.member.as_str(),
                    r.completed,
                    r.minutes_in_year,
                    r.without_hours,
                    r.minutes_in_all,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Cllr Amrit Kaur", 0, 0, 0, 180),
                ("Cllr Bob Ward", 2, 90, 1, 90),
                ("Cllr Joan Whitfield", 1, 360, 0, 540),
                ("Cllr Siân Evans", 0, 0, 0, 0),
            ]
        );
        assert_eq!((hours.total_in_year, hours.total_in_all), (450, 810));
        assert_eq!((hours.total_completed, hours.total_without_hours), (3, 1));

        let csv = read_csv(&hours_per_member_csv(&hours).text());
        assert_eq!(csv.len(), 5);
        let joan = &csv[2];
        assert_eq!(joan["Member"], "Cllr Joan Whitfield");
        assert_eq!(joan["Hours 2026/27"], "6");
        assert_eq!(joan["Hours in all"], "9");
        let total = &csv[4];
        assert_eq!(total["Member"], "Total");
        assert_eq!(total["Ward or division"], "4 members");
        assert_eq!(total["Activities completed 2026/27"], "3");
        assert_eq!(total["Hours 2026/27"], "7.5");
        assert_eq!(total["Completed 2026/27 with no hours given"], "1");
        assert_eq!(total["Hours in all"], "13.5");
    }

    /// Four members on 23 Nov 2026, with the catalogue's mandatory courses but the
    /// induction (whose window after election is another rule's business):
    /// Amrit and Joan, licensing committee, overdue for the licensing training; Siân,
    /// licensing committee, did it and the Code of Conduct in October; Bob, no role, did
    /// the Code of Conduct in January 2024, so its refresher is due on 10 Jan 2027.
    fn summary_fixture() -> (OfficerWorkspace, Vec<mdr_domain::model::Course>) {
        let mut workspace = fixture();
        let mut siân = member(3, "Cllr Siân Evans");
        siân.profile.roles.insert("licensing-committee".into());
        completed(&mut siân, 30, "licensing-committee", day(1), 1);
        completed(&mut siân, 31, "code-of-conduct", day(2), 1);
        workspace.import("member-record.json", &file(&siân, 1, TABLET, 1));
        let mut bob = member(4, "Cllr Bob Ward");
        completed(
            &mut bob,
            40,
            "code-of-conduct",
            NaiveDate::from_ymd_opt(2024, 1, 10).unwrap(),
            1,
        );
        workspace.import("member-record.json", &file(&bob, 1, TABLET, 1));
        let catalogue = default_catalogue()
            .into_iter()
            .filter(|c| c.id != "induction")
            .collect();
        (workspace, catalogue)
    }

    fn summary_lines(summary: &mdr_domain::consolidate::ComplianceSummary) -> Vec<String> {
        summary
            .lines
            .iter()
            .map(|l| {
                let counts: Vec<String> = summary
                    .statuses
                    .iter()
                    .zip(&l.counts)
                    .map(|(s, n)| format!("{s} {n}"))
                    .collect();
                format!(
                    "{} | {} | {} of {} up to date | {}",
                    l.course,
                    l.role,
                    l.up_to_date,
                    l.members,
                    counts.join(", ")
                )
            })
            .collect()
    }

    #[test]
    fn the_compliance_report_opens_with_how_many_of_how_many_are_up_to_date_for_each_course_and_role()
     {
        use mdr_domain::consolidate::{compliance_summary, compliance_summary_csv};
        let (workspace, catalogue) = summary_fixture();
        let roles = default_roles();
        let rows = compliance(&workspace, &catalogue, &roles, today());
        let summary = compliance_summary(&workspace, &catalogue, &roles, &rows);
        assert_eq!(summary.statuses, ["Overdue", "Not done", "Due soon"]);
        assert_eq!(
            summary_lines(&summary),
            [
                "Code of Conduct | All members | 1 of 4 up to date | Overdue 0, Not done 2, Due soon 1",
                "Licensing committee training | Licensing committee member | 1 of 3 up to date | Overdue 2, Not done 0, Due soon 0",
                "Safeguarding children and adults at risk | All members | 0 of 4 up to date | Overdue 0, Not done 4, Due soon 0",
            ]
        );
        let csv = read_csv(&compliance_summary_csv(&summary).text());
        let licensing = csv
            .iter()
            .find(|r| r["Course"] == "Licensing committee training")
            .unwrap();
        assert_eq!(licensing["Role"], "Licensing committee member");
        assert_eq!(
            (
                licensing["Members"].as_str(),
                licensing["Up to date"].as_str(),
                licensing["Overdue"].as_str()
            ),
            ("3", "1", "2")
        );
        assert_eq!(csv.len(), 3);
    }

    /// The summary counts what the rows say: a status it has not met gets a column, and a
    /// member the rows leave out (a course that does not apply to them) is not counted.
    #[test]
    fn the_compliance_summary_follows_the_rows_whatever_decides_them() {
        use mdr_domain::consolidate::compliance_summary;
        let (workspace, catalogue) = summary_fixture();
        let roles = default_roles();
        let mut rows = compliance(&workspace, &catalogue, &roles, today());
        rows.iter_mut()
            .find(|r| r.member == "Cllr Amrit Kaur" && r.course == "Code of Conduct")
            .unwrap()
            .status = "Exempt";
        rows.retain(|r| !(r.member == "Cllr Bob Ward" && r.course.starts_with("Safeguarding")));
        let summary = compliance_summary(&workspace, &catalogue, &roles, &rows);
        assert_eq!(
            summary.statuses,
            ["Overdue", "Not done", "Due soon", "Exempt"]
        );
        let lines = summary_lines(&summary);
        assert_eq!(
            lines[0],
            "Code of Conduct | All members | 1 of 4 up to date | Overdue 0, Not done 1, Due soon 1, Exempt 1"
        );
        assert_eq!(
            lines[2],
            "Safeguarding children and adults at risk | All members | 0 of 3 up to date | Overdue 0, Not done 3, Due soon 0, Exempt 0"
        );
    }

    /// Training planned or under way has columns of its own, between not done and due soon.
    #[test]
    fn the_compliance_summary_puts_planned_and_in_progress_in_their_place() {
        use mdr_domain::consolidate::compliance_summary;
        let (workspace, catalogue) = summary_fixture();
        let roles = default_roles();
        let mut rows = compliance(&workspace, &catalogue, &roles, today());
        rows[0].status = "Planned";
        rows[1].status = "In progress";
        let summary = compliance_summary(&workspace, &catalogue, &roles, &rows);
        let planned = summary
            .statuses
            .iter()
            .position(|s| *s == "Planned")
            .unwrap();
        let in_progress = summary
            .statuses
            .iter()
            .position(|s| *s == "In progress")
            .unwrap();
        assert!(in_progress < planned);
        if let Some(soon) = summary.statuses.iter().position(|s| *s == "Due soon") {
            assert!(planned < soon);
        }
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
        let csv = spend_csv(&spend).text();
        assert!(csv.contains("Course,I-ACT Managing and Promoting Positive Mental Health and Wellbeing,£75.00,1,1,£150.00\r\n"));
        assert!(csv.contains("Budget,Training budget 2026/27,,,,\"£5,000.00\"\r\n"));
    }

    /// Pounds as the CSV writes them (`£1,950.00`), in pence.
    fn pence(cell: &str) -> u64 {
        let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
        assert!(cell.starts_with('£'), "{cell} is in pounds");
        digits.parse().unwrap()
    }

    /// Read as a script would: the courses, the total and the budget are told apart by the
    /// line's own label, and the total is the courses' sum.
    #[test]
    fn the_spend_csv_labels_its_total_and_budget_lines() {
        let year = MunicipalYear::containing(today());
        let mut workspace = fixture();
        // A third member books the I-ACT course and a place on the £60 chairing course.
        let mut siân = member(3, "Cllr Siân Evans");
        siân.put_activity(activity(
            30,
            "iact-mental-health",
            ActivityStatus::Planned,
            None,
        ));
        let chairing = default_catalogue()
            .into_iter()
            .find(|c| c.cost_pence > 0 && c.id != "iact-mental-health")
            .expect("a second paid course");
        let mut booked = LearningActivity::for_course(Uuid::from_u128(31), &chairing, at(0));
        booked.status = ActivityStatus::Planned;
        siân.put_activity(booked);
        workspace.import("member-record.json", &file(&siân, 1, TABLET, 1));

        let spend = spend(&workspace, &default_catalogue(), 20_000, year);
        let rows = read_csv(&spend_csv(&spend).text());
        let kinds: Vec<&str> = rows.iter().map(|r| r["Line"].as_str()).collect();
        assert_eq!(
            kinds,
            ["Course", "Course", "Total", "Budget", "Over budget"]
        );
        let courses: Vec<_> = rows.iter().filter(|r| r["Line"] == "Course").collect();
        let total = rows.iter().find(|r| r["Line"] == "Total").unwrap();
        let budget = rows.iter().find(|r| r["Line"] == "Budget").unwrap();
        let over = rows.iter().find(|r| r["Line"] == "Over budget").unwrap();
        let committed: u64 = courses.iter().map(|r| pence(&r["Amount"])).sum();
        assert_eq!(pence(&total["Amount"]), committed);
        assert_eq!(committed, 3 * 7_500 + u64::from(chairing.cost_pence));
        let places = |column: &str| -> usize {
            courses
                .iter()
                .map(|r| r[column].parse::<usize>().unwrap())
                .sum()
        };
        assert_eq!(
            total["Places completed"],
            places("Places completed").to_string()
        );
        assert_eq!(
            total["Places planned"],
            places("Places planned").to_string()
        );
        assert_eq!(budget["Course"], "Training budget 2026/27");
        assert_eq!(pence(&budget["Amount"]), 20_000);
        assert_eq!(pence(&over["Amount"]), committed - 20_000);
        for r in &courses {
            assert_eq!(
                pence(&r["Amount"]),
                pence(&r["Cost per place"])
                    * (r["Places completed"].parse::<u64>().unwrap()
                        + r["Places planned"].parse::<u64>().unwrap())
            );
        }
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
            workspace.import("member-record.json", &file(&record, 1, TABLET, 0));
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
        let lines: Vec<(&str, &str, Option<NaiveDate>)> = rows
            .iter()
            .map(|r| (r.member.as_str(), r.status, r.latest_file))
            .collect();
        let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            lines,
            [
                ("Cllr Siân Evans", "No file", None),
                ("Cllr Joan Whitfield", "Over a year old", on(2025, 6, 1)),
                ("Cllr Amrit Kaur", "Up to date", on(2026, 11, 23)),
            ]
        );
    }
}
