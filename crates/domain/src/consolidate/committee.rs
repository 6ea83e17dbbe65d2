//! The annual committee report: for a municipal year the officer picks, the figures a
//! member development committee is given about the members held, each section with the
//! plain-English sentences that carry its figures, so the words are tested with the
//! numbers. Also the officer's own introduction and recommendations for each year, kept
//! in the officer's storage.
//!
//! Each figure another report already computes is taken from it: hours and sessions from
//! [`hours_per_member`], mandatory training from [`compliance`], evaluations from
//! [`course_evaluation`], requests from [`needs_analysis`], survey change from
//! [`survey_results`], money from [`spend`]. What this module adds is take-up by course,
//! compliance counted by role, and plans taken up, with the words around them.
//!
//! Not here: how the report is laid out, printed or downloaded (the web crate), and what a
//! committee must never see: access needs, and figures of a group smaller than
//! [`SMALL_CELL`], which are flagged and never put in a sentence.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::exchange::MemberFile;
use crate::model::catalogue::{Course, CourseId, LearningFormat, default_catalogue};
use crate::model::due::MunicipalYear;
use crate::model::money::pounds;
use crate::model::pack::{CouncilPack, DEFAULT_BUDGET_PENCE, all_roles, offered_courses};
use crate::model::roles::{RoleId, role_name};
use crate::model::survey::SurveyTemplate;
use crate::model::survey_templates::built_in_templates;
use crate::model::text::grouped;
use crate::model::{MemberRecord, Vocabulary};

use super::names::NameKey;
use super::reports::{
    EvaluationRow, HoursPerMember, Spend, compliance, course_evaluation, hours_per_member,
    hours_text, spend,
};
use super::survey_reports::{
    NeedsRow, SMALL_CELL, SurveyComparison, needs_analysis, survey_results, survey_rounds,
    topic_key,
};
use super::workspace::{HeldMember, OfficerWorkspace};

/// What the report says when the workspace holds nobody.
pub const NO_MEMBERS_TO_REPORT: &str =
    "No members' records are held yet: import members' files to see this report.";

/// The whole report for one municipal year. When no member is held only
/// [`CommitteeReport::opening`] is worth showing; each section still says, in its own
/// sentences, that it has nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct CommitteeReport {
    pub year: MunicipalYear,
    /// The day the report was made: mandatory training is as it stands on this day.
    pub as_at: NaiveDate,
    /// Members whose records the workspace holds.
    pub members_held: usize,
    /// Nothing at all is recorded for the year: no learning completed, planned or in
    /// progress, no development plan and no survey answered in it. Also set when no
    /// member is held.
    pub nothing_in_year: bool,
    /// The report's first sentence: whom and what period it covers, or
    /// [`NO_MEMBERS_TO_REPORT`], or that nothing is recorded for the year.
    pub opening: String,
    pub programme: ProgrammeDelivered,
    pub take_up: TakeUp,
    pub members_trained: MembersTrained,
    pub compliance: ComplianceByRole,
    pub plans: PlansTakenUp,
    pub asked_for: LearningAskedFor,
    pub evaluation: YearEvaluation,
    pub surveys: SurveyChanges,
    pub spend: BudgetSpend,
}

impl CommitteeReport {
    /// Whether the workspace holds nobody, so the report is its opening sentence alone.
    pub fn no_members(&self) -> bool {
        self.members_held == 0
    }
}

/// Section 1: the programme delivered in the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeDelivered {
    /// Distinct courses from the council's catalogue (retired ones included) that at
    /// least one member completed in the year.
    pub courses_delivered: usize,
    /// Distinct other learning (activities members added themselves, or of a course the
    /// pack does not list at all; by title, ignoring case and spacing) at least one member
    /// completed in the year.
    pub other_learning: usize,
    /// Activities completed in the year, by every member: learning sessions logged.
    pub sessions: usize,
    /// Minutes of learning completed in the year.
    pub minutes: u64,
    /// Of the sessions, how many were logged with no hours, so are not in `minutes`.
    pub sessions_without_hours: usize,
    pub sentences: Vec<String>,
}

