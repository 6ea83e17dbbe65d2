//! What a councillor has learned, is learning, or plans to: one activity per course or
//! event, with its dates, hours, evidence and, once done, their evaluation of it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use super::catalogue::{Course, CourseId, LearningFormat};
use super::vocabulary::Vocabulary;

/// The longest evidence note or single-line answer an activity accepts.
pub const MAX_ACTIVITY_TEXT: usize = super::text::SHORT_TEXT;
/// The longest free-text answer in an evaluation.
pub const MAX_EVALUATION_TEXT: usize = super::text::EVALUATION_TEXT;
/// More hours than any single activity could honestly take.
pub const MAX_ACTIVITY_MINUTES: u32 = 500 * 60;

/// Where an activity stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    Planned,
    InProgress,
    Completed,
}

impl Vocabulary for ActivityStatus {
    const ALL: &'static [Self] = &[Self::Planned, Self::InProgress, Self::Completed];

    fn id(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::InProgress => "in_progress",
            Self::Completed => "completed",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Planned => "Planned",
            Self::InProgress => "In progress",
            Self::Completed => "Completed",
        }
    }
}

/// The councillor's own view of an activity once it is done.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evaluation {
    /// Overall, from 1 (poor) to 5 (excellent).
    pub rating: u8,
    /// How useful it was for their role, from 1 (not at all) to 5 (very).
    pub usefulness: u8,
    pub do_differently: String,
    pub would_recommend: bool,
    pub comments: String,
}

/// One piece of training or e-learning in a councillor's record.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LearningActivity {
    pub id: Uuid,
    /// The catalogue course, or `None` for something the councillor added themselves.
    pub course_id: Option<CourseId>,
    /// Copied from the course when logged, so the record keeps its meaning if the
    /// catalogue later changes or retires the course.
    pub title: String,
    pub provider: String,
    pub topic: String,
    pub format: Option<LearningFormat>,
    pub status: ActivityStatus,
    /// When it started, or is planned to start.
    pub start_date: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    /// Time spent, in minutes.
    pub minutes: u32,
    /// The councillor finished it but could not say how long it took: its `minutes` are
    /// 0, and it is counted apart from every total of hours. Left out of files when not
    /// set, so older versions of the app read them as before.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hours_not_known: bool,
    /// A certificate reference or other evidence.
    pub evidence: String,
    pub evaluation: Option<Evaluation>,
    pub updated_at: DateTime<Utc>,
    /// Set when deleted, so that the deletion wins when copies are merged.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Something about an activity that needs fixing before it is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum ActivityProblem {
    #[error("Enter the name of the training")]
    TitleMissing,
    #[error("Enter the date you completed it")]
    CompletedDateMissing,
    #[error("The date completed must be today or in the past")]
    CompletedInFuture,
    #[error("The date completed must be the same as or after the start date")]
    CompletedBeforeStart,
    #[error("Hours must be 500 or fewer")]
    TooManyHours,
    #[error("Enter how many hours it took, or tick “I do not know how long it took”")]
    HoursMissing,
    #[error("Each answer must be 200 characters or fewer")]
    TooLong,
}

impl ActivityProblem {
    /// The id of the form field the problem belongs to.
    pub fn field_id(self) -> &'static str {
        match self {
            Self::TitleMissing | Self::TooLong => "activity-title",
            Self::CompletedDateMissing | Self::CompletedInFuture | Self::CompletedBeforeStart => {
                "completed-on"
            }
            Self::TooManyHours | Self::HoursMissing => "hours",
        }
    }
}

/// Something about an evaluation that needs fixing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum EvaluationProblem {
    #[error("Choose a rating from 1 to 5 stars")]
    RatingMissing,
    #[error("Choose how useful it was for your role")]
    UsefulnessMissing,
    #[error("Say whether you would recommend it")]
    RecommendMissing,
    #[error("Each answer must be 2,000 characters or fewer")]
    TooLong,
}

impl EvaluationProblem {
    pub fn field_id(self) -> &'static str {
        match self {
            Self::RatingMissing => "rating",
            Self::UsefulnessMissing => "usefulness",
            Self::RecommendMissing => "would-recommend",
            Self::TooLong => "do-differently",
        }
    }
}

/// An evaluation as it is being filled in: every answer may still be missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationDraft {
    pub rating: Option<u8>,
    pub usefulness: Option<u8>,
    pub do_differently: String,
    pub would_recommend: Option<bool>,
    pub comments: String,
}

