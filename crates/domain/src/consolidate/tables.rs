//! Reports as typed tables, for a spreadsheet: each cell says what it is (text, a date, an
//! amount of money, a count, a number) so that a workbook writer can give it the right
//! type and format. The figures come from the same functions as the pages and the CSVs;
//! these only lay them out.

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::charter::{
    CharterActions, CharterEvidence, CharterReports, charter_evidence_csv, charter_evidence_from,
    charter_evidence_table,
};
use super::councils::{CsvPart, Part};
use super::csv::Csv;
use super::matrix::{
    MatrixCell, MatrixFilter, TrainingMatrix, training_matrix, training_matrix_csv,
};
use super::reports::{
    AuditLine, compliance_csv, compliance_summary_csv, course_evaluation_csv, engagement_csv,
    hours_per_member_csv, spend_csv, spend_per_member_csv, training_audit_csv,
    training_audit_header,
};
use super::reports::{
    ComplianceRow, ComplianceSummary, EngagementRow, EvaluationRow, HoursPerMember, MemberSpend,
    Spend, SpendRow, compliance, compliance_summary, course_evaluation, engagement,
    hours_per_member, spend, spend_per_member, training_audit_lines,
};
use super::survey_reports::{
    NeedsRow, SurveyComparison, access_needs, access_needs_csv, latest_survey_results,
    needs_analysis, needs_analysis_csv, survey_results_csv,
};
use super::workspace::OfficerWorkspace;
use crate::model::catalogue::Course;
use crate::model::dates::iso_date;
use crate::model::due::MunicipalYear;
use crate::model::pack::{CouncilPack, DEFAULT_BUDGET_PENCE, all_roles, offered_courses};
use crate::model::roles::Role;
use crate::model::survey::SurveyTemplate;
use crate::model::survey_templates::built_in_templates;

/// What a column holds, for its format and width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    Date,
    /// Whole pence, shown as £ currency.
    Money,
    /// A whole number of things.
    Count,
    /// A number with decimals (an average, hours).
    Decimal,
    /// A share, 0 to 100.
    Percent,
}

/// A column's heading and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub heading: String,
    pub kind: ColumnKind,
}

impl Column {
    pub fn new(heading: &str, kind: ColumnKind) -> Self {
        Self {
            heading: heading.to_owned(),
            kind,
        }
    }
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Blank,
    /// Text as typed: a spreadsheet must keep it as text, never run it as a formula.
    Text(String),
    Date(NaiveDate),
    /// Whole pence; negative when over a budget.
    Pence(i64),
    Count(u64),
    Decimal(f64),
    /// 0 to 100.
    Percent(f64),
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Self {
        Self::Text(value.into())
    }

    /// A date, or a blank when there is none.
    pub fn date(value: Option<NaiveDate>) -> Self {
        value.map_or(Self::Blank, Self::Date)
    }

    pub fn count(value: usize) -> Self {
        Self::Count(value as u64)
    }
}

/// A report as one sheet of a workbook.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The sheet's name: at most 31 characters, none of `[]:*?/\`.
    pub sheet: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// The sentence a sheet with no rows shows under its headings.
    pub when_empty: String,
}

/// What the workbook's sheets are drawn from: the workspace, and the pack's courses,
/// roles, budget and surveys (the built-in ones when there is no pack), as things stand on
/// `today`, for the municipal year `today` falls in.
#[derive(Clone, Copy)]
pub struct WorkbookSource<'a> {
    pub workspace: &'a OfficerWorkspace,
    pub pack: Option<&'a CouncilPack>,
    /// The members the officer expects files from, for the engagement sheet.
    pub roster: &'a [String],
    pub today: NaiveDate,
}

/// One council's reports, as sheets and as CSVs, drawn with the pack's courses on offer,
/// its roles, budget, allowance and surveys (the built-in ones when there is no pack), and
/// the municipal year `today` falls in. What a report is worked out from (the compliance
/// rows, the matrix, the spend, a survey's results, the Charter evidence) is worked out
/// once, when first asked for, and kept for the sheet and the CSV alike, from any thread.
pub struct CouncilReports<'a> {
    source: WorkbookSource<'a>,
    catalogue: Vec<Course>,
    roles: Vec<Role>,
    year: MunicipalYear,
    budget_pence: u64,
    allowance_pence: Option<u64>,
    templates: Vec<SurveyTemplate>,
    worked: Worked,
}