/// Section 2: one course or other piece of learning members took up in the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TakeUpLine {
    /// The catalogue course, or `None` for learning members added themselves (or a
    /// course the pack does not list at all).
    pub course_id: Option<CourseId>,
    /// The course's title in the catalogue, or the title the first member gave it.
    pub title: String,
    pub provider: String,
    /// How it is delivered (online for an e-learning module); `None` when a member did
    /// not say.
    pub format: Option<LearningFormat>,
    /// Members who completed it in the year.
    pub completed: usize,
    /// Other members with it planned or in progress in the year: started or planned to
    /// start in it, or with no date given (as [`spend`] counts places planned).
    pub planned: usize,
}

impl TakeUpLine {
    /// The learning format as a reader sees it: "Online", "Face to face", "Blended", or
    /// "Not given".
    pub fn format_label(&self) -> &'static str {
        self.format.map_or("Not given", Vocabulary::label)
    }

    /// The line in a sentence: "“Code of Conduct” (Monitoring Officer, face to face): 4
    /// members completed it; 1 more has it planned or in progress."
    pub fn sentence(&self) -> String {
        let source = match (self.provider.trim(), self.format) {
            ("", None) => String::new(),
            ("", Some(f)) => format!(" ({})", f.label().to_lowercase()),
            (provider, None) => format!(" ({provider})"),
            (provider, Some(f)) => format!(" ({provider}, {})", f.label().to_lowercase()),
        };
        let done = match self.completed {
            0 => "nobody completed it".to_owned(),
            1 => "1 member completed it".to_owned(),
            n => format!("{} completed it", members(n)),
        };
        let planned = match (self.completed, self.planned) {
            (_, 0) => String::new(),
            (0, 1) => "; 1 member has it planned or in progress".to_owned(),
            (0, n) => format!("; {} have it planned or in progress", members(n)),
            (_, 1) => "; 1 more has it planned or in progress".to_owned(),
            (_, n) => format!(
                "; {} more have it planned or in progress",
                grouped(n as u64)
            ),
        };
        format!("{}{source}: {done}{planned}.", quoted(&self.title))
    }
}

/// Section 2: take-up by course and provider.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TakeUp {
    /// Every course or piece of learning completed, planned or in progress in the year:
    /// most completions first, then by title.
    pub lines: Vec<TakeUpLine>,
    pub sentences: Vec<String>,
}

/// Section 3: members trained, and not trained, in the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MembersTrained {
    pub members_held: usize,
    /// Members who completed at least one activity in the year.
    pub trained: usize,
    /// Members who completed none.
    pub not_trained: usize,
    pub sentences: Vec<String>,
}

/// Section 4: one role's members and their mandatory training, as it stands on the
/// report's day. A role held by fewer than [`SMALL_CELL`] members is suppressed: its counts
/// are kept for the code, but a page, an export or a sentence shows
/// [`RoleCompliance::shown_count`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleCompliance {
    pub role_id: RoleId,
    /// The role's name in the pack, or its id when the pack no longer names it.
    pub role: String,
    /// Members held who hold the role.
    pub members: usize,
    /// Of them, members with nothing due in all their mandatory training (for this and
    /// every other role they hold, and for all members): done, and no refresher due
    /// within 90 days.
    pub up_to_date: usize,
    /// Members with mandatory training not done, planned, in progress or due within 90
    /// days, but none overdue.
    pub due: usize,
    /// Members with a refresher whose date has passed.
    pub overdue: usize,
    /// Held by fewer than [`SMALL_CELL`] members: no count is shown.
    pub suppressed: bool,
}

impl RoleCompliance {
    /// A count to display: the number, or "fewer than 5" when the role is suppressed. A UI
    /// or export must use this, never the fields, so a small role stays hidden.
    pub fn shown_count(&self, count: usize) -> String {
        if self.suppressed {
            format!("fewer than {SMALL_CELL}")
        } else {
            grouped(count as u64)
        }
    }

