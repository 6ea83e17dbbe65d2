//! Members' files from several councils: each council's members held apart (a member is
//! known by council and id), and every report each council's own, laid end to end under a
//! *Council* column; files from one council give exactly that council's reports.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use mdr_domain::consolidate::{
    COUNCIL_HEADING, Cell, CharterActions, Councils, Csv, ImportOutcome, NO_COUNCIL,
    OfficerWorkspace, PART_ROWS, Part, ReportSetting, SHEETS, Table, WorkbookSource, csv_reports,
    report_csv, report_csvs, report_table, report_tables,
};
use mdr_domain::exchange::MemberFile;
use mdr_domain::model::{LearningActivity, MemberRecord};
use proptest::prelude::*;
use uuid::Uuid;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn setting() -> ReportSetting<'static> {
    ReportSetting {
        pack: None,
        today: today(),
    }
}

fn file(id: u128, name: &str, council: &str) -> MemberFile {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut record = MemberRecord::new(Uuid::from_u128(id), now);
    record.profile.full_name = name.into();
    record.profile.council = council.into();
    MemberFile::new(record, 1, Uuid::from_u128(1000 + id), now)
}

/// Every sheet, each whole, as the workbook gets them a part at a time.
fn tables_of(councils: &Councils, actions: &CharterActions) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    let reports = councils.reports(&setting());
    reports.each_report_table(actions, |part| match part {
        Part::Begin(table) => tables.push(table),
        Part::Rows(rows) => tables.last_mut().unwrap().rows.extend(rows),
        Part::End => {}
    });
    tables
}

/// Every CSV, each whole, as the command gets them a part at a time.
fn csvs_of(councils: &Councils, actions: &CharterActions) -> Vec<(String, Csv)> {
    let mut csvs: Vec<(String, Csv)> = Vec::new();
    let reports = councils.reports(&setting());
    reports.each_report_csv(actions, |part| match part {
        Part::Begin((stem, header)) => csvs.push((
            stem,
            Csv {
                header,
                rows: Vec::new(),
            },
        )),
        Part::Rows(rows) => csvs.last_mut().unwrap().1.rows.extend(
            rows.into_iter()
                .map(|row| row.into_iter().map(|cell| cell.into_owned()).collect()),
        ),
        Part::End => {}
    });
    csvs
}

/// The files imported as the command imports them: each into its council's workspace.
fn councils_of(files: impl IntoIterator<Item = MemberFile>) -> (Councils, Vec<ImportOutcome>) {
    let mut councils = Councils::default();
    let outcomes = files
        .into_iter()
        .map(|file| {
            let council = file.record.profile.council.clone();
            councils.workspace_for(&council).import_file(file)
        })
        .collect();
    (councils, outcomes)
}

/// Where each of `own`'s headings sits in `joined`'s: the same heading, the second of a
/// name at the second; a report's own *Council* column at the joined report's first.
fn places(joined: &[String], own: &[String]) -> Vec<usize> {
    own.iter()
        .enumerate()
        .map(|(i, heading)| {
            if heading == COUNCIL_HEADING {
                return 0;
            }
            let nth = own[..i].iter().filter(|h| *h == heading).count();
            joined
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(_, h)| *h == heading)
                .nth(nth)
                .map(|(at, _)| at)
                .expect("every council's column is in the joined report")
        })
        .collect()
}

/// `council`'s rows of a joined CSV, in its own report's columns.
fn rows_of(joined: &Csv, council: &str, own: &Csv) -> Vec<Vec<String>> {
    let at = places(&joined.header, &own.header);
    joined
        .rows
        .iter()
        .filter(|row| row[0] == council)
        .map(|row| at.iter().map(|&i| row[i].clone()).collect())
        .collect()
}

/// `council`'s rows of a joined sheet, in its own sheet's columns.
fn sheet_rows_of(joined: &Table, council: &str, own: &Table) -> Vec<Vec<Cell>> {
    let at = places(&headings(joined), &headings(own));
    joined
        .rows
        .iter()
        .filter(|row| row[0] == Cell::text(council))
        .map(|row| at.iter().map(|&i| row[i].clone()).collect())
        .collect()
}

