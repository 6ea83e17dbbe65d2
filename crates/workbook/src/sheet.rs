//! One table as one sheet, or as several when it has more rows than a sheet holds: the
//! header, the cells as Excel types with en-GB formats, and the column widths (measured
//! in `widths`). The sheets' names are chosen in `sheet_names`.

use mdr_domain::consolidate::{Cell, ColumnKind, Table};
use rust_xlsxwriter::{ColNum, ExcelDateTime, Format, FormatAlign, RowNum, Worksheet, XlsxError};

use crate::cell_text;

/// The most rows of a table one sheet holds under its header: Excel's 1,048,576 rows, less
/// the header's. A longer table runs on over further sheets, each with the header again.
pub(crate) const ROWS_PER_SHEET: usize = 1_048_576 - 1;

/// The formats every sheet shares, made once a workbook.
pub(crate) struct Formats {
    header: Format,
    text: Format,
    date: Format,
    money: Format,
    count: Format,
    decimal: Format,
    percent: Format,
}

impl Formats {
    pub(crate) fn new() -> Self {
        // Top-aligned, so a row made tall by a wrapped comment still reads across.
        let cell = Format::new().set_align(FormatAlign::Top);
        Self {
            header: Format::new().set_bold(),
            text: cell.clone().set_text_wrap(),
            date: cell.clone().set_num_format("dd/mm/yyyy"),
            // One section, so Excel puts a minus sign before a negative amount: -£12.50.
            money: cell.clone().set_num_format("\"£\"#,##0.00"),
            count: cell.clone().set_num_format("0"),
            decimal: cell.clone().set_num_format("0.0"),
            percent: cell.set_num_format("0%"),
        }
    }

    /// The format of a cell of this kind.
    fn of(&self, kind: ColumnKind) -> &Format {
        match kind {
            ColumnKind::Text => &self.text,
            ColumnKind::Date => &self.date,
            ColumnKind::Money => &self.money,
            ColumnKind::Count => &self.count,
            ColumnKind::Decimal => &self.decimal,
            ColumnKind::Percent => &self.percent,
        }
    }
}

/// Starts a sheet of the table: its bold header, frozen. Rows follow in order, as a sheet
/// in constant-memory mode needs (each row goes to disk once the next is begun). A sheet
/// that will hold rows gives each column the format of its kind, so that a cell of its
/// column's kind is written without one of its own and takes the column's: Excel shows it
/// the same, and the writer need not look up a format for each of millions of cells.
pub(crate) fn start_sheet(
    sheet: &mut Worksheet,
    table: &Table,
    formats: &Formats,
    with_rows: bool,
) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, 0)?;
    for (col, column) in table.columns.iter().enumerate() {
        let col = col_num(col)?;
        sheet.write_string_with_format(0, col, &column.heading, &formats.header)?;
        if with_rows {
            sheet.set_column_format(col, formats.of(column.kind))?;
        }
    }
    Ok(())
}

/// Writes one row of cells as the sheet's `row`th under the header (from 1), under
/// columns of these kinds.
pub(crate) fn write_row(
    sheet: &mut Worksheet,
    row: usize,
    cells: &[Cell],
    kinds: &[ColumnKind],
    formats: &Formats,
) -> Result<(), XlsxError> {
    let row = row_num(row)?;
    for (col, cell) in cells.iter().enumerate() {
        let column = Written {
            kind: kinds.get(col).copied(),
            formats,
        };
        write_cell(sheet, row, col_num(col)?, cell, &column)?;
    }
    Ok(())
}

/// How a cell is written under its column: with no format of its own when its kind is the
/// column's ([`start_sheet`] gave the column that format), else with its kind's.
struct Written<'f> {
    /// `None` past the last column.
    kind: Option<ColumnKind>,
    formats: &'f Formats,
}

