//! The Personal Development Plan: one per municipal year, agreed at the PDP meeting,
//! signed off by the councillor and locked until they choose to reopen it. Confidential.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use super::catalogue::{Course, CourseId, LearningFormat};
use super::due::MunicipalYear;
use super::roles::RoleId;
use super::vocabulary::{Vocabulary, from_hyphenated};

/// How soon a review date counts as near, so the councillor is reminded.
pub const REVIEW_NEAR_DAYS: i64 = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Vocabulary for Priority {
    const ALL: &'static [Self] = &[Self::High, Self::Medium, Self::Low];

    fn id(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::High => "High",
            Self::Medium => "Medium",
            Self::Low => "Low",
        }
    }
}

/// Something the councillor wants to get better at this year.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DevelopmentNeed {
    pub id: Uuid,
    pub need: String,
    pub priority: Priority,
    /// Why it matters for their role.
    pub why: String,
    pub preferred_format: Option<LearningFormat>,
}

/// A course from the catalogue the councillor asks for. The title is copied, so the
/// request keeps its meaning if the course later leaves the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CourseRequest {
    pub course_id: CourseId,
    pub title: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    NotStarted,
    InProgress,
    Achieved,
    Dropped,
}

impl Vocabulary for GoalStatus {
    const ALL: &'static [Self] = &[
        Self::NotStarted,
        Self::InProgress,
        Self::Achieved,
        Self::Dropped,
    ];

    fn id(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::InProgress => "in_progress",
            Self::Achieved => "achieved",
            Self::Dropped => "dropped",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Not started",
            Self::InProgress => "In progress",
            Self::Achieved => "Achieved",
            Self::Dropped => "No longer needed",
        }
    }
}

impl GoalStatus {
    /// Whether the goal is still being worked on, and so carries into next year's plan.
    pub fn is_open(self) -> bool {
        matches!(self, Self::NotStarted | Self::InProgress)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Goal {
    pub id: Uuid,
    pub goal: String,
    pub target: Option<NaiveDate>,
    pub status: GoalStatus,
}

/// A time of the week that suits the councillor for learning. Stored as the plan form
/// has always written it (`weekday-daytime`...), which is also the training-needs survey's
/// option id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LearningTime {
    WeekdayDaytime,
    WeekdayEvening,
    Weekend,
}

impl Vocabulary for LearningTime {
    const ALL: &'static [Self] = &[Self::WeekdayDaytime, Self::WeekdayEvening, Self::Weekend];

    fn id(self) -> &'static str {
        match self {
            Self::WeekdayDaytime => "weekday-daytime",
            Self::WeekdayEvening => "weekday-evening",
            Self::Weekend => "weekend",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::WeekdayDaytime => "Weekday daytimes",
            Self::WeekdayEvening => "Weekday evenings",
            Self::Weekend => "Weekends",
        }
    }
}

/// How and when the councillor likes to learn, and what would help them take part.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LearningPreferences {
    pub formats: BTreeSet<LearningFormat>,
    pub times: BTreeSet<LearningTime>,
    /// Access, caring or other needs, so learning is open to everyone.
    pub access_needs: String,
}

/// The PDP meeting with the member development officer or group leader.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PdpMeeting {
    pub date: Option<NaiveDate>,
    pub held_by: String,
    pub notes: String,
    pub agreed_actions: String,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SignOff {
    pub name: String,
    pub on: NaiveDate,
}

/// A signed-off plan opened again for changes; the sign-off it replaced is kept.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Reopening {
    pub at: DateTime<Utc>,
    pub sign_off: SignOff,
}

/// A councillor's plan for one municipal year.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DevelopmentPlan {
    /// The year the municipal year starts in: 2026 for 2026/27. One plan per year.
    pub year: i32,
    pub roles: BTreeSet<RoleId>,
    pub strengths: String,
    pub needs: Vec<DevelopmentNeed>,
    pub requested_courses: Vec<CourseRequest>,
    /// Requests for learning the catalogue does not offer.
    pub other_requests: Vec<String>,
    pub preferences: LearningPreferences,
    pub goals: Vec<Goal>,
    pub meeting: PdpMeeting,
    pub review_on: Option<NaiveDate>,
    pub sign_off: Option<SignOff>,
    pub reopenings: Vec<Reopening>,
    pub updated_at: DateTime<Utc>,
}