/// What [`CouncilReports`] has worked out so far.
#[derive(Default)]
struct Worked {
    compliance: OnceLock<(Vec<ComplianceRow>, ComplianceSummary)>,
    matrix: OnceLock<TrainingMatrix>,
    spend: OnceLock<Spend>,
    member_spend: OnceLock<MemberSpend>,
    charter: OnceLock<CharterEvidence>,
    evaluation: OnceLock<Vec<EvaluationRow>>,
    hours: OnceLock<HoursPerMember>,
    /// A template's latest results, by its place among the templates.
    surveys: Vec<OnceLock<Option<SurveyComparison>>>,
}

impl<'a> CouncilReports<'a> {
    pub fn of(source: &WorkbookSource<'a>) -> Self {
        let pack = source.pack;
        let templates: Vec<SurveyTemplate> = pack.map_or_else(built_in_templates, |p| {
            p.surveys.iter().map(|s| s.template.clone()).collect()
        });
        Self {
            source: *source,
            catalogue: offered_courses(pack),
            roles: all_roles(pack),
            year: MunicipalYear::containing(source.today),
            budget_pence: pack.map_or(DEFAULT_BUDGET_PENCE, |p| p.budget_pence),
            allowance_pence: pack.and_then(|p| p.allowance_pence),
            worked: Worked {
                surveys: templates.iter().map(|_| OnceLock::new()).collect(),
                ..Worked::default()
            },
            templates,
        }
    }

    /// Who is behind with mandatory training, and the summary of it.
    fn compliance(&self) -> &(Vec<ComplianceRow>, ComplianceSummary) {
        self.worked.compliance.get_or_init(|| {
            let workspace = self.source.workspace;
            let rows = compliance(workspace, &self.catalogue, &self.roles, self.source.today);
            let summary = compliance_summary(workspace, &self.catalogue, &self.roles, &rows);
            (rows, summary)
        })
    }

    fn matrix(&self) -> &TrainingMatrix {
        self.worked.matrix.get_or_init(|| {
            training_matrix(
                self.source.workspace,
                &self.catalogue,
                &MatrixFilter::default(),
                self.source.today,
            )
        })
    }

    fn spend(&self) -> &Spend {
        self.worked.spend.get_or_init(|| {
            spend(
                self.source.workspace,
                &self.catalogue,
                self.budget_pence,
                self.year,
            )
        })
    }

    fn member_spend(&self) -> &MemberSpend {
        self.worked.member_spend.get_or_init(|| {
            spend_per_member(
                self.source.workspace,
                &self.catalogue,
                self.allowance_pence,
                self.year,
            )
        })
    }

    fn charter(&self) -> &CharterEvidence {
        self.worked.charter.get_or_init(|| {
            let (compliance, compliance_summary) = self.compliance();
            let reports = CharterReports {
                spend: self.spend(),
                compliance,
                compliance_summary,
                evaluation: self.evaluation(),
                hours: self.hours(),
            };
            charter_evidence_from(
                self.source.workspace,
                self.source.pack,
                self.year,
                self.source.today,
                &reports,
            )
        })
    }

    fn evaluation(&self) -> &[EvaluationRow] {
        self.worked
            .evaluation
            .get_or_init(|| course_evaluation(self.source.workspace))
    }

    fn hours(&self) -> &HoursPerMember {
        self.worked
            .hours
            .get_or_init(|| hours_per_member(self.source.workspace, self.year))
    }

    /// The latest results of the `n`th template, if anyone has answered it.
    fn survey(&self, n: usize) -> Option<&SurveyComparison> {
        let template = self.templates.get(n)?;
        self.worked.surveys[n]
            .get_or_init(|| {
                latest_survey_results(self.source.workspace, template, self.source.pack)
            })
            .as_ref()
    }
}

/// One of the workbook's sheets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    TrainingAudit,
    TrainingMatrix,
    ComplianceSummary,
    Compliance,
    Needs,
    SurveyResults,
    CourseEvaluation,
    Spend,
    SpendPerMember,
    Hours,
    Engagement,
    CharterEvidence,
}

