//! Two officer reports drawn from members' surveys and plans.
//!
//! * Survey results: for one template, how members answered each question in its latest
//!   round, against the round before when there is one, with the latest round's scale
//!   means broken down by political group. Rounds go in time order ([`survey_rounds`]),
//!   never by their names. A group with fewer than [`SMALL_CELL`] respondents is
//!   suppressed, so that no councillor's answers can be picked out of a small group; when
//!   that leaves only one group hidden, the next smallest is hidden too, so the first
//!   cannot be worked out from the question's totals.
//! * Needs analysis: the topics and courses members ask for, in their latest development
//!   plan and their latest training needs survey, ranked by how many members ask; and,
//!   for the officer alone, the access and caring needs members wrote in either place.
//!
//! Only submitted survey responses count: a draft is the member's own business until they
//! submit it. Means are kept as `f64` and rounded only when shown.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use uuid::Uuid;

use crate::model::MemberRecord;
use crate::model::due::MunicipalYear;
use crate::model::pack::CouncilPack;
use crate::model::survey::{Answer, Question, QuestionKind, SurveyResponse, SurveyTemplate};
use crate::model::survey_templates::built_in_templates;

use super::csv::{Csv, file_stem};
use super::names::NameKey;
use super::workspace::OfficerWorkspace;

/// The fewest respondents a breakdown cell may show. A cell with fewer is suppressed: its
/// mean is not given, and its count is shown as "fewer than 5" rather than the number.
pub const SMALL_CELL: usize = 5;

/// What a cell hidden for its own size shows in place of its count or mean.
const SUPPRESSED: &str = "fewer than 5";

/// What a cell hidden to protect a smaller group shows: it has at least [`SMALL_CELL`]
/// respondents, so "fewer than 5" would not be true of it.
const HIDDEN: &str = "hidden";

/// The group shown for members who have not given a political group.
const NOT_GIVEN: &str = "Not given";

/// The template the needs analysis reads, and its question of priority topics.
const TRAINING_NEEDS: &str = "training-needs";
const PRIORITY_TOPICS: &str = "priority-topics";
/// The training needs survey's question whether a member has access or caring needs, and
/// the one asking what would help.
const ACCESS_NEEDS: &str = "access-needs";
const ACCESS_NEEDS_DETAIL: &str = "access-needs-detail";

/// How members answered one question in one round.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    /// Members who gave a usable answer to the question in the round.
    pub respondents: usize,
    /// Members per answer, in the order the question offers them: `"1"` to `"5"` for a
    /// scale, `"Yes"` and `"No"`, or each option's label. For multiple choice a member
    /// counts under every option they chose, so the counts may add up to more than the
    /// respondents. Empty for a number question.
    pub counts: Vec<(String, usize)>,
    /// The mean answer, for scale and number questions with at least one respondent.
    pub mean: Option<f64>,
}

/// One question's answers in the latest round, and in the round before when there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionResult {
    /// The question's id in the template.
    pub question_id: String,
    /// The question as the template asks it.
    pub text: String,
    /// The answers in the baseline round; `None` when only one round is reported.
    pub baseline: Option<Distribution>,
    /// The answers in the latest round.
    pub latest: Distribution,
}

/// One political group's mean answer to one scale question in the latest round.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupMean {
    /// The group's name, or "Not given".
    pub group: String,
    /// The scale question the mean is for.
    pub question_id: String,
    /// The real number of the group's members who answered. Not for display when the
    /// cell is suppressed: show [`GroupMean::shown_count`] instead.
    pub respondents: usize,
    /// `None` when the cell is suppressed.
    pub mean: Option<f64>,
    /// Hidden: fewer than [`SMALL_CELL`] respondents, or the next smallest group when
    /// only one other is hidden (otherwise its mean could be worked out from the total).
    pub suppressed: bool,
}

/// Secondary suppression: when exactly one group with anyone in it is hidden, the
/// smallest shown group is hidden too, so no hidden mean can be found by subtraction.
fn suppress_complement(groups: &mut [GroupMean]) {
    let hidden_with_people = groups
        .iter()
        .filter(|g| g.suppressed && g.respondents > 0)
        .count();
    if hidden_with_people != 1 {
        return;
    }
    if let Some(smallest) = groups.iter_mut().filter(|g| !g.suppressed).min_by(|a, b| {
        a.respondents
            .cmp(&b.respondents)
            .then(a.group.cmp(&b.group))
    }) {
        smallest.suppressed = true;
        smallest.mean = None;
    }
}

