//! One component per page; each composes the small components in `ui::components`.

pub(crate) mod activity;
mod backup;
mod evaluate;
mod home;
mod learning;
mod not_found;
mod officer;
mod officer_charter;
mod officer_committee;
pub(crate) mod officer_key;
pub(crate) mod officer_lock;
mod officer_matrix;
mod officer_member_record;
pub(crate) mod officer_members;
mod officer_reports;
mod officer_survey_report;
pub(crate) mod plan;
mod profile;
pub(crate) mod survey;
mod surveys;

pub use activity::{AddActivityPage, EditActivityPage, LogCoursePage};
pub use backup::BackupPage;
pub use evaluate::EvaluatePage;
pub use home::{HomePage, Summary, SummaryFetch};
pub use learning::LearningPage;
pub use not_found::NotFound;
pub use officer::OfficerPage;
pub use officer_charter::CharterEvidencePage;
pub use officer_committee::CommitteeReportPage;
pub use officer_lock::WorkspaceGate;
pub use officer_matrix::TrainingMatrixPage;
pub use officer_member_record::MemberRecordPage;
pub use officer_members::{
    HeldViews, HeldViewsFetch, OfficerMembersPage, held_members_list, training_audit_table,
};
pub use officer_reports::OfficerReportsPage;
pub use plan::PlanPage;
pub use profile::ProfilePage;
pub use survey::{ResponsePage, SurveyPage};
pub use surveys::SurveysPage;