impl Sheet {
    /// Whether the sheet's columns depend on what the members' files hold, not only on
    /// the pack and the day: the compliance summary has a column for each status some
    /// member is in. Every other sheet has the columns of the same report of no members.
    pub fn columns_follow_members(self) -> bool {
        self == Self::ComplianceSummary
    }
}

/// Every sheet, in the order the officer's pages give them: training audit, training
/// matrix, compliance (summary, then the members to follow up), needs, survey results,
/// course evaluation, spend (by course, then by member), hours, engagement, and the
/// Charter evidence.
pub const SHEETS: [Sheet; 12] = [
    Sheet::TrainingAudit,
    Sheet::TrainingMatrix,
    Sheet::ComplianceSummary,
    Sheet::Compliance,
    Sheet::Needs,
    Sheet::SurveyResults,
    Sheet::CourseEvaluation,
    Sheet::Spend,
    Sheet::SpendPerMember,
    Sheet::Hours,
    Sheet::Engagement,
    Sheet::CharterEvidence,
];

/// One report as a sheet, the Charter evidence with the officer's `actions`. Each is made
/// on its own, so a writer can let one go before it makes the next.
pub fn report_table(source: &WorkbookSource, sheet: Sheet, actions: &CharterActions) -> Table {
    CouncilReports::of(source).table(sheet, actions)
}

impl CouncilReports<'_> {
    /// One report as a sheet ([`report_table`]).
    pub fn table(&self, sheet: Sheet, actions: &CharterActions) -> Table {
        let source = &self.source;
        let workspace = source.workspace;
        match sheet {
            Sheet::TrainingAudit => audit_table(workspace),
            Sheet::TrainingMatrix => matrix_table(self.matrix()),
            Sheet::ComplianceSummary => compliance_summary_table(&self.compliance().1),
            Sheet::Compliance => compliance_table(&self.compliance().0),
            Sheet::Needs => needs_table(&needs_analysis(workspace)),
            Sheet::SurveyResults => survey_table(
                (0..self.templates.len())
                    .filter_map(|n| self.survey(n).map(|results| (&self.templates[n], results))),
            ),
            Sheet::CourseEvaluation => evaluation_table(self.evaluation()),
            Sheet::Spend => spend_table(self.spend()),
            Sheet::SpendPerMember => member_spend_table(self.member_spend()),
            Sheet::Hours => hours_table(self.hours()),
            Sheet::Engagement => {
                engagement_table(&engagement(workspace, source.roster, source.today))
            }
            Sheet::CharterEvidence => charter_evidence_table(self.charter(), actions),
        }
    }
}

/// Every report as a sheet, in the order of [`SHEETS`].
pub fn report_tables(source: &WorkbookSource, actions: &CharterActions) -> Vec<Table> {
    let reports = CouncilReports::of(source);
    SHEETS
        .iter()
        .map(|sheet| reports.table(*sheet, actions))
        .collect()
}

/// How many rows of a long report are handed over at a time by
/// [`CouncilReports::table_parts`] and [`CouncilReports::csv_parts`].
pub const PART_ROWS: usize = 4_096;

/// `rows` handed to `take` [`PART_ROWS`] at a time; none when there are none.
fn in_parts<T>(rows: impl Iterator<Item = T>, take: &mut impl FnMut(Vec<T>)) {
    let mut rows = rows.peekable();
    while rows.peek().is_some() {
        take(rows.by_ref().take(PART_ROWS).collect());
    }
}

impl CouncilReports<'_> {
    /// [`Self::table`] handed to `take` a part at a time: its heading (a [`Table`] with
    /// no rows), its rows, then its end. The training audit, with a row for each activity,
    /// is made and handed over [`PART_ROWS`] rows at a time, so it is never held whole;
    /// every other report is short enough to be made whole and handed over in one part.
    pub fn table_parts(
        &self,
        sheet: Sheet,
        actions: &CharterActions,
        mut take: impl FnMut(Part<Table, Vec<Cell>>),
    ) {
        if sheet == Sheet::TrainingAudit {
            take(Part::Begin(audit_head()));
            in_parts(
                training_audit_lines(self.source.workspace).map(audit_cells),
                &mut |rows| take(Part::Rows(rows)),
            );
        } else {
            let mut table = self.table(sheet, actions);
            let rows = std::mem::take(&mut table.rows);
            take(Part::Begin(table));
            take(Part::Rows(rows));
        }
        take(Part::End);
    }
}