impl GroupMean {
    /// Whether the cell is hidden.
    pub fn is_suppressed(&self) -> bool {
        self.suppressed
    }

    /// What a suppressed cell shows: "fewer than 5" for a small group, "hidden" for a
    /// group hidden only to protect a smaller one.
    fn suppressed_text(&self) -> &'static str {
        if self.respondents < SMALL_CELL {
            SUPPRESSED
        } else {
            HIDDEN
        }
    }

    /// The count to display: the number, or what a suppressed cell shows.
    /// A UI or export must use this, never `respondents`, so a small group stays hidden.
    pub fn shown_count(&self) -> String {
        if self.is_suppressed() {
            self.suppressed_text().to_owned()
        } else {
            self.respondents.to_string()
        }
    }

    /// The mean to display, to two decimal places, or what a suppressed cell shows.
    pub fn shown_mean(&self) -> String {
        match self.mean {
            Some(mean) if !self.is_suppressed() => format!("{mean:.2}"),
            _ => self.suppressed_text().to_owned(),
        }
    }
}

/// The results of one survey template in its latest round, against the round before when
/// there is one, question by question.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyComparison {
    /// The survey's title, for the report's heading.
    pub template_title: String,
    /// The round compared from, e.g. `2025/26`; `None` when one round is reported alone.
    pub baseline_round: Option<String>,
    /// The latest round, e.g. `2026/27`.
    pub latest_round: String,
    /// Every question except free text, in template order.
    pub questions: Vec<QuestionResult>,
    /// The latest round's mean for each scale question (in template order) by political
    /// group (alphabetical, "Not given" last), for every group with a response in the
    /// latest round; small groups suppressed, including a group where nobody answered.
    pub by_group: Vec<GroupMean>,
}

impl SurveyComparison {
    /// The name its download takes (before the date): the survey's title, as
    /// `skills-self-assessment-results`, so each survey's file can be told apart.
    pub fn file_stem(&self) -> String {
        format!("{}-results", file_stem(&self.template_title, "survey"))
    }
}

/// When a round took place, as far as the files tell: the earliest of the day it opened
/// (in any council pack that names it) and the first day anyone submitted an answer in
/// it; then the first version of the council's pack that named it.
#[derive(Default)]
struct RoundTime {
    first_day: Option<NaiveDate>,
    first_pack: Option<u32>,
}

