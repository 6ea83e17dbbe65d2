//! Self-assessment surveys: templates as data, a councillor's answers, which questions are
//! shown, what must be answered, rounds, and the change since the last round.
//!
//! A template is plain data (built-in ones live in `survey_templates`; a council pack may
//! bring others). A response records the template's id and version, so it keeps its
//! meaning when the template changes later.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use super::due::MunicipalYear;

pub type QuestionId = String;
pub type TemplateId = String;

/// A survey as a council publishes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyTemplate {
    pub id: TemplateId,
    /// Rises whenever the questions change.
    pub version: u32,
    pub title: String,
    pub intro: String,
    pub sections: Vec<Section>,
}

/// A page of questions: councillors on a tablet see one section at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: QuestionId,
    pub text: String,
    pub hint: String,
    pub kind: QuestionKind,
    pub required: bool,
    /// Shown only when an earlier answer matches; always shown when `None`.
    pub shown_when: Option<Condition>,
}

/// The kinds of question a survey can ask. Written with its kind in `type` beside its
/// fields (`{"type": "likert", "low": …, "high": …}`); read by hand, below, as serde's own
/// reading of such enums costs the app more than the rest of the survey model together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum QuestionKind {
    /// A scale from 1 to 5 with its ends labelled.
    Likert {
        low: String,
        high: String,
    },
    SingleChoice {
        options: Vec<Choice>,
    },
    MultipleChoice {
        options: Vec<Choice>,
    },
    YesNo,
    Number {
        min: i64,
        max: i64,
    },
    FreeText {
        max_chars: u32,
    },
}

impl<'de> Deserialize<'de> for QuestionKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;

        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Kind {
            Likert,
            SingleChoice,
            MultipleChoice,
            YesNo,
            Number,
            FreeText,
        }
        /// Every field any kind has; each kind takes its own and ignores the rest.
        #[derive(Deserialize)]
        struct Fields {
            #[serde(rename = "type")]
            kind: Kind,
            low: Option<String>,
            high: Option<String>,
            options: Option<Vec<Choice>>,
            min: Option<i64>,
            max: Option<i64>,
            max_chars: Option<u32>,
        }

        fn needed<T, E: Error>(field: Option<T>, name: &'static str) -> Result<T, E> {
            field.ok_or_else(|| E::missing_field(name))
        }
        let f = Fields::deserialize(deserializer)?;
        Ok(match f.kind {
            Kind::Likert => Self::Likert {
                low: needed(f.low, "low")?,
                high: needed(f.high, "high")?,
            },
            Kind::SingleChoice => Self::SingleChoice {
                options: needed(f.options, "options")?,
            },
            Kind::MultipleChoice => Self::MultipleChoice {
                options: needed(f.options, "options")?,
            },
            Kind::YesNo => Self::YesNo,
            Kind::Number => Self::Number {
                min: needed(f.min, "min")?,
                max: needed(f.max, "max")?,
            },
            Kind::FreeText => Self::FreeText {
                max_chars: needed(f.max_chars, "max_chars")?,
            },
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

/// Shows a question when the answer to an earlier one is any of `any_of`: choice ids,
/// `yes` or `no`, or a number on a scale written as digits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub question: QuestionId,
    pub any_of: Vec<String>,
}

/// One answer.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum Answer {
    Scale(u8),
    Choice(String),
    Choices(BTreeSet<String>),
    YesNo(bool),
    Number(i64),
    Text(String),
}

impl Answer {
    /// The values a condition compares against.
    fn values(&self) -> Vec<String> {
        match self {
            Self::Scale(n) => vec![n.to_string()],
            Self::Choice(c) => vec![c.clone()],
            Self::Choices(cs) => cs.iter().cloned().collect(),
            Self::YesNo(true) => vec!["yes".into()],
            Self::YesNo(false) => vec!["no".into()],
            Self::Number(n) => vec![n.to_string()],
            Self::Text(_) => Vec::new(),
        }
    }

