//! The officer's reports, each a table that also downloads as CSV.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use uuid::Uuid;

use crate::model::allowance::{Place, paid_place};
use crate::model::dates::{iso_date, long_date};
use crate::model::due::{DueStatus, MunicipalYear, last_completed, training_due};
use crate::model::learning::{Evaluation, format_hours};
use crate::model::money::pounds;
use crate::model::roles::role_name;
use crate::model::{ActivityStatus, Course, LearningActivity, MandatoryFor, MemberRecord, Role};

use super::csv::Csv;
use super::names::{NameKey, borrowed_key, same_name_key};
use super::workspace::{HeldMember, OfficerWorkspace};

/// What the training audit says of a member who has recorded no training.
pub const NOTHING_RECORDED: &str = "No training recorded";

/// One line of the training audit: who has received what, and when. A member with no
/// training has one line, with the status [`NOTHING_RECORDED`] and no course.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    pub member_id: Uuid,
    pub member: String,
    pub council: String,
    pub ward: String,
    pub course: String,
    pub provider: String,
    pub status: &'static str,
    /// The day it was completed, as shown on screen: `14 Oct 2026`; empty when not done.
    pub completed_on: String,
    /// The day it was completed, for the CSV.
    pub completed: Option<NaiveDate>,
    pub hours: String,
    /// The activity's minutes, for a reader that wants the number; 0 when not given.
    pub minutes: u32,
    pub evidence: String,
}

/// Every member held, with their activities by course title (deleted ones left out), or
/// one line saying nothing is recorded; members by name.
pub fn training_audit(workspace: &OfficerWorkspace) -> Vec<AuditRow> {
    training_audit_rows(workspace).collect()
}

/// The first `limit` rows of [`training_audit`], without making the rest: enough for a
/// page that shows a few hundred rows of a report with tens of thousands.
pub fn training_audit_first(workspace: &OfficerWorkspace, limit: usize) -> Vec<AuditRow> {
    training_audit_rows(workspace).take(limit).collect()
}

/// The rows of [`training_audit`] in order, each made as it is taken: a report with a row
/// for each activity of thousands of members is never held whole.
pub(crate) fn training_audit_rows(
    workspace: &OfficerWorkspace,
) -> impl Iterator<Item = AuditRow> + '_ {
    training_audit_lines(workspace).map(AuditLine::row)
}

/// A line of the training audit as it is found in the workspace, before anything is
/// copied out of it: a member's record and one of its activities, or `None` for a member
/// with none. The sheet, the CSV and the page each make of it what they show.
#[derive(Clone, Copy)]
pub(crate) struct AuditLine<'a> {
    record: &'a MemberRecord,
    activity: Option<&'a LearningActivity>,
}

/// The lines of [`training_audit`] in order, each found as it is taken.
pub(crate) fn training_audit_lines(
    workspace: &OfficerWorkspace,
) -> impl Iterator<Item = AuditLine<'_>> + '_ {
    // Rows go by member's name, then course; members who share a name share a run of rows.
    let mut by_name: BTreeMap<NameKey, Vec<&HeldMember>> = BTreeMap::new();
    for held in workspace.members.values() {
        by_name
            .entry(NameKey::of(held.name()))
            .or_default()
            .push(held);
    }
    by_name.into_values().flat_map(|members| {
        // Each activity, or `None` for a member with none, which sorts as an empty title.
        let mut lines: Vec<AuditLine> = Vec::new();
        for held in members {
            let record = &held.file.record;
            let before = lines.len();
            lines.extend(record.activities().map(|a| AuditLine {
                record,
                activity: Some(a),
            }));
            if lines.len() == before {
                lines.push(AuditLine {
                    record,
                    activity: None,
                });
            }
        }
        lines.sort_by_cached_key(|line| borrowed_key(line.course()));
        lines
    })
}