fn headings(table: &Table) -> Vec<String> {
    table.columns.iter().map(|c| c.heading.clone()).collect()
}

/// A council's own rows as its part of a joined report gives them: a *Council* column of
/// the report's own (each member's council as they typed it) says the council as it is
/// filed, which the joined report's first column says once for the row.
fn as_filed<T: Clone>(rows: &[Vec<T>], own: &[String], filed: T) -> Vec<Vec<T>> {
    rows.iter()
        .map(|row| {
            row.iter()
                .zip(own)
                .map(|(cell, heading)| {
                    if heading == COUNCIL_HEADING {
                        filed.clone()
                    } else {
                        cell.clone()
                    }
                })
                .collect()
        })
        .collect()
}

#[test]
fn files_from_one_council_give_that_councils_own_reports_with_no_column_added() {
    let files = [
        file(1, "Cllr Amrit Kaur", "Wyre Council"),
        file(2, "Cllr Joan Whitfield", "wyre  council"),
    ];
    let (councils, _) = councils_of(files.clone());
    assert_eq!(councils.len(), 1, "case and spacing aside, one council");
    assert_eq!(councils.iter().next().unwrap().name, "Wyre Council");
    let mut workspace = OfficerWorkspace::default();
    for f in files {
        workspace.import_file(f);
    }
    let source = WorkbookSource {
        workspace: &workspace,
        pack: None,
        roster: &[],
        today: today(),
    };
    let actions = CharterActions::default();
    assert_eq!(csvs_of(&councils, &actions), report_csvs(&source, &actions));
    assert_eq!(
        tables_of(&councils, &actions),
        report_tables(&source, &actions)
    );
    assert_eq!(
        councils.reports_title(None),
        "Wyre Council: member development reports"
    );
}

#[test]
fn a_member_is_known_by_council_and_id() {
    let (councils, outcomes) = councils_of([
        file(7, "Cllr Siân Evans", "Cardiff Council"),
        file(7, "Cllr Siân Evans", "Swansea Council"),
    ]);
    assert!(
        outcomes
            .iter()
            .all(|o| matches!(o, ImportOutcome::Accepted { .. })),
        "{outcomes:?}"
    );
    assert_eq!(councils.len(), 2);
    assert_eq!(councils.members(), 2);
    let csvs = csvs_of(&councils, &CharterActions::default());
    let (_, engagement) = csvs.iter().find(|(stem, _)| stem == "engagement").unwrap();
    assert_eq!(engagement.header[..2], ["Council", "Member"]);
    let councils_listed: Vec<&str> = engagement.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(councils_listed, ["Cardiff Council", "Swansea Council"]);
    assert_eq!(
        councils.reports_title(None),
        "Member development reports: 2 councils"
    );
}

#[test]
fn a_member_of_no_council_is_listed_under_council_not_given() {
    let (councils, _) = councils_of([
        file(1, "Cllr Amrit Kaur", "Wyre Council"),
        file(2, "Cllr Zara Ali", "  "),
    ]);
    let names: Vec<&str> = councils.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, [NO_COUNCIL, "Wyre Council"]);
}

#[test]
fn the_roster_names_each_members_council_or_is_matched_to_the_council_holding_them() {
    let (mut councils, _) = councils_of([
        file(1, "Cllr Amrit Kaur", "Wyre Council"),
        file(
            2,
            "Cllr Joan Whitfield",
            "Sandwell Metropolitan Borough Council",
        ),
    ]);
    councils.expect(&[
        "Wyre Council\tCllr Tom Birch".to_owned(),
        "cllr amrit kaur".to_owned(),
        "Gwynedd Council\tCllr Elin Hughes".to_owned(),
        "Cllr Nobody Known".to_owned(),
        String::new(),
    ]);
    let csvs = csvs_of(&councils, &CharterActions::default());
    let (_, engagement) = csvs.iter().find(|(stem, _)| stem == "engagement").unwrap();
    let rows: Vec<(&str, &str, &str)> = engagement
        .rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[3].as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (NO_COUNCIL, "Cllr Nobody Known", "No file"),
            ("Gwynedd Council", "Cllr Elin Hughes", "No file"),
            (
                "Sandwell Metropolitan Borough Council",
                "Cllr Joan Whitfield",
                "Up to date"
            ),
            ("Wyre Council", "Cllr Tom Birch", "No file"),
            ("Wyre Council", "Cllr Amrit Kaur", "Up to date"),
        ]
    );
}