    /// The role in a sentence: "Planning committee member: 2 of 5 members are up to date
    /// with all their mandatory training; 2 have training due and 1 is overdue."
    pub fn sentence(&self) -> String {
        if self.suppressed {
            return format!(
                "{}: held by fewer than {SMALL_CELL} members, so the figures are not shown.",
                self.role
            );
        }
        let verb = |n: usize, one: &str, many: &str| {
            format!("{} {}", grouped(n as u64), if n == 1 { one } else { many })
        };
        let are = if self.up_to_date == 1 { "is" } else { "are" };
        format!(
            "{}: {} {are} up to date with all their mandatory training; {} training due and {} overdue.",
            self.role,
            of_members(self.up_to_date, self.members),
            verb(self.due, "has", "have"),
            verb(self.overdue, "is", "are"),
        )
    }
}

/// Section 4: mandatory compliance by role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComplianceByRole {
    /// The day the training is counted on.
    pub as_at: NaiveDate,
    /// Every role at least one member holds, in the pack's order, then roles it does not
    /// name, by name.
    pub roles: Vec<RoleCompliance>,
    pub sentences: Vec<String>,
}

/// Section 5: development plans offered, and taken up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlansTakenUp {
    /// Every member held: each is offered an annual development review (in Wales, the
    /// Local Government (Wales) Measure 2011, s.7, obliges a council to offer one).
    pub offered: usize,
    /// Members with a development plan for the year.
    pub with_plan: usize,
    /// Of those plans, how many have a PDP meeting date set.
    pub meetings: usize,
    /// Of those plans, how many are signed off.
    pub signed_off: usize,
    pub sentences: Vec<String>,
}

/// Section 6: learning members asked for in their plans for the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LearningAskedFor {
    /// As [`needs_analysis`] ranks them, from the year's plans only: each requested
    /// course, other request and development need, by how many members ask.
    pub rows: Vec<NeedsRow>,
    pub sentences: Vec<String>,
}

/// Section 7: what members thought of the learning they completed in the year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearEvaluation {
    /// As [`course_evaluation`] gives them, for activities completed in the year.
    pub rows: Vec<EvaluationRow>,
    /// Evaluations returned, for every course.
    pub responses: usize,
    /// Over every evaluation, 1 to 5; `None` when there are none.
    pub average_rating: Option<f64>,
    pub average_usefulness: Option<f64>,
    /// Share of evaluations that would recommend the learning, 0 to 100.
    pub recommend_percent: Option<f64>,
    pub sentences: Vec<String>,
}

/// Section 8: one survey repeated in the year, against its baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyChange {
    /// As [`survey_results`] gives it: the round answered in the year against the round
    /// before it, with its breakdown by group suppressed as that report suppresses it.
    pub comparison: SurveyComparison,
    /// What changed, a sentence for each scale or number question anyone answered; a
    /// question fewer than [`SMALL_CELL`] members answered in either round is named
    /// without its figures.
    pub sentences: Vec<String>,
}

/// Section 8: survey change from baseline to repeat.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyChanges {
    pub surveys: Vec<SurveyChange>,
    pub sentences: Vec<String>,
}

/// Section 9: spend against the training budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetSpend {
    /// As [`spend`] gives it, for the year.
    pub spend: Spend,
    pub sentences: Vec<String>,
}

