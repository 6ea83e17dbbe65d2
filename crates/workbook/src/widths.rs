//! How wide each column of a table is fitted: as wide as its widest heading or cell as
//! Excel shows it (money as "£1,234.56", a date as "14/03/2025"), up to a cap past which
//! text wraps. Measured once a table, so every sheet a long table runs over has the same
//! widths. Not the place that writes a cell; `sheet` does, and shows it the same way.
//!
//! `Worksheet::autofit` is not used: it measures a number without its format, so a column
//! of "£1,234.56" would come out too narrow and show as ####.

use std::fmt::Write as _;

#[cfg(test)]
use mdr_domain::consolidate::Table;
use mdr_domain::consolidate::{Cell, Column};
use rust_xlsxwriter::utility::cell_autofit_width;

use crate::cell_text;

/// The widest a column is fitted, in pixels (about 40 characters): past it, text wraps.
/// rust_xlsxwriter's documentation recommends 300 as a compromise.
pub(crate) const MAX_WIDTH_PX: u32 = 300;
/// Room for the filter's drop-down arrow in a heading.
const FILTER_ARROW_PX: u32 = 16;

/// The fitted width of each column in pixels, 0 for a column with nothing in it; as many
/// columns as the table's headings or its longest row, whichever is more.
#[cfg(test)]
pub(crate) fn fitted_widths(table: &Table) -> Vec<u32> {
    let mut widths = Widths::new(&table.columns);
    for cells in &table.rows {
        widths.measure(cells);
    }
    widths.fitted()
}

/// Column widths measured a row at a time, for a table written in parts.
pub(crate) struct Widths {
    widths: Vec<u32>,
    /// How many columns are at the cap: when all are, no cell can change a width.
    full: usize,
    ruler: Ruler,
}

impl Widths {
    /// The widths of the headings alone.
    pub(crate) fn new(columns: &[Column]) -> Self {
        let widths: Vec<u32> = columns
            .iter()
            .map(|column| cell_autofit_width(&column.heading) + FILTER_ARROW_PX)
            .collect();
        Self {
            full: widths.iter().filter(|w| **w >= MAX_WIDTH_PX).count(),
            widths,
            ruler: Ruler::new(),
        }
    }

    /// Widens the columns to fit one more row.
    pub(crate) fn measure(&mut self, cells: &[Cell]) {
        if cells.len() > self.widths.len() {
            self.widths.resize(cells.len(), 0);
        } else if self.full == self.widths.len() {
            // Every column is at the cap: no cell can change a width now.
            return;
        }
        for (width, cell) in self.widths.iter_mut().zip(cells) {
            // A column at the cap stays there whatever it holds, so is not measured again.
            if *width < MAX_WIDTH_PX {
                *width = (*width).max(self.ruler.width(cell));
                if *width >= MAX_WIDTH_PX {
                    self.full += 1;
                }
            }
        }
    }

    /// Each column's width, capped.
    pub(crate) fn fitted(&self) -> Vec<u32> {
        self.widths.iter().map(|w| (*w).min(MAX_WIDTH_PX)).collect()
    }
}

/// Measures cells as Excel shows them without making a string for each: a text is measured
/// where it lies, a number by its digits, and the rest in one reused buffer.
struct Ruler {
    /// Every date Excel can hold is shown as eight digits and two slashes, so one width.
    date_px: u32,
    digit_px: u32,
    comma_px: u32,
    point_px: u32,
    minus_px: u32,
    pound_px: u32,
    /// The padding Excel puts round what a cell shows.
    padding_px: u32,
    shown: String,
}

impl Ruler {
    fn new() -> Self {
        // Each glyph's width as rust_xlsxwriter counts it, so a sum of them is the width
        // it would give the whole text.
        let padding_px = cell_autofit_width("");
        let glyph = |text: &str| cell_autofit_width(text) - padding_px;
        Self {
            date_px: cell_autofit_width("14/03/2025"),
            digit_px: glyph("0"),
            comma_px: glyph(","),
            point_px: glyph("."),
            minus_px: glyph("-"),
            pound_px: glyph("£"),
            padding_px,
            shown: String::new(),
        }
    }

    /// The width of the cell as `sheet::write_cell` writes it, in pixels.
    fn width(&mut self, cell: &Cell) -> u32 {
        match cell {
            Cell::Blank => 0,
            // Each line of a wrapped text is as wide as it is; the widest decides.
            Cell::Text(text) => cell_text::fitted(text)
                .lines()
                .map(cell_autofit_width)
                .max()
                .unwrap_or(0),
            Cell::Date(date) if crate::sheet::excel_date(*date).is_some() => self.date_px,
            // Outside Excel's calendar, so written as its text.
            Cell::Date(date) => self.measured(format_args!("{}", date.format("%d/%m/%Y"))),
            // "-£1,234.56": the sign, the pound sign, the pounds grouped in threes, and pence.
            Cell::Pence(pence) => {
                let digits = decimal_digits(pence.unsigned_abs() / 100);
                let sign = if *pence < 0 { self.minus_px } else { 0 };
                sign + self.pound_px
                    + (digits + 2) * self.digit_px
                    + (digits - 1) / 3 * self.comma_px
                    + self.point_px
                    + self.padding_px
            }
            Cell::Count(count) => decimal_digits(*count) * self.digit_px + self.padding_px,
            Cell::Decimal(value) if value.is_finite() => self.measured(format_args!("{value:.1}")),
            Cell::Percent(share) if share.is_finite() => self.measured(format_args!("{share:.0}%")),
            Cell::Decimal(_) | Cell::Percent(_) => 0,
        }
    }

