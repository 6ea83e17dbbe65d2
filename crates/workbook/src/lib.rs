//! The officer's reports as one Excel workbook: each typed table from
//! `mdr_domain::consolidate` becomes a sheet, with its cells as Excel types (text stays
//! text, dates are dates, money is pounds in £), a bold, frozen header with a filter, and
//! columns fitted to what they hold.
//!
//! It lays tables out; it does not work out a figure (the domain does, for the pages and
//! the CSVs alike), decide when the workbook was made (the caller says, so the same
//! tables always make the same bytes), or touch the browser itself (the web crate
//! turns on this crate's `wasm` feature, which rust_xlsxwriter needs there; see below).
//!
//! Excel's limits are met, not refused: a table with more rows than a sheet holds runs on
//! over numbered sheets ("Training audit (2)"), each with its header, and a text longer
//! than a cell holds is cut short, saying the CSV has it all. The browser writes its few
//! tables with [`write_workbook`]; the native command, with thousands of members, adds
//! them one at a time to a [`WorkbookBuilder`] and turns on the `constant_memory` feature,
//! so each sheet's rows go to a temporary file as they are written rather than into memory
//! (each text is held once, in the workbook's shared strings).

mod cell_text;
mod sheet;
mod sheet_names;
mod widths;

// rust_xlsxwriter reads the clock in `Workbook::new()`, before our time replaces it; in a
// browser std has no clock and that read traps at run time. Its `wasm` feature reads
// JavaScript's instead, so a browser build without it is stopped here, not in the field.
#[cfg(all(target_arch = "wasm32", target_os = "unknown", not(feature = "wasm")))]
compile_error!("mdr-workbook in the browser needs its `wasm` feature: features = [\"wasm\"]");

// Constant memory lays each sheet out in a temporary file, and a browser has no files.
#[cfg(all(
    target_arch = "wasm32",
    target_os = "unknown",
    feature = "constant_memory"
))]
compile_error!(
    "mdr-workbook's `constant_memory` feature is for the native command; the browser has no temporary files"
);

use chrono::{DateTime, Datelike, Timelike, Utc};
use mdr_domain::consolidate::{Cell, ColumnKind, Table};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

/// What the workbook says about itself in Excel's File > Info.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkbookProperties {
    /// Such as "Member development reports, Wyre Council".
    pub title: String,
    /// When the officer asked for it; the writer never reads a clock of its own.
    pub created_at: DateTime<Utc>,
}