/// The committee report for `year`, from the members held and the council's `pack`
/// (its courses, roles, budget and surveys; the built-in ones when there is none), with
/// mandatory training as it stands on `today`.
pub fn committee_report(
    workspace: &OfficerWorkspace,
    pack: Option<&CouncilPack>,
    year: MunicipalYear,
    today: NaiveDate,
) -> CommitteeReport {
    let label = year.label();
    let offered = offered_courses(pack);
    let every_course = pack.map_or_else(default_catalogue, |p| p.courses.clone());
    let in_year = year_slice(workspace, year);
    let members_held = workspace.members.len();

    let hours = hours_per_member(workspace, year);
    let take_up = take_up(workspace, &every_course, year);
    let programme = programme(&hours, &take_up);
    let members_trained = members_trained(&hours);
    let compliance = compliance_by_role(workspace, pack, &offered, today);
    let plans = plans_taken_up(&in_year, members_held, year);
    let asked_for = asked_for(&in_year, year);
    let evaluation = year_evaluation(&in_year, year);
    let surveys = survey_changes(workspace, pack, year);
    let budget = pack.map_or(DEFAULT_BUDGET_PENCE, |p| p.budget_pence);
    let spend = budget_spend(spend(workspace, &offered, budget, year));

    let nothing_in_year =
        take_up.lines.is_empty() && plans.with_plan == 0 && !surveys_answered_in(workspace, year);
    let opening = if members_held == 0 {
        NO_MEMBERS_TO_REPORT.to_owned()
    } else if nothing_in_year {
        format!(
            "Nothing is recorded for {label} in the {} held: no learning completed, planned or in progress, no development plans and no surveys answered.",
            records(members_held)
        )
    } else {
        format!(
            "This report covers the {} held, for the municipal year {label} ({} to {}).",
            records(members_held),
            full_date(year.first_day()),
            full_date(year.last_day()),
        )
    };
    CommitteeReport {
        year,
        as_at: today,
        members_held,
        nothing_in_year,
        opening,
        programme,
        take_up,
        members_trained,
        compliance,
        plans,
        asked_for,
        evaluation,
        surveys,
        spend,
    }
}

/// The members held with only what falls in `year`: their activities completed in it and
/// their plan for it. The reports that do not take a year ([`needs_analysis`],
/// [`course_evaluation`]) then give the year's figures.
fn year_slice(workspace: &OfficerWorkspace, year: MunicipalYear) -> OfficerWorkspace {
    OfficerWorkspace::from_held(workspace.members.values().map(|held| {
        let whole = &held.file.record;
        let mut record = MemberRecord::new(whole.member_id, whole.profile.updated_at);
        record.profile = whole.profile.clone();
        record.learning = whole
            .activities()
            .filter(|a| a.completion().is_some_and(|done| year.contains(done)))
            .cloned()
            .collect();
        record.plans = whole
            .plans
            .iter()
            .filter(|p| p.year == year.starts_in)
            .cloned()
            .collect();
        HeldMember {
            file: MemberFile::new(
                record,
                held.file.revision,
                held.file.device_id,
                held.file.exported_at,
            ),
            devices: BTreeSet::new(),
        }
    }))
}

/// How a take-up line is told apart: a catalogue course by its id, other learning by its
/// title ignoring case and spacing.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum LineKey {
    Course(CourseId),
    Own(String),
}

struct Tally {
    line: TakeUpLine,
    completed: BTreeSet<Uuid>,
    planned: BTreeSet<Uuid>,
}

fn take_up(workspace: &OfficerWorkspace, courses: &[Course], year: MunicipalYear) -> TakeUp {
    let mut tallies: BTreeMap<LineKey, Tally> = BTreeMap::new();
    for (member, held) in &workspace.members {
        for activity in held.file.record.activities() {
            // As `spend` decides what a place in the year is.
            let completed = match activity.completion() {
                Some(done) if year.contains(done) => true,
                Some(_) => continue,
                None if activity.start_date.is_none_or(|d| year.contains(d)) => false,
                None => continue,
            };
            let course = activity
                .course_id
                .as_ref()
                .and_then(|id| courses.iter().find(|c| &c.id == id));
            let key = match course {
                Some(course) => LineKey::Course(course.id.clone()),
                None => LineKey::Own(topic_key(&activity.title)),
            };
            let tally = tallies.entry(key).or_insert_with(|| Tally {
                line: TakeUpLine {
                    course_id: course.map(|c| c.id.clone()),
                    title: course
                        .map_or_else(|| activity.title.trim().to_owned(), |c| c.title.clone()),
                    provider: course.map_or_else(
                        || activity.provider.trim().to_owned(),
                        |c| c.provider.clone(),
                    ),
                    format: course.map(|c| c.format).or(activity.format),
                    completed: 0,
                    planned: 0,
                },
                completed: BTreeSet::new(),
                planned: BTreeSet::new(),
            });
            if completed {
                tally.completed.insert(*member);
            } else {
                tally.planned.insert(*member);
            }
        }
    }
    let mut lines: Vec<TakeUpLine> = tallies
        .into_values()
        .map(|t| TakeUpLine {
            completed: t.completed.len(),
            planned: t.planned.difference(&t.completed).count(),
            ..t.line
        })
        .collect();
    lines.sort_by_cached_key(|l| (std::cmp::Reverse(l.completed), NameKey::of(&l.title)));

    let label = year.label();
    let sentences = match lines.first() {
        None => vec![format!(
            "No course or other learning was completed, planned or in progress in {label}."
        )],
        Some(_) => {
            let taken = lines.len();
            vec![format!(
                "{} taken up in {label}: completed, planned or in progress.",
                count(
                    taken,
                    "course or piece of learning was",
                    "courses or pieces of learning were"
                ),
            )]
        }
    };
    TakeUp { lines, sentences }
}

