//! An officer imports a batch of members' files: however the batch is cut into saves, the
//! workspace and what storage keeps are the same; a save the device refuses is reported as
//! exactly the members it held that were not saved later; the results list the files that
//! need a look first; and the summary's counts add up to the files chosen.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::{any_moment, any_record_of};
use mdr_domain::consolidate::{
    FileResult, ImportOutcome, ImportResults, MemberImport, NOT_READ, OfficerWorkspace, OpenedFile,
    SaveBatch, find_members, member_rows, read_held,
};
use mdr_domain::exchange::{MemberFile, read_member_file, write_member_file};
use mdr_domain::model::MemberRecord;
use proptest::prelude::*;
use uuid::Uuid;

const TABLET: Uuid = Uuid::from_u128(100);
const LAPTOP: Uuid = Uuid::from_u128(200);

/// A refusal from the device's storage, as the browser's store gives one.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Refusal {
    Full,
    Unavailable,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Full => "This device's storage is full.",
            Self::Unavailable => "This browser is not letting the workspace keep members' files.",
        })
    }
}

/// One chosen file, as the browser hands it over.
#[derive(Clone, Debug)]
enum Chosen {
    /// A file that was not locked: its text.
    Plain(String),
    /// A file unlocked with the passphrase: what it held.
    Unlocked(Box<MemberFile>),
    /// Text that is not a member's file.
    NotOurs(String),
    /// A file the device could not hand over.
    Unreadable,
}

/// Files of up to four members, each from one of two devices, with any content; some
/// locked, some not members' files at all, some that cannot be read.
fn any_batch() -> impl Strategy<Value = Vec<Chosen>> {
    proptest::collection::vec(
        (1u128..5, any::<bool>(), 0u64..6, any_moment(), 0u8..10).prop_flat_map(
            |(n, laptop, revision, when, kind)| {
                any_record_of(Uuid::from_u128(n)).prop_map(move |mut record| {
                    record.profile.full_name = format!("Cllr Member {n}");
                    let device = if laptop { LAPTOP } else { TABLET };
                    let file = MemberFile::new(record, revision, device, when);
                    match kind {
                        0 => Chosen::NotOurs("Name,Ward\nAmrit,Tipton Green\n".to_owned()),
                        1 => Chosen::Unreadable,
                        2 | 3 => Chosen::Unlocked(Box::new(file)),
                        _ => Chosen::Plain(write_member_file(&file)),
                    }
                })
            },
        ),
        1..12,
    )
}

fn name(i: usize) -> String {
    format!("file-{i}.json")
}

/// Hands one chosen file to the import, as the officer's page does.
fn hand_over(import: &mut MemberImport, workspace: &mut OfficerWorkspace, i: usize, file: &Chosen) {
    match file {
        Chosen::Plain(text) | Chosen::NotOurs(text) => match read_member_file(text) {
            Ok(file) => import.merge(workspace, name(i), OpenedFile::plain(file, text.clone())),
            Err(e) => import.refuse(name(i), &e),
        },
        Chosen::Unlocked(file) => import.merge(
            workspace,
            name(i),
            OpenedFile::unlocked(file.as_ref().clone()),
        ),
        Chosen::Unreadable => import.not_read(name(i)),
    }
}

/// Imports `files` into `workspace`, saving every `every` changed members and also after
/// each file marked in `cut_after`; returns the import and the batches, in the order taken.
fn import_all(
    workspace: &mut OfficerWorkspace,
    files: &[Chosen],
    every: usize,
    cut_after: &[bool],
) -> (MemberImport, Vec<SaveBatch>) {
    let mut import = MemberImport::saving_every(every);
    let mut batches = Vec::new();
    for (i, file) in files.iter().enumerate() {
        hand_over(&mut import, workspace, i, file);
        batches.extend(import.save_due(workspace));
        if cut_after.get(i).copied().unwrap_or(false) {
            batches.extend(import.save_now(workspace));
        }
    }
    batches.extend(import.save_now(workspace));
    (import, batches)
}

/// What storage holds after the batches `kept` says were written (all, by default).
fn store_after(
    mut store: BTreeMap<Uuid, String>,
    batches: &[SaveBatch],
    kept: impl Fn(usize) -> bool,
) -> BTreeMap<Uuid, String> {
    for (n, batch) in batches.iter().enumerate() {
        if kept(n) {
            for member in &batch.members {
                store.insert(member.id, member.text.clone());
            }
        }
    }
    store
}