impl<'a> AuditLine<'a> {
    pub(crate) fn member(self) -> &'a str {
        &self.record.profile.full_name
    }

    pub(crate) fn council(self) -> &'a str {
        &self.record.profile.council
    }

    pub(crate) fn ward(self) -> &'a str {
        &self.record.profile.ward
    }

    /// The course's title; empty for a member with no training.
    pub(crate) fn course(self) -> &'a str {
        self.activity.map_or("", |a| a.title.as_str())
    }

    pub(crate) fn provider(self) -> &'a str {
        self.activity.map_or("", |a| a.provider.as_str())
    }

    pub(crate) fn status(self) -> &'static str {
        match self.activity.map(|a| a.status) {
            None => NOTHING_RECORDED,
            Some(ActivityStatus::Planned) => "Planned",
            Some(ActivityStatus::InProgress) => "In progress",
            Some(ActivityStatus::Completed) => "Completed",
        }
    }

    pub(crate) fn completed(self) -> Option<NaiveDate> {
        self.activity.and_then(LearningActivity::completion)
    }

    /// The activity's minutes; 0 when not given.
    pub(crate) fn minutes(self) -> u32 {
        self.activity.map_or(0, |a| a.minutes)
    }

    /// The hours as the page and the CSV show them: empty when not given.
    fn hours(self) -> String {
        match self.minutes() {
            0 => String::new(),
            minutes => format_hours(minutes),
        }
    }

    pub(crate) fn evidence(self) -> &'a str {
        self.activity.map_or("", |a| a.evidence.as_str())
    }

    /// The line as the page's row.
    fn row(self) -> AuditRow {
        let completed = self.completed();
        AuditRow {
            member_id: self.record.member_id,
            member: self.member().to_owned(),
            council: self.council().to_owned(),
            ward: self.ward().to_owned(),
            course: self.course().to_owned(),
            provider: self.provider().to_owned(),
            status: self.status(),
            completed_on: completed.map(long_date).unwrap_or_default(),
            completed,
            hours: self.hours(),
            minutes: self.minutes(),
            evidence: self.evidence().to_owned(),
        }
    }

    /// The line as its CSV line's cells, under [`training_audit_header`], borrowing all
    /// but the day and the hours from the workspace.
    pub(crate) fn csv_cells(self) -> Vec<Cow<'a, str>> {
        vec![
            Cow::Borrowed(self.member()),
            Cow::Borrowed(self.council()),
            Cow::Borrowed(self.ward()),
            Cow::Borrowed(self.course()),
            Cow::Borrowed(self.provider()),
            Cow::Borrowed(self.status()),
            Cow::Owned(shown_iso(self.completed())),
            Cow::Owned(self.hours()),
            Cow::Borrowed(self.evidence()),
        ]
    }
}

/// How many rows [`training_audit`] has: each member's activities, or one line.
pub fn training_audit_len(workspace: &OfficerWorkspace) -> usize {
    workspace
        .members
        .values()
        .map(|held| held.file.record.activities().count().max(1))
        .sum()
}

/// The training audit as CSV for Excel, dates as `2026-10-14`.
pub fn training_audit_csv(workspace: &OfficerWorkspace) -> Csv {
    Csv {
        header: training_audit_header(),
        rows: training_audit_lines(workspace)
            .map(|line| line.csv_cells().into_iter().map(Cow::into_owned).collect())
            .collect(),
    }
}