fn programme(hours: &HoursPerMember, take_up: &TakeUp) -> ProgrammeDelivered {
    let delivered = |from_catalogue: bool| {
        take_up
            .lines
            .iter()
            .filter(|l| l.completed > 0 && l.course_id.is_some() == from_catalogue)
            .count()
    };
    let (courses_delivered, other_learning) = (delivered(true), delivered(false));
    let label = hours.year.label();
    let mut sentences = Vec::new();
    if hours.total_completed == 0 {
        sentences.push(format!("No learning was completed in {label}."));
    } else {
        let other = match other_learning {
            0 => String::new(),
            n => format!(
                " and {}",
                count(n, "other piece of learning", "other pieces of learning")
            ),
        };
        sentences.push(format!(
            "Members completed {} from the council's programme{other} in {label}.",
            count(courses_delivered, "course", "courses"),
        ));
        sentences.push(format!(
            "{} logged as completed, {} in all.",
            count(
                hours.total_completed,
                "learning session was",
                "learning sessions were"
            ),
            hours_phrase(hours.total_in_year),
        ));
        match hours.total_without_hours {
            0 => {}
            1 => sentences
                .push("1 of them has no hours given, so its time is not in the total.".to_owned()),
            n => sentences.push(format!(
                "{} of them have no hours given, so their time is not in the total.",
                grouped(n as u64)
            )),
        }
    }
    ProgrammeDelivered {
        courses_delivered,
        other_learning,
        sessions: hours.total_completed,
        minutes: hours.total_in_year,
        sessions_without_hours: hours.total_without_hours,
        sentences,
    }
}

fn members_trained(hours: &HoursPerMember) -> MembersTrained {
    let members_held = hours.rows.len();
    let trained = hours.rows.iter().filter(|r| r.completed > 0).count();
    let not_trained = members_held - trained;
    let label = hours.year.label();
    let sentences = if members_held == 0 {
        vec![format!(
            "No member's record is held, so nobody is counted for {label}."
        )]
    } else if trained == 0 {
        vec![format!(
            "None of the {} held completed any learning in {label}.",
            members(members_held)
        )]
    } else {
        let mut sentences = vec![format!(
            "{} completed at least one piece of learning in {label}.",
            of_members(trained, members_held)
        )];
        sentences.push(match not_trained {
            0 => "Every member held completed some learning.".to_owned(),
            1 => "1 member completed none.".to_owned(),
            n => format!("{} completed none.", members(n)),
        });
        sentences
    };
    MembersTrained {
        members_held,
        trained,
        not_trained,
        sentences,
    }
}

/// How a member stands with all their mandatory training, most pressing last.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Standing {
    Due,
    Overdue,
}