fn earliest<T: Ord>(known: Option<T>, seen: Option<T>) -> Option<T> {
    match (known, seen) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The rounds in which members submitted `template_id`, oldest first.
///
/// Rounds are named by the council ("2026/27", "Jun 2026", "Autumn review"), so their
/// names say nothing of their order. A round is placed by the earliest day known for it:
/// the day it opened, when the officer's `pack` or a pack a member applied gives one, else
/// the day its first answer was submitted. Rounds on the same day go in the order the
/// council's packs first named them, then by name.
pub fn survey_rounds(
    workspace: &OfficerWorkspace,
    template_id: &str,
    pack: Option<&CouncilPack>,
) -> Vec<String> {
    let mut rounds: BTreeMap<&str, RoundTime> = BTreeMap::new();
    for held in workspace.members.values() {
        for response in &held.file.record.surveys {
            if response.template_id == template_id && response.is_submitted() {
                let day = response
                    .submitted_at
                    .unwrap_or(response.updated_at)
                    .date_naive();
                let time = rounds.entry(response.round.as_str()).or_default();
                time.first_day = earliest(time.first_day, Some(day));
            }
        }
    }
    let packs = pack.into_iter().chain(
        workspace
            .members
            .values()
            .filter_map(|h| h.file.record.pack.as_ref()),
    );
    for pack in packs {
        for survey in pack.surveys.iter().filter(|s| s.template.id == template_id) {
            if let Some(time) = rounds.get_mut(survey.round.as_str()) {
                time.first_day = earliest(time.first_day, survey.opens_on);
                time.first_pack = earliest(time.first_pack, Some(pack.pack_version));
            }
        }
    }
    let mut ordered: Vec<(&str, RoundTime)> = rounds.into_iter().collect();
    ordered.sort_by_cached_key(|(name, time)| (time.first_day, time.first_pack, NameKey::of(name)));
    ordered
        .into_iter()
        .map(|(name, _)| name.to_owned())
        .collect()
}

/// The survey results an officer sees first: the latest round in which members answered
/// `template`, against the round before it when there is one; `None` when nobody has
/// submitted an answer yet. Rounds are ordered by [`survey_rounds`].
pub fn latest_survey_results(
    workspace: &OfficerWorkspace,
    template: &SurveyTemplate,
    pack: Option<&CouncilPack>,
) -> Option<SurveyComparison> {
    let (baseline, latest) = latest_rounds(workspace, &template.id, pack)?;
    Some(survey_results(
        workspace,
        template,
        baseline.as_deref(),
        &latest,
    ))
}

/// The rounds [`latest_survey_results`] compares, without working out the results: the
/// round before the latest, when there is one, and the latest.
pub(crate) fn latest_rounds(
    workspace: &OfficerWorkspace,
    template_id: &str,
    pack: Option<&CouncilPack>,
) -> Option<(Option<String>, String)> {
    let mut rounds = survey_rounds(workspace, template_id, pack);
    let latest = rounds.pop()?;
    Some((rounds.pop(), latest))
}

/// Each member's submitted response to `template` in `round`, with their record. A member
/// with more than one (possible after merging files from two devices) counts once, with
/// the one updated last.
pub(crate) fn responses_in_round<'a>(
    workspace: &'a OfficerWorkspace,
    template: &SurveyTemplate,
    round: &str,
) -> Vec<(&'a MemberRecord, &'a SurveyResponse)> {
    workspace
        .members
        .values()
        .filter_map(|held| {
            let record = &held.file.record;
            record
                .surveys
                .iter()
                .filter(|r| r.is_submitted() && r.template_id == template.id && r.round == round)
                .max_by_key(|r| r.updated_at)
                .map(|r| (record, r))
        })
        .collect()
}

/// A member's latest submitted response to `template_id`: from the latest of `rounds`
/// (oldest first, as [`survey_rounds`] gives them) they answered in, and within a round
/// the one updated last.
fn latest_response<'a>(
    record: &'a MemberRecord,
    template_id: &str,
    rounds: &[String],
) -> Option<&'a SurveyResponse> {
    record
        .surveys
        .iter()
        .filter(|r| r.is_submitted() && r.template_id == template_id)
        .max_by_key(|r| {
            (
                rounds.iter().position(|round| *round == r.round),
                r.updated_at,
            )
        })
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// A scale answer, if it is one and on the scale.
fn scale(answer: Option<&Answer>) -> Option<u8> {
    match answer {
        Some(Answer::Scale(n)) if (1..=5).contains(n) => Some(*n),
        _ => None,
    }
}