    /// Whether the answer says anything: blank text and an empty set of choices do not.
    pub fn is_given(&self) -> bool {
        match self {
            Self::Text(t) => !t.trim().is_empty(),
            Self::Choices(cs) => !cs.is_empty(),
            _ => true,
        }
    }
}

/// Where a response stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    Draft,
    Submitted,
}

/// A councillor's answers to one survey in one round.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SurveyResponse {
    pub id: Uuid,
    pub template_id: TemplateId,
    pub template_version: u32,
    /// The round's name, e.g. `2026/27`.
    pub round: String,
    pub answers: BTreeMap<QuestionId, Answer>,
    pub status: ResponseStatus,
    pub submitted_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// A survey round: everyone answering in it is compared with their previous round.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SurveyRound {
    /// e.g. `2026/27` or `Jun 2026`. Names say nothing of order: rounds are placed in
    /// time by their dates and by when they were answered.
    pub name: String,
    /// The first day answers are taken, if the council set one.
    pub opens_on: Option<NaiveDate>,
    /// The last day answers are taken, if the council set one.
    pub closes_on: Option<NaiveDate>,
}

/// Whether a round is taking answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundState {
    NotYetOpen(NaiveDate),
    Open,
    Closed(NaiveDate),
}

impl SurveyRound {
    /// A round with no dates: open all year.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            opens_on: None,
            closes_on: None,
        }
    }

    /// The round for a municipal year, used when the council has not named its own.
    pub fn for_year(year: MunicipalYear) -> Self {
        Self::named(year.label())
    }

    /// Whether the round takes answers on `today`; both dates are included.
    pub fn state(&self, today: NaiveDate) -> RoundState {
        match (self.opens_on, self.closes_on) {
            (Some(opens), _) if today < opens => RoundState::NotYetOpen(opens),
            (_, Some(closes)) if today > closes => RoundState::Closed(closes),
            _ => RoundState::Open,
        }
    }

    /// The current round on `today`, by municipal year.
    pub fn current(today: NaiveDate) -> Self {
        Self::for_year(MunicipalYear::containing(today))
    }
}

/// What stops a response being submitted, tied to the question to fix.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SurveyProblem {
    #[error("Answer “{text}”")]
    Unanswered { question: QuestionId, text: String },
    #[error("Enter a whole number between {min} and {max} for “{text}”")]
    OutOfRange {
        question: QuestionId,
        text: String,
        min: i64,
        max: i64,
    },
    #[error("Shorten your answer to “{text}” to {max_chars} characters or fewer")]
    TooLong {
        question: QuestionId,
        text: String,
        max_chars: u32,
    },
    #[error("Choose one of the options given for “{text}”")]
    UnknownChoice { question: QuestionId, text: String },
    #[error("Enter a whole number for “{text}”, for example 12")]
    NotANumber { question: QuestionId, text: String },
}

impl SurveyProblem {
    pub fn question(&self) -> &str {
        match self {
            Self::Unanswered { question, .. }
            | Self::OutOfRange { question, .. }
            | Self::TooLong { question, .. }
            | Self::UnknownChoice { question, .. }
            | Self::NotANumber { question, .. } => question,
        }
    }

    /// Whether the question was left unanswered, rather than answered in a way that needs
    /// putting right: a section may be left with the first, never with the second.
    pub fn is_unanswered(&self) -> bool {
        matches!(self, Self::Unanswered { .. })
    }
}

/// What the councillor has typed into questions' boxes that is not an answer yet (a number
/// question holding "abc"), by question. It is kept beside the response as a draft, so it
/// is never lost, and checked, so the section cannot be left until it is put right.
pub type Unparsed = BTreeMap<QuestionId, String>;

/// What a number question's box holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberEntry {
    Empty,
    Number(i64),
    NotANumber,
}

impl NumberEntry {
    /// Reads a number question's box: a whole number, with spaces around it allowed.
    pub fn read(typed: &str) -> Self {
        let trimmed = typed.trim();
        if trimmed.is_empty() {
            return Self::Empty;
        }
        trimmed.parse().map_or(Self::NotANumber, Self::Number)
    }
}

