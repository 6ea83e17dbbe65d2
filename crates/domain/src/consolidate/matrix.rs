//! The training matrix: every member held down the side, the council's courses across, and
//! in each cell where that member stands with that course: the date they last completed
//! it, or due, overdue, planned, in progress, or nothing at all. A member with nothing
//! recorded is still a row. Filtered by a role or committee (whose members are the rows)
//! and to mandatory courses only (those mandatory for that role, or for anyone).

use chrono::NaiveDate;
use uuid::Uuid;

use super::csv::Csv;
use super::names::NameKey;
use super::workspace::OfficerWorkspace;
use crate::model::catalogue::{Course, MandatoryFor};
use crate::model::dates::iso_date;
use crate::model::due::{DueStatus, last_completed, training_due};
use crate::model::learning::{ActivityStatus, LearningActivity};
use crate::model::record::MemberRecord;

/// Where one member stands with one course.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatrixCell {
    /// Completed, last on this date, and not due again.
    Completed(NaiveDate),
    /// Mandatory for them and never completed, or a refresher due within 90 days.
    Due,
    /// A refresher whose date has passed.
    Overdue,
    /// Booked or planned, not yet completed.
    Planned,
    /// Started, not yet completed.
    InProgress,
    /// Nothing recorded, and not required of them.
    Blank,
}

impl MatrixCell {
    /// The cell as the page and the CSV write it; a completion date in `date`'s form.
    pub fn text(self, date: impl Fn(NaiveDate) -> String) -> String {
        match self {
            Self::Completed(on) => date(on),
            Self::Due => "due".to_owned(),
            Self::Overdue => "overdue".to_owned(),
            Self::Planned => "planned".to_owned(),
            Self::InProgress => "in progress".to_owned(),
            Self::Blank => String::new(),
        }
    }
}

/// A course across the top of the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixCourse {
    pub id: String,
    pub title: String,
    /// Mandatory for anyone (all members, or some roles).
    pub mandatory: bool,
}

/// One member's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRow {
    pub member_id: Uuid,
    pub member: String,
    pub ward: String,
    /// One cell per course, in the courses' order.
    pub cells: Vec<MatrixCell>,
}

/// The whole matrix.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrainingMatrix {
    pub courses: Vec<MatrixCourse>,
    /// Every member held (who holds the role, when filtered by one), by name.
    pub rows: Vec<MatrixRow>,
}

/// Which members and courses the matrix shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatrixFilter {
    /// Only members who hold this role or sit on this committee.
    pub role: Option<String>,
    /// Only courses mandatory (for the role chosen, or for anyone).
    pub mandatory_only: bool,
}

fn shown(course: &Course, filter: &MatrixFilter) -> bool {
    if course.retired {
        return false;
    }
    if !filter.mandatory_only {
        return true;
    }
    match (&course.mandatory_for, &filter.role) {
        (MandatoryFor::Nobody, _) => false,
        (MandatoryFor::AllMembers, _) | (MandatoryFor::Roles(_), None) => true,
        (MandatoryFor::Roles(roles), Some(role)) => roles.contains(role.as_str()),
    }
}

/// Where a course not (or no longer) required of the member stands: last completed, under
/// way, planned, or nothing.
fn recorded(course: &Course, activities: &[LearningActivity]) -> MatrixCell {
    if let Some(on) = last_completed(course, activities) {
        return MatrixCell::Completed(on);
    }
    let live = activities
        .iter()
        .filter(|a| a.course_id.as_deref() == Some(course.id.as_str()) && !a.is_deleted());
    let mut cell = MatrixCell::Blank;
    for activity in live {
        match activity.status {
            ActivityStatus::InProgress => return MatrixCell::InProgress,
            ActivityStatus::Planned => cell = MatrixCell::Planned,
            ActivityStatus::Completed => {}
        }
    }
    cell
}

fn row(record: &MemberRecord, courses: &[Course], today: NaiveDate) -> MatrixRow {
    let due = training_due(courses, &record.profile, &record.learning, today);
    let cells = courses
        .iter()
        .map(
            |course| match due.iter().find(|d| d.course.id == course.id) {
                Some(d) => match d.status {
                    DueStatus::Overdue { .. } => MatrixCell::Overdue,
                    DueStatus::Outstanding { .. } | DueStatus::DueSoon { .. } => MatrixCell::Due,
                    DueStatus::InProgress => MatrixCell::InProgress,
                    DueStatus::Planned { .. } => MatrixCell::Planned,
                },
                None => recorded(course, &record.learning),
            },
        )
        .collect();
    MatrixRow {
        member_id: record.member_id,
        member: record.profile.full_name.clone(),
        ward: record.profile.ward.clone(),
        cells,
    }
}

/// The training matrix of the members held, against `catalogue` (the council's courses,
/// in its order), as it stands on `today`.
pub fn training_matrix(
    workspace: &OfficerWorkspace,
    catalogue: &[Course],
    filter: &MatrixFilter,
    today: NaiveDate,
) -> TrainingMatrix {
    // Copied once for every member's row, not once a row.
    let courses: Vec<Course> = catalogue
        .iter()
        .filter(|c| shown(c, filter))
        .cloned()
        .collect();
    let mut rows: Vec<MatrixRow> = workspace
        .members
        .values()
        .map(|held| &held.file.record)
        .filter(|record| {
            filter
                .role
                .as_ref()
                .is_none_or(|role| record.profile.roles.contains(role.as_str()))
        })
        .map(|record| row(record, &courses, today))
        .collect();
    rows.sort_by_cached_key(|r| (NameKey::of(&r.member), NameKey::of(&r.ward)));
    TrainingMatrix {
        courses: courses
            .iter()
            .map(|c| MatrixCourse {
                id: c.id.to_string(),
                title: c.title.clone(),
                mandatory: !matches!(c.mandatory_for, MandatoryFor::Nobody),
            })
            .collect(),
        rows,
    }
}

/// The matrix for Excel: a member a row, a course a column, completion dates in ISO 8601.
pub fn training_matrix_csv(matrix: &TrainingMatrix) -> Csv {
    let header = ["Member".to_owned(), "Ward or division".to_owned()]
        .into_iter()
        .chain(matrix.courses.iter().map(|c| c.title.clone()))
        .collect();
    let rows = matrix
        .rows
        .iter()
        .map(|r| {
            [r.member.clone(), r.ward.clone()]
                .into_iter()
                .chain(r.cells.iter().map(|cell| cell.text(iso_date)))
                .collect()
        })
        .collect();
    Csv { header, rows }
}