/// How `answers` (one per member who answered) spread over `question`'s options; `None`
/// for a free-text question, which the report leaves out. Answers of the wrong kind, off
/// the scale, out of range or naming an unknown option (from a damaged file or an older
/// template) are not counted.
fn distribution<'a>(
    question: &Question,
    answers: impl Iterator<Item = Option<&'a Answer>>,
) -> Option<Distribution> {
    let answers: Vec<&Answer> = answers.flatten().collect();
    match &question.kind {
        QuestionKind::FreeText { .. } => None,
        QuestionKind::Likert { .. } => {
            let values: Vec<u8> = answers.iter().filter_map(|a| scale(Some(a))).collect();
            let counts = (1..=5u8)
                .map(|n| (n.to_string(), values.iter().filter(|v| **v == n).count()))
                .collect();
            let as_f64: Vec<f64> = values.iter().map(|v| f64::from(*v)).collect();
            Some(Distribution {
                respondents: values.len(),
                counts,
                mean: mean(&as_f64),
            })
        }
        QuestionKind::YesNo => {
            let values: Vec<bool> = answers
                .iter()
                .filter_map(|a| match a {
                    Answer::YesNo(b) => Some(*b),
                    _ => None,
                })
                .collect();
            let yes = values.iter().filter(|b| **b).count();
            Some(Distribution {
                respondents: values.len(),
                counts: vec![("Yes".into(), yes), ("No".into(), values.len() - yes)],
                mean: None,
            })
        }
        QuestionKind::SingleChoice { options } => {
            let chosen: Vec<&str> = answers
                .iter()
                .filter_map(|a| match a {
                    Answer::Choice(c) if options.iter().any(|o| &o.id == c) => Some(c.as_str()),
                    _ => None,
                })
                .collect();
            Some(Distribution {
                respondents: chosen.len(),
                counts: options
                    .iter()
                    .map(|o| {
                        (
                            o.label.clone(),
                            chosen.iter().filter(|c| **c == o.id).count(),
                        )
                    })
                    .collect(),
                mean: None,
            })
        }
        QuestionKind::MultipleChoice { options } => {
            let chosen: Vec<&BTreeSet<String>> = answers
                .iter()
                .filter_map(|a| match a {
                    Answer::Choices(cs) if options.iter().any(|o| cs.contains(&o.id)) => Some(cs),
                    _ => None,
                })
                .collect();
            Some(Distribution {
                respondents: chosen.len(),
                counts: options
                    .iter()
                    .map(|o| {
                        (
                            o.label.clone(),
                            chosen.iter().filter(|cs| cs.contains(&o.id)).count(),
                        )
                    })
                    .collect(),
                mean: None,
            })
        }
        QuestionKind::Number { min, max } => {
            let values: Vec<f64> = answers
                .iter()
                .filter_map(|a| match a {
                    Answer::Number(n) if (*min..=*max).contains(n) => Some(*n as f64),
                    _ => None,
                })
                .collect();
            Some(Distribution {
                respondents: values.len(),
                counts: Vec::new(),
                mean: mean(&values),
            })
        }
    }
}

/// The group a member is counted under: their political group, or "Not given".
fn group_of(record: &MemberRecord) -> String {
    let group = record.profile.political_group.trim();
    if group.is_empty() {
        NOT_GIVEN.to_owned()
    } else {
        group.to_owned()
    }
}

/// How members answered `template` in `latest_round`, and in `baseline_round` when one is
/// given, counting each member's submitted response (drafts and other templates
/// ignored), question by question; free-text questions are left out. Each round counts
/// whoever answered in it, so the two rounds need not hold the same members. The latest
/// round's scale means are also broken down by political group, with groups of fewer
/// than [`SMALL_CELL`] respondents to a question suppressed. A baseline that is the
/// latest round itself is no baseline: the round is reported once.
pub fn survey_results(
    workspace: &OfficerWorkspace,
    template: &SurveyTemplate,
    baseline_round: Option<&str>,
    latest_round: &str,
) -> SurveyComparison {
    let baseline_round = baseline_round.filter(|round| *round != latest_round);
    let baseline = baseline_round.map(|round| responses_in_round(workspace, template, round));
    let in_latest = responses_in_round(workspace, template, latest_round);

    let questions = template
        .questions()
        .filter_map(|q| {
            let latest = distribution(q, in_latest.iter().map(|(_, r)| r.answers.get(&q.id)))?;
            let baseline = baseline.as_ref().and_then(|before| {
                distribution(q, before.iter().map(|(_, r)| r.answers.get(&q.id)))
            });
            Some(QuestionResult {
                question_id: q.id.clone(),
                text: q.text.clone(),
                baseline,
                latest,
            })
        })
        .collect();

    // Each group's responses, found once: named groups in order, then those not given.
    let mut responses_of: BTreeMap<String, Vec<&SurveyResponse>> = BTreeMap::new();
    for (record, response) in &in_latest {
        responses_of
            .entry(group_of(record))
            .or_default()
            .push(response);
    }
    let not_given = responses_of.remove(NOT_GIVEN);
    let mut groups: Vec<(String, Vec<&SurveyResponse>)> = responses_of.into_iter().collect();
    if let Some(responses) = not_given {
        groups.push((NOT_GIVEN.to_owned(), responses));
    }

    let mut by_group = Vec::new();
    for question in template
        .questions()
        .filter(|q| matches!(q.kind, QuestionKind::Likert { .. }))
    {
        let first = by_group.len();
        for (group, responses) in &groups {
            let values: Vec<f64> = responses
                .iter()
                .filter_map(|r| scale(r.answers.get(&question.id)))
                .map(f64::from)
                .collect();
            let respondents = values.len();
            by_group.push(GroupMean {
                group: group.clone(),
                question_id: question.id.clone(),
                respondents,
                mean: if respondents < SMALL_CELL {
                    None
                } else {
                    mean(&values)
                },
                suppressed: respondents < SMALL_CELL,
            });
        }
        suppress_complement(&mut by_group[first..]);
    }

    SurveyComparison {
        template_title: template.title.clone(),
        baseline_round: baseline_round.map(str::to_owned),
        latest_round: latest_round.to_owned(),
        questions,
        by_group,
    }
}