impl Written<'_> {
    fn format(&self, kind: ColumnKind) -> Option<&Format> {
        (self.kind != Some(kind)).then(|| self.formats.of(kind))
    }

    fn string(
        &self,
        sheet: &mut Worksheet,
        row: RowNum,
        col: ColNum,
        text: impl Into<String>,
    ) -> Result<(), XlsxError> {
        match self.format(ColumnKind::Text) {
            Some(format) => sheet.write_string_with_format(row, col, text, format)?,
            None => sheet.write_string(row, col, text)?,
        };
        Ok(())
    }

    fn number(
        &self,
        sheet: &mut Worksheet,
        row: RowNum,
        col: ColNum,
        number: f64,
        kind: ColumnKind,
    ) -> Result<(), XlsxError> {
        match self.format(kind) {
            Some(format) => sheet.write_number_with_format(row, col, number, format)?,
            None => sheet.write_number(row, col, number)?,
        };
        Ok(())
    }
}

/// The sentence a sheet with no rows shows under its headings: without wrapping, so it
/// runs on across the empty cells beside it; it is not measured, so it does not widen the
/// first column.
pub(crate) fn write_when_empty(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    sheet.write_string(1, 0, &table.when_empty)?;
    Ok(())
}

/// Finishes a sheet of `rows` rows: fits the columns to `widths` (measured over the whole
/// table, so every sheet of a long table is as wide as the first) and filters the header.
/// Widths and the filter are the sheet's own settings, not rows, so constant-memory mode
/// takes them after the rows.
pub(crate) fn finish_sheet(
    sheet: &mut Worksheet,
    rows: usize,
    widths: &[u32],
) -> Result<(), XlsxError> {
    for (col, width) in widths.iter().enumerate() {
        // Set as measured, narrower than Excel's default or wider: an autofit width
        // would only ever widen the column that its format already gave a default width.
        if *width > 0 {
            sheet.set_column_width_pixels(col_num(col)?, *width)?;
        }
    }
    if let Some(last_col) = widths.len().checked_sub(1) {
        sheet.autofilter(0, 0, row_num(rows)?, col_num(last_col)?)?;
    }
    Ok(())
}

/// Writes one cell, as `widths` measures it.
fn write_cell(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    cell: &Cell,
    column: &Written,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Blank => {}
        // Always a string, never `write`: "=HYPERLINK(…)" typed as a name stays a name.
        Cell::Text(text) => column.string(sheet, row, col, cell_text::fitted(text))?,
        Cell::Date(date) => match excel_date(*date) {
            Some(date) => {
                match column.format(ColumnKind::Date) {
                    Some(format) => sheet.write_datetime_with_format(row, col, date, format)?,
                    None => sheet.write_datetime(row, col, date)?,
                };
            }
            // Outside Excel's calendar (before 1900 or after 9999): kept, as text.
            None => column.string(sheet, row, col, date.format("%d/%m/%Y").to_string())?,
        },
        // Exact: both are whole numbers well inside f64's 2^53, and the one division
        // rounds once, to the double nearest the amount in pounds.
        Cell::Pence(pence) => {
            column.number(sheet, row, col, *pence as f64 / 100.0, ColumnKind::Money)?;
        }
        Cell::Count(count) => column.number(sheet, row, col, *count as f64, ColumnKind::Count)?,
        Cell::Decimal(value) if value.is_finite() => {
            column.number(sheet, row, col, *value, ColumnKind::Decimal)?;
        }
        Cell::Percent(share) if share.is_finite() => {
            column.number(sheet, row, col, share / 100.0, ColumnKind::Percent)?;
        }
        // Not a number (an average of nothing): Excel has no way to show it, so nothing.
        Cell::Decimal(_) | Cell::Percent(_) => {}
    }
    Ok(())
}

/// The date as Excel holds it, if Excel's calendar (1900 to 9999) has it.
pub(crate) fn excel_date(date: chrono::NaiveDate) -> Option<ExcelDateTime> {
    use chrono::Datelike;
    let year = u16::try_from(date.year()).ok()?;
    // Month and day are at most 12 and 31.
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

fn row_num(row: usize) -> Result<RowNum, XlsxError> {
    RowNum::try_from(row).map_err(|_| XlsxError::RowColumnLimitError)
}

fn col_num(col: usize) -> Result<ColNum, XlsxError> {
    ColNum::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_holds_excels_rows_less_the_header() {
        assert_eq!(ROWS_PER_SHEET + 1, 1_048_576);
    }
}
