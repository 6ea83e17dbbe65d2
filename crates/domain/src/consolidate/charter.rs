//! Evidence for the Councillor Development Charter: its three criteria, each with the
//! elements the members' records and the council pack can evidence, laid out as a council's
//! Charter action plan is (Guidelines | Action | Target date | Evidence).
//!
//! Each element's evidence is written in sentences, every figure with the report or
//! record it comes from, and every figure taken from the report that already works it out
//! (spend, mandatory compliance, needs analysis, survey results, course evaluation, hours
//! per member), so the Charter says what the reports say. Where the data holds nothing for
//! an element, its evidence says so in words rather than offering a nought as evidence.
//!
//! The officer's actions and target dates for each element are theirs to write, and are
//! kept in the officer's storage ([`load_charter_actions`], [`save_charter_actions`]).
//! What this is not: the rest of the Charter (leadership sign-up, a member champion, a
//! strategy agreed by council), which no record holds and the officer evidences by hand.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::csv::Csv;
use super::reports::{
    ComplianceRow, ComplianceSummary, EvaluationRow, HoursPerMember, Spend, compliance,
    compliance_summary, course_evaluation, hours_per_member, spend,
};
use super::survey_reports::{latest_rounds, needs_analysis, responses_in_round};
use super::tables::{Cell, Column, ColumnKind, Table};
use super::workspace::OfficerWorkspace;
use crate::model::catalogue::{Course, LearningFormat, MandatoryFor};
use crate::model::due::MunicipalYear;
use crate::model::money::pounds;
use crate::model::pack::{CouncilPack, all_roles, offered_courses};
use crate::model::survey::SurveyTemplate;
use crate::model::survey_templates::built_in_templates;
use crate::model::vocabulary::Vocabulary;

/// What every element's evidence says while the workspace holds no member's record.
pub const NO_MEMBERS_HELD: &str = "No member's record is held in the workspace yet, so there is nothing to evidence this from: import members' files first.";

/// One of the Charter's three criteria.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CharterCriterion {
    Commitment,
    StrategicApproach,
    EffectiveLearning,
}

impl CharterCriterion {
    /// The criteria in the Charter's order.
    pub const ALL: [Self; 3] = [
        Self::Commitment,
        Self::StrategicApproach,
        Self::EffectiveLearning,
    ];

    /// The criterion's number in the Charter: 1, 2 or 3.
    pub fn number(self) -> u8 {
        match self {
            Self::Commitment => 1,
            Self::StrategicApproach => 2,
            Self::EffectiveLearning => 3,
        }
    }

    /// The criterion as the Charter words it.
    pub fn title(self) -> &'static str {
        match self {
            Self::Commitment => "There is a clear commitment to councillor development and support",
            Self::StrategicApproach => {
                "The council has a strategic approach to councillor development"
            }
            Self::EffectiveLearning => {
                "Learning and development is effective in building councillors' skills and knowledge"
            }
        }
    }

    /// The number and the title, as a heading or a table's cell: "1. There is a clear…".
    pub fn heading(self) -> String {
        format!("{}. {}", self.number(), self.title())
    }
}

/// An element of the Charter that members' records and the council pack can evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CharterElement {
    /// A budget for councillor development, and what is spent from it.
    Budget,
    /// Needs identified through personal development plans.
    PdpNeeds,
    /// Training for members' roles, and the mandatory courses.
    Mandatory,
    /// A self-assessment survey answered in a baseline round and repeated. Under criterion
    /// 3: a repeat round against its baseline is how a council shows that learning has
    /// built skills and knowledge, which is what that criterion asks.
    SurveyRepeated,
    /// An evaluation returned after each activity.
    Evaluation,
    /// Learning offered in more than one format.
    Formats,
}