/// Why no workbook came out: what happened, and what the reader can do about it. Nothing
/// else depends on this crate, so the caller adds what still stands, in its reader's words
/// (the page's CSV downloads; the command's CSV files).
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    #[error(
        "The workbook could not be made: there are no reports to put in it. Import members' files first."
    )]
    NoReports,
    #[error(
        "The workbook could not be made: the sheet “{sheet}” could not be written ({source}). Try again."
    )]
    Sheet { sheet: String, source: XlsxError },
    /// Only with `constant_memory`, which lays each sheet out in a temporary file first.
    #[error(
        "The workbook could not be made: the sheet “{sheet}” could not be laid out in the computer's temporary folder ({source}). Check that folder can be written to and has room, or point TMPDIR (TEMP on Windows) at one that does, and try again."
    )]
    TemporaryFile { sheet: String, source: XlsxError },
    /// Only from [`WorkbookBuilder::save`]; the caller adds the path, which it knows.
    #[error(
        "The workbook could not be saved: {0}. Check the folder exists and can be written to, and that the workbook is not open in Excel, then try again."
    )]
    Save(#[source] std::io::Error),
    #[error("The workbook could not be made: {0}. Try again.")]
    Package(#[source] XlsxError),
}

/// The tables as the bytes of one `.xlsx` file, a sheet for each table in order (or more
/// than one for a table longer than a sheet holds).
pub fn write_workbook(
    tables: &[Table],
    properties: &WorkbookProperties,
) -> Result<Vec<u8>, WorkbookError> {
    let mut workbook = WorkbookBuilder::new(properties)?;
    for table in tables {
        workbook.add(table)?;
    }
    workbook.to_bytes()
}

/// A workbook made a table at a time, for reports too large to hold all at once: each
/// table is written into the workbook as it is added, and can be dropped straight after.
/// With the `constant_memory` feature each sheet's rows go to a temporary file as they are
/// written, so the workbook holds none of them in memory, only each text once, until it
/// is saved.
///
/// ```
/// # use mdr_domain::consolidate::{Cell, Column, ColumnKind, Table};
/// # use mdr_workbook::{WorkbookBuilder, WorkbookProperties};
/// # use chrono::{TimeZone, Utc};
/// # let properties = WorkbookProperties {
/// #     title: "Member development reports".to_owned(),
/// #     created_at: Utc.with_ymd_and_hms(2025, 6, 30, 9, 15, 0).unwrap(),
/// # };
/// let mut workbook = WorkbookBuilder::new(&properties)?;
/// for sheet in ["Compliance", "Training audit"] {
///     let table = Table {
///         sheet: sheet.to_owned(),
///         columns: vec![Column::new("Member", ColumnKind::Text)],
///         rows: vec![vec![Cell::text("Siân Wyn")]],
///         when_empty: "No one yet.".to_owned(),
///     };
///     workbook.add(&table)?;
/// }
/// let bytes = workbook.to_bytes()?;
/// # assert!(bytes.starts_with(b"PK"));
/// # Ok::<(), mdr_workbook::WorkbookError>(())
/// ```
pub struct WorkbookBuilder {
    workbook: Workbook,
    formats: sheet::Formats,
    names: sheet_names::SheetNames,
    /// Whether any table has been added: a workbook of none is refused.
    has_tables: bool,
    /// The table being written a part at a time, if one is.
    open: Option<OpenSheet>,
}

impl WorkbookBuilder {
    /// An empty workbook that will carry these properties.
    pub fn new(properties: &WorkbookProperties) -> Result<Self, WorkbookError> {
        let mut workbook = Workbook::new();
        workbook.set_properties(&doc_properties(properties).map_err(WorkbookError::Package)?);
        // Deflated as Excel deflates its own files (level 3 of 9): saved in about two
        // thirds of the time of zip's usual 6, for a file about a twentieth larger.
        workbook.set_zip_compression_level(3);
        Ok(Self {
            workbook,
            formats: sheet::Formats::new(),
            names: sheet_names::SheetNames::new(),
            has_tables: false,
            open: None,
        })
    }

    /// Writes the table as the next sheet, or as the next sheets when it has more rows
    /// than one sheet holds (1,048,575 under the header): "Training audit", then
    /// "Training audit (2)" and so on, each with the header, filter and widths.
    pub fn add(&mut self, table: &Table) -> Result<(), WorkbookError> {
        self.add_in_sheets_of(table, sheet::ROWS_PER_SHEET)
    }

    /// [`Self::add`] with the rows a sheet holds given, so a test need not write a million.
    fn add_in_sheets_of(
        &mut self,
        table: &Table,
        rows_per_sheet: usize,
    ) -> Result<(), WorkbookError> {
        self.begin_in_sheets_of(table, rows_per_sheet)?;
        self.rows(&table.rows)?;
        self.end()
    }

    /// Starts writing a table a part at a time, for one too large to hold whole: `head`
    /// gives its sheet's name, columns and the sentence shown when it has no rows (any
    /// rows it has are not written); [`Self::rows`] then writes each part's rows as they
    /// come, and [`Self::end`] finishes it (as beginning the next table does). The sheets
    /// are those [`Self::add`] makes, with the columns fitted to every part's rows.
    pub fn begin(&mut self, head: &Table) -> Result<(), WorkbookError> {
        self.begin_in_sheets_of(head, sheet::ROWS_PER_SHEET)
    }

    fn begin_in_sheets_of(
        &mut self,
        head: &Table,
        rows_per_sheet: usize,
    ) -> Result<(), WorkbookError> {
        self.end()?;
        self.open = Some(OpenSheet {
            head: Table {
                sheet: head.sheet.clone(),
                columns: head.columns.clone(),
                rows: Vec::new(),
                when_empty: head.when_empty.clone(),
            },
            widths: widths::Widths::new(&head.columns),
            kinds: head.columns.iter().map(|c| c.kind).collect(),
            sheets: Vec::new(),
            rows_per_sheet: rows_per_sheet.max(1),
        });
        Ok(())
    }

    /// Writes the next rows of the table begun, running on to a new sheet whenever one is
    /// full. Rows with no table begun are not written.
    pub fn rows(&mut self, rows: &[Vec<Cell>]) -> Result<(), WorkbookError> {
        let Some(open) = self.open.as_mut() else {
            debug_assert!(rows.is_empty(), "rows with no table begun");
            return Ok(());
        };
        for cells in rows {
            let full = open
                .sheets
                .last()
                .is_none_or(|(_, _, held)| *held >= open.rows_per_sheet);
            if full {
                open.next_sheet(&mut self.workbook, &mut self.names, &self.formats, true)?;
            }
            let (index, name, held) = open.sheets.last_mut().expect("a sheet was begun");
            *held += 1;
            self.workbook
                .worksheet_from_index(*index)
                .and_then(|sheet| sheet::write_row(sheet, *held, cells, &open.kinds, &self.formats))
                .map_err(|source| WorkbookError::Sheet {
                    sheet: name.clone(),
                    source,
                })?;
            open.widths.measure(cells);
        }
        Ok(())
    }

    /// Finishes the table begun, if one is: a table with no rows still has its sheet, to
    /// say so; every sheet of it is fitted and filtered.
    pub fn end(&mut self) -> Result<(), WorkbookError> {
        let Some(mut open) = self.open.take() else {
            return Ok(());
        };
        if open.sheets.is_empty() {
            open.next_sheet(&mut self.workbook, &mut self.names, &self.formats, false)?;
            let (index, name, _) = &open.sheets[0];
            self.workbook
                .worksheet_from_index(*index)
                .and_then(|sheet| sheet::write_when_empty(sheet, &open.head))
                .map_err(|source| WorkbookError::Sheet {
                    sheet: name.clone(),
                    source,
                })?;
        }
        let widths = open.widths.fitted();
        for (index, name, held) in &open.sheets {
            self.workbook
                .worksheet_from_index(*index)
                .and_then(|sheet| sheet::finish_sheet(sheet, *held, &widths))
                .map_err(|source| WorkbookError::Sheet {
                    sheet: name.clone(),
                    source,
                })?;
        }
        self.has_tables = true;
        Ok(())
    }

    /// The workbook as the bytes of one `.xlsx` file.
    pub fn to_bytes(mut self) -> Result<Vec<u8>, WorkbookError> {
        self.end()?;
        if !self.has_tables {
            return Err(WorkbookError::NoReports);
        }
        self.workbook
            .save_to_buffer()
            .map_err(WorkbookError::Package)
    }

    /// Saves the workbook as an `.xlsx` file at `path`, without holding the whole file in
    /// memory first. The caller names the path in any message about it.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn save(mut self, path: &std::path::Path) -> Result<(), WorkbookError> {
        self.end()?;
        if !self.has_tables {
            return Err(WorkbookError::NoReports);
        }
        self.workbook.save(path).map_err(|error| match error {
            XlsxError::IoError(error) => WorkbookError::Save(error),
            error => WorkbookError::Package(error),
        })
    }
}