/// The training audit's CSV header.
pub(crate) fn training_audit_header() -> Vec<String> {
    [
        "Member",
        "Council",
        "Ward or division",
        "Course",
        "Provider",
        "Status",
        "Completed on",
        "Hours",
        "Evidence",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// One line of mandatory compliance: a member who is overdue or due soon for a course.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComplianceRow {
    pub role: String,
    pub member_id: Uuid,
    pub member: String,
    pub course: String,
    /// "Overdue", "Not done", "In progress", "Planned" or "Due soon".
    pub status: &'static str,
    /// The date it was or is due (for a course for newly elected members, the end of its
    /// window), or the date it is planned for; `None` when there is none.
    pub due_on: Option<NaiveDate>,
}

/// Who is overdue, has never done, or is due within 90 days of each course mandatory for
/// their roles, grouped by role (a member with two roles appears under each).
pub fn compliance(
    workspace: &OfficerWorkspace,
    catalogue: &[Course],
    roles: &[Role],
    today: NaiveDate,
) -> Vec<ComplianceRow> {
    let mut rows = Vec::new();
    for held in workspace.members.values() {
        let record = &held.file.record;
        for item in training_due(catalogue, &record.profile, &record.learning, today) {
            let (status, due_on) = match item.status {
                DueStatus::Overdue { due_on } => ("Overdue", Some(due_on)),
                DueStatus::Outstanding { by } => ("Not done", by),
                DueStatus::InProgress => ("In progress", None),
                DueStatus::Planned { on } => ("Planned", on),
                DueStatus::DueSoon { due_on } => ("Due soon", Some(due_on)),
            };
            for role in roles_requiring(&item.course, record, roles) {
                rows.push(ComplianceRow {
                    role,
                    member_id: record.member_id,
                    member: record.profile.full_name.clone(),
                    course: item.course.title.clone(),
                    status,
                    due_on,
                });
            }
        }
    }
    rows.sort_by_cached_key(|r| {
        (
            NameKey::of(&r.role),
            NameKey::of(&r.member),
            NameKey::of(&r.course),
        )
    });
    rows
}

/// The names of the member's roles `course` is mandatory for ("All members" for a course
/// every member must do), each a line of the compliance report.
fn roles_requiring(course: &Course, record: &MemberRecord, roles: &[Role]) -> Vec<String> {
    match &course.mandatory_for {
        MandatoryFor::AllMembers => vec!["All members".to_owned()],
        MandatoryFor::Roles(required) => required
            .intersection(&record.profile.roles)
            .map(|id| role_name(roles, id))
            .collect(),
        MandatoryFor::Nobody => Vec::new(),
    }
}

/// The statuses compliance rows use, most pressing first, for the summary's columns; a
/// status added later goes after these.
const STATUS_ORDER: [&str; 5] = ["Overdue", "Not done", "In progress", "Planned", "Due soon"];

/// For one mandatory course and one role: how many of the members it applies to are up to
/// date, and how many are in each other state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComplianceSummaryLine {
    pub course: String,
    /// The role's name, or "All members".
    pub role: String,
    /// Members the course applies to under the role: up to date, or with a row.
    pub members: usize,
    /// Members who have done it and are not due again soon.
    pub up_to_date: usize,
    /// Members in each of [`ComplianceSummary::statuses`], in that order.
    pub counts: Vec<usize>,
}

/// The summary the compliance report opens with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComplianceSummary {
    /// The statuses the compliance rows use ("Overdue", "Not done", "Due soon"...), most
    /// pressing first: the summary's columns after "Up to date".
    pub statuses: Vec<&'static str>,
    /// By course, then role.
    pub lines: Vec<ComplianceSummaryLine>,
}

/// Sums up `rows` (from [`compliance`], for the same workspace and catalogue) for each
/// mandatory course and role. A member with a row for the course under the role counts
/// under the row's status, so the summary says what the rows say, whatever decides them. A
/// member with no row who has completed the course is up to date; one with no row who has
/// never completed it is someone the course does not apply to (say, a member elected long
/// ago, for an induction), and is not counted. A course and role nobody is counted under
/// is left out.
pub fn compliance_summary(
    workspace: &OfficerWorkspace,
    catalogue: &[Course],
    roles: &[Role],
    rows: &[ComplianceRow],
) -> ComplianceSummary {
    let mut statuses: Vec<&'static str> = rows.iter().map(|r| r.status).collect();
    statuses.sort_by_key(|s| {
        (
            STATUS_ORDER
                .iter()
                .position(|o| o == s)
                .unwrap_or(usize::MAX),
            *s,
        )
    });
    statuses.dedup();

    // (course, role) -> member -> the column they count in: 0 up to date, then 1 + status.
    let mut counted: BTreeMap<(&str, String), BTreeMap<Uuid, usize>> = BTreeMap::new();
    for row in rows {
        let column = 1 + statuses.iter().position(|s| *s == row.status).unwrap_or(0);
        let members = counted
            .entry((row.course.as_str(), row.role.clone()))
            .or_default();
        // A member with two rows for one course and role counts once, in the more pressing.
        let entry = members.entry(row.member_id).or_insert(column);
        *entry = (*entry).min(column);
    }
    for held in workspace.members.values() {
        let record = &held.file.record;
        for course in catalogue {
            // The roles first: most courses are required of nobody, and need no search.
            let requiring = roles_requiring(course, record, roles);
            if requiring.is_empty() || last_completed(course, &record.learning).is_none() {
                continue;
            }
            for role in requiring {
                counted
                    .entry((course.title.as_str(), role))
                    .or_default()
                    .entry(record.member_id)
                    .or_insert(0);
            }
        }
    }

    let mut lines: Vec<ComplianceSummaryLine> = counted
        .into_iter()
        .map(|((course, role), members)| {
            let mut columns = vec![0; statuses.len() + 1];
            for column in members.values() {
                columns[*column] += 1;
            }
            ComplianceSummaryLine {
                course: course.to_owned(),
                role,
                members: members.len(),
                up_to_date: columns[0],
                counts: columns[1..].to_vec(),
            }
        })
        .collect();
    lines.sort_by_cached_key(|l| (NameKey::of(&l.course), NameKey::of(&l.role)));
    ComplianceSummary { statuses, lines }
}