/// A mean as shown: two decimal places, or empty when there is none.
fn shown(mean: Option<f64>) -> String {
    mean.map(|m| format!("{m:.2}")).unwrap_or_default()
}

/// The survey results as CSV for Excel. Columns: Question, Answer, then the baseline round
/// (when there is one) and the latest round. Each question has a row per answer (members
/// giving it), a "Respondents" row, and for scale and number questions a "Mean" row. The
/// group breakdown follows, one row per scale question and group, as Question,
/// `Group: <name>`, an empty baseline cell (when there is a baseline), and the latest
/// round's mean, or "fewer than 5" (or "hidden", for a group hidden to protect a smaller
/// one) when suppressed.
pub fn survey_results_csv(c: &SurveyComparison) -> Csv {
    let mut header = vec!["Question".to_owned(), "Answer".to_owned()];
    match &c.baseline_round {
        Some(baseline) => {
            header.push(format!("{baseline} (baseline)"));
            header.push(format!("{} (repeat)", c.latest_round));
        }
        None => header.push(c.latest_round.clone()),
    }
    // A row: the question, the answer, then the baseline's cell (if any) and the latest's.
    let row = |text: &str, answer: String, before: Option<String>, after: String| {
        let mut cells = vec![text.to_owned(), answer];
        if c.baseline_round.is_some() {
            cells.push(before.unwrap_or_default());
        }
        cells.push(after);
        cells
    };
    let mut rows = Vec::new();
    for q in &c.questions {
        let before_count = |label: &str| {
            q.baseline.as_ref().map(|d| {
                d.counts
                    .iter()
                    .find(|(l, _)| l == label)
                    .map_or(0, |(_, n)| *n)
                    .to_string()
            })
        };
        for (label, after) in &q.latest.counts {
            rows.push(row(
                &q.text,
                label.clone(),
                before_count(label),
                after.to_string(),
            ));
        }
        rows.push(row(
            &q.text,
            "Respondents".to_owned(),
            q.baseline.as_ref().map(|d| d.respondents.to_string()),
            q.latest.respondents.to_string(),
        ));
        let before_mean = q.baseline.as_ref().and_then(|d| d.mean);
        if before_mean.is_some() || q.latest.mean.is_some() {
            rows.push(row(
                &q.text,
                "Mean".to_owned(),
                Some(shown(before_mean)),
                shown(q.latest.mean),
            ));
        }
    }
    for g in &c.by_group {
        let text = c
            .questions
            .iter()
            .find(|q| q.question_id == g.question_id)
            .map_or(g.question_id.as_str(), |q| q.text.as_str());
        rows.push(row(
            text,
            format!("Group: {}", g.group),
            None,
            g.shown_mean(),
        ));
    }
    Csv { header, rows }
}

/// One topic or course members ask for, with how many ask.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedsRow {
    /// As first written (trimmed); later spellings differing only in case or spacing are
    /// counted with it.
    pub topic: String,
    /// Distinct members asking, from any source.
    pub members: usize,
    /// How many of them asked in each place, e.g. `plans: 3, survey: 5`; a place none of
    /// them asked in is left out. A member asking in both counts once in `members` and
    /// once in each place.
    pub sources: String,
}

/// The key two spellings of one topic share: trimmed, spaces collapsed, lower case.
pub(crate) fn topic_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The training needs template a member answered: their council's, or the built-in one.
fn training_needs_template(record: &MemberRecord) -> Option<SurveyTemplate> {
    record
        .pack
        .as_ref()
        .and_then(|pack| {
            pack.surveys
                .iter()
                .find(|s| s.template.id == TRAINING_NEEDS)
                .map(|s| s.template.clone())
        })
        .or_else(|| {
            built_in_templates()
                .into_iter()
                .find(|t| t.id == TRAINING_NEEDS)
        })
}

