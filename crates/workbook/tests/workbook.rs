//! The officer downloads the reports as one workbook, and another program opens it: calamine
//! reads the cells as a spreadsheet would, and the package's XML shows the header frozen and
//! filtered and the money in pounds.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mdr_domain::consolidate::{Cell, Column, ColumnKind, Table};
use mdr_workbook::{WorkbookBuilder, WorkbookError, WorkbookProperties, write_workbook};
use proptest::prelude::*;

const WELSH_NAME: &str = "Siân Wyn Llŷr-Jones";
const FORMULA_NAME: &str = "=HYPERLINK(\"https://example.com\",\"Click me\")";
const LOOKS_LIKE_FORMULAS: [&str; 4] = ["+44 1253 887700", "@SUM(A1)", "-2+3", "=1+1"];

fn created_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 30, 9, 15, 0).unwrap()
}

fn properties() -> WorkbookProperties {
    WorkbookProperties {
        title: "Member development reports, Wyre Council".to_owned(),
        created_at: created_at(),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn table(sheet: &str, columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Table {
    Table {
        sheet: sheet.to_owned(),
        columns,
        rows,
        when_empty: "Nothing has been recorded yet.".to_owned(),
    }
}

/// A training audit with every kind of cell in it.
fn training_audit() -> Table {
    table(
        "Training audit",
        vec![
            Column::new("Member", ColumnKind::Text),
            Column::new("Completed", ColumnKind::Date),
            Column::new("Cost", ColumnKind::Money),
            Column::new("Sessions", ColumnKind::Count),
            Column::new("Hours", ColumnKind::Decimal),
            Column::new("Would recommend", ColumnKind::Percent),
        ],
        vec![
            vec![
                Cell::text(WELSH_NAME),
                Cell::Date(date(2025, 3, 14)),
                Cell::Pence(123_456),
                Cell::Count(12),
                Cell::Decimal(2.5),
                Cell::Percent(75.0),
            ],
            vec![
                Cell::text(FORMULA_NAME),
                Cell::Blank,
                Cell::Pence(-1_250),
                Cell::Count(0),
                Cell::Decimal(0.1),
                Cell::Percent(66.7),
            ],
        ],
    )
}

fn formula_lookalikes() -> Table {
    table(
        "Notes",
        vec![Column::new("Note", ColumnKind::Text)],
        LOOKS_LIKE_FORMULAS
            .iter()
            .map(|s| vec![Cell::text(*s)])
            .collect(),
    )
}

fn empty_spend() -> Table {
    table(
        "Spend",
        vec![
            Column::new("Course", ColumnKind::Text),
            Column::new("Spent", ColumnKind::Money),
        ],
        vec![],
    )
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens the workbook")
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("the workbook is a zip");
    let mut xml = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name} in the workbook: {e}"))
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn each_report_becomes_a_sheet_with_a_name_excel_accepts() {
    let named = |sheet: &str| table(sheet, vec![Column::new("A", ColumnKind::Text)], vec![]);
    let bytes = write_workbook(
        &[
            named("Compliance"),
            named("compliance"),
            named("Training audit for every member of the council"),
            named("Spend: 2025/26"),
            named("COMPLIANCE"),
        ],
        &properties(),
    )
    .unwrap();
    assert_eq!(
        open(&bytes).sheet_names(),
        [
            "Compliance",
            "compliance (2)",
            "Training audit for every member",
            "Spend- 2025-26",
            "COMPLIANCE (3)",
        ]
    );
}

#[test]
fn cells_open_as_text_dates_and_numbers_in_pounds() {
    let bytes = write_workbook(&[training_audit()], &properties()).unwrap();
    let sheet = open(&bytes).worksheet_range("Training audit").unwrap();
    let at = |row: u32, col: u32| sheet.get_value((row, col)).cloned().unwrap_or(Data::Empty);

    assert_eq!(at(0, 0), Data::String("Member".to_owned()));
    assert_eq!(at(0, 5), Data::String("Would recommend".to_owned()));

    assert_eq!(at(1, 0), Data::String(WELSH_NAME.to_owned()));
    let Data::DateTime(completed) = at(1, 1) else {
        panic!("the date is a date, not {:?}", at(1, 1));
    };
    assert_eq!(completed.as_datetime().unwrap().date(), date(2025, 3, 14));
    assert_eq!(at(1, 2), Data::Float(1234.56));
    assert_eq!(at(1, 3), Data::Float(12.0));
    assert_eq!(at(1, 4), Data::Float(2.5));
    assert_eq!(at(1, 5), Data::Float(0.75));

    assert_eq!(at(2, 0), Data::String(FORMULA_NAME.to_owned()));
    assert_eq!(at(2, 1), Data::Empty);
    assert_eq!(at(2, 2), Data::Float(-12.5));
    assert_eq!(at(2, 3), Data::Float(0.0));
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let bytes = write_workbook(&[training_audit(), formula_lookalikes()], &properties()).unwrap();
    let mut workbook = open(&bytes);
    let notes = workbook.worksheet_range("Notes").unwrap();
    for (row, text) in LOOKS_LIKE_FORMULAS.iter().enumerate() {
        assert_eq!(
            notes.get_value((row as u32 + 1, 0)),
            Some(&Data::String((*text).to_owned()))
        );
    }
    for name in ["Training audit", "Notes"] {
        let formulas = workbook.worksheet_formula(name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} has no formula"
        );
    }
    assert!(!part(&bytes, "xl/worksheets/sheet1.xml").contains("<f>"));
}

#[test]
fn a_report_with_no_rows_shows_its_headings_and_says_so() {
    let bytes = write_workbook(&[empty_spend()], &properties()).unwrap();
    let sheet = open(&bytes).worksheet_range("Spend").unwrap();
    assert_eq!(sheet.get_size(), (2, 2));
    assert_eq!(
        sheet.get_value((0, 0)),
        Some(&Data::String("Course".into()))
    );
    assert_eq!(sheet.get_value((0, 1)), Some(&Data::String("Spent".into())));
    assert_eq!(
        sheet.get_value((1, 0)),
        Some(&Data::String("Nothing has been recorded yet.".into()))
    );
    // The filter covers the headings alone: there is nothing to filter.
    assert!(part(&bytes, "xl/worksheets/sheet1.xml").contains(r#"<autoFilter ref="A1:B1"/>"#));
}

#[test]
fn the_header_is_bold_frozen_and_filtered_and_the_columns_fitted() {
    let bytes = write_workbook(&[training_audit()], &properties()).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<autoFilter ref="A1:F3"/>"#), "{sheet}");
    // A fitted width for each of the six columns.
    assert_eq!(sheet.matches("customWidth=\"1\"").count(), 6, "{sheet}");

    let styles = part(&bytes, "xl/styles.xml");
    for format in [
        r#"formatCode="&quot;£&quot;#,##0.00""#,
        r#"formatCode="dd/mm/yyyy""#,
        r#"formatCode="0.0""#,
        r#"formatCode="0%""#,
        "<b/>",
        r#"wrapText="1""#,
    ] {
        assert!(styles.contains(format), "{format} in {styles}");
    }
}

#[test]
fn the_workbook_carries_its_title_and_the_time_it_was_asked_for() {
    let bytes = write_workbook(&[training_audit()], &properties()).unwrap();
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>Member development reports, Wyre Council</dc:title>"));
    assert!(
        core.contains(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">2025-06-30T09:15:00Z</dcterms:created>"#
        ),
        "{core}"
    );
    // No clock is read, so the same reports make the same file.
    let again = write_workbook(&[training_audit()], &properties()).unwrap();
    assert_eq!(bytes, again);
}

#[test]
fn a_long_comment_column_is_capped_and_wraps() {
    let comment = "The session on the code of conduct was useful, but the room was too small for everyone who came and the slides were hard to read from the back.";
    let bytes = write_workbook(
        &[table(
            "Evaluations",
            vec![Column::new("Comments", ColumnKind::Text)],
            vec![vec![Cell::text(comment)]],
        )],
        &properties(),
    )
    .unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    // 300 pixels, the cap, is 42.86 of Excel's character widths.
    assert!(
        sheet.contains(r#"<col min="1" max="1" width="42.85546875""#),
        "{sheet}"
    );
    let Data::String(read) = open(&bytes)
        .worksheet_range("Evaluations")
        .unwrap()
        .get_value((1, 0))
        .cloned()
        .unwrap()
    else {
        panic!("the comment is text");
    };
    assert_eq!(read, comment);
}

#[test]
fn a_workbook_with_no_reports_is_refused_in_plain_english() {
    let error = write_workbook(&[], &properties()).unwrap_err();
    assert!(matches!(error, WorkbookError::NoReports));
    assert_eq!(
        error.to_string(),
        "The workbook could not be made: there are no reports to put in it. Import members' files first."
    );
}

#[test]
fn a_comment_too_long_for_a_cell_is_cut_short_and_says_the_csv_has_it_all() {
    // 40,000 characters, many of them accented, more than the 32,767 a cell holds.
    let comment: String = "Roedd y sesiwn â’r Cyngor yn ddefnyddiol; diolch i Siân a Llŷr. "
        .chars()
        .cycle()
        .take(40_000)
        .collect();
    let bytes = write_workbook(
        &[table(
            "Evaluations",
            vec![
                Column::new("Course", ColumnKind::Text),
                Column::new("Comments", ColumnKind::Text),
            ],
            vec![
                vec![Cell::text("Code of conduct"), Cell::text(comment.clone())],
                vec![
                    Cell::text("Chairing skills"),
                    Cell::text("Short and clear."),
                ],
            ],
        )],
        &properties(),
    )
    .expect("one long comment does not lose the workbook");
    let sheet = open(&bytes).worksheet_range("Evaluations").unwrap();
    let Some(Data::String(read)) = sheet.get_value((1, 1)).cloned() else {
        panic!("the comment is text");
    };
    let marker = " … [cut short here: the full text is in the CSV]";
    assert!(
        read.encode_utf16().count() <= 32_767,
        "{} units",
        read.encode_utf16().count()
    );
    assert!(read.ends_with(marker), "{}", &read[read.len() - 100..]);
    assert!(comment.starts_with(read.strip_suffix(marker).unwrap()));
    // The rest of the sheet is as it was.
    assert_eq!(
        sheet.get_value((2, 1)),
        Some(&Data::String("Short and clear.".to_owned()))
    );
}

#[test]
fn a_sheet_excel_cannot_hold_names_itself_and_points_to_the_csv() {
    // Excel has 16,384 columns; one more cannot be written.
    let columns = (0..=16_384)
        .map(|n| Column::new(&format!("Q{n}"), ColumnKind::Text))
        .collect();
    let error = write_workbook(&[table("Survey", columns, vec![])], &properties()).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, WorkbookError::Sheet { .. }), "{error:?}");
    assert!(
        message.starts_with("The workbook could not be made: the sheet “Survey”"),
        "{message}"
    );
    assert!(message.ends_with("). Try again."), "{message}");
}

#[test]
fn a_workbook_added_a_table_at_a_time_is_the_one_written_all_at_once() {
    let mut workbook = WorkbookBuilder::new(&properties()).unwrap();
    for table in [training_audit(), formula_lookalikes(), empty_spend()] {
        workbook.add(&table).unwrap();
        // Each table is dropped here, once its sheet is written.
    }
    let bytes = workbook.to_bytes().unwrap();
    let all_at_once = write_workbook(
        &[training_audit(), formula_lookalikes(), empty_spend()],
        &properties(),
    )
    .unwrap();
    assert_eq!(bytes, all_at_once);
    assert_eq!(
        open(&bytes).sheet_names(),
        ["Training audit", "Notes", "Spend"]
    );
}

#[test]
fn a_workbook_saved_to_a_file_opens_with_its_sheets() {
    let path = std::env::temp_dir().join(format!(
        "mdr-workbook-test-{}-saved.xlsx",
        std::process::id()
    ));
    let mut workbook = WorkbookBuilder::new(&properties()).unwrap();
    workbook.add(&training_audit()).unwrap();
    workbook.add(&empty_spend()).unwrap();
    workbook.save(&path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let mut read = open(&bytes);
    assert_eq!(read.sheet_names(), ["Training audit", "Spend"]);
    assert_eq!(
        read.worksheet_range("Training audit")
            .unwrap()
            .get_value((1, 0)),
        Some(&Data::String(WELSH_NAME.to_owned()))
    );
}

#[test]
fn a_workbook_that_cannot_be_saved_where_asked_says_what_to_check() {
    let path = std::env::temp_dir()
        .join(format!(
            "mdr-workbook-test-{}-no-such-folder",
            std::process::id()
        ))
        .join("reports.xlsx");
    let mut workbook = WorkbookBuilder::new(&properties()).unwrap();
    workbook.add(&training_audit()).unwrap();
    let error = workbook.save(&path).unwrap_err();
    assert!(matches!(error, WorkbookError::Save(_)), "{error:?}");
    let message = error.to_string();
    assert!(
        message.starts_with("The workbook could not be saved: "),
        "{message}"
    );
    assert!(
        message.ends_with("Check the folder exists and can be written to, and that the workbook is not open in Excel, then try again."),
        "{message}"
    );
}

#[test]
fn a_workbook_added_nothing_is_refused_in_plain_english() {
    let error = WorkbookBuilder::new(&properties())
        .unwrap()
        .to_bytes()
        .unwrap_err();
    assert!(matches!(error, WorkbookError::NoReports));
    let path = std::env::temp_dir().join(format!(
        "mdr-workbook-test-{}-empty.xlsx",
        std::process::id()
    ));
    let error = WorkbookBuilder::new(&properties())
        .unwrap()
        .save(&path)
        .unwrap_err();
    assert!(matches!(error, WorkbookError::NoReports));
    assert!(!path.exists(), "no file is left for a workbook refused");
}

/// With `constant_memory` each sheet is written a row at a time to a temporary file, its
/// text once in the workbook's shared strings however many rows hold it (a million rows
/// name a few hundred courses), and calamine reads it all the same.
#[cfg(feature = "constant_memory")]
#[test]
fn in_constant_memory_text_is_shared_once_and_reads_back() {
    let bytes = write_workbook(&[training_audit(), empty_spend()], &properties()).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"t="s""#), "{sheet}");
    assert!(!sheet.contains("inlineStr"), "{sheet}");
    let shared = part(&bytes, "xl/sharedStrings.xml");
    assert!(
        shared.contains("Nothing has been recorded yet."),
        "the empty sheet's sentence is shared too: {shared}"
    );
    let mut seen = std::collections::BTreeSet::new();
    for text in shared
        .split("<t>")
        .skip(1)
        .filter_map(|t| t.split("</t>").next())
    {
        assert!(seen.insert(text), "{text} is shared once");
    }
}

/// Any text, and more often the kinds a spreadsheet or its XML might take for something
/// else: a formula, Excel's own `_x0041_` escape, line breaks and spaces at either end.
fn awkward_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[=+@-][ -~]{0,40}",
        "_x[0-9A-Fa-f]{4}_.{0,10}",
        "[ \t\r\n]{0,3}.{0,20}[ \t\r\n]{0,3}",
        "[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}\\u{fffe}\\u{ffff}]{1,8}",
    ]
}

proptest! {
    #[test]
    fn any_text_comes_back_exactly_as_it_was_written(text in awkward_text()) {
        let bytes = write_workbook(
            &[table("Text", vec![Column::new("Text", ColumnKind::Text)], vec![vec![Cell::text(text.clone())]])],
            &properties(),
        )
        .unwrap();
        let sheet = open(&bytes).worksheet_range("Text").unwrap();
        let read = sheet.get_value((1, 0)).cloned().unwrap_or(Data::Empty);
        let expected = if text.is_empty() { Data::Empty } else { Data::String(text) };
        prop_assert_eq!(read, expected);
    }
}

/// The style index of the cell at `reference` ("B3") in a sheet's XML: `0` for none.
fn style_of(sheet: &str, reference: &str) -> String {
    let at = sheet
        .find(&format!(r#"<c r="{reference}""#))
        .unwrap_or_else(|| panic!("{reference} in {sheet}"));
    let cell = &sheet[at..at + sheet[at..].find('>').unwrap()];
    cell.split(r#"s=""#).nth(1).map_or("0".to_owned(), |rest| {
        rest[..rest.find('"').unwrap()].to_owned()
    })
}

#[test]
fn a_cell_unlike_its_column_keeps_its_own_format() {
    // A date Excel's calendar has no room for is written as text, and a count column
    // may be given a text: each keeps the text's wrapping, not the column's number format.
    let odd = table(
        "Odd cells",
        vec![
            Column::new("Member", ColumnKind::Text),
            Column::new("Completed", ColumnKind::Date),
            Column::new("Sessions", ColumnKind::Count),
        ],
        vec![
            vec![
                Cell::text(WELSH_NAME),
                Cell::Date(date(2025, 3, 14)),
                Cell::Count(3),
            ],
            vec![
                Cell::text("Eleri Hughes"),
                Cell::Date(date(1850, 1, 1)),
                Cell::text("not known"),
            ],
        ],
    );
    let bytes = write_workbook(&[odd], &properties()).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let text = style_of(&sheet, "A2");
    assert_ne!(text, "0", "text is wrapped and top-aligned: {sheet}");
    assert_eq!(style_of(&sheet, "A3"), text);
    assert_eq!(
        style_of(&sheet, "B3"),
        text,
        "the date outside Excel's calendar"
    );
    assert_eq!(style_of(&sheet, "C3"), text, "the text in a count column");
    assert_ne!(style_of(&sheet, "B2"), text, "a date is a date");
    assert_ne!(style_of(&sheet, "C2"), text, "a count is a count");
    assert_ne!(style_of(&sheet, "B2"), style_of(&sheet, "C2"));

    let mut read = open(&bytes);
    let range = read.worksheet_range("Odd cells").unwrap();
    assert_eq!(
        range.get_value((2, 1)),
        Some(&Data::String("01/01/1850".into()))
    );
    assert_eq!(
        range.get_value((2, 2)),
        Some(&Data::String("not known".into()))
    );
    assert!(matches!(range.get_value((1, 1)), Some(Data::DateTime(_))));
}
