//! Money, held in pence and written in pounds: £75.00, £1,950.00; and read back from what
//! an officer types, exactly, in whole pence (never through a float).

use thiserror::Error;

/// Why what was typed is not an amount of money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum MoneyProblem {
    #[error("Enter an amount in pounds, for example 75 or 1,950.50")]
    NotMoney,
    #[error("Enter pence as two figures after the point, for example 75.50")]
    TooManyPlaces,
    #[error("Enter an amount of £0 or more, without a minus sign")]
    Negative,
    #[error("Enter an amount of £10,000,000 or less")]
    TooLarge,
}

/// The most an amount may be: far past any council's training budget, and small enough
/// that every sum of a year's spending fits.
const MAX_PENCE: u64 = 1_000_000_000;

/// Reads an amount typed in pounds as pence: `75`, `£75.50`, `1,950`, ` 0.5 `. Commas
/// must group thousands; a minus sign, words or a third figure of pence are refused, each
/// with its reason. Whole numbers throughout: no float is ever involved.
pub fn read_pounds(text: &str) -> Result<u64, MoneyProblem> {
    let text = text.trim();
    let text = text.strip_prefix('£').unwrap_or(text).trim_start();
    // "-5", "£-5" and "-£5" are amounts, but not ones a cost or budget can be.
    if let Some(unsigned) = text.strip_prefix(['-', '−']) {
        return match read_pounds(unsigned) {
            Ok(_) => Err(MoneyProblem::Negative),
            Err(_) => Err(MoneyProblem::NotMoney),
        };
    }
    let (whole, pence) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_well = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if (whole.is_empty() && pence.is_empty())
        || !grouped_well
        || !groups.iter().all(|g| digits(g))
        || !digits(pence)
    {
        return Err(MoneyProblem::NotMoney);
    }
    if pence.len() > 2 {
        return Err(MoneyProblem::TooManyPlaces);
    }
    let pounds: String = groups.concat();
    let pounds: u64 = if pounds.is_empty() {
        0
    } else {
        pounds.parse().map_err(|_| MoneyProblem::TooLarge)?
    };
    // One or two figures of pence, all digits by now: "5" is 50p, "05" is 5p.
    let pence = pence
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(2)
        .fold(0, |sum, b| sum * 10 + u64::from(b - b'0'));
    let total = pounds
        .checked_mul(100)
        .and_then(|p| p.checked_add(pence))
        .ok_or(MoneyProblem::TooLarge)?;
    if total > MAX_PENCE {
        return Err(MoneyProblem::TooLarge);
    }
    Ok(total)
}

/// Pence as an officer types pounds in a form: `75.50`, `1950.00`.
pub fn pounds_for_form(pence: u64) -> String {
    format!("{}.{:02}", pence / 100, pence % 100)
}

/// Pence as pounds with a thousands separator: 195000 → `£1,950.00`.
pub fn pounds(pence: u64) -> String {
    format!("£{}.{:02}", super::text::grouped(pence / 100), pence % 100)
}