/// The compliance summary as CSV: Course, Role, Members, Up to date, then a column for
/// each status.
pub fn compliance_summary_csv(summary: &ComplianceSummary) -> Csv {
    let mut header = vec!["Course".to_owned(), "Role".to_owned(), "Members".to_owned()];
    header.push("Up to date".to_owned());
    header.extend(summary.statuses.iter().map(|s| (*s).to_owned()));
    Csv {
        header,
        rows: summary
            .lines
            .iter()
            .map(|l| {
                let mut row = vec![
                    l.course.clone(),
                    l.role.clone(),
                    l.members.to_string(),
                    l.up_to_date.to_string(),
                ];
                row.extend(l.counts.iter().map(usize::to_string));
                row
            })
            .collect(),
    }
}

/// The compliance report as CSV, dates as `2026-11-01`.
pub fn compliance_csv(rows: &[ComplianceRow]) -> Csv {
    table_csv(
        &["Role", "Member", "Course", "Status", "Due on"],
        rows.iter().map(|r| {
            vec![
                r.role.clone(),
                r.member.clone(),
                r.course.clone(),
                r.status.to_owned(),
                shown_iso(r.due_on),
            ]
        }),
    )
}

/// What members thought of one course.
#[derive(Clone, Debug, PartialEq)]
pub struct EvaluationRow {
    pub course: String,
    pub responses: usize,
    pub average_rating: f64,
    pub average_usefulness: f64,
    /// Share who would recommend it, 0 to 100.
    pub recommend_percent: f64,
    pub comments: Vec<String>,
}

/// Average ratings, number of responses and comments per course, most responses first.
pub fn course_evaluation(workspace: &OfficerWorkspace) -> Vec<EvaluationRow> {
    let mut by_course: BTreeMap<String, Vec<(&Evaluation, String)>> = BTreeMap::new();
    for held in workspace.members.values() {
        for activity in held.file.record.activities() {
            if let Some(evaluation) = &activity.evaluation {
                by_course
                    .entry(activity.title.clone())
                    .or_default()
                    .push((evaluation, held.name().to_owned()));
            }
        }
    }
    let mut rows: Vec<EvaluationRow> = by_course
        .into_iter()
        .map(|(course, evaluations)| {
            let n = evaluations.len() as f64;
            let mean = |f: fn(&Evaluation) -> u8| {
                evaluations
                    .iter()
                    .map(|(e, _)| f64::from(f(e)))
                    .sum::<f64>()
                    / n
            };
            EvaluationRow {
                responses: evaluations.len(),
                average_rating: mean(|e| e.rating),
                average_usefulness: mean(|e| e.usefulness),
                recommend_percent: 100.0
                    * evaluations
                        .iter()
                        .filter(|(e, _)| e.would_recommend)
                        .count() as f64
                    / n,
                comments: evaluations
                    .iter()
                    .flat_map(|(e, _)| [e.do_differently.as_str(), e.comments.as_str()])
                    .filter(|c| !c.trim().is_empty())
                    .map(str::to_owned)
                    .collect(),
                course,
            }
        })
        .collect();
    rows.sort_by_cached_key(|r| (Reverse(r.responses), NameKey::of(&r.course)));
    rows
}