/// Why a plan cannot be changed as asked.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PlanError {
    #[error("This plan is signed off. Reopen it if you need to change it.")]
    Locked,
    #[error("Type your name to sign off the plan.")]
    NameMissing,
    #[error("This plan is not signed off, so there is nothing to reopen.")]
    NotSignedOff,
    #[error("Shorten “{}” to {} characters or fewer, then sign off the plan.", .0.label, crate::model::text::grouped(.0.limit as u64))]
    TooLong(TooLongText),
}

/// A box of the plan holding more than its limit: which box (`field`, the key the form
/// gives it: `strengths`, `need-<id>-why`, `goal-<id>`, `meeting-notes`...), its label, and
/// the limit. The text is kept whole; the plan is not signed off until it is shortened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLongText {
    pub field: String,
    pub label: &'static str,
    pub limit: usize,
}

/// Whether the review date needs the councillor's attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewStatus {
    /// The review is within [`REVIEW_NEAR_DAYS`], on `on`.
    Near { on: NaiveDate },
    /// The review date has passed.
    Overdue { on: NaiveDate },
}

impl DevelopmentPlan {
    /// A blank plan for `year`, with the roles the councillor holds now.
    pub fn blank(year: MunicipalYear, roles: BTreeSet<RoleId>, now: DateTime<Utc>) -> Self {
        Self {
            year: year.starts_in,
            roles,
            strengths: String::new(),
            needs: Vec::new(),
            requested_courses: Vec::new(),
            other_requests: Vec::new(),
            preferences: LearningPreferences::default(),
            goals: Vec::new(),
            meeting: PdpMeeting::default(),
            review_on: None,
            sign_off: None,
            reopenings: Vec::new(),
            updated_at: now,
        }
    }

