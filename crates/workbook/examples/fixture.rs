//! Writes the workbook scripts/check-workbook.py reads with openpyxl, an outside reader:
//! a Welsh name with accents, a name that looks like a formula, a date, money, a count, a
//! sheet name that clashes and one too long for Excel, and a report with no rows.
//!
//!     cargo run -p mdr-workbook --example fixture -- target/workbook-fixture.xlsx

use std::process::ExitCode;

use chrono::{NaiveDate, TimeZone, Utc};
use mdr_domain::consolidate::{Cell, Column, ColumnKind, Table};
use mdr_workbook::{WorkbookProperties, write_workbook};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("Say where to write the workbook: fixture PATH.xlsx");
        return ExitCode::FAILURE;
    };
    let properties = WorkbookProperties {
        title: "Member development reports, Wyre Council".to_owned(),
        created_at: Utc.with_ymd_and_hms(2025, 6, 30, 9, 15, 0).unwrap(),
    };
    let bytes = match write_workbook(&tables(), &properties) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = std::fs::write(&path, bytes) {
        eprintln!("Could not write {}: {error}", path.to_string_lossy());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn tables() -> Vec<Table> {
    let date = |y, m, d| Cell::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap());
    vec![
        Table {
            sheet: "Training audit".to_owned(),
            columns: vec![
                Column::new("Member", ColumnKind::Text),
                Column::new("Completed", ColumnKind::Date),
                Column::new("Cost", ColumnKind::Money),
                Column::new("Sessions", ColumnKind::Count),
                Column::new("Hours", ColumnKind::Decimal),
                Column::new("Would recommend", ColumnKind::Percent),
            ],
            rows: vec![
                vec![
                    Cell::text("Siân Wyn Llŷr-Jones"),
                    date(2025, 3, 14),
                    Cell::Pence(123_456),
                    Cell::Count(12),
                    Cell::Decimal(2.5),
                    Cell::Percent(75.0),
                ],
                vec![
                    Cell::text("=HYPERLINK(\"https://example.com\",\"Click me\")"),
                    Cell::Blank,
                    Cell::Pence(-1_250),
                    Cell::Count(0),
                    Cell::Decimal(0.1),
                    Cell::Percent(66.7),
                ],
            ],
            when_empty: "No training has been recorded.".to_owned(),
        },
        Table {
            sheet: "training audit".to_owned(),
            columns: vec![Column::new("Member", ColumnKind::Text)],
            rows: vec![vec![Cell::text("+44 1253 887700")]],
            when_empty: "No training has been recorded.".to_owned(),
        },
        Table {
            sheet: "Spend against budget: 2025/26 for committees".to_owned(),
            columns: vec![
                Column::new("Course", ColumnKind::Text),
                Column::new("Spent", ColumnKind::Money),
            ],
            rows: vec![],
            when_empty: "Nothing has been spent this year.".to_owned(),
        },
    ]
}