#[derive(Default)]
struct Tally {
    topic: String,
    plans: BTreeSet<Uuid>,
    survey: BTreeSet<Uuid>,
}

/// What members ask to learn, ranked by how many members ask, then by name (ignoring case). Each member
/// counts at most once per item, from two places:
///
/// * their latest development plan (the one with the highest year): each requested
///   course's title, each other request and each development need;
/// * their latest submitted training needs survey: each topic chosen in "Which of these
///   would you like training on?".
///
/// Items that differ only in case or spacing are one item, shown as first seen. Blank
/// items are left out.
pub fn needs_analysis(workspace: &OfficerWorkspace) -> Vec<NeedsRow> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut add = |text: &str, member: Uuid, from_plan: bool| {
        let key = topic_key(text);
        if key.is_empty() {
            return;
        }
        let tally = tallies.entry(key).or_insert_with(|| Tally {
            topic: text.trim().to_owned(),
            ..Tally::default()
        });
        if from_plan {
            tally.plans.insert(member);
        } else {
            tally.survey.insert(member);
        }
    };

    let needs_rounds = survey_rounds(workspace, TRAINING_NEEDS, None);
    for (member, held) in &workspace.members {
        let record = &held.file.record;
        if let Some(plan) = record.plans.iter().max_by_key(|p| p.year) {
            let texts = plan
                .requested_courses
                .iter()
                .map(|c| c.title.as_str())
                .chain(plan.other_requests.iter().map(String::as_str))
                .chain(plan.needs.iter().map(|n| n.need.as_str()));
            for text in texts {
                add(text, *member, true);
            }
        }
        let latest = latest_response(record, TRAINING_NEEDS, &needs_rounds);
        if let Some(Answer::Choices(chosen)) = latest.and_then(|r| r.answers.get(PRIORITY_TOPICS)) {
            let options = training_needs_template(record)
                .and_then(|t| t.question(PRIORITY_TOPICS).map(|q| q.kind.clone()));
            for id in chosen {
                let label = match &options {
                    Some(QuestionKind::MultipleChoice { options }) => options
                        .iter()
                        .find(|o| &o.id == id)
                        .map_or(id.as_str(), |o| o.label.as_str()),
                    _ => id.as_str(),
                };
                add(label, *member, false);
            }
        }
    }

    let mut rows: Vec<NeedsRow> = tallies
        .into_values()
        .map(|t| {
            let mut sources = Vec::new();
            if !t.plans.is_empty() {
                sources.push(format!("plans: {}", t.plans.len()));
            }
            if !t.survey.is_empty() {
                sources.push(format!("survey: {}", t.survey.len()));
            }
            NeedsRow {
                members: t.plans.union(&t.survey).count(),
                topic: t.topic,
                sources: sources.join(", "),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.members
            .cmp(&a.members)
            .then_with(|| topic_key(&a.topic).cmp(&topic_key(&b.topic)))
            .then_with(|| a.topic.cmp(&b.topic))
    });
    rows
}

/// The needs analysis as CSV: Topic or course, Members asking, Where from.
pub fn needs_analysis_csv(rows: &[NeedsRow]) -> Csv {
    Csv {
        header: vec![
            "Topic or course".to_owned(),
            "Members asking".to_owned(),
            "Where from".to_owned(),
        ],
        rows: rows
            .iter()
            .map(|r| vec![r.topic.clone(), r.members.to_string(), r.sources.clone()])
            .collect(),
    }
}

/// What a member said would help them take part in learning: an access, caring or other
/// need. Confidential: for the officer who arranges training, never for a committee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessNeed {
    pub member_id: Uuid,
    pub member: String,
    pub ward: String,
    /// In the member's own words, or [`NO_DETAILS`] when they said they have a need but
    /// not what it is.
    pub need: String,
    /// Where they said it: `Development plan 2026/27`, `Training needs survey (2026/27)`,
    /// or both, joined by "; ".
    pub source: String,
}