    /// Next year's plan, starting from this one: strengths, needs, requests, preferences
    /// and the goals still open carry over; the meeting, review date and sign-off do not.
    pub fn copy_forward(
        &self,
        year: MunicipalYear,
        roles: BTreeSet<RoleId>,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            strengths: self.strengths.clone(),
            needs: self.needs.clone(),
            requested_courses: self.requested_courses.clone(),
            other_requests: self.other_requests.clone(),
            preferences: self.preferences.clone(),
            goals: self
                .goals
                .iter()
                .filter(|g| g.status.is_open())
                .cloned()
                .collect(),
            ..Self::blank(year, roles, now)
        }
    }

    pub fn municipal_year(&self) -> MunicipalYear {
        MunicipalYear {
            starts_in: self.year,
        }
    }

    pub fn is_locked(&self) -> bool {
        self.sign_off.is_some()
    }

    /// Applies a change, unless the plan is signed off.
    pub fn change(
        &mut self,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut Self),
    ) -> Result<(), PlanError> {
        if self.is_locked() {
            return Err(PlanError::Locked);
        }
        change(self);
        self.updated_at = now;
        Ok(())
    }

    /// Every box holding more than its limit, in the order of the form.
    pub fn too_long(&self) -> Vec<TooLongText> {
        use crate::model::text::{LONG_TEXT, SHORT_TEXT, fits};
        let mut boxes: Vec<(String, &'static str, &str, usize)> = vec![(
            "strengths".into(),
            "Your strengths",
            &self.strengths,
            LONG_TEXT,
        )];
        for need in &self.needs {
            let id = need.id;
            boxes.push((
                format!("need-{id}"),
                "What do you want to develop?",
                &need.need,
                LONG_TEXT,
            ));
            boxes.push((
                format!("need-{id}-why"),
                "Why it matters for your role",
                &need.why,
                LONG_TEXT,
            ));
        }
        for request in &self.other_requests {
            boxes.push((
                "other-request".into(),
                "What would you like to learn?",
                request,
                LONG_TEXT,
            ));
        }
        boxes.push((
            "access-needs".into(),
            "Access, caring or other needs",
            &self.preferences.access_needs,
            LONG_TEXT,
        ));
        for goal in &self.goals {
            boxes.push((
                format!("goal-{}", goal.id),
                "What do you want to achieve?",
                &goal.goal,
                LONG_TEXT,
            ));
        }
        boxes.push((
            "meeting-held-by".into(),
            "Meeting held by",
            &self.meeting.held_by,
            SHORT_TEXT,
        ));
        boxes.push((
            "meeting-notes".into(),
            "Meeting notes",
            &self.meeting.notes,
            LONG_TEXT,
        ));
        boxes.push((
            "agreed-actions".into(),
            "Agreed actions",
            &self.meeting.agreed_actions,
            LONG_TEXT,
        ));
        boxes
            .into_iter()
            .filter(|(_, _, text, limit)| !fits(text, *limit))
            .map(|(field, label, _, limit)| TooLongText {
                field,
                label,
                limit,
            })
            .collect()
    }

    /// The councillor signs the plan off, which locks it.
    pub fn sign(&mut self, name: &str, on: NaiveDate, now: DateTime<Utc>) -> Result<(), PlanError> {
        if self.is_locked() {
            return Err(PlanError::Locked);
        }
        if let Some(first) = self.too_long().into_iter().next() {
            return Err(PlanError::TooLong(first));
        }
        let name = name.trim();
        if name.is_empty() {
            return Err(PlanError::NameMissing);
        }
        self.sign_off = Some(SignOff {
            name: name.to_owned(),
            on,
        });
        self.updated_at = now;
        Ok(())
    }

    /// Opens a signed-off plan for changes again, recording the sign-off it replaces.
    pub fn reopen(&mut self, now: DateTime<Utc>) -> Result<(), PlanError> {
        let sign_off = self.sign_off.take().ok_or(PlanError::NotSignedOff)?;
        self.reopenings.push(Reopening { at: now, sign_off });
        self.updated_at = now;
        Ok(())
    }

    /// Asks for a course, once.
    pub fn request_course(&mut self, course: &Course) {
        if !self
            .requested_courses
            .iter()
            .any(|r| r.course_id == course.id)
        {
            self.requested_courses.push(CourseRequest {
                course_id: course.id.clone(),
                title: course.title.clone(),
            });
        }
    }

    /// Whether the review date is near or past on `today`.
    pub fn review_status(&self, today: NaiveDate) -> Option<ReviewStatus> {
        let on = self.review_on?;
        if on < today {
            Some(ReviewStatus::Overdue { on })
        } else if (on - today).num_days() <= REVIEW_NEAR_DAYS {
            Some(ReviewStatus::Near { on })
        } else {
            None
        }
    }
}

/// What the councillor's latest submitted training-needs survey said about how and when
/// they like to learn and what would help them take part, as a plan's preferences; `None`
/// when no such survey says any of it. The survey's options for formats and times name
/// values of the plan's vocabularies ([`LearningFormat`], [`LearningTime`]), read with
/// [`from_hyphenated`]; an option that names none ("one-to-one support", or one a council's
/// own template adds) is left out.
pub fn preferences_from_needs_survey(
    responses: &[crate::model::survey::SurveyResponse],
) -> Option<LearningPreferences> {
    use crate::model::survey::Answer;
    let latest = responses
        .iter()
        .filter(|r| r.template_id == "training-needs" && r.is_submitted())
        .max_by_key(|r| r.submitted_at)?;
    let chosen = |question: &str| match latest.answers.get(question) {
        Some(Answer::Choices(chosen)) => chosen.clone(),
        _ => BTreeSet::new(),
    };
    let formats = chosen("learning-methods")
        .iter()
        .filter_map(|id| from_hyphenated(id))
        .collect();
    let times = chosen("learning-times")
        .iter()
        .filter_map(|id| from_hyphenated(id))
        .collect();
    let access_needs = match (
        latest.answers.get("access-needs"),
        latest.answers.get("access-needs-detail"),
    ) {
        (Some(Answer::YesNo(true)), Some(Answer::Text(detail))) => detail.trim().to_owned(),
        _ => String::new(),
    };
    let preferences = LearningPreferences {
        formats,
        times,
        access_needs,
    };
    (preferences != LearningPreferences::default()).then_some(preferences)
}

