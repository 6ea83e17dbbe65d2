//! Money, held in pence and written in pounds: £75.00, £1,950.00.

/// Pence as pounds with a thousands separator: 195000 → `£1,950.00`.
pub fn pounds(pence: u64) -> String {
    let whole = (pence / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("£{grouped}.{:02}", pence % 100)
}

/// A course's cost for a listing: `Free` for nothing.
pub fn cost(pence: u64) -> String {
    if pence == 0 {
        "Free".to_owned()
    } else {
        pounds(pence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