impl Question {
    /// Whether `answer` is acceptable for this question, and if not, why.
    fn check(&self, answer: &Answer) -> Option<SurveyProblem> {
        let text = self.text.clone();
        let question = self.id.clone();
        match (&self.kind, answer) {
            (QuestionKind::Number { min, max }, Answer::Number(n)) if n < min || n > max => {
                Some(SurveyProblem::OutOfRange {
                    question,
                    text,
                    min: *min,
                    max: *max,
                })
            }
            (QuestionKind::FreeText { max_chars }, Answer::Text(t))
                if t.chars().count() > *max_chars as usize =>
            {
                Some(SurveyProblem::TooLong {
                    question,
                    text,
                    max_chars: *max_chars,
                })
            }
            (QuestionKind::SingleChoice { options }, Answer::Choice(c))
                if !options.iter().any(|o| &o.id == c) =>
            {
                Some(SurveyProblem::UnknownChoice { question, text })
            }
            (QuestionKind::MultipleChoice { options }, Answer::Choices(cs))
                if cs.iter().any(|c| !options.iter().any(|o| &o.id == c)) =>
            {
                Some(SurveyProblem::UnknownChoice { question, text })
            }
            (QuestionKind::Likert { .. }, Answer::Scale(n)) if !(1..=5).contains(n) => {
                Some(SurveyProblem::UnknownChoice { question, text })
            }
            (QuestionKind::Likert { .. }, Answer::Scale(_))
            | (QuestionKind::SingleChoice { .. }, Answer::Choice(_))
            | (QuestionKind::MultipleChoice { .. }, Answer::Choices(_))
            | (QuestionKind::YesNo, Answer::YesNo(_))
            | (QuestionKind::Number { .. }, Answer::Number(_))
            | (QuestionKind::FreeText { .. }, Answer::Text(_)) => None,
            // An answer of the wrong kind, from a damaged file or an older template.
            _ => Some(SurveyProblem::UnknownChoice { question, text }),
        }
    }
}

impl SurveyTemplate {
    /// Every question, in order, across sections.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// The index of the section holding a question.
    pub fn section_of(&self, id: &str) -> Option<usize> {
        self.sections
            .iter()
            .position(|s| s.questions.iter().any(|q| q.id == id))
    }

    /// The questions shown for these answers. A question is shown when it has no condition,
    /// or when the question its condition names is itself shown and answered with one of
    /// the listed values; so hiding a question hides everything that depends on it.
    pub fn shown(&self, answers: &BTreeMap<QuestionId, Answer>) -> BTreeSet<QuestionId> {
        let mut shown = BTreeSet::new();
        for question in self.questions() {
            let visible = match &question.shown_when {
                None => true,
                Some(condition) => {
                    shown.contains(&condition.question)
                        && answers.get(&condition.question).is_some_and(|answer| {
                            answer.values().iter().any(|v| condition.any_of.contains(v))
                        })
                }
            };
            if visible {
                shown.insert(question.id.clone());
            }
        }
        shown
    }

    /// Sets (or, with `None`, clears) one answer, then drops answers to questions that are
    /// no longer shown, so a hidden question is never kept or exported as answered.
    pub fn answer(
        &self,
        answers: &mut BTreeMap<QuestionId, Answer>,
        question: &str,
        answer: Option<Answer>,
    ) {
        match answer.filter(Answer::is_given) {
            Some(answer) => answers.insert(question.to_owned(), answer),
            None => answers.remove(question),
        };
        let shown = self.shown(answers);
        answers.retain(|id, _| shown.contains(id));
    }

    /// Everything that stops these answers being submitted, in question order: required
    /// questions that are shown but unanswered, and answers out of range or too long.
    /// Hidden questions are never required.
    pub fn problems(&self, answers: &BTreeMap<QuestionId, Answer>) -> Vec<SurveyProblem> {
        self.problems_with(answers, &Unparsed::new())
    }