impl Vocabulary for CharterElement {
    const ALL: &'static [Self] = &[
        Self::Budget,
        Self::PdpNeeds,
        Self::Mandatory,
        Self::SurveyRepeated,
        Self::Evaluation,
        Self::Formats,
    ];

    /// The element's stable id, under which its actions are kept.
    fn id(self) -> &'static str {
        match self {
            Self::Budget => "budget",
            Self::PdpNeeds => "pdp-needs",
            Self::Mandatory => "mandatory",
            Self::SurveyRepeated => "survey-repeated",
            Self::Evaluation => "evaluation",
            Self::Formats => "formats",
        }
    }

    /// The element's guideline, as the action plan's Guidelines column gives it.
    fn label(self) -> &'static str {
        match self {
            Self::Budget => "A budget for councillor development, and its spend",
            Self::PdpNeeds => "Development needs identified through personal development plans",
            Self::Mandatory => "Role-based and mandatory training",
            Self::SurveyRepeated => "The self-assessment survey repeated to show change",
            Self::Evaluation => "Learning evaluated after each activity",
            Self::Formats => "Learning offered in a range of formats",
        }
    }
}

impl CharterElement {
    /// The criterion the element evidences.
    pub fn criterion(self) -> CharterCriterion {
        match self {
            Self::Budget => CharterCriterion::Commitment,
            Self::PdpNeeds | Self::Mandatory => CharterCriterion::StrategicApproach,
            Self::SurveyRepeated | Self::Evaluation | Self::Formats => {
                CharterCriterion::EffectiveLearning
            }
        }
    }

    /// The element's guideline (its [`Vocabulary::label`]).
    pub fn guideline(self) -> &'static str {
        self.label()
    }
}

/// What the data says for one element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElementEvidence {
    pub element: CharterElement,
    /// The evidence, a sentence each, every figure followed by where it came from.
    pub sentences: Vec<String>,
    /// Whether the data gives a figure for the element; `false` when the sentences only
    /// say there is none yet.
    pub evidenced: bool,
}

impl ElementEvidence {
    /// The sentences as one paragraph, for a table's cell.
    pub fn text(&self) -> String {
        self.sentences.join(" ")
    }
}

/// The Charter evidence for a municipal year: every element, in the Charter's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharterEvidence {
    pub year: MunicipalYear,
    /// Members whose records the workspace holds.
    pub members_held: usize,
    /// One for each of [`CharterElement::ALL`], in that order.
    pub elements: Vec<ElementEvidence>,
}

impl CharterEvidence {
    /// The name its download goes under, without the day: `charter-evidence-2026-27`.
    pub fn file_stem(&self) -> String {
        format!("charter-evidence-{}", self.year.label().replace('/', "-"))
    }

    /// The evidence for one element.
    pub fn element(&self, element: CharterElement) -> &ElementEvidence {
        self.elements
            .iter()
            .find(|e| e.element == element)
            .expect("the evidence has every element")
    }

    /// The elements of one criterion, in order.
    pub fn of_criterion(
        &self,
        criterion: CharterCriterion,
    ) -> impl Iterator<Item = &ElementEvidence> {
        self.elements
            .iter()
            .filter(move |e| e.element.criterion() == criterion)
    }
}

/// The Charter evidence from the members held, for `year` as it stands on `today`, against
/// the officer's `pack` (its courses, roles, surveys and budget), or, before the officer
/// has made one, the built-in catalogue and surveys, with no budget.
///
/// * **Budget**: the [`spend`] report for the year against the pack's budget.
/// * **Needs through PDPs**: members with a plan for the year, and of those how many have
///   had their PDP meeting (a meeting date on or before `today`); the topics and courses
///   members ask for, from the [`needs_analysis`].
/// * **Role-based and mandatory training**: the courses the pack makes mandatory; members
///   with no line in the [`compliance`] report (nothing overdue, not done, planned, in
///   progress or due soon of what applies to them, which a member with nothing mandatory
///   for them also is); and each course and role of the [`compliance_summary`].
/// * **Self-assessment repeated**: for each survey anyone has submitted, its latest round
///   and the one before it, as the survey results give them
///   ([`latest_survey_results`](super::latest_survey_results)), with the members who
///   answered each.
/// * **Evaluation**: of the activities completed in the year ([`hours_per_member`]'s
///   count), how many have an evaluation; and the [`course_evaluation`] report's total.
/// * **Formats**: the formats of the pack's courses, and of the learning completed in the
///   year.
///
/// With no member held, every element says so ([`NO_MEMBERS_HELD`]).
pub fn charter_evidence(
    workspace: &OfficerWorkspace,
    pack: Option<&CouncilPack>,
    year: MunicipalYear,
    today: NaiveDate,
) -> CharterEvidence {
    let courses = offered_courses(pack);
    let roles = all_roles(pack);
    let compliance = compliance(workspace, &courses, &roles, today);
    let summary = compliance_summary(workspace, &courses, &roles, &compliance);
    let reports = CharterReports {
        spend: &spend(workspace, &courses, 0, year),
        compliance: &compliance,
        compliance_summary: &summary,
        evaluation: &course_evaluation(workspace),
        hours: &hours_per_member(workspace, year),
    };
    charter_evidence_from(workspace, pack, year, today, &reports)
}