/// A course's cost for a listing: `Free` for nothing.
pub fn cost(pence: u64) -> String {
    if pence == 0 {
        "Free".to_owned()
    } else {
        pounds(pence)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn amounts_are_read_exactly_in_pence() {
        assert_eq!(read_pounds("75"), Ok(7500));
        assert_eq!(read_pounds("£75.50"), Ok(7550));
        assert_eq!(read_pounds(" £ 1,950 "), Ok(195_000));
        assert_eq!(read_pounds("0.5"), Ok(50));
        assert_eq!(read_pounds(".05"), Ok(5));
        assert_eq!(read_pounds("5000"), Ok(500_000));
        // 0.1 + 0.2 is not 0.30000000000000004 pence here.
        assert_eq!(read_pounds("0.29"), Ok(29));
    }

    #[test]
    fn what_is_not_money_is_refused_with_a_reason() {
        for words in [
            "ninety", "", "  ", "£", "1,95", "12,3456", ",100", "7 5", "1.2.3", "£75p", "-", "--5",
            "-ninety", "5-",
        ] {
            assert_eq!(read_pounds(words), Err(MoneyProblem::NotMoney), "{words:?}");
        }
        for negative in ["-5", "£-5", "-£5", " - 1,950.50", "−75"] {
            assert_eq!(
                read_pounds(negative),
                Err(MoneyProblem::Negative),
                "{negative:?}"
            );
        }
        assert_eq!(read_pounds("75.505"), Err(MoneyProblem::TooManyPlaces));
        assert_eq!(read_pounds("10000000.01"), Err(MoneyProblem::TooLarge));
        assert_eq!(
            read_pounds("99999999999999999999999"),
            Err(MoneyProblem::TooLarge)
        );
        assert_eq!(
            MoneyProblem::NotMoney.to_string(),
            "Enter an amount in pounds, for example 75 or 1,950.50"
        );
        assert_eq!(
            MoneyProblem::TooManyPlaces.to_string(),
            "Enter pence as two figures after the point, for example 75.50"
        );
        assert_eq!(
            MoneyProblem::Negative.to_string(),
            "Enter an amount of £0 or more, without a minus sign"
        );
    }

    proptest! {
        #[test]
        fn any_amount_written_is_read_back_as_itself(pence in 0u64..=MAX_PENCE) {
            prop_assert_eq!(read_pounds(&pounds(pence)), Ok(pence));
            prop_assert_eq!(read_pounds(&pounds_for_form(pence)), Ok(pence));
        }

        #[test]
        fn an_amount_reads_the_same_however_it_is_written(pence in 0u64..=MAX_PENCE, spaces in 0usize..3) {
            // £1,234.50, 1234.50, 1234.5, £ 1234.5 and, for whole pounds, 1234 and £1,234.
            let (whole, part) = (pence / 100, pence % 100);
            let short_part = if part % 10 == 0 { format!("{}", part / 10) } else { format!("{part:02}") };
            let pad = " ".repeat(spaces);
            let mut ways = vec![
                pounds(pence),
                pounds_for_form(pence),
                format!("{whole}.{short_part}"),
                format!("{pad}£{pad}{}.{short_part}{pad}", crate::model::text::grouped(whole)),
            ];
            if part == 0 {
                ways.push(whole.to_string());
                ways.push(format!("£{}", crate::model::text::grouped(whole)));
            }
            if whole == 0 {
                ways.push(format!(".{part:02}"));
            }
            for way in ways {
                prop_assert_eq!(read_pounds(&way), Ok(pence), "{:?}", way);
            }
        }

        #[test]
        fn a_third_figure_of_pence_is_refused_with_its_reason(whole in 0u64..100_000, places in "[0-9]{3,6}") {
            prop_assert_eq!(read_pounds(&format!("{whole}.{places}")), Err(MoneyProblem::TooManyPlaces));
            prop_assert_eq!(read_pounds(&format!("£{}.{places}", crate::model::text::grouped(whole))), Err(MoneyProblem::TooManyPlaces));
        }

        #[test]
        fn a_negative_amount_is_refused_with_its_reason(pence in 0u64..=MAX_PENCE) {
            prop_assert_eq!(read_pounds(&format!("-{}", pounds_for_form(pence))), Err(MoneyProblem::Negative));
            prop_assert_eq!(read_pounds(&format!("-{}", pounds(pence))), Err(MoneyProblem::Negative));
            prop_assert_eq!(read_pounds(&format!("£-{}", pounds_for_form(pence))), Err(MoneyProblem::Negative));
        }

        #[test]
        fn nothing_with_a_letter_in_it_is_money(text in "-?[0-9.,£]{0,4}[a-zA-Z][0-9.,£a-z]{0,4}") {
            prop_assert_eq!(read_pounds(&text), Err(MoneyProblem::NotMoney));
        }

        #[test]
        fn no_amount_past_the_most_is_taken(pence in MAX_PENCE + 1..u64::MAX / 100) {
            prop_assert_eq!(read_pounds(&pounds_for_form(pence)), Err(MoneyProblem::TooLarge));
        }
    }

    #[test]
    fn pounds_are_written_the_british_way() {
        assert_eq!(pounds(0), "£0.00");
        assert_eq!(pounds(7500), "£75.00");
        assert_eq!(pounds(195_000), "£1,950.00");
        assert_eq!(pounds(50_000_005), "£500,000.05");
        assert_eq!(cost(0), "Free");
        assert_eq!(cost(6000), "£60.00");
    }
}