    /// The problems of [`Self::problems`], and a box on a shown question still holding
    /// what is not an answer (`unparsed`), which takes the place of its answer.
    pub fn problems_with(
        &self,
        answers: &BTreeMap<QuestionId, Answer>,
        unparsed: &Unparsed,
    ) -> Vec<SurveyProblem> {
        let shown = self.shown(answers);
        self.questions()
            .filter(|q| shown.contains(&q.id))
            .filter_map(|q| match answers.get(&q.id) {
                _ if unparsed.contains_key(&q.id) => Some(SurveyProblem::NotANumber {
                    question: q.id.clone(),
                    text: q.text.clone(),
                }),
                Some(answer) => q.check(answer),
                None if q.required => Some(SurveyProblem::Unanswered {
                    question: q.id.clone(),
                    text: q.text.clone(),
                }),
                None => None,
            })
            .collect()
    }

    /// Where a councillor coming back to a draft carries on: the first section with a
    /// shown question still to answer or to put right, or, with every section done, the
    /// check before submitting (`sections.len()`).
    pub fn resume_at(&self, answers: &BTreeMap<QuestionId, Answer>, unparsed: &Unparsed) -> usize {
        self.problems_with(answers, unparsed)
            .first()
            .and_then(|p| self.section_of(p.question()))
            .unwrap_or(self.sections.len())
    }

    /// What stops the councillor leaving section `index`: an answer to put right on a
    /// shown question of it. A question left unanswered does not; the check before
    /// submitting asks for it.
    pub fn section_problems(
        &self,
        index: usize,
        answers: &BTreeMap<QuestionId, Answer>,
        unparsed: &Unparsed,
    ) -> Vec<SurveyProblem> {
        let Some(section) = self.sections.get(index) else {
            return Vec::new();
        };
        self.problems_with(answers, unparsed)
            .into_iter()
            .filter(|p| !p.is_unanswered())
            .filter(|p| section.questions.iter().any(|q| q.id == p.question()))
            .collect()
    }
}

/// Why a survey cannot be started in a round.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RoundError {
    #[error(
        "You have already answered this survey in {0}. You can answer it again in the next round."
    )]
    AlreadyAnswered(String),
}

impl SurveyResponse {
    /// A new, empty draft of `template` in `round`.
    pub fn start(
        id: Uuid,
        template: &SurveyTemplate,
        round: &SurveyRound,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            template_id: template.id.clone(),
            template_version: template.version,
            round: round.name.clone(),
            answers: BTreeMap::new(),
            status: ResponseStatus::Draft,
            submitted_at: None,
            updated_at: now,
        }
    }

    pub fn is_submitted(&self) -> bool {
        self.status == ResponseStatus::Submitted
    }

    /// Submits the response if nothing stops it; a submitted response is read-only.
    pub fn submit(
        &mut self,
        template: &SurveyTemplate,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<SurveyProblem>> {
        let problems = template.problems(&self.answers);
        if !problems.is_empty() {
            return Err(problems);
        }
        let shown = template.shown(&self.answers);
        self.answers.retain(|id, _| shown.contains(id));
        self.status = ResponseStatus::Submitted;
        self.submitted_at = Some(now);
        self.updated_at = now;
        Ok(())
    }
}

/// The response to `template` in `round`, if the councillor has started one.
pub fn response_in_round<'a>(
    responses: &'a [SurveyResponse],
    template_id: &str,
    round: &str,
) -> Option<&'a SurveyResponse> {
    responses
        .iter()
        .filter(|r| r.template_id == template_id && r.round == round)
        .max_by_key(|r| (r.is_submitted(), r.updated_at))
}

/// Whether the councillor may start `template` in `round`: once per round.
pub fn may_start(
    responses: &[SurveyResponse],
    template_id: &str,
    round: &SurveyRound,
) -> Result<(), RoundError> {
    match response_in_round(responses, template_id, &round.name) {
        Some(_) => Err(RoundError::AlreadyAnswered(round.name.clone())),
        None => Ok(()),
    }
}