fn read_back(store: &BTreeMap<Uuid, String>) -> OfficerWorkspace {
    let texts: Vec<String> = store.values().cloned().collect();
    let held = read_held(&texts);
    assert_eq!(held.unreadable, 0, "every saved member reads back");
    held.workspace
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_split_of_a_batch_into_saves_gives_the_same_workspace(
        first in any_batch(),
        files in any_batch(),
        every in 1usize..6,
        cut_after in proptest::collection::vec(any::<bool>(), 0..12),
    ) {
        // Some members are held already, as a reopened workspace holds them.
        let mut held = OfficerWorkspace::default();
        let (_, batches) = import_all(&mut held, &first, usize::MAX, &[]);
        let store = store_after(BTreeMap::new(), &batches, |_| true);

        let mut whole = held.clone();
        let (whole_import, whole_batches) = import_all(&mut whole, &files, usize::MAX, &[]);
        prop_assert!(whole_batches.len() <= 1, "one save at the end");
        let mut cut = held.clone();
        let (cut_import, cut_batches) = import_all(&mut cut, &files, every, &cut_after);

        prop_assert_eq!(&whole, &cut);
        let whole_store = store_after(store.clone(), &whole_batches, |_| true);
        let cut_store = store_after(store, &cut_batches, |_| true);
        prop_assert_eq!(read_back(&whole_store), whole.clone(), "what is saved reads back as what is held");
        prop_assert_eq!(read_back(&cut_store), cut);
        prop_assert!(cut_batches.iter().all(|b| b.members.len() <= every.max(whole.members.len())));

        let whole_report = whole_import.finish(vec![Ok(()); whole_batches.len()], Refusal::Unavailable);
        let cut_report = cut_import.finish(vec![Ok(()); cut_batches.len()], Refusal::Unavailable);
        prop_assert_eq!(&whole_report.results, &cut_report.results);
        prop_assert_eq!(whole_report.not_saved, None);
        prop_assert_eq!(cut_report.not_saved, None);
    }

    #[test]
    fn a_refused_save_is_reported_as_exactly_the_members_not_saved(
        files in any_batch(),
        every in 1usize..4,
        cut_after in proptest::collection::vec(any::<bool>(), 0..12),
        refused in proptest::collection::vec(any::<bool>(), 0..12),
    ) {
        let mut workspace = OfficerWorkspace::default();
        let (import, batches) = import_all(&mut workspace, &files, every, &cut_after);
        let is_refused = |n: usize| refused.get(n).copied().unwrap_or(false);
        let ended: Vec<Result<(), Refusal>> = (0..batches.len())
            .map(|n| if is_refused(n) { Err(Refusal::Full) } else { Ok(()) })
            .collect();
        let store = store_after(BTreeMap::new(), &batches, |n| !is_refused(n));
        let written: BTreeSet<Uuid> = batches.iter().flat_map(|b| b.members.iter().map(|m| m.id)).collect();
        prop_assert_eq!(
            written.iter().collect::<Vec<_>>(),
            workspace.members.keys().collect::<Vec<_>>(),
            "every member held came from this import, so each was written"
        );

        let report = import.finish(ended, Refusal::Unavailable);
        // Saved means what storage holds for the member is what the workspace holds.
        let not_saved: BTreeSet<Uuid> = workspace
            .members
            .iter()
            .filter(|(id, held)| {
                store.get(id).map(|text| mdr_domain::consolidate::HeldMember::from_stored(text).unwrap())
                    .as_ref() != Some(*held)
            })
            .map(|(id, _)| *id)
            .collect();
        match report.not_saved {
            None => prop_assert!(not_saved.is_empty(), "{:?} were not saved", not_saved),
            Some(reported) => {
                prop_assert_eq!(&reported.members, &not_saved);
                prop_assert!(!reported.members.is_empty());
                prop_assert_eq!(reported.of, written.len());
                prop_assert_eq!(reported.why, Refusal::Full);
            }
        }
    }

    #[test]
    fn the_files_that_need_a_look_are_listed_first_and_the_counts_add_up(
        files in any_batch(),
        every in 1usize..6,
    ) {
        let mut workspace = OfficerWorkspace::default();
        let (import, batches) = import_all(&mut workspace, &files, every, &[]);
        let results = import.finish(vec![Ok(()); batches.len()], Refusal::Unavailable).results;
        let rows = results.rows();
        prop_assert_eq!(rows.len(), files.len());
        let rank = |row: &FileResult| match row.outcome {
            ImportOutcome::Refused { .. } => 0,
            ImportOutcome::Merged { .. } => 1,
            _ => 2,
        };
        prop_assert!(rows.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])), "refused, then merged, then the rest");
        for group in 0..3 {
            // Within each group, in the order the files were chosen.
            let numbers: Vec<usize> = rows
                .iter()
                .filter(|row| rank(row) == group)
                .map(|row| row.file["file-".len()..row.file.len() - ".json".len()].parse().unwrap())
                .collect();
            prop_assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{:?}", numbers);
        }
        for (i, file) in files.iter().enumerate() {
            if matches!(file, Chosen::NotOurs(_) | Chosen::Unreadable) {
                let row = rows.iter().find(|row| row.file == name(i)).unwrap();
                prop_assert_eq!(row.outcome.label(), "Refused");
            }
        }

        let summary = results.summary();
        prop_assert_eq!(summary.files, files.len());
        prop_assert_eq!(
            summary.accepted + summary.updated + summary.merged + summary.unchanged + summary.older + summary.refused,
            files.len()
        );
        for (label, count) in [
            ("Accepted", summary.accepted),
            ("Updated", summary.updated),
            ("Merged", summary.merged),
            ("Unchanged", summary.unchanged),
            ("Older", summary.older),
            ("Refused", summary.refused),
        ] {
            prop_assert_eq!(rows.iter().filter(|r| r.outcome.label() == label).count(), count, "{}", label);
        }
    }
}

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn member_file(n: u128, revision: u64) -> String {
    let mut record = MemberRecord::new(Uuid::from_u128(n), at(0));
    record.profile.full_name = format!("Cllr Member {n}");
    record.profile.council = "Sandwell Metropolitan Borough Council".into();
    record.profile.ward = format!("Ward {n}");
    write_member_file(&MemberFile::new(
        record,
        revision,
        TABLET,
        at(revision as i64),
    ))
}