/// The course evaluation as CSV: one row per course, comments joined.
pub fn course_evaluation_csv(rows: &[EvaluationRow]) -> Csv {
    table_csv(
        &[
            "Course",
            "Responses",
            "Average rating (1-5)",
            "Average usefulness (1-5)",
            "Would recommend (%)",
            "Comments",
        ],
        rows.iter().map(|r| {
            vec![
                r.course.clone(),
                r.responses.to_string(),
                format!("{:.1}", r.average_rating),
                format!("{:.1}", r.average_usefulness),
                format!("{:.0}", r.recommend_percent),
                r.comments.join(" | "),
            ]
        }),
    )
}

/// Spend on one course in the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpendRow {
    pub course: String,
    pub cost_pence: u64,
    pub completed: usize,
    pub planned: usize,
}

/// Spend against the budget for a municipal year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spend {
    pub year: MunicipalYear,
    pub budget_pence: u64,
    pub rows: Vec<SpendRow>,
    pub completed_pence: u64,
    pub planned_pence: u64,
}

impl Spend {
    /// What is left once completed and planned places are paid for; negative when over.
    pub fn remaining_pence(&self) -> i64 {
        self.budget_pence as i64 - (self.completed_pence + self.planned_pence) as i64
    }
}

/// The cost of places on paid courses in `year`: completed ones (by completion date) and
/// ones planned or in progress (by start date, or counted when no date is given); see
/// [`paid_place`].
pub fn spend(
    workspace: &OfficerWorkspace,
    catalogue: &[Course],
    budget_pence: u64,
    year: MunicipalYear,
) -> Spend {
    let mut rows: BTreeMap<String, SpendRow> = BTreeMap::new();
    for held in workspace.members.values() {
        for activity in held.file.record.activities() {
            let Some((course, place)) = paid_place(activity, catalogue, year) else {
                continue;
            };
            let row = rows
                .entry(course.title.clone())
                .or_insert_with(|| SpendRow {
                    course: course.title.clone(),
                    cost_pence: u64::from(course.cost_pence),
                    completed: 0,
                    planned: 0,
                });
            match place {
                Place::Completed => row.completed += 1,
                Place::Planned => row.planned += 1,
            }
        }
    }
    let rows: Vec<SpendRow> = rows.into_values().collect();
    Spend {
        year,
        budget_pence,
        completed_pence: rows.iter().map(|r| r.cost_pence * r.completed as u64).sum(),
        planned_pence: rows.iter().map(|r| r.cost_pence * r.planned as u64).sum(),
        rows,
    }
}

/// One member's spend on paid courses in a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberSpendRow {
    pub member_id: Uuid,
    pub member: String,
    pub ward: String,
    pub completed_pence: u64,
    pub planned_pence: u64,
}

impl MemberSpendRow {
    /// What is left of `allowance_pence` once completed and planned places are paid for;
    /// negative when over.
    pub fn left_pence(&self, allowance_pence: u64) -> i64 {
        allowance_pence as i64 - (self.completed_pence + self.planned_pence) as i64
    }
}

/// Every member's spend in a year, against the yearly allowance per member when the pack
/// sets one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberSpend {
    pub year: MunicipalYear,
    pub allowance_pence: Option<u64>,
    /// Every member held, by name; one with no paid places has a row of noughts.
    pub rows: Vec<MemberSpendRow>,
}

impl MemberSpend {
    /// How many members have spent or committed more than the allowance.
    pub fn over_allowance(&self) -> usize {
        self.allowance_pence.map_or(0, |a| {
            self.rows.iter().filter(|r| r.left_pence(a) < 0).count()
        })
    }

