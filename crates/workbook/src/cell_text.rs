//! Text as long as one cell of a sheet holds. Excel refuses a cell of more than 32,767
//! characters, and rust_xlsxwriter refuses to write one, which would lose the whole
//! workbook for one long cell (a course's comments joined together can run that long). So
//! such a text is cut short, between characters, and says so at its end; the CSV, which
//! has no such limit, keeps it whole. Not the place that decides what a cell says: the
//! reports do that.

use std::borrow::Cow;

/// Excel's limit on one cell's text, counted in UTF-16 units as Excel and rust_xlsxwriter
/// count it (a character outside the Basic Multilingual Plane, such as an emoji, is two).
pub(crate) const MAX_UNITS: usize = 32_767;

/// What a text cut short ends with, inside the limit, so the officer knows where the rest is.
pub(crate) const CUT_MARKER: &str = " … [cut short here: the full text is in the CSV]";

/// The text as a cell holds it: the same text when it fits (nearly always, and then
/// without a copy), else as much of it as fits before [`CUT_MARKER`].
pub(crate) fn fitted(text: &str) -> Cow<'_, str> {
    // A character takes at least as many bytes in UTF-8 as units in UTF-16, so a text of
    // no more bytes than the limit fits without counting.
    if text.len() <= MAX_UNITS || text.encode_utf16().count() <= MAX_UNITS {
        return Cow::Borrowed(text);
    }
    let room = MAX_UNITS - CUT_MARKER.encode_utf16().count();
    let mut units = 0;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > room {
            break;
        }
        end = at + c.len_utf8();
    }
    // The marker begins with its own space, so none is left hanging before it.
    let kept = text[..end].trim_end();
    let mut cut = String::with_capacity(kept.len() + CUT_MARKER.len());
    cut.push_str(kept);
    cut.push_str(CUT_MARKER);
    Cow::Owned(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> usize {
        text.encode_utf16().count()
    }

    #[test]
    fn a_text_that_fits_is_kept_as_it_is_without_a_copy() {
        for text in ["", "Siân", &"ŵ".repeat(MAX_UNITS), &"x".repeat(MAX_UNITS)] {
            assert!(matches!(fitted(text), Cow::Borrowed(kept) if kept == text));
        }
    }

    #[test]
    fn a_text_one_character_too_long_is_cut_and_says_where_the_rest_is() {
        let text = "x".repeat(MAX_UNITS + 1);
        let cut = fitted(&text);
        assert_eq!(units(&cut), MAX_UNITS);
        assert!(cut.ends_with(CUT_MARKER));
        assert!(text.starts_with(cut.strip_suffix(CUT_MARKER).unwrap()));
    }

    #[test]
    fn welsh_comments_are_cut_between_letters_within_the_limit() {
        let text =
            "Roedd y sesiwn â’r Cyngor yn ddefnyddiol iawn; diolch i Siân a Llŷr. ".repeat(600);
        assert!(units(&text) > MAX_UNITS);
        let cut = fitted(&text);
        assert!(units(&cut) <= MAX_UNITS, "{} units", units(&cut));
        let kept = cut.strip_suffix(CUT_MARKER).expect("the marker at the end");
        assert!(text.starts_with(kept));
        assert!(
            !kept.ends_with(' '),
            "no space left before the marker's own"
        );
    }

    #[test]
    fn a_character_of_two_units_is_never_split_at_the_cut() {
        let room = MAX_UNITS - units(CUT_MARKER);
        // An emoji takes the last unit of room and one more: it goes whole, not in half.
        for before in [room - 1, room - 2] {
            let text = format!("{}📊{}", "a".repeat(before), "b".repeat(100));
            let cut = fitted(&text);
            let kept = cut.strip_suffix(CUT_MARKER).unwrap();
            assert!(units(&cut) <= MAX_UNITS);
            assert_eq!(
                kept.ends_with('📊'),
                before + 2 <= room,
                "with {before} before"
            );
            assert!(text.starts_with(kept));
        }
    }
}