fn compliance_by_role(
    workspace: &OfficerWorkspace,
    pack: Option<&CouncilPack>,
    offered: &[Course],
    today: NaiveDate,
) -> ComplianceByRole {
    let roles = all_roles(pack);
    // Any line of the compliance report puts the member behind; "Overdue" the furthest.
    let mut standing: BTreeMap<Uuid, Standing> = BTreeMap::new();
    for row in compliance(workspace, offered, &roles, today) {
        let this = if row.status == "Overdue" {
            Standing::Overdue
        } else {
            Standing::Due
        };
        let entry = standing.entry(row.member_id).or_insert(this);
        *entry = (*entry).max(this);
    }
    let mut holders: BTreeMap<&str, Vec<Uuid>> = BTreeMap::new();
    for (member, held) in &workspace.members {
        for role in held
            .file
            .record
            .profile
            .roles
            .iter()
            .filter(|r| !r.trim().is_empty())
        {
            holders.entry(role.as_str()).or_default().push(*member);
        }
    }
    let mut lines: Vec<RoleCompliance> = holders
        .into_iter()
        .map(|(role_id, holding)| {
            let of = |s: Standing| {
                holding
                    .iter()
                    .filter(|m| standing.get(m) == Some(&s))
                    .count()
            };
            let (due, overdue) = (of(Standing::Due), of(Standing::Overdue));
            RoleCompliance {
                role_id: role_id.to_owned(),
                role: role_name(&roles, role_id),
                members: holding.len(),
                up_to_date: holding.len() - due - overdue,
                due,
                overdue,
                suppressed: holding.len() < SMALL_CELL,
            }
        })
        .collect();
    lines.sort_by_cached_key(|l| {
        (
            roles
                .iter()
                .position(|r| r.id == l.role_id)
                .unwrap_or(usize::MAX),
            NameKey::of(&l.role),
        )
    });
    let sentences = if lines.is_empty() {
        vec![
            "No member held has a role recorded, so there is no compliance by role to show."
                .to_owned(),
        ]
    } else {
        let mut sentences = vec![format!(
            "Mandatory training by role, as at {}.",
            full_date(today)
        )];
        if lines.iter().any(|l| l.suppressed) {
            sentences.push(format!(
                "A role held by fewer than {SMALL_CELL} members has its figures hidden, so that no councillor can be picked out."
            ));
        }
        sentences
    };
    ComplianceByRole {
        as_at: today,
        roles: lines,
        sentences,
    }
}

fn plans_taken_up(in_year: &OfficerWorkspace, offered: usize, year: MunicipalYear) -> PlansTakenUp {
    let plans: Vec<_> = in_year
        .members
        .values()
        .filter_map(|held| held.file.record.plans.first())
        .collect();
    let with_plan = plans.len();
    let meetings = plans.iter().filter(|p| p.meeting.date.is_some()).count();
    let signed_off = plans.iter().filter(|p| p.sign_off.is_some()).count();
    let label = year.label();
    let were = if offered == 1 { "was" } else { "were" };
    let sentences = if offered == 0 {
        vec![format!(
            "No member's record is held, so no plan for {label} is counted."
        )]
    } else if with_plan == 0 {
        vec![format!(
            "{} {were} offered a personal development plan review for {label}; none has a plan for the year yet.",
            members(offered)
        )]
    } else {
        vec![
            format!(
                "{} {were} offered a personal development plan review for {label}, and {} a plan for the year.",
                members(offered),
                count(with_plan, "has", "have")
            ),
            format!("{} had a PDP meeting.", of_members(meetings, offered)),
            format!("{} signed off their plan.", of_members(signed_off, offered)),
        ]
    };
    PlansTakenUp {
        offered,
        with_plan,
        meetings,
        signed_off,
        sentences,
    }
}

fn asked_for(in_year: &OfficerWorkspace, year: MunicipalYear) -> LearningAskedFor {
    // The slice holds no survey answers, so every request counted is from a plan.
    let rows = needs_analysis(in_year);
    let label = year.label();
    let sentences = match rows.first() {
        None => vec![format!("No plan for {label} asks for any learning.")],
        Some(first) => {
            let top: Vec<String> = rows
                .iter()
                .take_while(|r| r.members == first.members)
                .map(|r| quoted(&r.topic))
                .collect();
            let mut sentences = vec![format!(
                "Members asked for {} in their plans for {label}.",
                count(rows.len(), "topic or course", "topics or courses")
            )];
            sentences.push(match top.len() {
                1 => format!("Most asked for: {} ({}).", top[0], members(first.members)),
                2..=3 => format!(
                    "Most asked for: {} ({} each).",
                    listed(&top),
                    members(first.members)
                ),
                n => format!(
                    "{} topics or courses were asked for by {} each.",
                    grouped(n as u64),
                    members(first.members)
                ),
            });
            sentences
        }
    };
    LearningAskedFor { rows, sentences }
}