/// The reports the Charter evidence quotes, each as the report itself gives it, for the
/// same members, pack and `year` (any budget: the evidence takes the pack's own).
pub(crate) struct CharterReports<'r> {
    pub spend: &'r Spend,
    pub compliance: &'r [ComplianceRow],
    pub compliance_summary: &'r ComplianceSummary,
    pub evaluation: &'r [EvaluationRow],
    pub hours: &'r HoursPerMember,
}

/// [`charter_evidence`] quoting reports already worked out, so that a run writing every
/// report works each out once.
pub(crate) fn charter_evidence_from(
    workspace: &OfficerWorkspace,
    pack: Option<&CouncilPack>,
    year: MunicipalYear,
    today: NaiveDate,
    reports: &CharterReports,
) -> CharterEvidence {
    let members_held = workspace.members.len();
    let elements = if members_held == 0 {
        CharterElement::ALL
            .iter()
            .map(|&element| ElementEvidence {
                element,
                sentences: vec![NO_MEMBERS_HELD.to_owned()],
                evidenced: false,
            })
            .collect()
    } else {
        let courses = offered_courses(pack);
        let data = Data {
            workspace,
            pack,
            courses: &courses,
            year,
            today,
            reports,
        };
        CharterElement::ALL
            .iter()
            .map(|&element| {
                let (sentences, evidenced) = match element {
                    CharterElement::Budget => data.budget(),
                    CharterElement::PdpNeeds => data.pdp_needs(),
                    CharterElement::Mandatory => data.mandatory(),
                    CharterElement::SurveyRepeated => data.survey_repeated(),
                    CharterElement::Evaluation => data.evaluation(),
                    CharterElement::Formats => data.formats(),
                };
                ElementEvidence {
                    element,
                    sentences,
                    evidenced,
                }
            })
            .collect()
    };
    CharterEvidence {
        year,
        members_held,
        elements,
    }
}

/// What every element's evidence is drawn from.
struct Data<'a> {
    workspace: &'a OfficerWorkspace,
    pack: Option<&'a CouncilPack>,
    /// The courses the council offers: the pack's not retired, or the built-in ones.
    courses: &'a [Course],
    year: MunicipalYear,
    today: NaiveDate,
    reports: &'a CharterReports<'a>,
}

