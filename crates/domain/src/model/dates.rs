//! Dates written the way UK readers expect them: 22 Nov 2026, 22/11/2026.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike};

/// Month names as UK readers abbreviate them. Written here rather than through chrono's
/// `format`, whose pattern interpreter would be shipped to every tablet for three patterns.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `22 Nov 2026`: for sentences and tables.
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// `22 Nov 2026 at 14:05`, in whatever time zone the caller gives.
pub fn date_and_time<Tz: TimeZone>(moment: &DateTime<Tz>) -> String {
    let local = moment.naive_local();
    format!(
        "{} at {:02}:{:02}",
        long_date(local.date()),
        local.hour(),
        local.minute()
    )
}

/// `22/11/2026`: for spreadsheets and forms.
pub fn short_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// `2026-11-22`: for file names, sorting as text in date order.
pub fn iso_date(date: NaiveDate) -> String {
    date.to_string()
}

/// What a day, month and year typed in three boxes (the GOV.UK date pattern) add up to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateEntry {
    /// All three boxes are empty.
    Empty,
    /// Some boxes are still empty.
    Incomplete,
    /// All three are filled but make no date (31 2 2026, a two-digit year, letters).
    NotADate,
    Date(NaiveDate),
}

impl DateEntry {
    /// Reads a day, month and year as typed; spaces around them are ignored.
    pub fn from_parts(day: &str, month: &str, year: &str) -> Self {
        let parts = [day.trim(), month.trim(), year.trim()];
        if parts.iter().all(|p| p.is_empty()) {
            return Self::Empty;
        }
        if parts.iter().any(|p| p.is_empty()) {
            return Self::Incomplete;
        }
        let number = |p: &str| {
            p.parse::<u32>()
                .ok()
                .filter(|_| p.bytes().all(|b| b.is_ascii_digit()))
        };
        match (number(parts[0]), number(parts[1]), number(parts[2])) {
            (Some(d), Some(m), Some(y)) if parts[2].len() == 4 => {
                NaiveDate::from_ymd_opt(y as i32, m, d).map_or(Self::NotADate, Self::Date)
            }
            _ => Self::NotADate,
        }
    }

    /// The date, if the boxes make one.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Self::Date(date) => Some(date),
            _ => None,
        }
    }
}

/// A date as the three boxes show it: `7`, `5`, `2026`.
pub fn date_parts(date: NaiveDate) -> [String; 3] {
    [
        date.day().to_string(),
        date.month().to_string(),
        date.year().to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, Utc};

    use super::*;

    // proptest runs natively only, as the domain's tests do.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The hand-written formats say what chrono's own patterns say, for any date and time.
        #[test]
        fn dates_are_written_as_chrono_would(days in 0i32..80_000, minutes in 0u32..1440) {
            let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days as u64);
            proptest::prop_assert_eq!(long_date(date), date.format("%-d %b %Y").to_string());
            proptest::prop_assert_eq!(short_date(date), date.format("%d/%m/%Y").to_string());
            proptest::prop_assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
            let moment = Utc.from_utc_datetime(&date.and_hms_opt(minutes / 60, minutes % 60, 0).unwrap());
            proptest::prop_assert_eq!(
                date_and_time(&moment),
                moment.format("%-d %b %Y at %H:%M").to_string()
            );
        }
    }

    #[test]
    fn dates_read_the_british_way() {
        let date = NaiveDate::from_ymd_opt(2026, 5, 7).unwrap();
        assert_eq!(long_date(date), "7 May 2026");
        assert_eq!(short_date(date), "07/05/2026");
    }

    #[test]
    fn a_moment_shows_in_the_zone_it_is_given() {
        let moment = Utc.with_ymd_and_hms(2026, 6, 30, 23, 30, 0).unwrap();
        assert_eq!(date_and_time(&moment), "30 Jun 2026 at 23:30");
        let summer_time = FixedOffset::east_opt(3600).unwrap();
        assert_eq!(
            date_and_time(&moment.with_timezone(&summer_time)),
            "1 Jul 2026 at 00:30"
        );
    }

    #[test]
    fn three_boxes_make_a_date_only_when_they_make_a_real_one() {
        let date = |y, m, d| DateEntry::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let cases = [
            (["", " ", ""], DateEntry::Empty),
            (["14", "", "2026"], DateEntry::Incomplete),
            (["14", "10", "2026"], date(2026, 10, 14)),
            ([" 07 ", "05", "2026"], date(2026, 5, 7)),
            (["29", "2", "2028"], date(2028, 2, 29)),
            (["29", "2", "2027"], DateEntry::NotADate),
            (["31", "4", "2026"], DateEntry::NotADate),
            (["14", "13", "2026"], DateEntry::NotADate),
            (["14", "10", "26"], DateEntry::NotADate),
            (["+1", "10", "2026"], DateEntry::NotADate),
            (["one", "10", "2026"], DateEntry::NotADate),
        ];
        for ([d, m, y], expected) in cases {
            assert_eq!(DateEntry::from_parts(d, m, y), expected, "{d}/{m}/{y}");
        }
        let [d, m, y] = date_parts(NaiveDate::from_ymd_opt(2026, 5, 7).unwrap());
        assert_eq!(DateEntry::from_parts(&d, &m, &y), date(2026, 5, 7));
    }
}