/// One of the reports downloaded as CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvReport {
    TrainingAudit,
    TrainingMatrix,
    ComplianceSummary,
    Compliance,
    Needs,
    /// The officer's confidential list of access and caring needs.
    AccessNeeds,
    /// The results of the run's survey of this place among its surveys (the pack's, or
    /// the built-in ones).
    Survey(usize),
    CourseEvaluation,
    Spend,
    SpendPerMember,
    Hours,
    Engagement,
    CharterEvidence,
}

impl CsvReport {
    /// Whether the report's columns depend on what the members' files hold, not only on
    /// the pack and the day: the compliance summary's statuses, and a survey's rounds.
    /// Every other report has the header of the same report of no members.
    pub fn columns_follow_members(self) -> bool {
        matches!(self, Self::ComplianceSummary | Self::Survey(_))
    }
}

/// Every report downloaded as CSV, in the order the officer's pages give them: the
/// sheets' reports, with the access and caring needs after the needs analysis and a file
/// for each survey in place of the survey results sheet.
pub fn csv_reports(pack: Option<&CouncilPack>) -> Vec<CsvReport> {
    let surveys = pack.map_or_else(|| built_in_templates().len(), |p| p.surveys.len());
    let mut reports = vec![
        CsvReport::TrainingAudit,
        CsvReport::TrainingMatrix,
        CsvReport::ComplianceSummary,
        CsvReport::Compliance,
        CsvReport::Needs,
        CsvReport::AccessNeeds,
    ];
    reports.extend((0..surveys).map(CsvReport::Survey));
    reports.extend([
        CsvReport::CourseEvaluation,
        CsvReport::Spend,
        CsvReport::SpendPerMember,
        CsvReport::Hours,
        CsvReport::Engagement,
        CsvReport::CharterEvidence,
    ]);
    reports
}

/// One report as the CSV its page downloads, with the name the page gives it (without
/// the day); `None` for a survey nobody has answered.
pub fn report_csv(
    source: &WorkbookSource,
    report: CsvReport,
    actions: &CharterActions,
) -> Option<(String, Csv)> {
    CouncilReports::of(source).csv(report, actions)
}

impl CouncilReports<'_> {
    /// One report as the CSV its page downloads ([`report_csv`]).
    pub fn csv(&self, report: CsvReport, actions: &CharterActions) -> Option<(String, Csv)> {
        let source = &self.source;
        let workspace = source.workspace;
        let named = |stem: &str, csv: Csv| Some((stem.to_owned(), csv));
        match report {
            CsvReport::TrainingAudit => named("training-audit", training_audit_csv(workspace)),
            CsvReport::TrainingMatrix => {
                named("training-matrix", training_matrix_csv(self.matrix()))
            }
            CsvReport::ComplianceSummary => named(
                "mandatory-compliance-summary",
                compliance_summary_csv(&self.compliance().1),
            ),
            CsvReport::Compliance => {
                named("mandatory-compliance", compliance_csv(&self.compliance().0))
            }
            CsvReport::Needs => named(
                "needs-analysis",
                needs_analysis_csv(&needs_analysis(workspace)),
            ),
            CsvReport::AccessNeeds => named(
                "access-and-caring-needs-confidential",
                access_needs_csv(&access_needs(workspace)),
            ),
            CsvReport::Survey(n) => {
                let results = self.survey(n)?;
                Some((results.file_stem(), survey_results_csv(results)))
            }
            CsvReport::CourseEvaluation => named(
                "course-evaluation",
                course_evaluation_csv(self.evaluation()),
            ),
            CsvReport::Spend => named("training-spend", spend_csv(self.spend())),
            CsvReport::SpendPerMember => named(
                "spend-per-member",
                spend_per_member_csv(self.member_spend()),
            ),
            CsvReport::Hours => named("hours-per-member", hours_per_member_csv(self.hours())),
            CsvReport::Engagement => named(
                "engagement",
                engagement_csv(&engagement(workspace, source.roster, source.today)),
            ),
            CsvReport::CharterEvidence => {
                let evidence = self.charter();
                Some((
                    evidence.file_stem(),
                    charter_evidence_csv(evidence, actions),
                ))
            }
        }
    }
}