/// Imports numbered members' files, a hundred to a save, refusing the saves `refused` names.
fn import_members(
    workspace: &mut OfficerWorkspace,
    files: &[String],
    refused: &[usize],
) -> mdr_domain::consolidate::ImportReport<Refusal> {
    let chosen: Vec<Chosen> = files.iter().cloned().map(Chosen::Plain).collect();
    let (import, batches) = import_all(workspace, &chosen, 100, &[]);
    let ended = (0..batches.len()).map(|n| {
        if refused.contains(&n) {
            Err(Refusal::Full)
        } else {
            Ok(())
        }
    });
    import.finish(ended, Refusal::Unavailable)
}

#[test]
fn a_device_that_runs_out_of_room_part_way_says_how_many_members_were_not_saved() {
    // A hundred and fifty new members, then member 21 again, changed: the first hundred
    // are saved, the rest (with member 21's change) are not.
    let mut files: Vec<String> = (21..=170).map(|n| member_file(n, 1)).collect();
    files.push(member_file(21, 2));
    let mut workspace = OfficerWorkspace::default();
    let report = import_members(&mut workspace, &files, &[1]);
    let not_saved = report.not_saved.expect("the second save was refused");
    assert_eq!(not_saved.members.len(), 51);
    assert!(not_saved.members.contains(&Uuid::from_u128(21)));
    assert_eq!(
        not_saved.to_string(),
        "51 of the 150 members this import added or changed could not be saved on this device, so those changes will be gone when this page closes. This device's storage is full."
    );
    assert_eq!(
        report.results.summary().to_string(),
        "151 files: 150 accepted, 1 updated, 0 merged, 0 unchanged, 0 older, 0 refused."
    );
}

#[test]
fn a_member_saved_again_later_in_the_import_is_saved() {
    let mut files: Vec<String> = (1..=100).map(|n| member_file(n, 1)).collect();
    files.push(member_file(1, 2));
    let mut workspace = OfficerWorkspace::default();
    let report = import_members(&mut workspace, &files, &[0]);
    let not_saved = report.not_saved.expect("the first save was refused");
    assert_eq!(
        not_saved.members.len(),
        99,
        "member 1 was written again, and kept"
    );
    assert!(!not_saved.members.contains(&Uuid::from_u128(1)));
    assert_eq!(not_saved.of, 100);
}