impl Data<'_> {
    fn members(&self) -> usize {
        self.workspace.members.len()
    }

    /// Where the courses come from, for a sentence's bracket.
    fn catalogue_source(&self) -> &'static str {
        match self.pack {
            Some(_) => "council pack",
            None => "built-in catalogue; no council pack has been made yet",
        }
    }

    /// What offers the courses, to start a sentence.
    fn catalogue_name(&self) -> &'static str {
        match self.pack {
            Some(_) => "The council pack",
            None => "The built-in catalogue",
        }
    }

    fn budget(&self) -> (Vec<String>, bool) {
        let year = self.year.label();
        let budget = self.pack.map_or(0, |p| p.budget_pence);
        let spend = self.reports.spend;
        let committed = spend.completed_pence + spend.planned_pence;
        let places: usize = spend.rows.iter().map(|r| r.completed + r.planned).sum();
        let no_budget = match self.pack {
            Some(_) => "the council pack sets no budget for councillor development",
            None => {
                "no council pack has been made yet, so no budget for councillor development is set"
            }
        };
        match (budget > 0, committed > 0) {
            (true, true) => {
                let left = budget as i64 - committed as i64;
                let after = match left {
                    0 => "None of it is left.".to_owned(),
                    left if left > 0 => format!("{} of it is left.", pounds(left.unsigned_abs())),
                    over => format!("That is {} over the budget.", pounds(over.unsigned_abs())),
                };
                let sentences = vec![
                    format!(
                        "{} of the {} budget for {year} spent or committed on {} (Spend report; budget from the council pack).",
                        pounds(committed),
                        pounds(budget),
                        count(places, "place", "places"),
                    ),
                    after,
                ];
                (sentences, true)
            }
            (true, false) => (
                vec![format!(
                    "The council pack sets a budget of {} for {year}; no member has recorded a paid place in the year yet (budget from the council pack).",
                    pounds(budget)
                )],
                true,
            ),
            (false, true) => (
                vec![format!(
                    "{} spent or committed on {} in {year} (Spend report), but {no_budget}.",
                    pounds(committed),
                    count(places, "place", "places"),
                )],
                true,
            ),
            (false, false) => (
                vec![format!(
                    "{}, and no member has recorded a paid place in {year}.",
                    capitalised(no_budget)
                )],
                false,
            ),
        }
    }

    fn pdp_needs(&self) -> (Vec<String>, bool) {
        let year = self.year.label();
        let plans: Vec<_> = self
            .workspace
            .members
            .values()
            .filter_map(|held| {
                held.file
                    .record
                    .plans
                    .iter()
                    .find(|p| p.year == self.year.starts_in)
            })
            .collect();
        let met = plans
            .iter()
            .filter(|p| p.meeting.date.is_some_and(|on| on <= self.today))
            .count();
        let mut sentences = Vec::new();
        if plans.is_empty() {
            sentences.push(format!("No member has a development plan for {year} yet."));
        } else {
            let meetings = match (plans.len(), met) {
                (1, 0) => "; their PDP meeting has not been held yet".to_owned(),
                (1, _) => ", and they have had their PDP meeting".to_owned(),
                (_, 0) => "; none of them has had a PDP meeting yet".to_owned(),
                (all, met) if met == all => {
                    ", and all of them have had their PDP meeting".to_owned()
                }
                (_, met) => format!(
                    ", and {met} of them {} had their PDP meeting",
                    if met == 1 { "has" } else { "have" }
                ),
            };
            sentences.push(format!(
                "{} of {} members {} a development plan for {year}{meetings} (members' development plans).",
                plans.len(),
                self.members(),
                if plans.len() == 1 { "has" } else { "have" },
            ));
        }
        let needs = needs_analysis(self.workspace);
        match needs.first() {
            None => sentences.push(
                "No member has recorded a development need or asked for training yet.".to_owned(),
            ),
            Some(top) => {
                let most: Vec<String> = needs
                    .iter()
                    .take_while(|n| n.members == top.members)
                    .map(|n| format!("“{}”", n.topic))
                    .collect();
                let asking = count(top.members, "member", "members");
                let most = match most.as_slice() {
                    [one] => format!("the most asked for is {one}, by {asking}"),
                    _ => format!(
                        "the most asked for, by {asking} each, are {}",
                        listed(&most, 3)
                    ),
                };
                sentences.push(format!(
                    "Members ask for {} in their latest plans and training needs surveys; {most} (Needs analysis).",
                    count(needs.len(), "topic or course", "topics or courses"),
                ));
            }
        }
        let evidenced = !plans.is_empty() || !needs.is_empty();
        (sentences, evidenced)
    }

    fn mandatory(&self) -> (Vec<String>, bool) {
        let mandatory: Vec<&Course> = self
            .courses
            .iter()
            .filter(|c| !matches!(c.mandatory_for, MandatoryFor::Nobody))
            .collect();
        if mandatory.is_empty() {
            return (
                vec![format!(
                    "{} makes no course mandatory, so there is no compliance to report.",
                    self.catalogue_name()
                )],
                false,
            );
        }
        let for_all = mandatory
            .iter()
            .filter(|c| c.mandatory_for == MandatoryFor::AllMembers)
            .count();
        let for_roles = mandatory.len() - for_all;
        let whom = match (for_all, for_roles) {
            (_, 0) => ", for every member".to_owned(),
            (0, _) => ", each for particular roles".to_owned(),
            (all, roles) => format!(": {all} for every member and {roles} for particular roles"),
        };
        let mut sentences = vec![format!(
            "{} makes {} mandatory{whom} ({}).",
            self.catalogue_name(),
            count(mandatory.len(), "course", "courses"),
            self.catalogue_source(),
        )];

        let rows = self.reports.compliance;
        let summary = self.reports.compliance_summary;
        let behind: BTreeSet<_> = rows.iter().map(|r| r.member_id).collect();
        let members = self.members();
        let up_to_date = members - behind.len();
        let states: Vec<String> = summary.statuses.iter().map(|s| s.to_lowercase()).collect();
        let states = listed_with(&states, usize::MAX, "or");
        sentences.push(match (up_to_date, behind.len()) {
            (_, 0) => format!(
                "{} up to date with all the mandatory training that applies to them (Mandatory compliance report).",
                match members {
                    1 => "The 1 member held is".to_owned(),
                    n => format!("All {n} members are"),
                }
            ),
            (0, _) if members == 1 => format!(
                "The 1 member held is not up to date with all the mandatory training that applies to them: they have a course {states} (Mandatory compliance report)."
            ),
            (0, _) => format!(
                "None of the {members} members is up to date with all the mandatory training that applies to them: each has a course {states} (Mandatory compliance report)."
            ),
            (up, behind) => format!(
                "{up} of {members} members {} up to date with all the mandatory training that applies to them; {behind} {} a course {states} (Mandatory compliance report).",
                if up == 1 { "is" } else { "are" },
                if behind == 1 { "has" } else { "have" },
            ),
        });
        if summary.lines.is_empty() {
            sentences.push(
                "No member held has a role the mandatory courses apply to, nor has done one."
                    .to_owned(),
            );
        } else {
            let lines: Vec<String> = summary
                .lines
                .iter()
                .map(|l| {
                    format!(
                        "{} ({}) {} of {}",
                        l.course, l.role, l.up_to_date, l.members
                    )
                })
                .collect();
            sentences.push(format!(
                "Up to date, by course and role: {} (Mandatory compliance summary).",
                lines.join("; ")
            ));
        }
        (sentences, true)
    }

    fn survey_repeated(&self) -> (Vec<String>, bool) {
        let templates: Vec<SurveyTemplate> = match self.pack {
            Some(pack) => pack.surveys.iter().map(|s| s.template.clone()).collect(),
            None => built_in_templates(),
        };
        let answered = |template: &SurveyTemplate, round: &str| {
            count(
                responses_in_round(self.workspace, template, round).len(),
                "member",
                "members",
            )
        };
        let sentences: Vec<String> = templates
            .iter()
            .filter_map(|template| {
                let (baseline, latest) = latest_rounds(self.workspace, &template.id, self.pack)?;
                Some(match &baseline {
                    Some(baseline) => format!(
                        "“{}”: {} answered the baseline round ({baseline}) and {} the repeat round ({latest}) (Survey results).",
                        template.title,
                        answered(template, baseline),
                        answered(template, &latest),
                    ),
                    None => format!(
                        "“{}” has one round so far, {latest}, answered by {}; it has not been repeated yet (Survey results).",
                        template.title,
                        answered(template, &latest),
                    ),
                })
            })
            .collect();
        if sentences.is_empty() {
            return (
                vec![
                    "No member has submitted a survey yet, so no self-assessment has been repeated."
                        .to_owned(),
                ],
                false,
            );
        }
        (sentences, true)
    }

    fn evaluation(&self) -> (Vec<String>, bool) {
        let year = self.year.label();
        let completed = self.reports.hours.total_completed;
        let evaluated = self
            .completed_in_year()
            .filter(|a| a.evaluation.is_some())
            .count();
        let source = "(members' learning records)";
        let mut sentences = vec![match (completed, evaluated) {
            (0, _) => format!(
                "No member has recorded completing any learning in {year} yet, so none has been evaluated."
            ),
            (1, 1) => format!(
                "The 1 activity members completed in {year} has its evaluation returned {source}."
            ),
            (1, _) => format!(
                "The 1 activity members completed in {year} has no evaluation returned yet."
            ),
            (c, 0) => format!(
                "None of the {c} activities members completed in {year} has an evaluation returned yet."
            ),
            (c, e) if e == c => format!(
                "All {c} activities members completed in {year} have their evaluation returned {source}."
            ),
            (c, e) => format!(
                "{e} of the {c} activities members completed in {year} {} an evaluation returned {source}.",
                if e == 1 { "has" } else { "have" }
            ),
        }];
        let rows = self.reports.evaluation;
        let returned: usize = rows.iter().map(|r| r.responses).sum();
        if returned > 0 {
            sentences.push(format!(
                "In all, members have returned {} of {} (Course evaluation report).",
                count(returned, "evaluation", "evaluations"),
                count(rows.len(), "course", "courses"),
            ));
        }
        (sentences, evaluated > 0 || returned > 0)
    }

    fn formats(&self) -> (Vec<String>, bool) {
        let year = self.year.label();
        let offered = by_format(self.courses.iter().map(|c| Some(c.format)));
        let mut sentences = vec![if offered.is_empty() {
            format!("{} lists no courses.", self.catalogue_name())
        } else {
            format!(
                "{} offers courses in {}: {} ({}).",
                self.catalogue_name(),
                count(offered.len(), "format", "formats"),
                format_counts(&offered, "course", "courses"),
                self.catalogue_source(),
            )
        }];
        let done = by_format(self.completed_in_year().map(|a| a.format));
        let without = self
            .reports
            .hours
            .total_completed
            .saturating_sub(done.iter().map(|(_, n)| n).sum::<usize>());
        sentences.push(match (self.reports.hours.total_completed, done.is_empty()) {
            (0, _) => format!("No member has recorded completing any learning in {year} yet."),
            (_, true) => format!(
                "None of the learning members completed in {year} has a format recorded."
            ),
            (_, false) => {
                let unformatted = match without {
                    0 => String::new(),
                    n => format!(
                        "; {n} more {} no format recorded",
                        if n == 1 { "has" } else { "have" }
                    ),
                };
                format!(
                    "Learning members completed in {year} took {}: {}{unformatted} (members' learning records).",
                    count(done.len(), "format", "formats"),
                    format_counts(&done, "activity", "activities"),
                )
            }
        });
        (sentences, !offered.is_empty() || !done.is_empty())
    }

    /// Every activity members completed in the year (deleted ones left out), as hours per
    /// member counts them.
    fn completed_in_year(&self) -> impl Iterator<Item = &crate::model::LearningActivity> {
        let year = self.year;
        self.workspace
            .members
            .values()
            .flat_map(|held| held.file.record.activities())
            .filter(move |a| a.completion().is_some_and(|done| year.contains(done)))
    }
}

