//! Sheet names Excel will open: a report's name made short enough, stripped of the
//! characters Excel refuses, and kept unique in the workbook. Not the place that chooses
//! the names; the reports do that (`Table::sheet`).

/// Excel's limit, counted in UTF-16 units as Excel counts them.
const MAX_LEN: usize = 31;

/// What a sheet is called when nothing is left of its report's name.
const FALLBACK: &str = "Report";

/// Gives each report's sheet a name Excel accepts, in order: the same name as the report
/// where it can, shortened or with " (2)", " (3)"… added where it must.
#[derive(Debug, Default)]
pub(crate) struct SheetNames {
    /// The names given so far, lower-cased: Excel compares them ignoring case.
    taken: Vec<String>,
}

impl SheetNames {
    pub(crate) fn new() -> Self {
        // Excel keeps "History" for itself (the change history of a shared workbook).
        Self {
            taken: vec!["history".to_owned()],
        }
    }

    /// The name for the next sheet, made from its report's name.
    pub(crate) fn name_for(&mut self, wanted: &str) -> String {
        let base = cleaned(wanted);
        let mut name = shortened(&base, MAX_LEN);
        let mut n = 1;
        while self.is_taken(&name) {
            n += 1;
            let suffix = format!(" ({n})");
            name = shortened(&base, MAX_LEN - suffix.len()) + &suffix;
        }
        self.taken.push(name.to_lowercase());
        name
    }

    fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(&name.to_lowercase())
    }
}

/// The name without the characters Excel refuses, with a name of some kind left over.
fn cleaned(wanted: &str) -> String {
    let replaced: String = wanted
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let trimmed = replaced.trim().trim_matches('\'').trim();
    if trimmed.is_empty() {
        FALLBACK.to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// At most `limit` UTF-16 units, cut between words where one ends in the second half,
/// else between characters, with no apostrophe or space left at the end by the cut.
fn shortened(name: &str, limit: usize) -> String {
    let mut out = String::new();
    let mut units = 0;
    let mut rest = name.chars();
    for c in rest.by_ref() {
        units += c.len_utf16();
        if units > limit {
            // Cut in the middle of a word: keep whole words if that leaves enough.
            if !c.is_whitespace()
                && let Some(space) = out.rfind(char::is_whitespace)
                && space >= out.len() / 2
            {
                out.truncate(space);
            }
            break;
        }
        out.push(c);
    }
    let kept = out.trim_end().trim_end_matches('\'').trim_end();
    if kept.is_empty() {
        FALLBACK.to_owned()
    } else {
        kept.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(wanted: &[&str]) -> Vec<String> {
        let mut names = SheetNames::new();
        wanted.iter().map(|w| names.name_for(w)).collect()
    }

    #[test]
    fn a_short_plain_name_is_kept_as_it_is() {
        assert_eq!(names(&["Compliance summary"]), ["Compliance summary"]);
    }

    #[test]
    fn characters_excel_refuses_become_hyphens() {
        assert_eq!(
            names(&["Spend: 2025/26 [draft]?"]),
            ["Spend- 2025-26 -draft--"]
        );
    }

    #[test]
    fn a_long_name_is_cut_to_31_characters_between_words_or_letters() {
        let [name] = names(&["Training audit for every member of the council"])
            .try_into()
            .unwrap();
        assert_eq!(name, "Training audit for every member");
        assert_eq!(name.encode_utf16().count(), 31);
    }

    #[test]
    fn names_that_clash_ignoring_case_are_numbered() {
        assert_eq!(
            names(&["Hours", "hours", "HOURS"]),
            ["Hours", "hours (2)", "HOURS (3)"]
        );
    }

    #[test]
    fn a_long_name_is_cut_between_words_where_it_can_be() {
        assert_eq!(
            names(&["Spend against budget 2025-26 for committees"]),
            ["Spend against budget 2025-26"]
        );
        // One long word is cut where it must be.
        assert_eq!(names(&["a".repeat(40).as_str()]), ["a".repeat(31)]);
    }

    #[test]
    fn a_long_name_that_clashes_is_cut_to_leave_room_for_its_number() {
        let long = "Survey results by question and group";
        let got = names(&[long, long]);
        assert_eq!(got[0], "Survey results by question and");
        assert_eq!(got[1], "Survey results by question (2)");
        assert!(got.iter().all(|n| n.encode_utf16().count() <= 31));
    }

    #[test]
    fn apostrophes_at_either_end_are_dropped() {
        assert_eq!(names(&["'Members' views'"]), ["Members' views"]);
    }

    #[test]
    fn an_empty_name_or_history_still_gets_a_name_excel_accepts() {
        assert_eq!(
            names(&["", "  ''  ", "History"]),
            ["Report", "Report (2)", "History (2)"]
        );
    }

    #[test]
    fn welsh_letters_and_wide_characters_count_as_excel_counts_them() {
        let [welsh, emoji] = names(&[
            "Hyfforddiant gorfodol â’r Cyngor Sir",
            "📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊",
        ])
        .try_into()
        .unwrap();
        assert_eq!(welsh, "Hyfforddiant gorfodol â’r");
        // Each of these takes two of Excel's 31, so only fifteen fit.
        assert_eq!(emoji.chars().count(), 15);
    }

    #[test]
    fn every_name_given_is_one_excel_accepts() {
        let wanted = [
            "a/b",
            "'",
            "x".repeat(40).as_str(),
            "History",
            "[]",
            "Report",
            "report",
        ]
        .map(str::to_owned);
        let mut names = SheetNames::new();
        for w in &wanted {
            let name = names.name_for(w);
            rust_xlsxwriter::utility::check_sheet_name(&name)
                .unwrap_or_else(|e| panic!("{name:?} from {w:?}: {e}"));
        }
    }
}