impl<'a> CouncilReports<'a> {
    /// [`Self::csv`] handed to `take` a part at a time, as [`Self::table_parts`] hands a
    /// sheet: its name and header, its rows (the training audit's [`PART_ROWS`] at a
    /// time), its end; nothing for a survey nobody has answered.
    pub fn csv_parts(
        &self,
        report: CsvReport,
        actions: &CharterActions,
        mut take: impl FnMut(CsvPart<'a>),
    ) {
        if report == CsvReport::TrainingAudit {
            take(Part::Begin((
                "training-audit".to_owned(),
                training_audit_header(),
            )));
            in_parts(
                training_audit_lines(self.source.workspace).map(AuditLine::csv_cells),
                &mut |rows| take(Part::Rows(rows)),
            );
        } else {
            let Some((stem, csv)) = self.csv(report, actions) else {
                return;
            };
            take(Part::Begin((stem, csv.header)));
            take(Part::Rows(borrowing(csv.rows)));
        }
        take(Part::End);
    }
}

/// Rows of text as a [`CsvPart`]'s rows, which may also borrow their text.
pub(crate) fn borrowing<'a>(rows: Vec<Vec<String>>) -> Vec<Vec<Cow<'a, str>>> {
    rows.into_iter()
        .map(|row| row.into_iter().map(Cow::Owned).collect())
        .collect()
}

/// Every report as the CSV its page downloads ([`report_csv`]), in the order of
/// [`csv_reports`], leaving out the surveys nobody has answered.
pub fn report_csvs(source: &WorkbookSource, actions: &CharterActions) -> Vec<(String, Csv)> {
    let reports = CouncilReports::of(source);
    csv_reports(source.pack)
        .into_iter()
        .filter_map(|report| reports.csv(report, actions))
        .collect()
}

/// The council the officer's documents are for: the one the pack names, else the one
/// every member held names; `None` when neither says.
pub fn reports_council<'a>(
    workspace: &'a OfficerWorkspace,
    pack: Option<&'a CouncilPack>,
) -> Option<&'a str> {
    pack.map(|p| p.council.trim())
        .filter(|c| !c.is_empty())
        .or_else(|| workspace.council())
}

/// The title the reports go under, printed and in the workbook: "Wyre Council: member
/// development reports" ([`reports_council`]).
pub fn reports_title(workspace: &OfficerWorkspace, pack: Option<&CouncilPack>) -> String {
    match reports_council(workspace, pack) {
        Some(council) => format!("{council}: member development reports"),
        None => "Member development reports".to_owned(),
    }
}

fn columns(spec: &[(&str, ColumnKind)]) -> Vec<Column> {
    spec.iter()
        .map(|(heading, kind)| Column::new(heading, *kind))
        .collect()
}

/// Hours as a number of hours, for a Decimal cell: minutes / 60.
fn hours(minutes: u64) -> Cell {
    Cell::Decimal(minutes as f64 / 60.0)
}

const NO_MEMBERS: &str = "No members' files are held yet.";

fn audit_table(workspace: &OfficerWorkspace) -> Table {
    Table {
        rows: training_audit_lines(workspace).map(audit_cells).collect(),
        ..audit_head()
    }
}

/// The training audit sheet's name, columns and empty sentence, with no rows.
fn audit_head() -> Table {
    Table {
        sheet: "Training audit".to_owned(),
        columns: columns(&[
            ("Member", ColumnKind::Text),
            ("Council", ColumnKind::Text),
            ("Ward or division", ColumnKind::Text),
            ("Course", ColumnKind::Text),
            ("Provider", ColumnKind::Text),
            ("Status", ColumnKind::Text),
            ("Completed on", ColumnKind::Date),
            ("Hours", ColumnKind::Decimal),
            ("Evidence", ColumnKind::Text),
        ]),
        rows: Vec::new(),
        when_empty: NO_MEMBERS.to_owned(),
    }
}

