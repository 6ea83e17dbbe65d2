//! CSV that opens cleanly in Excel: RFC 4180 quoting, UTF-8 with a byte-order mark, CRLF
//! line ends, and any cell that a spreadsheet would run as a formula made inert.

/// A table to write as CSV: a header row and data rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Csv {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Csv {
    /// The table as CSV text ([`to_csv`]).
    pub fn text(&self) -> String {
        to_csv(self)
    }
}

/// Adds a cell to `out`, made safe and correct: a leading `=`, `+`, `-`, `@`, tab or
/// carriage return is prefixed with `'` so a spreadsheet shows it as text rather than
/// running it (CSV formula injection); then the cell is quoted if it holds a comma, a
/// quote or a line break.
fn push_cell(value: &str, out: &mut String) {
    let inert = matches!(
        value.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    let quoted = value.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if inert {
        out.push('\'');
    }
    if quoted {
        for (n, part) in value.split('"').enumerate() {
            if n > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// What a CSV file starts with: a byte-order mark, so Excel reads it as UTF-8.
pub const CSV_START: &str = "\u{feff}";

/// The table as CSV text, starting with a byte-order mark so Excel reads it as UTF-8.
pub fn to_csv(table: &Csv) -> String {
    let mut out = String::from(CSV_START);
    for row in std::iter::once(&table.header).chain(&table.rows) {
        csv_row(row, &mut out);
    }
    out
}

/// One row of a CSV, its cells made safe and correct, and its line end, added to `out`:
/// for a file written a row at a time, after [`CSV_START`].
pub fn csv_row(cells: &[impl AsRef<str>], out: &mut String) {
    for (n, value) in cells.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        push_cell(value.as_ref(), out);
    }
    out.push_str("\r\n");
}

/// A name for a downloaded file made from a title: lower case, letters and digits kept
/// (accented ones too), every run of anything else one hyphen: "Skills self-assessment
/// (2026)" gives `skills-self-assessment-2026`. `fallback` when nothing is left.
pub fn file_stem(title: &str, fallback: &str) -> String {
    let mut stem = String::with_capacity(title.len());
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        fallback.to_owned()
    } else {
        stem.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(value: &str) -> String {
        to_csv(&Csv {
            header: vec![value.to_owned()],
            rows: vec![],
        })
        .trim_start_matches('\u{feff}')
        .trim_end_matches("\r\n")
        .to_owned()
    }

    #[test]
    fn plain_cells_are_left_alone_and_the_file_starts_with_a_bom() {
        let text = to_csv(&Csv {
            header: vec!["Member".into(), "Course".into()],
            rows: vec![vec!["Siân Evans".into(), "Code of Conduct".into()]],
        });
        assert_eq!(
            text,
            "\u{feff}Member,Course\r\nSiân Evans,Code of Conduct\r\n"
        );
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(one("Kaur, Amrit"), "\"Kaur, Amrit\"");
        assert_eq!(one("the \"Leader\""), "\"the \"\"Leader\"\"\"");
        assert_eq!(one("line one\nline two"), "\"line one\nline two\"");
    }

    #[test]
    fn a_file_is_named_after_its_title_in_plain_lower_case() {
        assert_eq!(
            file_stem("Skills self-assessment", "survey"),
            "skills-self-assessment"
        );
        assert_eq!(
            file_stem("  Ethical framework: self-assessment (2026/27)! ", "survey"),
            "ethical-framework-self-assessment-2026-27"
        );
        assert_eq!(file_stem("Hyfforddiant ŵyr", "survey"), "hyfforddiant-ŵyr");
        assert_eq!(
            file_stem("../..", "survey"),
            "survey",
            "nothing of a path is left"
        );
        assert_eq!(file_stem("", "survey"), "survey");
    }

    #[test]
    fn formulas_are_made_inert() {
        assert_eq!(
            one("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(one("+44 1234"), "'+44 1234");
        assert_eq!(one("-1"), "'-1");
        assert_eq!(one("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(one("\tcmd"), "'\tcmd");
        assert_eq!(one("a=b"), "a=b", "only a leading sign is a formula");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::super::*;

        proptest! {
            /// An outside reader (the csv crate) gets back every cell as it was given,
            /// with a `'` before any that a spreadsheet would run as a formula.
            #[test]
            fn every_cell_reads_back_as_given_or_made_inert(
                rows in proptest::collection::vec(
                    proptest::collection::vec("[a-z=+@ ,\"\r\n\t'-]{0,8}", 3),
                    1..6,
                ),
            ) {
                let csv = Csv { header: vec!["A".into(), "B".into(), "C".into()], rows: rows.clone() };
                let text = to_csv(&csv);
                let mut reader = ::csv::Reader::from_reader(text.trim_start_matches(CSV_START).as_bytes());
                let read: Vec<Vec<String>> = reader
                    .records()
                    .map(|r| r.unwrap().iter().map(str::to_owned).collect())
                    .collect();
                let expected: Vec<Vec<String>> = rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .map(|v| match v.chars().next() {
                                Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{v}"),
                                _ => v.clone(),
                            })
                            .collect()
                    })
                    .collect();
                prop_assert_eq!(read, expected);
            }
        }
    }
}
