//! Dates written the way UK readers expect them: 22 Nov 2026, 22/11/2026.

use chrono::{DateTime, NaiveDate, TimeZone};

/// `22 Nov 2026`: for sentences and tables.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// `22 Nov 2026 at 14:05`, in whatever time zone the caller gives.
pub fn date_and_time<Tz: TimeZone>(moment: &DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    moment.format("%-d %b %Y at %H:%M").to_string()
}

/// `22/11/2026`: for spreadsheets and forms.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, Utc};

    use super::*;

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
}
