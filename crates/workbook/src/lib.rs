//! The officer's reports as one Excel workbook: each typed table from
//! `mdr_domain::consolidate` becomes a sheet, with its cells as Excel types (text stays
//! text, dates are dates, money is pounds in £), a bold, frozen header with a filter, and
//! columns fitted to what they hold.
//!
//! It lays tables out; it does not work out a figure (the domain does, for the pages and
//! the CSVs alike), decide when the workbook was made (the caller says, so the same
//! tables always make the same bytes), or touch the browser itself (the web crate
//! turns on this crate's `wasm` feature, which rust_xlsxwriter needs there; see below).

mod sheet;
mod sheet_names;

// rust_xlsxwriter reads the clock in `Workbook::new()`, before our time replaces it; in a
// browser std has no clock and that read traps at run time. Its `wasm` feature reads
// JavaScript's instead, so a browser build without it is stopped here, not in the field.
#[cfg(all(target_arch = "wasm32", target_os = "unknown", not(feature = "wasm")))]
compile_error!("mdr-workbook in the browser needs its `wasm` feature: features = [\"wasm\"]");

use chrono::{DateTime, Datelike, Timelike, Utc};
use mdr_domain::consolidate::Table;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

/// What the workbook says about itself in Excel's File > Info.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkbookProperties {
    /// Such as "Member development reports, Wyre Council".
    pub title: String,
    /// When the officer asked for it; the writer never reads a clock of its own.
    pub created_at: DateTime<Utc>,
}

/// Why no workbook came out. The CSV downloads do not depend on this crate, so every
/// message points the officer to them.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    #[error(
        "The workbook could not be made: there are no reports to put in it. Import members' files first; the CSV downloads still work."
    )]
    NoReports,
    #[error(
        "The workbook could not be made: the sheet “{sheet}” could not be written ({source}). Try again; the CSV downloads still work."
    )]
    Sheet { sheet: String, source: XlsxError },
    #[error("The workbook could not be made: {0}. Try again; the CSV downloads still work.")]
    Package(#[source] XlsxError),
}

/// The tables as the bytes of one `.xlsx` file, a sheet for each table in order.
pub fn write_workbook(
    tables: &[Table],
    properties: &WorkbookProperties,
) -> Result<Vec<u8>, WorkbookError> {
    if tables.is_empty() {
        return Err(WorkbookError::NoReports);
    }
    let mut workbook = Workbook::new();
    workbook.set_properties(&doc_properties(properties).map_err(WorkbookError::Package)?);
    let formats = sheet::Formats::new();
    let mut names = sheet_names::SheetNames::new();
    for table in tables {
        let name = names.name_for(&table.sheet);
        let worksheet = workbook.add_worksheet();
        worksheet
            .set_name(&name)
            .and_then(|worksheet| sheet::write_table(worksheet, table, &formats))
            .map_err(|source| WorkbookError::Sheet {
                sheet: name.clone(),
                source,
            })?;
    }
    workbook.save_to_buffer().map_err(WorkbookError::Package)
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