#[test]
fn a_save_whose_end_is_never_heard_of_counts_as_not_saved() {
    let files: Vec<String> = (1..=3).map(|n| member_file(n, 1)).collect();
    let chosen: Vec<Chosen> = files.into_iter().map(Chosen::Plain).collect();
    let mut workspace = OfficerWorkspace::default();
    let (import, batches) = import_all(&mut workspace, &chosen, 100, &[]);
    assert_eq!(batches.len(), 1);
    let report = import.finish(Vec::new(), Refusal::Unavailable);
    let not_saved = report.not_saved.unwrap();
    assert_eq!((not_saved.members.len(), not_saved.of), (3, 3));
    assert_eq!(not_saved.why, Refusal::Unavailable);
}

#[test]
fn fifty_files_and_six_bad_ones_are_summed_up_with_the_bad_ones_first() {
    let mut workspace = OfficerWorkspace::default();
    let mut import = MemberImport::new();
    for n in 1..=25 {
        let text = member_file(n, 1);
        import.merge(
            &mut workspace,
            format!("member-{n}.json"),
            OpenedFile::plain(read_member_file(&text).unwrap(), text),
        );
    }
    for bad in [
        "attendance.csv",
        "cut-short.json",
        "council-pack.json",
        "from-the-future.json",
        "impostor.json",
    ] {
        import.refuse(bad.to_owned(), &read_member_file("{").unwrap_err());
    }
    import.not_read("gone.json".to_owned());
    for n in 26..=50 {
        let text = member_file(n, 1);
        import.merge(
            &mut workspace,
            format!("member-{n}.json"),
            OpenedFile::plain(read_member_file(&text).unwrap(), text),
        );
    }
    assert_eq!(import.files(), 56);
    let batch = import.save_now(&workspace).unwrap();
    assert_eq!(batch.members.len(), 50);
    let results = import
        .finish([Ok::<(), Refusal>(())], Refusal::Unavailable)
        .results;
    assert_eq!(
        results.summary().to_string(),
        "56 files: 50 accepted, 0 updated, 0 merged, 0 unchanged, 0 older, 6 refused."
    );
    let first: Vec<&str> = results
        .rows()
        .iter()
        .take(7)
        .map(|r| r.file.as_str())
        .collect();
    assert_eq!(
        first,
        [
            "attendance.csv",
            "cut-short.json",
            "council-pack.json",
            "from-the-future.json",
            "impostor.json",
            "gone.json",
            "member-1.json"
        ]
    );
    assert_eq!(results.rows()[5].outcome.explanation(), NOT_READ);
    assert_eq!(ImportResults::default().summary().files, 0);
}

#[test]
fn the_members_list_is_in_name_order_and_a_search_finds_every_word() {
    let mut workspace = OfficerWorkspace::default();
    for n in [10, 2, 1, 23, 3] {
        workspace.import("member-record.json", &member_file(n, 1));
    }
    let rows = member_rows(&workspace);
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Cllr Member 1",
            "Cllr Member 2",
            "Cllr Member 3",
            "Cllr Member 10",
            "Cllr Member 23"
        ]
    );
    assert_eq!(rows[0].ward, "Ward 1");
    assert_eq!(rows[0].revision, 1);

    let everyone = find_members(&rows, "", 2);
    assert_eq!((everyone.shown.len(), everyone.found), (2, 5));
    assert_eq!(everyone.shown, rows[..2]);
    let found = find_members(&rows, "  MEMBER  ward 2 ", 50);
    let names: Vec<&str> = found.shown.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Cllr Member 2", "Cllr Member 23"]);
    assert_eq!(find_members(&rows, "Dudley", 50).found, 0);
}

#[test]
fn one_file_is_counted_as_one_file() {
    let mut workspace = OfficerWorkspace::default();
    let report = import_members(&mut workspace, &[member_file(1, 1)], &[]);
    assert_eq!(
        report.results.summary().to_string(),
        "1 file: 1 accepted, 0 updated, 0 merged, 0 unchanged, 0 older, 0 refused."
    );
}