fn audit_cells(line: AuditLine) -> Vec<Cell> {
    vec![
        Cell::text(line.member()),
        Cell::text(line.council()),
        Cell::text(line.ward()),
        Cell::text(line.course()),
        Cell::text(line.provider()),
        Cell::text(line.status()),
        Cell::date(line.completed()),
        match line.minutes() {
            0 => Cell::Blank,
            minutes => hours(u64::from(minutes)),
        },
        Cell::text(line.evidence()),
    ]
}

fn matrix_table(matrix: &TrainingMatrix) -> Table {
    let mut columns = columns(&[
        ("Member", ColumnKind::Text),
        ("Ward or division", ColumnKind::Text),
    ]);
    // Each course column holds dates, and the words due, overdue, planned, in progress.
    columns.extend(
        matrix
            .courses
            .iter()
            .map(|c| Column::new(&c.title, ColumnKind::Date)),
    );
    let rows = matrix
        .rows
        .iter()
        .map(|r| {
            [Cell::text(&r.member), Cell::text(&r.ward)]
                .into_iter()
                .chain(r.cells.iter().map(|cell| match cell {
                    MatrixCell::Completed(on) => Cell::Date(*on),
                    MatrixCell::Blank => Cell::Blank,
                    other => Cell::Text(other.text(iso_date)),
                }))
                .collect()
        })
        .collect();
    Table {
        sheet: "Training matrix".to_owned(),
        columns,
        rows,
        when_empty: NO_MEMBERS.to_owned(),
    }
}

fn compliance_summary_table(summary: &ComplianceSummary) -> Table {
    let mut columns = columns(&[
        ("Course", ColumnKind::Text),
        ("Role", ColumnKind::Text),
        ("Members", ColumnKind::Count),
        ("Up to date", ColumnKind::Count),
    ]);
    columns.extend(
        summary
            .statuses
            .iter()
            .map(|s| Column::new(s, ColumnKind::Count)),
    );
    let rows = summary
        .lines
        .iter()
        .map(|l| {
            [
                Cell::text(&l.course),
                Cell::text(&l.role),
                Cell::count(l.members),
                Cell::count(l.up_to_date),
            ]
            .into_iter()
            .chain(l.counts.iter().map(|n| Cell::count(*n)))
            .collect()
        })
        .collect();
    Table {
        sheet: "Compliance summary".to_owned(),
        columns,
        rows,
        when_empty: "No member has a course mandatory for their roles.".to_owned(),
    }
}

fn compliance_table(rows: &[ComplianceRow]) -> Table {
    Table {
        sheet: "Compliance".to_owned(),
        columns: columns(&[
            ("Role", ColumnKind::Text),
            ("Member", ColumnKind::Text),
            ("Course", ColumnKind::Text),
            ("Status", ColumnKind::Text),
            ("Due on", ColumnKind::Date),
        ]),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.role),
                    Cell::text(&r.member),
                    Cell::text(&r.course),
                    Cell::text(r.status),
                    Cell::date(r.due_on),
                ]
            })
            .collect(),
        when_empty: "Every member is up to date with the training mandatory for their roles."
            .to_owned(),
    }
}

fn needs_table(rows: &[NeedsRow]) -> Table {
    Table {
        sheet: "Needs".to_owned(),
        columns: columns(&[
            ("Topic or course", ColumnKind::Text),
            ("Members asking", ColumnKind::Count),
            ("Where from", ColumnKind::Text),
        ]),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.topic),
                    Cell::count(r.members),
                    Cell::text(&r.sources),
                ]
            })
            .collect(),
        when_empty: "No member has asked for any learning in a plan or a survey yet.".to_owned(),
    }
}