#[test]
fn with_one_council_the_roster_is_that_councils() {
    let (mut councils, _) = councils_of([file(1, "Cllr Amrit Kaur", "Wyre Council")]);
    councils.expect(&["Cllr Tom Birch".to_owned()]);
    assert_eq!(councils.len(), 1);
    assert_eq!(councils.iter().next().unwrap().roster, ["Cllr Tom Birch"]);
}

fn any_councils_files() -> impl Strategy<Value = Vec<MemberFile>> {
    let council = prop_oneof![
        Just("Cardiff Council"),
        Just("cardiff council"),
        Just("Gwynedd Council"),
        Just("Wyre Council"),
    ];
    proptest::collection::vec((common::any_member_file(), council), 0..7).prop_map(|files| {
        files
            .into_iter()
            .map(|(mut file, council)| {
                file.record.profile.council = council.to_owned();
                file
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// However members fall among councils, each council's rows of every joined report are
    /// exactly that council's own report.
    #[test]
    fn every_joined_report_is_each_councils_own_under_its_name(files in any_councils_files()) {
        let (councils, _) = councils_of(files);
        let actions = CharterActions::default();
        let joined_csvs = csvs_of(&councils, &actions);
        let joined_tables = tables_of(&councils, &actions);
        if councils.several() {
            for council in councils.iter() {
                let source = WorkbookSource {
                    workspace: &council.workspace,
                    pack: None,
                    roster: &[],
                    today: today(),
                };
                for (stem, own) in report_csvs(&source, &actions) {
                    let (_, joined) = joined_csvs.iter().find(|(s, _)| *s == stem).unwrap();
                    prop_assert_eq!(&joined.header[0], COUNCIL_HEADING);
                    prop_assert_eq!(joined.header.iter().filter(|h| *h == COUNCIL_HEADING).count(), 1, "{}", stem);
                    prop_assert_eq!(
                        rows_of(joined, &council.name, &own),
                        as_filed(&own.rows, &own.header, council.name.clone()),
                        "{}", stem
                    );
                }
                for own in report_tables(&source, &actions) {
                    let joined = joined_tables.iter().find(|t| t.sheet == own.sheet).unwrap();
                    prop_assert_eq!(&joined.columns[0].heading, COUNCIL_HEADING);
                    prop_assert_eq!(headings(joined).iter().filter(|h| *h == COUNCIL_HEADING).count(), 1, "{}", own.sheet);
                    prop_assert_eq!(
                        sheet_rows_of(joined, &council.name, &own),
                        as_filed(&own.rows, &headings(&own), Cell::text(&council.name)),
                        "{}", own.sheet
                    );
                }
            }
            // No row belongs to no council.
            for (_, joined) in &joined_csvs {
                for row in &joined.rows {
                    prop_assert!(councils.iter().any(|c| c.name == row[0]));
                    prop_assert_eq!(row.len(), joined.header.len());
                }
            }
        } else {
            prop_assert!(joined_csvs.iter().all(|(_, csv)| csv.header.first().is_none_or(|h| h != COUNCIL_HEADING)));
        }
    }
}

#[test]
fn a_council_is_named_as_most_of_its_members_spell_it_whatever_the_order() {
    let spellings = ["wyre council", "Wyre Council", "wyre  council"];
    for order in [[0, 1, 2], [1, 2, 0], [2, 0, 1]] {
        let (councils, _) = councils_of(
            order
                .iter()
                .map(|&i| file(i as u128, "Cllr Amrit Kaur", spellings[i])),
        );
        assert_eq!(councils.iter().next().unwrap().name, "wyre council");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The joined reports take their columns from the report of no members, before any
    /// council's rows are made: so every report but those said to follow the members has
    /// the same columns whatever the members hold.
    #[test]
    fn every_reports_columns_but_those_that_follow_the_members_are_those_of_no_members(
        files in proptest::collection::vec(common::any_member_file(), 0..5),
    ) {
        let mut workspace = OfficerWorkspace::default();
        for file in files {
            workspace.import_file(file);
        }
        let none = OfficerWorkspace::default();
        let source = |workspace| WorkbookSource { workspace, pack: None, roster: &[], today: today() };
        let actions = CharterActions::default();
        for sheet in SHEETS.into_iter().filter(|s| !s.columns_follow_members()) {
            prop_assert_eq!(
                report_table(&source(&workspace), sheet, &actions).columns,
                report_table(&source(&none), sheet, &actions).columns,
                "{:?}", sheet
            );
        }
        for report in csv_reports(None).into_iter().filter(|r| !r.columns_follow_members()) {
            let held = report_csv(&source(&workspace), report, &actions).map(|(_, c)| c.header);
            let of_none = report_csv(&source(&none), report, &actions).map(|(_, c)| c.header);
            prop_assert!(of_none.is_some(), "{:?} has a report of no members", report);
            prop_assert_eq!(held, of_none, "{:?}", report);
        }
    }
}

/// Members of two councils with 30 courses each, more training audit rows in all than
/// one part holds.
fn long_audit() -> Councils {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let files = (0..300u128).map(|n| {
        let council = if n % 3 == 0 { "Powys" } else { "Ceredigion" };
        let mut file = file(n + 1, &format!("Member {}", 300 - n), council);
        for course in 0..30u128 {
            let mut activity = LearningActivity::own(Uuid::from_u128(n * 100 + course + 5000), now);
            activity.title = format!("Course {course}");
            file.record.put_activity(activity);
        }
        file
    });
    councils_of(files).0
}

#[test]
fn the_training_audit_comes_a_part_at_a_time_and_its_parts_are_the_whole_report() {
    let councils = long_audit();
    let actions = CharterActions::default();
    for (one, council) in [(true, "Ceredigion"), (false, "")] {
        let councils = if one {
            let mut only = Councils::default();
            let held = councils.iter().find(|c| c.name == council).unwrap();
            *only.workspace_for(council) = held.workspace.clone();
            only
        } else {
            councils.clone()
        };
        let mut parts = Vec::new();
        councils
            .reports(&setting())
            .each_report_table(&actions, |part| {
                if let Part::Rows(rows) = part {
                    parts.push(rows.len());
                }
            });
        let audit_rows: usize = councils
            .iter()
            .map(|c| c.workspace.members.values().map(|_| 30).sum::<usize>())
            .sum();
        assert!(audit_rows > PART_ROWS, "{audit_rows} rows");
        // The audit's parts come first; none is longer than a part.
        let audit_parts: Vec<usize> = parts
            .iter()
            .copied()
            .scan(0, |seen, n| {
                *seen += n;
                (*seen - n < audit_rows).then_some(n)
            })
            .collect();
        assert!(audit_parts.len() > 1, "{audit_parts:?}");
        assert!(
            audit_parts.iter().all(|n| *n <= PART_ROWS),
            "{audit_parts:?}"
        );
        assert_eq!(audit_parts.iter().sum::<usize>(), audit_rows);

        let tables = tables_of(&councils, &actions);
        let csvs = csvs_of(&councils, &actions);
        if one {
            let held = councils.iter().next().unwrap();
            let source = WorkbookSource {
                workspace: &held.workspace,
                pack: None,
                roster: &[],
                today: today(),
            };
            assert_eq!(tables, report_tables(&source, &actions));
            assert_eq!(csvs, report_csvs(&source, &actions));
        } else {
            assert_eq!(tables[0].rows.len(), audit_rows);
            assert_eq!(csvs[0].1.rows.len(), audit_rows);
            for held in councils.iter() {
                let source = WorkbookSource {
                    workspace: &held.workspace,
                    pack: None,
                    roster: &[],
                    today: today(),
                };
                let own = report_table(&source, SHEETS[0], &actions);
                assert_eq!(
                    sheet_rows_of(&tables[0], &held.name, &own),
                    as_filed(&own.rows, &headings(&own), Cell::text(&held.name)),
                    "{}",
                    held.name
                );
            }
        }
    }
}