/// The latest submitted response to `template` from a round before `round`: before in
/// time, since round names ("Jun 2026", "Dec 2026") do not sort in time order. A response
/// is placed by when it was submitted; the round asked about, by its own response if the
/// councillor has one, else it comes after every other.
pub fn previous_response<'a>(
    responses: &'a [SurveyResponse],
    template_id: &str,
    round: &str,
) -> Option<&'a SurveyResponse> {
    let when = |r: &SurveyResponse| r.submitted_at.unwrap_or(r.updated_at);
    let this = response_in_round(responses, template_id, round).map(when);
    responses
        .iter()
        .filter(|r| r.template_id == template_id && r.is_submitted() && r.round != round)
        .filter(|r| this.is_none_or(|this| when(r) < this))
        .max_by_key(|r| (when(r), r.updated_at))
}

/// How one scale answer moved between two rounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScaleChange {
    pub question: QuestionId,
    pub text: String,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

impl ScaleChange {
    /// `+2`, `-1`, `0`, or `None` when either round has no answer.
    pub fn difference(&self) -> Option<i16> {
        Some(i16::from(self.after?) - i16::from(self.before?))
    }
}

/// The councillor's change on every scale question of `template` between a previous
/// response and the current one.
pub fn scale_changes(
    template: &SurveyTemplate,
    previous: &SurveyResponse,
    current: &SurveyResponse,
) -> Vec<ScaleChange> {
    let scale = |response: &SurveyResponse, id: &str| match response.answers.get(id) {
        Some(Answer::Scale(n)) => Some(*n),
        _ => None,
    };
    template
        .questions()
        .filter(|q| matches!(q.kind, QuestionKind::Likert { .. }))
        .filter_map(|q| {
            let change = ScaleChange {
                question: q.id.clone(),
                text: q.text.clone(),
                before: scale(previous, &q.id),
                after: scale(current, &q.id),
            };
            (change.before.is_some() || change.after.is_some()).then_some(change)
        })
        .collect()
}

/// `baseline` for a councillor's first round of a survey, `repeat` after that.
pub fn round_kind(responses: &[SurveyResponse], template_id: &str, round: &str) -> &'static str {
    if previous_response(responses, template_id, round).is_some() {
        "repeat"
    } else {
        "baseline"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_question_reads_back_as_written() {
        let choices = vec![Choice {
            id: "ict-basic".into(),
            label: "ICT skills at basic level".into(),
        }];
        for kind in [
            QuestionKind::Likert {
                low: "Not confident".into(),
                high: "Very confident".into(),
            },
            QuestionKind::SingleChoice {
                options: choices.clone(),
            },
            QuestionKind::MultipleChoice { options: choices },
            QuestionKind::YesNo,
            QuestionKind::Number { min: 0, max: 200 },
            QuestionKind::FreeText { max_chars: 2000 },
        ] {
            let text = serde_json::to_string(&kind).unwrap();
            assert_eq!(
                serde_json::from_str::<QuestionKind>(&text).unwrap(),
                kind,
                "{text}"
            );
        }
    }

    #[test]
    fn a_question_kind_without_its_fields_or_of_no_known_kind_is_refused_by_name() {
        let error = |text: &str| {
            serde_json::from_str::<QuestionKind>(text)
                .unwrap_err()
                .to_string()
        };
        assert!(error(r#"{"type":"likert","low":"Poor"}"#).contains("missing field `high`"));
        assert!(error(r#"{"type":"number","min":1}"#).contains("missing field `max`"));
        assert!(error(r#"{"type":"essay"}"#).contains("unknown variant `essay`"));
        assert!(error(r#"{"low":"Poor","high":"Good"}"#).contains("missing field `type`"));
        // A field of another kind is ignored, as it always was.
        assert_eq!(
            serde_json::from_str::<QuestionKind>(r#"{"type":"yes_no","max_chars":5}"#).unwrap(),
            QuestionKind::YesNo
        );
    }
}
