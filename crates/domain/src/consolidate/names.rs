//! The order an officer expects names in: ignoring case, and with numbers by their value,
//! so "cllr amrit kaur" sits with "Cllr Amrit Kaur" rather than after "Cllr Zara Ali",
//! and "Ward 2" comes before "Ward 10".

/// A name folded into a string whose plain order is the order an officer expects: in
/// lower case, with each run of digits written as `0`, a character that grows with the
/// run's length (leading zeros dropped), then the digits. Digits sit together in Unicode
/// and every other character stays itself, so a run sorts after any character below `0`
/// (a space, a hyphen), before any above `9` (letters), and against another run by length
/// first: by value.
fn folded(name: &str) -> String {
    if name.is_ascii() {
        // Lowered a byte at a time as it is folded: one string made, not two.
        fold(
            name.bytes().map(|b| char::from(b.to_ascii_lowercase())),
            name.len(),
        )
    } else {
        // Lowered whole first: `str::to_lowercase` knows a final sigma from any other.
        let lower = name.to_lowercase();
        fold(lower.chars(), lower.len())
    }
}

/// [`folded`] of a name already in lower case, `len` bytes of it.
fn fold(lower: impl Iterator<Item = char>, len: usize) -> String {
    let mut folded = String::with_capacity(len + 2);
    let mut chars = lower.peekable();
    let mut digits = String::new();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            digits.clear();
            digits.push(c);
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                digits.push(d);
            }
            let value = digits.trim_start_matches('0');
            let length = u32::try_from(value.len()).unwrap_or(u32::MAX).min(0x1000);
            folded.push('0');
            // Private-use characters, in order of length; only ever compared with another.
            folded.push(char::from_u32(0xE000 + length).unwrap_or('\u{F000}'));
            folded.push_str(value);
        } else {
            folded.push(c);
        }
    }
    folded
}

/// A name's place in the order an officer expects, for maps and `sort_by_cached_key` (so
/// each key is made once a row). Names that differ only in case or leading zeros still
/// have a fixed order, by their characters, so sorting is repeatable.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct NameKey(String, String);

impl NameKey {
    pub fn of(name: &str) -> Self {
        Self(folded(name), name.to_owned())
    }
}

/// [`NameKey::of`] a name that outlives the sort, in the same order, without a copy of
/// the name: for the longest sorts, of borrowed rows.
pub(crate) fn borrowed_key(name: &str) -> (String, &str) {
    (folded(name), name)
}

/// What makes two ways of typing a name (a member's, a council's) one name: case and runs
/// of spaces ignored, so "Wyre  council" is "Wyre Council".
pub fn same_name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        names.sort_by_cached_key(|n| NameKey::of(n));
        names
    }

    #[test]
    fn case_is_ignored_and_numbers_go_by_value() {
        assert_eq!(
            sorted(&[
                "Cllr Zara Ali",
                "cllr amrit kaur",
                "Cllr Member 10",
                "Cllr Member 2",
                "Cllr Amrit Kaur",
                "Cllr Member 02",
            ]),
            [
                "Cllr Amrit Kaur",
                "cllr amrit kaur",
                "Cllr Member 02",
                "Cllr Member 2",
                "Cllr Member 10",
                "Cllr Zara Ali",
            ]
        );
    }

    #[test]
    fn a_shorter_name_comes_before_a_longer_one_it_begins() {
        assert_eq!(
            sorted(&["Ann Smith", "Ann", "Ann-Marie"]),
            ["Ann", "Ann Smith", "Ann-Marie"]
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::super::*;

        // Names drawn from letters of both cases, digits, spaces, hyphens and a few accents.
        const NAME: &str = "[A-Za-z0-9 \\-éÉßİ]{0,12}";

        proptest! {
            #[test]
            fn a_name_folds_alike_whether_lowered_whole_or_a_byte_at_a_time(a in NAME, b in "[ -~]{0,12}") {
                for name in [&a, &b] {
                    let lower = name.to_lowercase();
                    prop_assert_eq!(folded(name), fold(lower.chars(), lower.len()));
                }
            }

            #[test]
            fn a_borrowed_key_sorts_as_the_name_key_does(a in NAME, b in NAME) {
                prop_assert_eq!(
                    borrowed_key(&a).cmp(&borrowed_key(&b)),
                    NameKey::of(&a).cmp(&NameKey::of(&b))
                );
            }

            #[test]
            fn only_the_same_name_sits_level_and_case_never_outranks_a_letter(a in NAME, b in NAME) {
                let (ka, kb) = (NameKey::of(&a), NameKey::of(&b));
                prop_assert_eq!(ka == kb, a == b);
                // Ignoring case, the folded names decide; only a tie falls back to the characters.
                if a.to_lowercase() != b.to_lowercase() && !a.contains(|c: char| c.is_ascii_digit()) && !b.contains(|c: char| c.is_ascii_digit()) {
                    prop_assert_eq!(ka.cmp(&kb), a.to_lowercase().cmp(&b.to_lowercase()));
                }
            }

            #[test]
            fn names_differing_only_in_case_sit_together(a in "[A-Za-z ]{1,10}", b in "[A-Za-z ]{1,10}") {
                let upper = a.to_uppercase();
                // Nothing that differs from `a` ignoring case falls between its two forms.
                if b.to_lowercase() != a.to_lowercase() {
                    prop_assert_eq!(NameKey::of(&a).cmp(&NameKey::of(&b)), NameKey::of(&upper).cmp(&NameKey::of(&b)));
                }
            }
        }
    }
}