/// Every survey on offer with a submitted answer: its latest round against the one
/// before. Counts are numbers; a mean is a number, or the words a hidden group shows.
/// The latest results of each template anyone has answered, one after another.
fn survey_table<'t>(
    surveys: impl Iterator<Item = (&'t SurveyTemplate, &'t SurveyComparison)>,
) -> Table {
    let mean = |m: Option<f64>| m.map_or(Cell::Blank, Cell::Decimal);
    let mut rows = Vec::new();
    for (template, c) in surveys {
        let line = |text: &str, answer: String, before: Cell, after: Cell| {
            vec![
                Cell::text(&template.title),
                Cell::text(c.baseline_round.clone().unwrap_or_default()),
                Cell::text(&c.latest_round),
                Cell::text(text),
                Cell::Text(answer),
                before,
                after,
            ]
        };
        for q in &c.questions {
            let before = |label: &str| {
                q.baseline.as_ref().map_or(Cell::Blank, |d| {
                    Cell::count(d.counts.iter().find(|(l, _)| l == label).map_or(0, |c| c.1))
                })
            };
            for (label, after) in &q.latest.counts {
                rows.push(line(
                    &q.text,
                    label.clone(),
                    before(label),
                    Cell::count(*after),
                ));
            }
            rows.push(line(
                &q.text,
                "Respondents".to_owned(),
                q.baseline
                    .as_ref()
                    .map_or(Cell::Blank, |d| Cell::count(d.respondents)),
                Cell::count(q.latest.respondents),
            ));
            let before_mean = q.baseline.as_ref().and_then(|d| d.mean);
            if before_mean.is_some() || q.latest.mean.is_some() {
                rows.push(line(
                    &q.text,
                    "Mean".to_owned(),
                    mean(before_mean),
                    mean(q.latest.mean),
                ));
            }
        }
        for g in &c.by_group {
            let text = c
                .questions
                .iter()
                .find(|q| q.question_id == g.question_id)
                .map_or(g.question_id.as_str(), |q| q.text.as_str());
            let shown = if g.is_suppressed() {
                Cell::Text(g.shown_mean())
            } else {
                mean(g.mean)
            };
            rows.push(line(
                text,
                format!("Group mean: {}", g.group),
                Cell::Blank,
                shown,
            ));
        }
    }
    Table {
        sheet: "Survey results".to_owned(),
        columns: columns(&[
            ("Survey", ColumnKind::Text),
            ("Baseline round", ColumnKind::Text),
            ("Latest round", ColumnKind::Text),
            ("Question", ColumnKind::Text),
            ("Answer", ColumnKind::Text),
            ("Baseline", ColumnKind::Count),
            ("Latest", ColumnKind::Count),
        ]),
        rows,
        when_empty: "No member has submitted a survey yet.".to_owned(),
    }
}

fn evaluation_table(rows: &[EvaluationRow]) -> Table {
    Table {
        sheet: "Course evaluation".to_owned(),
        columns: columns(&[
            ("Course", ColumnKind::Text),
            ("Responses", ColumnKind::Count),
            ("Average rating (1-5)", ColumnKind::Decimal),
            ("Average usefulness (1-5)", ColumnKind::Decimal),
            ("Would recommend", ColumnKind::Percent),
            ("Comments", ColumnKind::Text),
        ]),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.course),
                    Cell::count(r.responses),
                    Cell::Decimal(r.average_rating),
                    Cell::Decimal(r.average_usefulness),
                    Cell::Percent(r.recommend_percent),
                    Cell::Text(r.comments.join(" | ")),
                ]
            })
            .collect(),
        when_empty: "No member has evaluated a course yet.".to_owned(),
    }
}

