//! What training is due: derived from the catalogue, the councillor's roles and their
//! activities every time it is shown, and never stored.
//!
//! - A course mandatory for any of the councillor's roles (or for all members) and never
//!   completed is **outstanding**.
//! - A completed mandatory course with a refresher interval is due again on the latest
//!   completion date plus the interval: **overdue** once that date has passed, **due soon**
//!   from 90 days before it, and due (not overdue) on the day itself.
//! - A course that stops being mandatory (a role dropped) simply stops being listed.
//! - A course for newly elected members (an induction) is mandatory only in its window
//!   after the date elected; a councillor elected years ago is not asked for it.
//! - A mandatory course never completed but planned or under way says so, rather than
//!   counting as not done.

use chrono::{Datelike, Months, NaiveDate};

use super::catalogue::Course;
use super::learning::{ActivityStatus, LearningActivity};
use super::profile::Profile;

/// How far ahead a refresher counts as due soon.
pub const DUE_SOON_DAYS: i64 = 90;

/// Why a course is on the councillor's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DueStatus {
    /// The refresher date has passed.
    Overdue { due_on: NaiveDate },
    /// Mandatory and never completed; for a course for newly elected members, the last
    /// day of its window.
    Outstanding { by: Option<NaiveDate> },
    /// Never completed, but started.
    InProgress,
    /// Never completed, but planned, on the date given if there is one.
    Planned { on: Option<NaiveDate> },
    /// The refresher falls due within [`DUE_SOON_DAYS`].
    DueSoon { due_on: NaiveDate },
}

/// A course the councillor needs to do, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueTraining {
    pub course: Course,
    pub status: DueStatus,
}

/// When a course completed on `completed_on` must be taken again: the same day of the month,
/// `months` later, or that month's last day when it is shorter: completed on 29 Feb 2024
/// with a 3-year interval, due 28 Feb 2027.
pub fn refresher_due_on(completed_on: NaiveDate, months: u32) -> NaiveDate {
    completed_on
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// The latest date on which the course was completed, if ever.
pub fn last_completed(course: &Course, activities: &[LearningActivity]) -> Option<NaiveDate> {
    activities
        .iter()
        .filter(|a| a.course_id.as_deref() == Some(course.id.as_str()))
        .filter_map(LearningActivity::completion)
        .max()
}

/// Where a course never completed stands: under way, planned (on the earliest date given),
/// or not begun. Deleted activities do not count.
fn not_completed(
    course: &Course,
    activities: &[LearningActivity],
    by: Option<NaiveDate>,
) -> DueStatus {
    let live = activities
        .iter()
        .filter(|a| a.course_id.as_deref() == Some(course.id.as_str()) && !a.is_deleted());
    let mut planned = false;
    let mut earliest: Option<NaiveDate> = None;
    for activity in live {
        match activity.status {
            ActivityStatus::InProgress => return DueStatus::InProgress,
            ActivityStatus::Planned => {
                planned = true;
                earliest = earliest.into_iter().chain(activity.start_date).min();
            }
            ActivityStatus::Completed => {}
        }
    }
    if planned {
        DueStatus::Planned { on: earliest }
    } else {
        DueStatus::Outstanding { by }
    }
}

/// Everything due for a councillor with this profile (their roles, and when they were
/// elected), most urgent first: overdue (earliest first), then outstanding, in progress
/// and planned (in catalogue order), then due soon (earliest first).
pub fn training_due(
    catalogue: &[Course],
    profile: &Profile,
    activities: &[LearningActivity],
    today: NaiveDate,
) -> Vec<DueTraining> {
    let elected = profile.date_elected;
    let mut due: Vec<DueTraining> = catalogue
        .iter()
        .filter(|course| course.mandatory_for.applies_to(&profile.roles))
        .filter(|course| course.mandatory_on(elected, today))
        .filter_map(|course| {
            let status = match (last_completed(course, activities), course.refresher_months) {
                (None, _) => not_completed(course, activities, course.mandatory_until(elected)),
                (Some(_), None) => return None,
                (Some(done), Some(months)) => {
                    let due_on = refresher_due_on(done, months);
                    if due_on < today {
                        DueStatus::Overdue { due_on }
                    } else if (due_on - today).num_days() <= DUE_SOON_DAYS {
                        DueStatus::DueSoon { due_on }
                    } else {
                        return None;
                    }
                }
            };
            Some(DueTraining {
                course: course.clone(),
                status,
            })
        })
        .collect();
    // A stable sort keeps courses not completed in catalogue order.
    due.sort_by_key(|d| match d.status {
        DueStatus::Overdue { due_on } => (0, Some(due_on)),
        DueStatus::Outstanding { .. } | DueStatus::InProgress | DueStatus::Planned { .. } => {
            (1, None)
        }
        DueStatus::DueSoon { due_on } => (2, Some(due_on)),
    });
    due
}

/// A council's municipal year, which starts in May: 2026/27 runs from 1 May 2026 to
/// 30 April 2027.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MunicipalYear {
    pub starts_in: i32,
}

impl MunicipalYear {
    /// The municipal year a date falls in.
    pub fn containing(date: NaiveDate) -> Self {
        let starts_in = if date.month() >= 5 {
            date.year()
        } else {
            date.year() - 1
        };
        Self { starts_in }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.starts_in, 5, 1).expect("1 May exists")
    }

    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.starts_in + 1, 4, 30).expect("30 April exists")
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        Self::containing(date) == self
    }

    /// `2026/27`.
    pub fn label(self) -> String {
        format!(
            "{}/{:02}",
            self.starts_in,
            (self.starts_in + 1).rem_euclid(100)
        )
    }
}

/// Completed activities in a municipal year whose hours are not known, counted apart from
/// [`minutes_in_year`].
pub fn hours_missing_in_year(activities: &[LearningActivity], year: MunicipalYear) -> usize {
    activities
        .iter()
        .filter(|a| a.hours_missing() && a.completion().is_some_and(|done| year.contains(done)))
        .count()
}

/// Minutes of completed learning in a municipal year.
pub fn minutes_in_year(activities: &[LearningActivity], year: MunicipalYear) -> u32 {
    activities
        .iter()
        .filter(|a| a.completion().is_some_and(|done| year.contains(done)))
        .map(|a| a.minutes)
        .sum()
}
