//! The order an officer expects names in: ignoring case, and with numbers by their value,
//! so "cllr amrit kaur" sits with "Cllr Amrit Kaur" rather than after "Cllr Zara Ali",
//! and "Ward 2" comes before "Ward 10".

use std::cmp::Ordering;

/// One piece of a name as it is ordered: a character below the digits (a space, a
/// hyphen), a run of digits by its value, or any other character. Digits sit together in
/// Unicode, so every character falls clearly on one side of them.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Piece {
    Below(char),
    /// The digits without leading zeros: a longer run is a larger number.
    Number(usize, String),
    Above(char),
}

fn pieces(name: &str) -> Vec<Piece> {
    let lower = name.to_lowercase();
    let mut pieces = Vec::new();
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut digits = String::from(c);
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                digits.push(d);
            }
            let value = digits.trim_start_matches('0').to_owned();
            pieces.push(Piece::Number(value.len(), value));
        } else if c < '0' {
            pieces.push(Piece::Below(c));
        } else {
            pieces.push(Piece::Above(c));
        }
    }
    pieces
}

/// Compares two names in the order an officer expects; names that differ only in case or
/// leading zeros still have a fixed order (by their characters), so sorting is repeatable.
pub fn name_order(a: &str, b: &str) -> Ordering {
    pieces(a).cmp(&pieces(b)).then_with(|| a.cmp(b))
}

/// A key that sorts as [`name_order`] does, for maps and `sort_by_cached_key`.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct NameKey<'a>(Vec<Piece>, &'a str);

impl<'a> NameKey<'a> {
    pub fn of(name: &'a str) -> Self {
        Self(pieces(name), name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        names.sort_by(|a, b| name_order(a, b));
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
            fn the_order_is_total_and_agrees_with_its_key(a in NAME, b in NAME, c in NAME) {
                prop_assert_eq!(name_order(&a, &b), name_order(&b, &a).reverse());
                prop_assert_eq!(name_order(&a, &b) == Ordering::Equal, a == b);
                if name_order(&a, &b).is_le() && name_order(&b, &c).is_le() {
                    prop_assert!(name_order(&a, &c).is_le(), "{a:?} <= {b:?} <= {c:?}");
                }
                prop_assert_eq!(NameKey::of(&a).cmp(&NameKey::of(&b)), name_order(&a, &b));
            }

            #[test]
            fn names_differing_only_in_case_sit_together(a in "[A-Za-z ]{1,10}", b in "[A-Za-z ]{1,10}") {
                let upper = a.to_uppercase();
                // Nothing that differs from `a` ignoring case falls between its two forms.
                if b.to_lowercase() != a.to_lowercase() {
                    prop_assert_eq!(name_order(&a, &b), name_order(&upper, &b));
                }
            }
        }
    }
}