/// A table being written a part at a time ([`WorkbookBuilder::begin`]).
struct OpenSheet {
    /// The table's name, columns and empty sentence; no rows.
    head: Table,
    widths: widths::Widths,
    /// Each column's kind.
    kinds: Vec<ColumnKind>,
    /// Each sheet begun for the table: its index in the workbook, its name and how many
    /// rows it holds.
    sheets: Vec<(usize, String, usize)>,
    rows_per_sheet: usize,
}

impl OpenSheet {
    /// Begins the table's next sheet, with its header: one to hold rows, or the one sheet
    /// of a table with none.
    fn next_sheet(
        &mut self,
        workbook: &mut Workbook,
        names: &mut sheet_names::SheetNames,
        formats: &sheet::Formats,
        with_rows: bool,
    ) -> Result<(), WorkbookError> {
        let name = names.name_for(&self.head.sheet);
        let index = workbook.worksheets_mut().len();
        let worksheet = new_worksheet(workbook).map_err(|source| WorkbookError::TemporaryFile {
            sheet: name.clone(),
            source,
        })?;
        worksheet
            .set_name(&name)
            .and_then(|worksheet| sheet::start_sheet(worksheet, &self.head, formats, with_rows))
            .map_err(|source| WorkbookError::Sheet {
                sheet: name.clone(),
                source,
            })?;
        self.sheets.push((index, name, 0));
        Ok(())
    }
}

