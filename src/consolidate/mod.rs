//! The officer's side: bringing many members' exported files together, and reporting on
//! them. Plain Rust, tested natively; it reads files through `exchange` and merges through
//! `model::merge_records`, the same merge two tabs and a restore use.

mod csv;
mod member_view;
mod names;
mod reports;
mod survey_reports;
mod workspace;

pub use csv::{Csv, to_csv};
pub use member_view::{
    AnsweredSurvey, MemberView, known_roles, member_view, shown_name, template_for,
};
pub use names::NameKey;
pub use reports::{
    AuditRow, ComplianceRow, EngagementRow, EvaluationRow, Spend, SpendRow, compliance,
    compliance_csv, course_evaluation, course_evaluation_csv, engagement, engagement_csv, spend,
    spend_csv, training_audit, training_audit_csv, training_audit_first, training_audit_len,
};
pub use survey_reports::{
    Distribution, GroupMean, NeedsRow, QuestionResult, SMALL_CELL, SurveyComparison,
    needs_analysis, needs_analysis_csv, survey_results, survey_results_csv,
};
pub use workspace::{HeldMember, ImportOutcome, OfficerWorkspace};