impl LearningPreferences {
    /// Takes in what `other` says that this does not: its formats and times are added, and
    /// its access needs are added after any already written, unless they are there already.
    /// Nothing the councillor wrote is lost.
    pub fn take_in(&mut self, other: &LearningPreferences) {
        self.formats.extend(other.formats.iter().copied());
        self.times.extend(other.times.iter().copied());
        let needs = other.access_needs.trim();
        if !needs.is_empty() && !self.access_needs.contains(needs) {
            if self.access_needs.trim().is_empty() {
                self.access_needs = needs.to_owned();
            } else {
                self.access_needs = format!("{}\n{needs}", self.access_needs.trim_end());
            }
        }
    }

    /// Whether taking in `other` would change anything.
    pub fn would_change(&self, other: &LearningPreferences) -> bool {
        let mut taken = self.clone();
        taken.take_in(other);
        taken != *self
    }
}

/// The plan for a municipal year, if there is one.
pub fn plan_for(plans: &[DevelopmentPlan], year: MunicipalYear) -> Option<&DevelopmentPlan> {
    plans.iter().find(|p| p.year == year.starts_in)
}

/// The latest plan from before `year`, to copy forward.
pub fn latest_before(plans: &[DevelopmentPlan], year: MunicipalYear) -> Option<&DevelopmentPlan> {
    plans
        .iter()
        .filter(|p| p.year < year.starts_in)
        .max_by_key(|p| p.year)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::catalogue::default_catalogue;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn year(y: i32) -> MunicipalYear {
        MunicipalYear { starts_in: y }
    }

    fn goal(n: u128, status: GoalStatus) -> Goal {
        Goal {
            id: Uuid::from_u128(n),
            goal: format!("Goal {n}"),
            target: Some(day(2027, 3, 31)),
            status,
        }
    }

    fn filled() -> DevelopmentPlan {
        let mut plan =
            DevelopmentPlan::blank(year(2026), ["planning-committee".to_owned()].into(), now());
        plan.strengths = "Casework and knowing the ward".into();
        plan.needs.push(DevelopmentNeed {
            id: Uuid::from_u128(1),
            need: "Chairing meetings".into(),
            priority: Priority::High,
            why: "I chair the planning committee from May".into(),
            preferred_format: Some(LearningFormat::FaceToFace),
        });
        plan.goals = vec![
            goal(1, GoalStatus::Achieved),
            goal(2, GoalStatus::InProgress),
            goal(3, GoalStatus::Dropped),
            goal(4, GoalStatus::NotStarted),
        ];
        plan.meeting.held_by = "Member Development Officer".into();
        plan.review_on = Some(day(2027, 4, 1));
        plan.sign(" Cllr Amrit Kaur ", day(2026, 11, 23), now())
            .unwrap();
        plan
    }

    #[test]
    fn next_years_plan_carries_over_the_plan_and_the_open_goals_but_not_the_meeting() {
        let last = filled();
        let next = last.copy_forward(year(2027), ["cabinet-member".to_owned()].into(), now());
        assert_eq!(next.year, 2027);
        assert_eq!(next.strengths, last.strengths);
        assert_eq!(next.needs, last.needs);
        let goals: Vec<u128> = next.goals.iter().map(|g| g.id.as_u128()).collect();
        assert_eq!(
            goals,
            [2, 4],
            "achieved and dropped goals stay in last year's plan"
        );
        assert!(
            next.roles.contains("cabinet-member") && !next.roles.contains("planning-committee")
        );
        assert_eq!(next.meeting, PdpMeeting::default());
        assert_eq!(
            (next.review_on, next.sign_off.clone(), next.reopenings.len()),
            (None, None, 0)
        );
    }

    #[test]
    fn a_signed_off_plan_is_locked_until_reopened_and_the_reopening_is_recorded() {
        let mut plan = filled();
        assert!(plan.is_locked());
        assert_eq!(plan.sign_off.as_ref().unwrap().name, "Cllr Amrit Kaur");
        assert_eq!(
            plan.change(now(), |p| p.strengths.clear()),
            Err(PlanError::Locked)
        );
        assert!(!plan.strengths.is_empty(), "a locked plan is unchanged");
        assert_eq!(
            plan.sign("Someone", day(2026, 12, 1), now()),
            Err(PlanError::Locked)
        );

        plan.reopen(now()).unwrap();
        assert!(!plan.is_locked());
        assert_eq!(plan.reopenings.len(), 1);
        assert_eq!(plan.reopenings[0].sign_off.on, day(2026, 11, 23));
        plan.change(now(), |p| p.strengths.push_str(" and planning law"))
            .unwrap();
        assert_eq!(plan.reopen(now()), Err(PlanError::NotSignedOff));
    }

    #[test]
    fn signing_off_needs_a_name() {
        let mut plan = DevelopmentPlan::blank(year(2026), BTreeSet::new(), now());
        assert_eq!(
            plan.sign("  ", day(2026, 11, 23), now()),
            Err(PlanError::NameMissing)
        );
        assert!(!plan.is_locked());
    }

    #[test]
    fn a_requested_course_keeps_its_title_after_it_leaves_the_catalogue() {
        let mut catalogue = default_catalogue();
        let mut plan = DevelopmentPlan::blank(year(2026), BTreeSet::new(), now());
        let chairing = catalogue
            .iter()
            .find(|c| c.id == "chairing-virtual-meetings")
            .unwrap()
            .clone();
        plan.request_course(&chairing);
        plan.request_course(&chairing);
        assert_eq!(
            plan.requested_courses.len(),
            1,
            "a course is requested once"
        );
        catalogue.retain(|c| c.id != "chairing-virtual-meetings");
        assert!(
            catalogue
                .iter()
                .all(|c| c.id != plan.requested_courses[0].course_id)
        );
        assert_eq!(
            plan.requested_courses[0].title,
            "Chairing Skills for Virtual Meetings"
        );
    }

    #[test]
    fn the_review_date_is_flagged_from_thirty_days_before_and_once_past() {
        let mut plan = DevelopmentPlan::blank(year(2026), BTreeSet::new(), now());
        assert_eq!(plan.review_status(day(2027, 1, 1)), None);
        plan.review_on = Some(day(2027, 1, 31));
        assert_eq!(plan.review_status(day(2026, 12, 31)), None);
        assert_eq!(
            plan.review_status(day(2027, 1, 1)),
            Some(ReviewStatus::Near {
                on: day(2027, 1, 31)
            })
        );
        assert_eq!(
            plan.review_status(day(2027, 1, 31)),
            Some(ReviewStatus::Near {
                on: day(2027, 1, 31)
            })
        );
        assert_eq!(
            plan.review_status(day(2027, 2, 1)),
            Some(ReviewStatus::Overdue {
                on: day(2027, 1, 31)
            })
        );
    }

    #[test]
    fn there_is_one_plan_a_year_and_the_latest_earlier_one_is_found_to_copy() {
        let plans = vec![
            DevelopmentPlan::blank(year(2024), BTreeSet::new(), now()),
            DevelopmentPlan::blank(year(2025), BTreeSet::new(), now()),
        ];
        assert_eq!(plan_for(&plans, year(2025)).unwrap().year, 2025);
        assert!(plan_for(&plans, year(2026)).is_none());
        assert_eq!(latest_before(&plans, year(2026)).unwrap().year, 2025);
        assert!(latest_before(&plans, year(2024)).is_none());
    }
}