/// Spend as the CSV lays it out: a line per course, then the total, the budget and what is
/// left (or over), each line saying what it is.
fn spend_table(spend: &Spend) -> Table {
    let money = |pence: u64| Cell::Pence(pence as i64);
    let mut rows: Vec<Vec<Cell>> = spend
        .rows
        .iter()
        .map(|r| {
            vec![
                Cell::text("Course"),
                Cell::text(&r.course),
                money(r.cost_pence),
                Cell::count(r.completed),
                Cell::count(r.planned),
                money(r.cost_pence * (r.completed + r.planned) as u64),
            ]
        })
        .collect();
    let places = |count: fn(&SpendRow) -> usize| Cell::count(spend.rows.iter().map(count).sum());
    rows.push(vec![
        Cell::text("Total"),
        Cell::text("Places completed and planned"),
        Cell::Blank,
        places(|r| r.completed),
        places(|r| r.planned),
        money(spend.completed_pence + spend.planned_pence),
    ]);
    let foot = |kind: &str, what: String, amount: Cell| {
        vec![
            Cell::text(kind),
            Cell::Text(what),
            Cell::Blank,
            Cell::Blank,
            Cell::Blank,
            amount,
        ]
    };
    rows.push(foot(
        "Budget",
        format!("Training budget {}", spend.year.label()),
        money(spend.budget_pence),
    ));
    let left = spend.remaining_pence();
    rows.push(foot(
        if left < 0 { "Over budget" } else { "Left" },
        "Budget less places completed and planned".to_owned(),
        Cell::Pence(left),
    ));
    Table {
        sheet: "Spend".to_owned(),
        columns: columns(&[
            ("Line", ColumnKind::Text),
            ("Course", ColumnKind::Text),
            ("Cost per place", ColumnKind::Money),
            ("Places completed", ColumnKind::Count),
            ("Places planned", ColumnKind::Count),
            ("Amount", ColumnKind::Money),
        ]),
        rows,
        when_empty: String::new(),
    }
}

fn member_spend_table(spend: &MemberSpend) -> Table {
    let mut columns = columns(&[
        ("Member", ColumnKind::Text),
        ("Ward or division", ColumnKind::Text),
        ("Spent", ColumnKind::Money),
        ("Planned", ColumnKind::Money),
    ]);
    if spend.allowance_pence.is_some() {
        columns.push(Column::new("Allowance", ColumnKind::Money));
        columns.push(Column::new("Left", ColumnKind::Money));
    }
    let rows = spend
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                Cell::text(&r.member),
                Cell::text(&r.ward),
                Cell::Pence(r.completed_pence as i64),
                Cell::Pence(r.planned_pence as i64),
            ];
            if let Some(allowance) = spend.allowance_pence {
                row.push(Cell::Pence(allowance as i64));
                row.push(Cell::Pence(r.left_pence(allowance)));
            }
            row
        })
        .collect();
    Table {
        sheet: "Spend per member".to_owned(),
        columns,
        rows,
        when_empty: NO_MEMBERS.to_owned(),
    }
}

fn hours_table(hours_per_member: &HoursPerMember) -> Table {
    let label = hours_per_member.year.label();
    let mut rows: Vec<Vec<Cell>> = hours_per_member
        .rows
        .iter()
        .map(|r| {
            vec![
                Cell::text(&r.member),
                Cell::text(&r.ward),
                Cell::count(r.completed),
                hours(r.minutes_in_year),
                Cell::count(r.without_hours),
                hours(r.minutes_in_all),
            ]
        })
        .collect();
    if !rows.is_empty() {
        rows.push(vec![
            Cell::text("Total"),
            Cell::Text(hours_per_member.members_text()),
            Cell::count(hours_per_member.total_completed),
            hours(hours_per_member.total_in_year),
            Cell::count(hours_per_member.total_without_hours),
            hours(hours_per_member.total_in_all),
        ]);
    }
    Table {
        sheet: "Hours".to_owned(),
        columns: vec![
            Column::new("Member", ColumnKind::Text),
            Column::new("Ward or division", ColumnKind::Text),
            Column::new(&format!("Activities completed {label}"), ColumnKind::Count),
            Column::new(&format!("Hours {label}"), ColumnKind::Decimal),
            Column::new(
                &format!("Completed {label} with no hours given"),
                ColumnKind::Count,
            ),
            Column::new("Hours in all", ColumnKind::Decimal),
        ],
        rows,
        when_empty: NO_MEMBERS.to_owned(),
    }
}

fn engagement_table(rows: &[EngagementRow]) -> Table {
    Table {
        sheet: "Engagement".to_owned(),
        columns: columns(&[
            ("Member", ColumnKind::Text),
            ("Latest file", ColumnKind::Date),
            ("Status", ColumnKind::Text),
        ]),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.member),
                    Cell::date(r.latest_file),
                    Cell::text(r.status),
                ]
            })
            .collect(),
        when_empty: "No members' files are held, and no members are listed as expected.".to_owned(),
    }
}