impl EvaluationDraft {
    /// The finished evaluation, or everything still missing.
    pub fn finish(&self) -> Result<Evaluation, Vec<EvaluationProblem>> {
        let mut problems = Vec::new();
        let rating = self.rating.filter(|r| (1..=5).contains(r));
        let usefulness = self.usefulness.filter(|r| (1..=5).contains(r));
        if rating.is_none() {
            problems.push(EvaluationProblem::RatingMissing);
        }
        if usefulness.is_none() {
            problems.push(EvaluationProblem::UsefulnessMissing);
        }
        if self.would_recommend.is_none() {
            problems.push(EvaluationProblem::RecommendMissing);
        }
        if [&self.do_differently, &self.comments]
            .iter()
            .any(|t| t.chars().count() > MAX_EVALUATION_TEXT)
        {
            problems.push(EvaluationProblem::TooLong);
        }
        match (rating, usefulness, self.would_recommend) {
            (Some(rating), Some(usefulness), Some(would_recommend)) if problems.is_empty() => {
                Ok(Evaluation {
                    rating,
                    usefulness,
                    do_differently: self.do_differently.trim().to_owned(),
                    would_recommend,
                    comments: self.comments.trim().to_owned(),
                })
            }
            _ => Err(problems),
        }
    }

    /// A draft holding an existing evaluation, for editing it.
    pub fn from_evaluation(evaluation: &Evaluation) -> Self {
        Self {
            rating: Some(evaluation.rating),
            usefulness: Some(evaluation.usefulness),
            do_differently: evaluation.do_differently.clone(),
            would_recommend: Some(evaluation.would_recommend),
            comments: evaluation.comments.clone(),
        }
    }
}

impl LearningActivity {
    /// A new activity for a catalogue course, with the course's details copied in.
    pub fn for_course(id: Uuid, course: &Course, now: DateTime<Utc>) -> Self {
        Self {
            course_id: Some(course.id.clone()),
            title: course.title.clone(),
            provider: course.provider.clone(),
            topic: course.topic.clone(),
            format: Some(course.format),
            minutes: course.minutes,
            ..Self::own(id, now)
        }
    }

    /// A new activity the councillor describes themselves.
    pub fn own(id: Uuid, now: DateTime<Utc>) -> Self {
        Self {
            id,
            course_id: None,
            title: String::new(),
            provider: String::new(),
            topic: String::new(),
            format: None,
            status: ActivityStatus::Planned,
            start_date: None,
            completed_on: None,
            minutes: 0,
            hours_not_known: false,
            evidence: String::new(),
            evaluation: None,
            updated_at: now,
            deleted_at: None,
        }
    }

    pub fn is_deleted(&self) -> bool {
        self.deleted_at.is_some()
    }

    /// Whether it is completed with no hours to count: marked as not known, or saved with
    /// none before the app asked. Totals of hours count these apart.
    pub fn hours_missing(&self) -> bool {
        self.completion().is_some() && self.minutes == 0
    }

    /// The date it was completed, if it counts as completed.
    pub fn completion(&self) -> Option<NaiveDate> {
        (self.status == ActivityStatus::Completed && !self.is_deleted())
            .then_some(self.completed_on)
            .flatten()
    }

    /// Everything that stops the activity being saved.
    pub fn problems(&self, today: NaiveDate) -> Vec<ActivityProblem> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push(ActivityProblem::TitleMissing);
        }
        if self.status == ActivityStatus::Completed {
            match self.completed_on {
                None => problems.push(ActivityProblem::CompletedDateMissing),
                Some(done) if done > today => problems.push(ActivityProblem::CompletedInFuture),
                Some(done) if self.start_date.is_some_and(|start| done < start) => {
                    problems.push(ActivityProblem::CompletedBeforeStart);
                }
                Some(_) => {}
            }
        }
        if self.minutes > MAX_ACTIVITY_MINUTES {
            problems.push(ActivityProblem::TooManyHours);
        }
        if self.status == ActivityStatus::Completed && self.minutes == 0 && !self.hours_not_known {
            problems.push(ActivityProblem::HoursMissing);
        }
        if [&self.title, &self.provider, &self.evidence]
            .iter()
            .any(|t| t.chars().count() > MAX_ACTIVITY_TEXT)
        {
            problems.push(ActivityProblem::TooLong);
        }
        problems
    }
}