/// A new sheet at the end of the workbook: with that feature, its rows to a temporary file
/// as they are written, each text once in the shared strings (rust_xlsxwriter's low-memory
/// mode). Its constant-memory mode, which writes each text inline, makes a training audit
/// of a million rows several hundred megabytes of XML to deflate, and takes longer.
#[cfg(feature = "constant_memory")]
fn new_worksheet(workbook: &mut Workbook) -> Result<&mut Worksheet, XlsxError> {
    workbook.add_worksheet_with_low_memory()
}

/// A new sheet at the end of the workbook, held in memory until it is saved (a `Result`
/// only to match the one above).
#[cfg(not(feature = "constant_memory"))]
fn new_worksheet(workbook: &mut Workbook) -> Result<&mut Worksheet, XlsxError> {
    Ok(workbook.add_worksheet())
}

fn doc_properties(properties: &WorkbookProperties) -> Result<DocProperties, XlsxError> {
    let at = properties.created_at;
    let year = u16::try_from(at.year()).map_err(|_| {
        XlsxError::DateTimeRangeError(format!("the year {} is outside Excel's", at.year()))
    })?;
    // Nothing is lost: a month, day, hour, minute and second are all below 256.
    let created = ExcelDateTime::from_ymd(year, at.month() as u8, at.day() as u8)?.and_hms(
        at.hour() as u16,
        at.minute() as u8,
        at.second(),
    )?;
    Ok(DocProperties::new()
        .set_title(&properties.title)
        .set_creation_datetime(&created))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    //! A table longer than a sheet holds, with the sheet made small so the test need not
    //! write a million rows; the public `add` uses Excel's own limit.

    use std::io::{Cursor, Read};

    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    use chrono::TimeZone;
    use mdr_domain::consolidate::{Cell, Column, ColumnKind};

    use super::*;

    fn properties() -> WorkbookProperties {
        WorkbookProperties {
            title: "Member development reports, Wyre Council".to_owned(),
            created_at: Utc.with_ymd_and_hms(2025, 6, 30, 9, 15, 0).unwrap(),
        }
    }

    fn training_audit(rows: usize) -> Table {
        Table {
            sheet: "Training audit".to_owned(),
            columns: vec![
                Column::new("Member", ColumnKind::Text),
                Column::new("Sessions", ColumnKind::Count),
            ],
            rows: (0..rows)
                .map(|n| vec![Cell::text(format!("Member {}", n + 1)), Cell::count(n + 1)])
                .collect(),
            when_empty: "No training has been recorded.".to_owned(),
        }
    }

    fn sheet_xml(bytes: &[u8], n: usize) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    }

    /// The `<cols>` element: the fitted widths.
    fn cols(xml: &str) -> &str {
        let start = xml.find("<cols>").expect("fitted widths");
        &xml[start..start + xml[start..].find("</cols>").unwrap()]
    }

    #[test]
    fn a_table_longer_than_a_sheet_runs_on_over_numbered_sheets_each_with_its_header() {
        let mut workbook = WorkbookBuilder::new(&properties()).unwrap();
        workbook.add_in_sheets_of(&training_audit(5), 2).unwrap();
        workbook.add(&training_audit(1)).unwrap();
        let bytes = workbook.to_bytes().unwrap();

        let mut read: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
        assert_eq!(
            read.sheet_names(),
            [
                "Training audit",
                "Training audit (2)",
                "Training audit (3)",
                "Training audit (4)",
            ]
        );
        let mut members = Vec::new();
        for (sheet, rows) in ["Training audit", "Training audit (2)", "Training audit (3)"]
            .iter()
            .zip([2, 2, 1])
        {
            let range = read.worksheet_range(sheet).unwrap();
            assert_eq!(range.get_size(), (rows + 1, 2), "{sheet}");
            assert_eq!(
                range.get_value((0, 0)),
                Some(&Data::String("Member".into()))
            );
            assert_eq!(
                range.get_value((0, 1)),
                Some(&Data::String("Sessions".into()))
            );
            for row in 1..=rows {
                members.push(range.get_value((row as u32, 0)).cloned().unwrap());
            }
        }
        let expected: Vec<Data> = (1..=5)
            .map(|n| Data::String(format!("Member {n}")))
            .collect();
        assert_eq!(members, expected, "every row once, in order");

        let first = sheet_xml(&bytes, 1);
        for (n, rows) in [(1, 2), (2, 2), (3, 1)] {
            let xml = sheet_xml(&bytes, n);
            assert!(
                xml.contains(
                    r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
                ),
                "sheet {n} frozen: {xml}"
            );
            let filter = format!(r#"<autoFilter ref="A1:B{}"/>"#, rows + 1);
            assert!(xml.contains(&filter), "sheet {n} filtered: {xml}");
            assert_eq!(cols(&xml), cols(&first), "sheet {n} as wide as the first");
        }
        // The header's bold is one format, so each sheet's header cells share it.
        let header_style = |xml: &str| {
            let at = xml.find(r#"<c r="A1""#).unwrap();
            xml[at..at + xml[at..].find('>').unwrap()].to_owned()
        };
        assert_eq!(header_style(&sheet_xml(&bytes, 3)), header_style(&first));
    }

    #[test]
    fn a_table_that_fills_its_sheets_exactly_needs_no_more() {
        let mut workbook = WorkbookBuilder::new(&properties()).unwrap();
        workbook.add_in_sheets_of(&training_audit(4), 2).unwrap();
        let bytes = workbook.to_bytes().unwrap();
        let read: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        assert_eq!(read.sheet_names(), ["Training audit", "Training audit (2)"]);
    }

    #[test]
    fn a_table_written_a_part_at_a_time_is_the_table_added_whole() {
        let table = training_audit(7);
        let mut whole = WorkbookBuilder::new(&properties()).unwrap();
        whole.add_in_sheets_of(&table, 3).unwrap();

        let mut parts = WorkbookBuilder::new(&properties()).unwrap();
        parts.begin_in_sheets_of(&training_audit(0), 3).unwrap();
        for part in [&table.rows[..2], &table.rows[2..2], &table.rows[2..]] {
            parts.rows(part).unwrap();
        }
        parts.end().unwrap();
        assert_eq!(parts.to_bytes().unwrap(), whole.to_bytes().unwrap());
    }

    #[test]
    fn a_table_begun_and_ended_with_no_rows_says_so_on_its_one_sheet() {
        let mut workbook = WorkbookBuilder::new(&properties()).unwrap();
        workbook.begin(&training_audit(0)).unwrap();
        // Ended by the saving.
        let bytes = workbook.to_bytes().unwrap();
        let mut read: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        assert_eq!(read.sheet_names(), ["Training audit"]);
        let range = read.worksheet_range("Training audit").unwrap();
        assert_eq!(
            range.get_value((1, 0)),
            Some(&Data::String("No training has been recorded.".into()))
        );
    }
}