    /// What the lines add up to, in a sentence: "Against the allowance of £120.00 a member
    /// for 2026/27: 1 member is over it."
    pub fn sentence(&self) -> String {
        match self.allowance_pence {
            Some(allowance) => format!(
                "Against the allowance of {} a member for {}: {} over it.",
                pounds(allowance),
                self.year.label(),
                match self.over_allowance() {
                    0 => "no member is".to_owned(),
                    1 => "1 member is".to_owned(),
                    n => format!("{n} members are"),
                },
            ),
            None => "The council pack sets no yearly allowance per member; each member's spend is shown without one.".to_owned(),
        }
    }

    /// The lines' headings: Member, Ward or division, Spent, Planned, then, with an
    /// allowance, Allowance and Left.
    pub fn headings(&self) -> Vec<&'static str> {
        let mut headings = vec!["Member", "Ward or division", "Spent", "Planned"];
        if self.allowance_pence.is_some() {
            headings.extend(["Allowance", "Left"]);
        }
        headings
    }

    /// Each member's line as the page and the CSV write it, in pounds; what is left is
    /// `£15.00 over` when over (not "-£15.00", which a spreadsheet would take for a
    /// formula).
    pub fn lines(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| {
                let mut line = vec![
                    r.member.clone(),
                    r.ward.clone(),
                    pounds(r.completed_pence),
                    pounds(r.planned_pence),
                ];
                if let Some(allowance) = self.allowance_pence {
                    let left = r.left_pence(allowance);
                    line.push(pounds(allowance));
                    line.push(if left < 0 {
                        format!("{} over", pounds(left.unsigned_abs()))
                    } else {
                        pounds(left.unsigned_abs())
                    });
                }
                line
            })
            .collect()
    }
}

/// Each member's actual (completed) and planned spend in `year`, counted as [`spend`]
/// counts it, so the members' lines add up to its totals.
pub fn spend_per_member(
    workspace: &OfficerWorkspace,
    catalogue: &[Course],
    allowance_pence: Option<u64>,
    year: MunicipalYear,
) -> MemberSpend {
    let mut rows: Vec<MemberSpendRow> = workspace
        .members
        .values()
        .map(|held| {
            let record = &held.file.record;
            let mut row = MemberSpendRow {
                member_id: record.member_id,
                member: record.profile.full_name.clone(),
                ward: record.profile.ward.clone(),
                completed_pence: 0,
                planned_pence: 0,
            };
            for activity in record.activities() {
                match paid_place(activity, catalogue, year) {
                    Some((course, Place::Completed)) => {
                        row.completed_pence += u64::from(course.cost_pence)
                    }
                    Some((course, Place::Planned)) => {
                        row.planned_pence += u64::from(course.cost_pence)
                    }
                    None => {}
                }
            }
            row
        })
        .collect();
    rows.sort_by_cached_key(|r| (NameKey::of(&r.member), NameKey::of(&r.ward)));
    MemberSpend {
        year,
        allowance_pence,
        rows,
    }
}

/// Spend per member as CSV: the rows of [`MemberSpend::lines`].
pub fn spend_per_member_csv(spend: &MemberSpend) -> Csv {
    table_csv(&spend.headings(), spend.lines().into_iter())
}

/// Spend as CSV. The first column says what each line is: a `Course` line for each
/// course, then a `Total` line (places and money committed), a `Budget` line and a `Left`
/// (or `Over budget`) line, so a reader can take the courses, the total and the budget
/// apart without guessing from where a line sits.
pub fn spend_csv(spend: &Spend) -> Csv {
    let line =
        |kind: &str, what: String, cost: String, done: String, planned: String, amount: u64| {
            vec![kind.to_owned(), what, cost, done, planned, pounds(amount)]
        };
    let mut rows: Vec<Vec<String>> = spend
        .rows
        .iter()
        .map(|r| {
            line(
                "Course",
                r.course.clone(),
                pounds(r.cost_pence),
                r.completed.to_string(),
                r.planned.to_string(),
                r.cost_pence * (r.completed + r.planned) as u64,
            )
        })
        .collect();
    let places =
        |count: fn(&SpendRow) -> usize| spend.rows.iter().map(count).sum::<usize>().to_string();
    rows.push(line(
        "Total",
        "Places completed and planned".to_owned(),
        String::new(),
        places(|r| r.completed),
        places(|r| r.planned),
        spend.completed_pence + spend.planned_pence,
    ));
    // A line with only an amount: the budget, and what is left of it.
    let foot = |kind: &str, what: String, amount: u64| {
        line(
            kind,
            what,
            String::new(),
            String::new(),
            String::new(),
            amount,
        )
    };
    rows.push(foot(
        "Budget",
        format!("Training budget {}", spend.year.label()),
        spend.budget_pence,
    ));
    let left = spend.remaining_pence();
    rows.push(foot(
        if left < 0 { "Over budget" } else { "Left" },
        "Budget less places completed and planned".to_owned(),
        left.unsigned_abs(),
    ));
    table_csv(
        &[
            "Line",
            "Course",
            "Cost per place",
            "Places completed",
            "Places planned",
            "Amount",
        ],
        rows.into_iter(),
    )
}