fn year_evaluation(in_year: &OfficerWorkspace, year: MunicipalYear) -> YearEvaluation {
    let rows = course_evaluation(in_year);
    let responses: usize = rows.iter().map(|r| r.responses).sum();
    // Each row's averages weighted by its responses: the average over every evaluation.
    let overall = |of: fn(&EvaluationRow) -> f64| {
        (responses > 0).then(|| {
            rows.iter().map(|r| of(r) * r.responses as f64).sum::<f64>() / responses as f64
        })
    };
    let average_rating = overall(|r| r.average_rating);
    let average_usefulness = overall(|r| r.average_usefulness);
    let recommend_percent = overall(|r| r.recommend_percent);
    let label = year.label();
    let sentences = match (average_rating, average_usefulness, recommend_percent) {
        (Some(rating), Some(usefulness), Some(recommend)) => vec![
            format!(
                "{} returned for {} completed in {label}.",
                count(responses, "evaluation was", "evaluations were"),
                count(
                    rows.len(),
                    "course or piece of learning",
                    "courses or pieces of learning"
                ),
            ),
            format!(
                "The average rating was {rating:.1} out of 5, and {usefulness:.1} out of 5 for usefulness to the member's role; {recommend:.0}% would recommend it."
            ),
        ],
        _ => vec![format!(
            "No evaluations were returned for learning completed in {label}."
        )],
    };
    YearEvaluation {
        rows,
        responses,
        average_rating,
        average_usefulness,
        recommend_percent,
        sentences,
    }
}

/// The surveys the council runs (its pack's, or the built-in ones), each once.
fn templates(pack: Option<&CouncilPack>) -> Vec<SurveyTemplate> {
    let Some(pack) = pack else {
        return built_in_templates();
    };
    let mut seen = BTreeSet::new();
    pack.surveys
        .iter()
        .filter(|s| seen.insert(s.template.id.as_str()))
        .map(|s| s.template.clone())
        .collect()
}

/// Whether any member submitted an answer to `template_id` (any survey, for `None`) in
/// `round` (any round, for `None`) on a day in `year`, the day [`survey_rounds`] places
/// an answer on.
fn answered_in(
    workspace: &OfficerWorkspace,
    template_id: Option<&str>,
    round: Option<&str>,
    year: MunicipalYear,
) -> bool {
    workspace.members.values().any(|held| {
        held.file.record.surveys.iter().any(|r| {
            r.is_submitted()
                && template_id.is_none_or(|t| r.template_id == t)
                && round.is_none_or(|n| r.round == n)
                && year.contains(r.submitted_at.unwrap_or(r.updated_at).date_naive())
        })
    })
}

fn surveys_answered_in(workspace: &OfficerWorkspace, year: MunicipalYear) -> bool {
    answered_in(workspace, None, None, year)
}

fn survey_changes(
    workspace: &OfficerWorkspace,
    pack: Option<&CouncilPack>,
    year: MunicipalYear,
) -> SurveyChanges {
    let mut surveys = Vec::new();
    for template in templates(pack) {
        let rounds = survey_rounds(workspace, &template.id, pack);
        // The repeat: the latest round answered in the year; the baseline, the one before.
        let Some(repeat) = rounds
            .iter()
            .rposition(|round| answered_in(workspace, Some(&template.id), Some(round), year))
            .filter(|at| *at > 0)
        else {
            continue;
        };
        let comparison = survey_results(
            workspace,
            &template,
            Some(&rounds[repeat - 1]),
            &rounds[repeat],
        );
        surveys.push(survey_change(comparison));
    }
    let label = year.label();
    let sentences = match surveys.len() {
        0 => vec![format!(
            "No survey was repeated in {label}, so there is no change from a baseline to show."
        )],
        n => vec![format!(
            "{} repeated in {label}, against the round before.",
            count(n, "survey was", "surveys were")
        )],
    };
    SurveyChanges { surveys, sentences }
}

