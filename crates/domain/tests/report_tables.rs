//! The officer's reports as typed sheets for the workbook, on a workspace worked out by
//! hand: every sheet in order, dates as dates, money in pence, counts as counts, and what
//! a member typed kept as text, however much it looks like a formula.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mdr_domain::consolidate::{
    Cell, CharterActions, ColumnKind, OfficerWorkspace, Table, WorkbookSource, report_csvs,
    report_tables,
};
use mdr_domain::exchange::{MemberFile, write_member_file};
use mdr_domain::model::{ActivityStatus, LearningActivity, MemberRecord, default_catalogue};
use uuid::Uuid;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn member(n: u128, name: &str, ward: &str) -> MemberRecord {
    let mut record = MemberRecord::new(Uuid::from_u128(n), at());
    record.profile.full_name = name.into();
    record.profile.council = "Cyngor Sir Ynys Môn".into();
    record.profile.ward = ward.into();
    record.profile.roles = ["backbench-member".to_owned()].into();
    record.profile.date_elected = Some(date(2022, 5, 5));
    record
}

fn log(record: &mut MemberRecord, n: u128, course: &str, status: ActivityStatus, on: NaiveDate) {
    let catalogue = default_catalogue();
    let course = catalogue.iter().find(|c| c.id == course).unwrap();
    let mut activity = LearningActivity::for_course(Uuid::from_u128(n), course, at());
    activity.status = status;
    match status {
        ActivityStatus::Completed => activity.completed_on = Some(on),
        _ => activity.start_date = Some(on),
    }
    record.put_activity(activity);
}

/// Two members, on 1 December 2026 (municipal year 2026/27):
/// - Siân Llŷr-Jones completed the I-ACT course (£75.00) on 14 October 2026, and has
///   Presenting with Impact (£60.00) planned for 2 February 2027;
/// - a member whose name a spreadsheet would run as a formula, with nothing recorded.
fn workspace() -> OfficerWorkspace {
    let mut sian = member(1, "Cllr Siân Llŷr-Jones", "Aethwy");
    log(
        &mut sian,
        10,
        "iact-mental-health",
        ActivityStatus::Completed,
        date(2026, 10, 14),
    );
    log(
        &mut sian,
        11,
        "presenting-with-impact",
        ActivityStatus::Planned,
        date(2027, 2, 2),
    );
    let formula = member(
        2,
        "=HYPERLINK(\"http://example.com\",\"Click\")",
        "Bro Aberffraw",
    );
    let mut workspace = OfficerWorkspace::default();
    for (n, record) in [sian, formula].into_iter().enumerate() {
        let file = write_member_file(&MemberFile::new(
            record,
            1,
            Uuid::from_u128(100 + n as u128),
            at(),
        ));
        workspace.import("member-record.json", &file);
    }
    workspace
}

fn tables(workspace: &OfficerWorkspace) -> Vec<Table> {
    report_tables(
        &WorkbookSource {
            workspace,
            pack: None,
            roster: &["Cllr Aled Roberts".to_owned()],
            today: date(2026, 12, 1),
        },
        &CharterActions::default(),
    )
}

fn sheet<'a>(tables: &'a [Table], name: &str) -> &'a Table {
    tables
        .iter()
        .find(|t| t.sheet == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
}

fn column(table: &Table, heading: &str) -> usize {
    table
        .columns
        .iter()
        .position(|c| c.heading == heading)
        .unwrap_or_else(|| panic!("no column {heading} in {}", table.sheet))
}

#[test]
fn every_report_is_a_sheet_in_the_pages_order() {
    let tables = tables(&workspace());
    let names: Vec<&str> = tables.iter().map(|t| t.sheet.as_str()).collect();
    assert_eq!(
        names,
        [
            "Training audit",
            "Training matrix",
            "Compliance summary",
            "Compliance",
            "Needs",
            "Survey results",
            "Course evaluation",
            "Spend",
            "Spend per member",
            "Hours",
            "Engagement",
            "Charter evidence",
        ]
    );
    for table in &tables {
        for row in &table.rows {
            assert_eq!(row.len(), table.columns.len(), "{}", table.sheet);
        }
    }
}