/// How many of `formats` are in each format (those with none left out), most first, then
/// in the order a form lists formats.
fn by_format(
    formats: impl Iterator<Item = Option<LearningFormat>>,
) -> Vec<(LearningFormat, usize)> {
    let mut counts: BTreeMap<LearningFormat, usize> = BTreeMap::new();
    for format in formats.flatten() {
        *counts.entry(format).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by_key(|(format, n)| {
        (
            std::cmp::Reverse(*n),
            LearningFormat::ALL.iter().position(|f| f == format),
        )
    });
    counts
}

/// "face to face (12 courses), online (8) and blended (1)": the unit named once, first.
fn format_counts(counts: &[(LearningFormat, usize)], one: &str, many: &str) -> String {
    let items: Vec<String> = counts
        .iter()
        .enumerate()
        .map(|(i, (format, n))| {
            let label = format.label().to_lowercase();
            if i == 0 {
                format!("{label} ({})", count(*n, one, many))
            } else {
                format!("{label} ({n})")
            }
        })
        .collect();
    listed(&items, usize::MAX)
}

/// "1 place", "14 places".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "a", "a and b", "a, b and c"; past `most` items, "a, b, c and 2 others".
fn listed(items: &[String], most: usize) -> String {
    listed_with(items, most, "and")
}

fn listed_with(items: &[String], most: usize, and: &str) -> String {
    let (shown, rest) = items.split_at(items.len().min(most));
    let mut shown: Vec<String> = shown.to_vec();
    if !rest.is_empty() {
        shown.push(count(rest.len(), "other", "others"));
    }
    match shown.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, first)) => format!("{} {and} {last}", first.join(", ")),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// One thing the officer means to do for an element, and by when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CharterAction {
    pub action: String,
    /// As the officer writes it: "Ongoing", "Oct – Dec 2026", "March 2027".
    pub target_date: String,
}