    fn measured(&mut self, shown: std::fmt::Arguments<'_>) -> u32 {
        self.shown.clear();
        // Writing to a String cannot fail.
        let _ = self.shown.write_fmt(shown);
        cell_autofit_width(&self.shown)
    }
}

/// How many digits a whole number is written with: 1 for 0.
fn decimal_digits(n: u64) -> u32 {
    n.checked_ilog10().map_or(1, |log| log + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use mdr_domain::consolidate::ColumnKind;
    use mdr_domain::model::money;
    use proptest::prelude::*;

    /// The cell's text as the sheet shows it, made as a string: what the ruler replaces.
    fn shown(cell: &Cell) -> String {
        match cell {
            Cell::Blank => String::new(),
            Cell::Text(text) => cell_text::fitted(text).into_owned(),
            Cell::Date(date) => date.format("%d/%m/%Y").to_string(),
            Cell::Pence(pence) => {
                let sign = if *pence < 0 { "-" } else { "" };
                format!("{sign}{}", money::pounds(pence.unsigned_abs()))
            }
            Cell::Count(count) => count.to_string(),
            Cell::Decimal(value) if value.is_finite() => format!("{value:.1}"),
            Cell::Percent(share) if share.is_finite() => format!("{share:.0}%"),
            Cell::Decimal(_) | Cell::Percent(_) => String::new(),
        }
    }

    /// The width the string gives, as the writer measured it before the ruler.
    fn width_of_shown(cell: &Cell) -> u32 {
        shown(cell)
            .lines()
            .map(cell_autofit_width)
            .max()
            .unwrap_or(0)
    }

    fn any_cell() -> impl Strategy<Value = Cell> {
        let date = (-3_000_000_i32..3_000_000).prop_map(|days| {
            Cell::Date(
                NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(days.into()),
            )
        });
        prop_oneof![
            Just(Cell::Blank),
            any::<String>().prop_map(Cell::Text),
            "[a-zA-Zâêîôûŵŷ’ \n]{0,60}".prop_map(Cell::Text),
            date,
            any::<i64>().prop_map(Cell::Pence),
            (-10_000_000_i64..10_000_000).prop_map(Cell::Pence),
            any::<u64>().prop_map(Cell::Count),
            (0_u64..100_000).prop_map(Cell::Count),
            any::<f64>().prop_map(Cell::Decimal),
            (-1e6..1e6_f64).prop_map(Cell::Decimal),
            any::<f64>().prop_map(Cell::Percent),
            (0.0..100.0_f64).prop_map(Cell::Percent),
        ]
    }

    proptest! {
        #[test]
        fn the_ruler_gives_the_width_the_shown_text_gives(cell in any_cell()) {
            prop_assert_eq!(Ruler::new().width(&cell), width_of_shown(&cell), "{:?}", cell);
        }

        #[test]
        fn the_widths_are_those_of_measuring_every_cell(
            rows in proptest::collection::vec(proptest::collection::vec(any_cell(), 0..5), 0..20)
        ) {
            let table = Table {
                sheet: "Widths".to_owned(),
                columns: vec![Column::new("A", ColumnKind::Text), Column::new("Bb", ColumnKind::Money)],
                rows,
                when_empty: String::new(),
            };
            let mut expected = vec![0_u32; 2.max(table.rows.iter().map(Vec::len).max().unwrap_or(0))];
            for (width, column) in expected.iter_mut().zip(&table.columns) {
                *width = cell_autofit_width(&column.heading) + FILTER_ARROW_PX;
            }
            for cells in &table.rows {
                for (width, cell) in expected.iter_mut().zip(cells) {
                    *width = (*width).max(width_of_shown(cell));
                }
            }
            let expected: Vec<u32> = expected.into_iter().map(|w| w.min(MAX_WIDTH_PX)).collect();
            prop_assert_eq!(fitted_widths(&table), expected);
        }
    }

    #[test]
    fn a_date_excel_cannot_hold_is_measured_as_the_text_it_is_written_as() {
        let far = Cell::Date(NaiveDate::from_ymd_opt(12_025, 3, 14).unwrap());
        assert_eq!(Ruler::new().width(&far), width_of_shown(&far));
        assert!(
            Ruler::new().width(&far)
                > Ruler::new().width(&Cell::Date(NaiveDate::from_ymd_opt(2025, 3, 14).unwrap()))
        );
    }
}