/// One member's completed learning: in the municipal year, and in all their record holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursRow {
    pub member_id: Uuid,
    pub member: String,
    pub ward: String,
    /// Activities completed in the year.
    pub completed: usize,
    /// Minutes of learning completed in the year.
    pub minutes_in_year: u64,
    /// Of the activities completed in the year, how many were given no hours: their time
    /// is not in the figures, so the officer can ask.
    pub without_hours: usize,
    /// Minutes of learning completed, in any year.
    pub minutes_in_all: u64,
}

/// Hours of completed learning for every member held, for a municipal year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursPerMember {
    pub year: MunicipalYear,
    /// One row for each member held, by name.
    pub rows: Vec<HoursRow>,
    /// The rows' activities completed in the year, added up.
    pub total_completed: usize,
    /// The rows' minutes in the year, added up.
    pub total_in_year: u64,
    /// The rows' activities with no hours given, added up.
    pub total_without_hours: usize,
    /// The rows' minutes in all, added up.
    pub total_in_all: u64,
}

impl HoursPerMember {
    /// How many members the rows are for: "1 member", "51 members".
    pub fn members_text(&self) -> String {
        match self.rows.len() {
            1 => "1 member".to_owned(),
            n => format!("{n} members"),
        }
    }
}

/// Every member's hours of completed learning (deleted activities left out): in `year`, by
/// the day each was completed, and in all. A member with none has a row of noughts.
pub fn hours_per_member(workspace: &OfficerWorkspace, year: MunicipalYear) -> HoursPerMember {
    let mut rows: Vec<HoursRow> = workspace
        .members
        .values()
        .map(|held| {
            let record = &held.file.record;
            let mut row = HoursRow {
                member_id: record.member_id,
                member: record.profile.full_name.clone(),
                ward: record.profile.ward.clone(),
                completed: 0,
                minutes_in_year: 0,
                without_hours: 0,
                minutes_in_all: 0,
            };
            for activity in record.activities() {
                let Some(done) = activity.completion() else {
                    continue;
                };
                let minutes = u64::from(activity.minutes);
                row.minutes_in_all += minutes;
                if year.contains(done) {
                    row.completed += 1;
                    row.minutes_in_year += minutes;
                    row.without_hours += usize::from(activity.hours_missing());
                }
            }
            row
        })
        .collect();
    rows.sort_by_cached_key(|r| NameKey::of(&r.member));
    HoursPerMember {
        year,
        total_completed: rows.iter().map(|r| r.completed).sum(),
        total_in_year: rows.iter().map(|r| r.minutes_in_year).sum(),
        total_without_hours: rows.iter().map(|r| r.without_hours).sum(),
        total_in_all: rows.iter().map(|r| r.minutes_in_all).sum(),
        rows,
    }
}

/// Minutes as hours, as [`format_hours`] writes them (`1.5`, `0.33`, `12`), for totals of
/// any size: whole hours, then the part of an hour the remaining minutes make.
pub fn hours_text(minutes: u64) -> String {
    let part = format_hours((minutes % 60) as u32);
    // Under an hour, `format_hours` gives "0" or "0." and at most two figures.
    let fraction = part.strip_prefix('0').unwrap_or(&part);
    format!("{}{fraction}", minutes / 60)
}