/// Hours as a councillor writes them, as minutes: `1.5` → 90, `0.25` → 15, `2` → 120,
/// rounded to the nearest minute (a half minute up). Returns `None` for anything that is
/// not a number of hours from 0 to 10,000 (larger ones are refused by validation, with a
/// message). Decimal arithmetic on whole numbers: no float parser in the app for this.
pub fn parse_hours(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return Some(0);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    if whole > 10_000 {
        return None;
    }
    // Nine places are finer than a second; more are read as if cut there.
    let places = &fraction[..fraction.len().min(9)];
    let scale = 10u64.pow(places.len() as u32);
    let part: u64 = if places.is_empty() {
        0
    } else {
        places.parse().ok()?
    };
    let scaled = whole * scale + part;
    if scaled > 10_000 * scale {
        return None;
    }
    u32::try_from((scaled * 60 * 2 + scale) / (scale * 2)).ok()
}

/// Minutes as hours for a form or a table, to two places with no trailing zeros: 90 →
/// `1.5`, 60 → `1`, 20 → `0.33`.
pub fn format_hours(minutes: u32) -> String {
    // Hundredths of an hour, to the nearest: a minute is never exactly half of one.
    let hundredths = (u64::from(minutes) * 100 * 2 + 60) / 120;
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    }
}

/// Minutes as hours in a sentence: "1 hour", "1.5 hours", "0 hours".
pub fn hours_phrase(minutes: u32) -> String {
    match format_hours(minutes) {
        one if one == "1" => "1 hour".to_owned(),
        hours => format!("{hours} hours"),
    }
}

