//! One table as one sheet: the header, the cells as Excel types with en-GB formats, and
//! the column widths. The sheet's name is chosen in `sheet_names`.

use mdr_domain::consolidate::{Cell, Table};
use mdr_domain::model::money;
use rust_xlsxwriter::{
    ColNum, ExcelDateTime, Format, FormatAlign, RowNum, Worksheet, XlsxError,
    utility::cell_autofit_width,
};

/// The widest a column is fitted, in pixels (about 40 characters): past it, text wraps.
/// rust_xlsxwriter's documentation recommends 300 as a compromise.
const MAX_WIDTH_PX: u32 = 300;
/// Room for the filter's drop-down arrow in a heading.
const FILTER_ARROW_PX: u32 = 16;

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
}

/// Writes the table's header and rows, fits the columns, and freezes and filters the header.
pub(crate) fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let columns = table
        .columns
        .len()
        .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
    let mut widths = vec![0_u32; columns];

    for (col, column) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(0, col_num(col)?, &column.heading, &formats.header)?;
        widths[col] = cell_autofit_width(&column.heading) + FILTER_ARROW_PX;
    }
    for (row, cells) in table.rows.iter().enumerate() {
        let row = row_num(row + 1)?;
        for (col, cell) in cells.iter().enumerate() {
            let shown = write_cell(sheet, row, col_num(col)?, cell, formats)?;
            widths[col] = widths[col].max(shown.lines().map(cell_autofit_width).max().unwrap_or(0));
        }
    }

    // Fitted here rather than by `Worksheet::autofit`, which measures a number without its
    // format, so a column of "£1,234.56" would come out too narrow and show as ####.
    for (col, width) in widths.into_iter().enumerate() {
        if width > 0 {
            sheet.set_column_autofit_width(col_num(col)?, width.min(MAX_WIDTH_PX))?;
        }
    }

    sheet.set_freeze_panes(1, 0)?;
    if let Some(last_col) = columns.checked_sub(1) {
        let last_row = row_num(table.rows.len())?;
        sheet.autofilter(0, 0, last_row, col_num(last_col)?)?;
    }
    if table.rows.is_empty() {
        // Written after the fitting and without wrapping, so it runs on across the empty
        // cells beside it instead of widening the first column.
        sheet.write_string(1, 0, &table.when_empty)?;
    }
    Ok(())
}

/// Writes one cell and returns the text Excel will show, for the column's width.
fn write_cell(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    cell: &Cell,
    formats: &Formats,
) -> Result<String, XlsxError> {
    Ok(match cell {
        Cell::Blank => String::new(),
        // Always a string, never `write`: "=HYPERLINK(…)" typed as a name stays a name.
        Cell::Text(text) => {
            sheet.write_string_with_format(row, col, text, &formats.text)?;
            text.clone()
        }
        Cell::Date(date) => {
            let shown = date.format("%d/%m/%Y").to_string();
            match excel_date(*date) {
                Some(date) => sheet.write_datetime_with_format(row, col, date, &formats.date)?,
                // Outside Excel's calendar (before 1900 or after 9999): kept, as text.
                None => sheet.write_string_with_format(row, col, &shown, &formats.text)?,
            };
            shown
        }
        Cell::Pence(pence) => {
            // Exact: both are whole numbers well inside f64's 2^53, and the one division
            // rounds once, to the double nearest the amount in pounds.
            sheet.write_number_with_format(row, col, *pence as f64 / 100.0, &formats.money)?;
            pounds(*pence)
        }
        Cell::Count(count) => {
            sheet.write_number_with_format(row, col, *count as f64, &formats.count)?;
            count.to_string()
        }
        Cell::Decimal(value) if value.is_finite() => {
            sheet.write_number_with_format(row, col, *value, &formats.decimal)?;
            format!("{value:.1}")
        }
        Cell::Percent(share) if share.is_finite() => {
            sheet.write_number_with_format(row, col, share / 100.0, &formats.percent)?;
            format!("{share:.0}%")
        }
        // Not a number (an average of nothing): Excel has no way to show it, so nothing.
        Cell::Decimal(_) | Cell::Percent(_) => String::new(),
    })
}

fn excel_date(date: chrono::NaiveDate) -> Option<ExcelDateTime> {
    use chrono::Datelike;
    let year = u16::try_from(date.year()).ok()?;
    // Month and day are at most 12 and 31.
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// Pence as the format shows them: -£1,234.50, with the domain's own pounds.
fn pounds(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    format!("{sign}{}", money::pounds(pence.unsigned_abs()))
}

fn row_num(row: usize) -> Result<RowNum, XlsxError> {
    RowNum::try_from(row).map_err(|_| XlsxError::RowColumnLimitError)
}

fn col_num(col: usize) -> Result<ColNum, XlsxError> {
    ColNum::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)
}

#[cfg(test)]
mod tests {
    use super::pounds;

    #[test]
    fn pounds_are_shown_as_the_money_format_shows_them() {
        assert_eq!(pounds(0), "£0.00");
        assert_eq!(pounds(5), "£0.05");
        assert_eq!(pounds(123_456), "£1,234.56");
        assert_eq!(pounds(-1_250), "-£12.50");
        assert_eq!(pounds(100_000_000), "£1,000,000.00");
    }
}
