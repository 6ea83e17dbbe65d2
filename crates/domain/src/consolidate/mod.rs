//! The officer's side: bringing many members' exported files together, and reporting on
//! them. Plain Rust, tested natively; it reads files through `exchange` and merges through
//! `model::merge_records`, the same merge two tabs and a restore use.

mod charter;
mod committee;
mod councils;
mod csv;
mod import;
mod matrix;
mod member_view;
mod members_held;
mod names;
mod reports;
mod survey_reports;
mod tables;
mod workspace;

pub use charter::{
    CharterAction, CharterActions, CharterCriterion, CharterElement, CharterEvidence,
    ElementEvidence, NO_MEMBERS_HELD, charter_evidence, charter_evidence_csv,
    charter_evidence_table,
};
pub use committee::{
    BudgetSpend, CommitteeNotes, CommitteeReport, ComplianceByRole, LearningAskedFor,
    MembersTrained, NO_MEMBERS_TO_REPORT, PlansTakenUp, ProgrammeDelivered, RoleCompliance,
    SurveyChange, SurveyChanges, TakeUp, TakeUpLine, YearEvaluation, committee_report,
};
pub use councils::{
    COUNCIL_HEADING, Council, Councils, CsvPart, NO_COUNCIL, Part, ReportSetting, ReportsByCouncil,
    council_key,
};
pub use csv::{CSV_START, Csv, csv_row, file_stem, to_csv};
pub use import::{
    FileResult, ImportReport, ImportResults, ImportSummary, MemberImport, NOT_READ, NotSaved,
    OpenedFile, SAVE_EVERY, SaveBatch, StoredMember,
};
pub use matrix::{
    MatrixCell, MatrixCourse, MatrixFilter, MatrixRow, TrainingMatrix, training_matrix,
    training_matrix_csv,
};
pub use member_view::{
    AnsweredSurvey, MemberView, known_roles, member_view, shown_name, template_for,
};
pub use members_held::{FoundMembers, MemberRow, find_members, member_rows};
pub use names::NameKey;
pub use reports::{
    AuditRow, ComplianceRow, ComplianceSummary, ComplianceSummaryLine, EngagementRow,
    EvaluationRow, HoursPerMember, HoursRow, MemberSpend, MemberSpendRow, NOTHING_RECORDED, Spend,
    SpendRow, compliance, compliance_csv, compliance_summary, compliance_summary_csv,
    course_evaluation, course_evaluation_csv, engagement, engagement_csv, hours_per_member,
    hours_per_member_csv, hours_text, spend, spend_csv, spend_per_member, spend_per_member_csv,
    training_audit, training_audit_csv, training_audit_first, training_audit_len,
};
pub use survey_reports::{
    AccessNeed, Distribution, GroupMean, NO_DETAILS, NeedsRow, QuestionResult, SMALL_CELL,
    SurveyComparison, access_needs, access_needs_csv, latest_survey_results, needs_analysis,
    needs_analysis_csv, survey_results, survey_results_csv, survey_rounds,
};
pub use tables::{
    Cell, Column, ColumnKind, CouncilReports, CsvReport, PART_ROWS, SHEETS, Sheet, Table,
    WorkbookSource, csv_reports, report_csv, report_csvs, report_table, report_tables,
    reports_council, reports_title,
};
pub use workspace::{HeldFiles, HeldMember, ImportOutcome, OfficerWorkspace, read_held};