/// The order a learning record is read in: what is under way, then what is planned, each
/// by start date (undated first), then what is done, most recent first; title breaks ties.
pub fn in_reading_order(mut activities: Vec<LearningActivity>) -> Vec<LearningActivity> {
    let rank = |s: ActivityStatus| match s {
        ActivityStatus::InProgress => 0,
        ActivityStatus::Planned => 1,
        ActivityStatus::Completed => 2,
    };
    activities.sort_by(|a, b| {
        rank(a.status)
            .cmp(&rank(b.status))
            .then(b.completed_on.cmp(&a.completed_on))
            .then(a.start_date.cmp(&b.start_date))
            .then(a.title.cmp(&b.title))
    });
    activities
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    #[cfg(not(target_arch = "wasm32"))]
    mod against_floats {
        use proptest::prelude::*;

        use super::super::{format_hours, parse_hours};

        /// What the app wrote before, with floats.
        fn float_format(minutes: u32) -> String {
            let text = format!("{:.2}", f64::from(minutes) / 60.0);
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        }

        #[test]
        fn every_number_of_minutes_reads_as_it_did_with_floats() {
            for minutes in 0..=600_000 {
                assert_eq!(format_hours(minutes), float_format(minutes), "{minutes}");
            }
        }

        proptest! {
            // With up to two places no value falls on a half minute, so floats and whole
            // numbers must agree exactly.
            #[test]
            fn hours_to_two_places_read_as_floats_read_them(whole in 0u32..=10_000, part in 0u32..100, places in 0usize..=2) {
                let text = match places {
                    0 => whole.to_string(),
                    1 => format!("{whole}.{}", part % 10),
                    _ => format!("{whole}.{part:02}"),
                };
                let hours = text.parse::<f64>().unwrap();
                let expected = (hours <= 10_000.0).then(|| (hours * 60.0).round() as u32);
                prop_assert_eq!(parse_hours(&text), expected);
            }

            #[test]
            fn any_minutes_written_as_hours_read_back_within_a_minute(minutes in 0u32..=600_000) {
                let back = parse_hours(&format_hours(minutes)).unwrap();
                prop_assert!(back.abs_diff(minutes) <= 1, "{minutes} -> {} -> {back}", format_hours(minutes));
            }
        }
    }

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
    }

    fn completed(on: NaiveDate) -> LearningActivity {
        let mut activity = LearningActivity::own(Uuid::from_u128(1), now());
        activity.title = "LGA webinar on housing".into();
        activity.status = ActivityStatus::Completed;
        activity.completed_on = Some(on);
        activity.minutes = 90;
        activity
    }

    #[test]
    fn a_completed_activity_needs_a_date_that_has_passed() {
        let today = day(2026, 11, 23);
        assert!(completed(today).problems(today).is_empty());
        assert_eq!(
            completed(day(2026, 11, 24)).problems(today),
            [ActivityProblem::CompletedInFuture]
        );
        let mut undated = completed(today);
        undated.completed_on = None;
        assert_eq!(
            undated.problems(today),
            [ActivityProblem::CompletedDateMissing]
        );
    }

    #[test]
    fn completion_cannot_come_before_the_start() {
        let today = day(2026, 11, 23);
        let mut activity = completed(day(2026, 10, 1));
        activity.start_date = Some(day(2026, 10, 2));
        assert_eq!(
            activity.problems(today),
            [ActivityProblem::CompletedBeforeStart]
        );
        activity.start_date = Some(day(2026, 10, 1));
        assert!(activity.problems(today).is_empty());
    }

    #[test]
    fn a_planned_activity_needs_only_a_title() {
        let mut activity = LearningActivity::own(Uuid::from_u128(1), now());
        assert_eq!(
            activity.problems(day(2026, 1, 1)),
            [ActivityProblem::TitleMissing]
        );
        activity.title = "Planning conference".into();
        assert!(activity.problems(day(2026, 1, 1)).is_empty());
        assert_eq!(activity.completion(), None);
    }

    #[test]
    fn a_deleted_activity_no_longer_counts_as_completed() {
        let mut activity = completed(day(2026, 6, 1));
        assert_eq!(activity.completion(), Some(day(2026, 6, 1)));
        activity.deleted_at = Some(now());
        assert_eq!(activity.completion(), None);
    }

    #[test]
    fn hours_are_read_as_people_write_them() {
        assert_eq!(parse_hours("1.5"), Some(90));
        assert_eq!(parse_hours(" 2 "), Some(120));
        assert_eq!(parse_hours(""), Some(0));
        assert_eq!(parse_hours("0.25"), Some(15));
        assert_eq!(parse_hours("two"), None);
        assert_eq!(parse_hours("-1"), None);
        assert_eq!(parse_hours("NaN"), None);
        assert_eq!(format_hours(90), "1.5");
        assert_eq!(format_hours(60), "1");
        assert_eq!(format_hours(20), "0.33");
        assert_eq!(format_hours(0), "0");
        assert_eq!(hours_phrase(60), "1 hour");
        assert_eq!(hours_phrase(59), "0.98 hours");
        assert_eq!(hours_phrase(90), "1.5 hours");
        assert_eq!(hours_phrase(0), "0 hours");
        assert_eq!(hours_phrase(120), "2 hours");
        assert_eq!(parse_hours(".5"), Some(30));
        assert_eq!(parse_hours("3."), Some(180));
        assert_eq!(parse_hours("10000"), Some(600_000));
        assert_eq!(parse_hours("10000.01"), None);
        for refused in [
            ".",
            "1.2.3",
            "1,5",
            "1e2",
            "+1",
            "inf",
            "1 hour",
            "99999999999999999999",
        ] {
            assert_eq!(parse_hours(refused), None, "{refused}");
        }
    }

    #[test]
    fn an_evaluation_needs_its_three_answers() {
        let mut draft = EvaluationDraft::default();
        assert_eq!(
            draft.finish().unwrap_err(),
            [
                EvaluationProblem::RatingMissing,
                EvaluationProblem::UsefulnessMissing,
                EvaluationProblem::RecommendMissing
            ]
        );
        draft.rating = Some(5);
        draft.usefulness = Some(4);
        draft.would_recommend = Some(true);
        draft.do_differently = "  Declare interests earlier.  ".into();
        let evaluation = draft.finish().unwrap();
        assert_eq!(evaluation.do_differently, "Declare interests earlier.");
        assert_eq!(
            EvaluationDraft::from_evaluation(&evaluation)
                .finish()
                .unwrap(),
            evaluation
        );
    }

    #[test]
    fn a_rating_outside_one_to_five_is_missing() {
        let draft = EvaluationDraft {
            rating: Some(6),
            usefulness: Some(0),
            would_recommend: Some(false),
            ..Default::default()
        };
        assert_eq!(
            draft.finish().unwrap_err(),
            [
                EvaluationProblem::RatingMissing,
                EvaluationProblem::UsefulnessMissing
            ]
        );
    }

    #[test]
    fn a_record_reads_under_way_then_planned_then_done_most_recent_first() {
        let activity = |n: u128, status, start: Option<NaiveDate>, done: Option<NaiveDate>| {
            let mut a = LearningActivity::own(Uuid::from_u128(n), now());
            a.title = format!("Activity {n}");
            a.status = status;
            a.start_date = start;
            a.completed_on = done;
            a
        };
        let listed = in_reading_order(vec![
            activity(1, ActivityStatus::Completed, None, Some(day(2025, 6, 1))),
            activity(2, ActivityStatus::Planned, Some(day(2027, 1, 20)), None),
            activity(3, ActivityStatus::Completed, None, Some(day(2026, 10, 1))),
            activity(4, ActivityStatus::InProgress, Some(day(2026, 9, 1)), None),
            activity(5, ActivityStatus::Planned, Some(day(2026, 12, 3)), None),
        ]);
        let titles: Vec<&str> = listed.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Activity 4",
                "Activity 5",
                "Activity 2",
                "Activity 3",
                "Activity 1"
            ]
        );
    }
}