/// Hours per member as CSV: a row for each member, then a `Total` row with every
/// column added up.
pub fn hours_per_member_csv(hours: &HoursPerMember) -> Csv {
    let label = hours.year.label();
    let header = [
        "Member".to_owned(),
        "Ward or division".to_owned(),
        format!("Activities completed {label}"),
        format!("Hours {label}"),
        format!("Completed {label} with no hours given"),
        "Hours in all".to_owned(),
    ];
    let mut rows: Vec<Vec<String>> = hours
        .rows
        .iter()
        .map(|r| {
            vec![
                r.member.clone(),
                r.ward.clone(),
                r.completed.to_string(),
                hours_text(r.minutes_in_year),
                r.without_hours.to_string(),
                hours_text(r.minutes_in_all),
            ]
        })
        .collect();
    rows.push(vec![
        "Total".to_owned(),
        hours.members_text(),
        hours.total_completed.to_string(),
        hours_text(hours.total_in_year),
        hours.total_without_hours.to_string(),
        hours_text(hours.total_in_all),
    ]);
    Csv {
        header: header.into(),
        rows,
    }
}

/// How recent a member's file is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngagementRow {
    pub member: String,
    /// The day the member's latest file was exported; `None` when no file has come.
    pub latest_file: Option<NaiveDate>,
    pub status: &'static str,
}

/// Every expected member (the officer's roster) and every member held: who has not sent
/// a file, and how old each file is. Names are matched ignoring case and spacing.
pub fn engagement(
    workspace: &OfficerWorkspace,
    roster: &[String],
    today: NaiveDate,
) -> Vec<EngagementRow> {
    let norm = same_name_key;
    let mut rows: Vec<EngagementRow> = workspace
        .members
        .values()
        .map(|held| {
            let exported = held.latest_export().date_naive();
            let age = (today - exported).num_days();
            EngagementRow {
                member: held.name().to_owned(),
                latest_file: Some(exported),
                status: if age <= 90 {
                    "Up to date"
                } else if age <= 365 {
                    "Over 3 months old"
                } else {
                    "Over a year old"
                },
            }
        })
        .collect();
    let held: Vec<String> = rows.iter().map(|r| norm(&r.member)).collect();
    for name in roster.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if !held.contains(&norm(name)) {
            rows.push(EngagementRow {
                member: name.to_owned(),
                latest_file: None,
                status: "No file",
            });
        }
    }
    let rank = |s: &str| match s {
        "No file" => 0,
        "Over a year old" => 1,
        "Over 3 months old" => 2,
        _ => 3,
    };
    rows.sort_by_cached_key(|r| (rank(r.status), NameKey::of(&r.member)));
    rows.dedup_by(|a, b| a.member == b.member && a.status == b.status);
    rows
}

/// Engagement as CSV, dates as `2026-11-01`.
pub fn engagement_csv(rows: &[EngagementRow]) -> Csv {
    table_csv(
        &["Member", "Latest file", "Status"],
        rows.iter().map(|r| {
            vec![
                r.member.clone(),
                shown_iso(r.latest_file),
                r.status.to_owned(),
            ]
        }),
    )
}

/// A date as a CSV gives it: ISO 8601 (`2026-11-01`), which a spreadsheet in any
/// country reads as the same day, where `01/11/2026` is 11 January to one set to US order.
/// Empty for no date.
fn shown_iso(date: Option<NaiveDate>) -> String {
    date.map(iso_date).unwrap_or_default()
}

fn table_csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Csv {
    Csv {
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        rows: rows.collect(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Totals of any size are written as `format_hours` writes the minutes it can take.
        #[test]
        fn hours_of_any_total_read_as_format_hours_would(minutes in any::<u32>()) {
            prop_assert_eq!(hours_text(u64::from(minutes)), format_hours(minutes));
        }
    }

    #[test]
    fn totals_past_what_one_activity_holds_are_still_hours() {
        assert_eq!(hours_text(0), "0");
        assert_eq!(hours_text(90), "1.5");
        assert_eq!(hours_text(u64::from(u32::MAX) + 30), "71582788.75");
    }
}