fn survey_change(comparison: SurveyComparison) -> SurveyChange {
    let mut sentences = vec![format!(
        "{}: repeated in {}, against the baseline of {}.",
        comparison.template_title,
        comparison.latest_round,
        comparison.baseline_round.as_deref().unwrap_or_default()
    )];
    for question in &comparison.questions {
        let Some(before) = &question.baseline else {
            continue;
        };
        let after = &question.latest;
        if before.mean.is_none() && after.mean.is_none() {
            // Not a scale or number, or nobody answered it in either round.
            continue;
        }
        let text = quoted(&question.text);
        match (before.mean, after.mean) {
            (Some(b), Some(a))
                if before.respondents >= SMALL_CELL && after.respondents >= SMALL_CELL =>
            {
                let difference = format!("{:.2}", (a - b).abs());
                let change = if difference == "0.00" {
                    "no change".to_owned()
                } else if a > b {
                    format!("up {difference}")
                } else {
                    format!("down {difference}")
                };
                sentences.push(format!(
                    "{text}: an average of {b:.2} at the baseline ({}) and {a:.2} at the repeat ({}), {change}.",
                    members(before.respondents),
                    members(after.respondents),
                ));
            }
            _ => sentences.push(format!(
                "{text}: fewer than {SMALL_CELL} members answered in one of the rounds, so the change is not shown."
            )),
        }
    }
    SurveyChange {
        comparison,
        sentences,
    }
}

fn budget_spend(spend: Spend) -> BudgetSpend {
    let label = spend.year.label();
    let budget = pounds(spend.budget_pence);
    let sentences = if spend.rows.is_empty() {
        vec![format!(
            "No places on paid courses were taken or booked in {label}: none of the {budget} training budget for {label} was spent."
        )]
    } else {
        let committed = spend.completed_pence + spend.planned_pence;
        let left = spend.remaining_pence();
        vec![
            format!(
                "{} of the {budget} training budget for {label} was spent or committed.",
                pounds(committed)
            ),
            match (spend.completed_pence, spend.planned_pence) {
                (done, 0) => format!("{} went on places completed.", pounds(done)),
                (0, planned) => {
                    format!("{} is for places planned or in progress.", pounds(planned))
                }
                (done, planned) => format!(
                    "{} went on places completed and {} on places planned or in progress.",
                    pounds(done),
                    pounds(planned)
                ),
            },
            if left < 0 {
                format!(
                    "Spending is {} over the budget.",
                    pounds(left.unsigned_abs())
                )
            } else {
                format!("{} of the budget is left.", pounds(left.unsigned_abs()))
            },
        ]
    };
    BudgetSpend { spend, sentences }
}

/// "1 member", "1,000 members".
fn members(n: usize) -> String {
    count(n, "member", "members")
}

/// A number and its noun, one or many: "1 course", "12 courses".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n as u64), if n == 1 { one } else { many })
}

/// "3 of 7 members", "1 of 1 member".
fn of_members(n: usize, total: usize) -> String {
    format!("{} of {}", grouped(n as u64), members(total))
}

/// "the 7 members' records", "the 1 member's record", after "the".
fn records(n: usize) -> String {
    match n {
        1 => "1 member's record".to_owned(),
        n => format!("{} members' records", grouped(n as u64)),
    }
}

/// "1 hour", "62.5 hours".
fn hours_phrase(minutes: u64) -> String {
    match hours_text(minutes) {
        one if one == "1" => "1 hour".to_owned(),
        text => format!("{text} hours"),
    }
}

fn quoted(text: &str) -> String {
    format!("“{}”", text.trim())
}

/// "a", "a and b", "a, b and c".
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "1 December 2026": a date as a committee report writes it, the month in full.
fn full_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// The officer's own words for one year's committee report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommitteeNotes {
    /// What the report opens with, before the figures.
    pub introduction: String,
    /// What the officer asks the committee to agree or note.
    pub recommendations: String,
}

impl CommitteeNotes {
    /// Whether the officer has written nothing.
    pub fn is_empty(&self) -> bool {
        self.introduction.is_empty() && self.recommendations.is_empty()
    }
}
