//! How much a person may type into a box: one limit per kind of text, the same in every
//! form, in the rules that check a record, and in the JSON Schema of the file (a test
//! reads the schema to keep them equal). A box never cuts what is typed or pasted; past its
//! limit it says how many characters too many, and the form will not save until then.

use std::fmt;

/// A name, a council, a ward, an activity's title or evidence: one line.
pub const SHORT_TEXT: usize = 200;
/// An evaluation's comments.
pub const EVALUATION_TEXT: usize = 2000;
/// A development plan's strengths, needs, goals, meeting notes and agreed actions.
pub const LONG_TEXT: usize = 5000;

/// The share of its limit past which a box starts counting what is left, as GOV.UK's
/// character count does at its threshold.
const COUNT_FROM_PERCENT: usize = 90;

/// A whole number with a comma between thousands: 5000 → `5,000`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The hint a box with a limit shows under its label.
pub fn limit_hint(limit: usize) -> String {
    format!("You can enter up to {} characters", grouped(limit as u64))
}

/// What a box with a limit says of the text in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharacterCount {
    /// Well inside the limit: nothing to say.
    Plenty,
    /// Near the limit: this many characters left.
    Remaining(usize),
    /// Past the limit: this many characters to take out.
    TooMany(usize),
}

impl CharacterCount {
    /// Counts `text` against `limit`, in characters as a person counts them (not bytes).
    pub fn of(text: &str, limit: usize) -> Self {
        let used = text.chars().count();
        if used > limit {
            Self::TooMany(used - limit)
        } else if used * 100 >= limit * COUNT_FROM_PERCENT {
            Self::Remaining(limit - used)
        } else {
            Self::Plenty
        }
    }

    pub fn is_too_many(self) -> bool {
        matches!(self, Self::TooMany(_))
    }
}

impl fmt::Display for CharacterCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let characters = |n: usize| {
            let word = if n == 1 { "character" } else { "characters" };
            format!("{} {word}", grouped(n as u64))
        };
        match *self {
            Self::Plenty => Ok(()),
            Self::Remaining(n) => write!(f, "You have {} remaining", characters(n)),
            Self::TooMany(n) => write!(f, "You have {} too many", characters(n)),
        }
    }
}

/// Whether `text` fits in `limit` characters.
pub fn fits(text: &str, limit: usize) -> bool {
    !CharacterCount::of(text, limit).is_too_many()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn thousands_are_grouped_the_british_way() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(200), "200");
        assert_eq!(grouped(5000), "5,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(
            limit_hint(LONG_TEXT),
            "You can enter up to 5,000 characters"
        );
    }

    #[test]
    fn a_box_counts_down_near_its_limit_and_says_how_many_too_many_past_it() {
        assert_eq!(CharacterCount::of("short", 200), CharacterCount::Plenty);
        assert_eq!(
            CharacterCount::of(&"a".repeat(180), 200),
            CharacterCount::Remaining(20)
        );
        assert_eq!(
            CharacterCount::of(&"a".repeat(200), 200),
            CharacterCount::Remaining(0)
        );
        assert_eq!(
            CharacterCount::of(&"a".repeat(201), 200).to_string(),
            "You have 1 character too many"
        );
        assert_eq!(
            CharacterCount::of(&"a".repeat(6200), 5000).to_string(),
            "You have 1,200 characters too many"
        );
        // Characters as a person counts them: "ŵ" is one, not two bytes.
        assert!(fits(&"ŵ".repeat(200), 200));
    }

    proptest! {
        #[test]
        fn a_text_fits_exactly_when_it_has_no_more_characters_than_the_limit(text in "\\PC{0,60}", limit in 0usize..60) {
            prop_assert_eq!(fits(&text, limit), text.chars().count() <= limit);
        }
    }
}
