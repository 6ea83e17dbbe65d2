//! What a member's learning costs the council in a municipal year, and how it stands
//! against the yearly allowance per member the pack may set.
//!
//! A place on a paid course counts in a year when it was completed in it (by the date it
//! was completed), or when it is planned or under way and starts in it (or has no start
//! date yet, so counts now). The officer's spend report, its per-member lines and the
//! councillor's plan all count places by this one rule.

use super::catalogue::Course;
use super::due::MunicipalYear;
use super::learning::LearningActivity;
use super::money::pounds;
use super::plan::CourseRequest;

/// Whether a place counts as money spent or as money committed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Completed,
    Planned,
}

/// The paid course `activity` takes a place on in `year`, and how, if it does: `None` for
/// a free course, one not in `catalogue`, or a place in another year.
pub fn paid_place<'a>(
    activity: &LearningActivity,
    catalogue: &'a [Course],
    year: MunicipalYear,
) -> Option<(&'a Course, Place)> {
    let id = activity.course_id.as_ref()?;
    let course = catalogue.iter().find(|c| &c.id == id && c.cost_pence > 0)?;
    match activity.completion() {
        Some(done) => year.contains(done).then_some((course, Place::Completed)),
        None if activity.is_deleted() => None,
        None => activity
            .start_date
            .is_none_or(|d| year.contains(d))
            .then_some((course, Place::Planned)),
    }
}

/// What the courses a councillor asks for in their plan would cost, against their
/// allowance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanCost {
    /// The requested courses that cost something, with their cost in pence.
    pub courses: Vec<(String, u64)>,
    pub requested_pence: u64,
    pub allowance_pence: Option<u64>,
    pub year: MunicipalYear,
}

impl PlanCost {
    /// What is left of the allowance once the requests are paid for; negative when over,
    /// `None` without an allowance.
    pub fn left_pence(&self) -> Option<i64> {
        self.allowance_pence
            .map(|a| a as i64 - self.requested_pence as i64)
    }

    /// The cost in a sentence for the councillor: "The courses you have asked for cost
    /// £135.00, which is £15.00 more than your £120.00 allowance for 2026/27."
    pub fn sentence(&self) -> String {
        let year = self.year.label();
        match (self.requested_pence, self.allowance_pence) {
            (0, Some(allowance)) => format!(
                "Your allowance for courses in {year} is {}. None of the courses asked for so far has a cost.",
                pounds(allowance)
            ),
            (0, None) => "None of the courses asked for so far has a cost.".to_owned(),
            (cost, None) => format!("The courses you have asked for cost {}.", pounds(cost)),
            (cost, Some(allowance)) if cost <= allowance => format!(
                "The courses you have asked for cost {} of your {} allowance for {year}, leaving {}.",
                pounds(cost),
                pounds(allowance),
                pounds(allowance - cost)
            ),
            (cost, Some(allowance)) => format!(
                "The courses you have asked for cost {}, which is {} more than your {} allowance for {year}. The member development officer can say which to take first.",
                pounds(cost),
                pounds(cost - allowance),
                pounds(allowance)
            ),
        }
    }
}

/// The cost of the paid courses a plan for `year` asks for (`requests`; none before the
/// plan is started), priced from `catalogue` (a course no longer offered costs nothing),
/// against `allowance_pence`.
pub fn plan_cost(
    requests: &[CourseRequest],
    year: MunicipalYear,
    catalogue: &[Course],
    allowance_pence: Option<u64>,
) -> PlanCost {
    let courses: Vec<(String, u64)> = requests
        .iter()
        .filter_map(|request| {
            catalogue
                .iter()
                .find(|c| c.id == request.course_id && c.cost_pence > 0)
                .map(|c| (c.title.clone(), u64::from(c.cost_pence)))
        })
        .collect();
    PlanCost {
        requested_pence: courses.iter().map(|(_, p)| p).sum(),
        courses,
        allowance_pence,
        year,
    }
}