#[test]
fn dates_are_dates_and_names_are_text_whatever_they_look_like() {
    let tables = tables(&workspace());
    let audit = sheet(&tables, "Training audit");
    let iact = audit
        .rows
        .iter()
        .find(|r| {
            r[column(audit, "Course")]
                == Cell::text("I-ACT Managing and Promoting Positive Mental Health and Wellbeing")
        })
        .expect("the I-ACT line");
    assert_eq!(
        iact[column(audit, "Member")],
        Cell::text("Cllr Siân Llŷr-Jones")
    );
    assert_eq!(
        iact[column(audit, "Completed on")],
        Cell::Date(date(2026, 10, 14))
    );
    assert_eq!(
        audit.columns[column(audit, "Completed on")].kind,
        ColumnKind::Date
    );
    let formula = audit
        .rows
        .iter()
        .find(|r| r[column(audit, "Status")] == Cell::text("No training recorded"))
        .expect("the line of the member with nothing recorded");
    assert_eq!(
        formula[column(audit, "Member")],
        Cell::text("=HYPERLINK(\"http://example.com\",\"Click\")")
    );

    let matrix = sheet(&tables, "Training matrix");
    let iact_column = column(
        matrix,
        "I-ACT Managing and Promoting Positive Mental Health and Wellbeing",
    );
    let sian = matrix
        .rows
        .iter()
        .find(|r| r[0] == Cell::text("Cllr Siân Llŷr-Jones"))
        .unwrap();
    assert_eq!(sian[iact_column], Cell::Date(date(2026, 10, 14)));
    let presenting = column(matrix, "Presenting with Impact");
    assert_eq!(sian[presenting], Cell::text("planned"));

    let engagement = sheet(&tables, "Engagement");
    // The expected member with no file comes first, with no date.
    assert_eq!(
        engagement.rows[0],
        vec![
            Cell::text("Cllr Aled Roberts"),
            Cell::Blank,
            Cell::text("No file")
        ]
    );
    assert_eq!(engagement.rows[1][1], Cell::Date(date(2026, 11, 23)));
}

/// £75.00 completed and £60.00 planned, against the default £5,000.00 budget: £4,865.00
/// left.
#[test]
fn spend_is_in_pence_with_its_total_budget_and_what_is_left() {
    let tables = tables(&workspace());
    let spend = sheet(&tables, "Spend");
    let amount = column(spend, "Amount");
    assert_eq!(spend.columns[amount].kind, ColumnKind::Money);
    let lines: Vec<(&Cell, &Cell, &Cell)> = spend
        .rows
        .iter()
        .map(|r| (&r[0], &r[1], &r[amount]))
        .collect();
    assert_eq!(
        lines,
        [
            (
                &Cell::text("Course"),
                &Cell::text("I-ACT Managing and Promoting Positive Mental Health and Wellbeing"),
                &Cell::Pence(7500)
            ),
            (
                &Cell::text("Course"),
                &Cell::text("Presenting with Impact"),
                &Cell::Pence(6000)
            ),
            (
                &Cell::text("Total"),
                &Cell::text("Places completed and planned"),
                &Cell::Pence(13_500)
            ),
            (
                &Cell::text("Budget"),
                &Cell::text("Training budget 2026/27"),
                &Cell::Pence(500_000)
            ),
            (
                &Cell::text("Left"),
                &Cell::text("Budget less places completed and planned"),
                &Cell::Pence(486_500)
            ),
        ]
    );
    let places = column(spend, "Places completed");
    assert_eq!(spend.rows[2][places], Cell::Count(1));

    // Hours: the I-ACT course is 6 hours (360 minutes) in the year.
    let hours = sheet(&tables, "Hours");
    let total = hours.rows.last().unwrap();
    assert_eq!(total[0], Cell::text("Total"));
    assert_eq!(total[1], Cell::text("2 members"));
    assert_eq!(total[3], Cell::Decimal(6.0));
}

#[test]
fn a_workspace_with_no_members_gives_each_sheet_its_sentence() {
    let empty = OfficerWorkspace::default();
    let tables = report_tables(
        &WorkbookSource {
            workspace: &empty,
            pack: None,
            roster: &[],
            today: date(2026, 12, 1),
        },
        &CharterActions::default(),
    );
    // Spend always has its budget lines, and the Charter its elements (each saying there
    // is nothing to evidence).
    for table in tables
        .iter()
        .filter(|t| t.sheet != "Spend" && t.sheet != "Charter evidence")
    {
        assert!(table.rows.is_empty(), "{}", table.sheet);
        assert!(table.when_empty.ends_with('.'), "{}", table.sheet);
    }
    assert_eq!(
        sheet(&tables, "Training audit").when_empty,
        "No members' files are held yet."
    );
}

#[test]
fn every_report_is_a_csv_named_as_its_page_downloads_it() {
    let workspace = workspace();
    let csvs = report_csvs(
        &WorkbookSource {
            workspace: &workspace,
            pack: None,
            roster: &[],
            today: date(2026, 12, 1),
        },
        &CharterActions::default(),
    );
    let names: Vec<&str> = csvs.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "training-audit",
            "training-matrix",
            "mandatory-compliance-summary",
            "mandatory-compliance",
            "needs-analysis",
            "access-and-caring-needs-confidential",
            "course-evaluation",
            "training-spend",
            "spend-per-member",
            "hours-per-member",
            "engagement",
            "charter-evidence-2026-27",
        ]
    );
    let audit = csvs[0].1.text();
    assert!(audit.contains("Cllr Siân Llŷr-Jones"));
    // The CSV makes the formula-looking name inert, as the workbook keeps it text.
    assert!(audit.contains("'=HYPERLINK"));
}