impl CharterAction {
    /// Whether nothing has been written in it yet: the table leaves it out.
    pub fn is_blank(&self) -> bool {
        self.action.trim().is_empty() && self.target_date.trim().is_empty()
    }
}

/// The officer's actions for each element, by the element's id. Kept by id rather than by
/// element so that actions for an element a later version of the app adds are kept by an
/// older one, not dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CharterActions {
    by_element: BTreeMap<String, Vec<CharterAction>>,
}

impl CharterActions {
    /// The actions for an element, in the officer's order.
    pub fn for_element(&self, element: CharterElement) -> &[CharterAction] {
        self.by_element.get(element.id()).map_or(&[], Vec::as_slice)
    }

    /// The actions for an element, to add to, change or remove.
    pub fn for_element_mut(&mut self, element: CharterElement) -> &mut Vec<CharterAction> {
        self.by_element.entry(element.id().to_owned()).or_default()
    }

    /// Whether the officer has written no action at all.
    pub fn is_empty(&self) -> bool {
        self.by_element
            .values()
            .all(|actions| actions.iter().all(CharterAction::is_blank))
    }
}

/// The Charter evidence as a sheet of the workbook, in the action plan's shape: Criterion,
/// Guidelines, Action, Target date, Evidence, every cell text (a target date is the
/// officer's words, not a date). Each action is a row; an element with none is still one,
/// its action blank. The criterion, guideline and evidence are on an element's first row
/// only, as an action plan lists further actions under their guideline.
pub fn charter_evidence_table(evidence: &CharterEvidence, actions: &CharterActions) -> Table {
    let columns = [
        "Criterion",
        "Guidelines",
        "Action",
        "Target date",
        "Evidence",
    ]
    .map(|heading| Column::new(heading, ColumnKind::Text))
    .into();
    let text = |value: &str| {
        let value = value.trim();
        if value.is_empty() {
            Cell::Blank
        } else {
            Cell::text(value)
        }
    };
    let mut rows = Vec::new();
    for element in &evidence.elements {
        let written: Vec<&CharterAction> = actions
            .for_element(element.element)
            .iter()
            .filter(|a| !a.is_blank())
            .collect();
        let blank = CharterAction::default();
        let lines = if written.is_empty() {
            vec![&blank]
        } else {
            written
        };
        for (i, action) in lines.into_iter().enumerate() {
            let first = i == 0;
            rows.push(vec![
                if first {
                    Cell::text(element.element.criterion().heading())
                } else {
                    Cell::Blank
                },
                if first {
                    Cell::text(element.element.guideline())
                } else {
                    Cell::Blank
                },
                text(&action.action),
                text(&action.target_date),
                if first {
                    Cell::text(element.text())
                } else {
                    Cell::Blank
                },
            ]);
        }
    }
    Table {
        sheet: "Charter evidence".to_owned(),
        columns,
        rows,
        when_empty: "There are no Charter elements to show.".to_owned(),
    }
}

/// The Charter evidence as CSV for Excel: the same rows and cells as
/// [`charter_evidence_table`].
pub fn charter_evidence_csv(evidence: &CharterEvidence, actions: &CharterActions) -> Csv {
    let table = charter_evidence_table(evidence, actions);
    Csv {
        header: table.columns.iter().map(|c| c.heading.clone()).collect(),
        rows: table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        Cell::Text(text) => text.clone(),
                        _ => String::new(),
                    })
                    .collect()
            })
            .collect(),
    }
}