/// What the access needs list says for a member who answered yes without saying more.
pub const NO_DETAILS: &str = "Said yes, with no details given";

/// Every access or caring need members wrote: in their latest development plan (its
/// access needs) and their latest submitted training needs survey (when they answered yes,
/// what would help). The same words in both places are one line naming both. By member,
/// as an officer reads names.
pub fn access_needs(workspace: &OfficerWorkspace) -> Vec<AccessNeed> {
    let needs_rounds = survey_rounds(workspace, TRAINING_NEEDS, None);
    let mut needs: Vec<AccessNeed> = Vec::new();
    for held in workspace.members.values() {
        let record = &held.file.record;
        let mut said: Vec<(String, String)> = Vec::new();
        if let Some(plan) = record.plans.iter().max_by_key(|p| p.year) {
            let need = plan.preferences.access_needs.trim();
            if !need.is_empty() {
                let year = MunicipalYear {
                    starts_in: plan.year,
                };
                said.push((
                    need.to_owned(),
                    format!("Development plan {}", year.label()),
                ));
            }
        }
        if let Some(response) = latest_response(record, TRAINING_NEEDS, &needs_rounds)
            && response.answers.get(ACCESS_NEEDS) == Some(&Answer::YesNo(true))
        {
            let need = match response.answers.get(ACCESS_NEEDS_DETAIL) {
                Some(Answer::Text(text)) if !text.trim().is_empty() => text.trim().to_owned(),
                _ => NO_DETAILS.to_owned(),
            };
            let source = format!("Training needs survey ({})", response.round);
            match said
                .iter_mut()
                .find(|(n, _)| topic_key(n) == topic_key(&need))
            {
                Some((_, sources)) => *sources = format!("{sources}; {source}"),
                None => said.push((need, source)),
            }
        }
        needs.extend(said.into_iter().map(|(need, source)| AccessNeed {
            member_id: record.member_id,
            member: record.profile.full_name.clone(),
            ward: record.profile.ward.clone(),
            need,
            source,
        }));
    }
    // A stable sort keeps each member's plan before their survey.
    needs.sort_by_cached_key(|n| NameKey::of(&n.member));
    needs
}

/// The access and caring needs as CSV: Member, Ward or division, Need, Where from.
pub fn access_needs_csv(rows: &[AccessNeed]) -> Csv {
    Csv {
        header: ["Member", "Ward or division", "Need", "Where from"]
            .map(str::to_owned)
            .into(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.member.clone(),
                    r.ward.clone(),
                    r.need.clone(),
                    r.source.clone(),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod suppression_tests {
    use super::*;

    fn cell(group: &str, respondents: usize) -> GroupMean {
        GroupMean {
            group: group.into(),
            question_id: "q".into(),
            respondents,
            mean: (respondents >= SMALL_CELL).then_some(3.0),
            suppressed: respondents < SMALL_CELL,
        }
    }

    #[test]
    fn a_lone_hidden_group_takes_the_smallest_shown_group_with_it() {
        let mut groups = vec![
            cell("Conservative", 9),
            cell("Independent", 3),
            cell("Labour", 6),
        ];
        suppress_complement(&mut groups);
        let hidden: Vec<&str> = groups
            .iter()
            .filter(|g| g.is_suppressed())
            .map(|g| g.group.as_str())
            .collect();
        assert_eq!(hidden, ["Independent", "Labour"]);
        assert_eq!(groups[1].shown_mean(), "fewer than 5");
        assert_eq!(groups[1].shown_count(), "fewer than 5");
        assert_eq!(groups[2].shown_mean(), "hidden", "six is not fewer than 5");
        assert_eq!(groups[2].shown_count(), "hidden");
        assert_eq!(groups[0].shown_mean(), "3.00");
    }

    #[test]
    fn two_hidden_groups_or_an_empty_one_need_nothing_more() {
        let mut two = vec![cell("A", 2), cell("B", 3), cell("C", 7)];
        suppress_complement(&mut two);
        assert!(!two[2].is_suppressed());
        let mut empty = vec![cell("A", 0), cell("B", 7), cell("C", 8)];
        suppress_complement(&mut empty);
        assert!(!empty[1].is_suppressed() && !empty[2].is_suppressed());
    }
}
