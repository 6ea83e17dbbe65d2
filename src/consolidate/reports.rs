//! The officer's reports, each a table that also downloads as CSV.

use crate::model::ActivityStatus;
use crate::model::dates::short_date;
use crate::model::learning::format_hours;

use super::csv::{Csv, to_csv};
use super::workspace::OfficerWorkspace;

/// One line of the training audit: who has received what, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    pub member: String,
    pub council: String,
    pub ward: String,
    pub course: String,
    pub provider: String,
    pub status: &'static str,
    pub completed_on: String,
    pub hours: String,
    pub evidence: String,
}

/// Every member's activities, by member then course title; deleted ones left out.
pub fn training_audit(workspace: &OfficerWorkspace) -> Vec<AuditRow> {
    let mut rows: Vec<AuditRow> = workspace
        .members
        .values()
        .flat_map(|held| {
            let profile = &held.file.record.profile;
            held.file.record.activities().map(move |a| AuditRow {
                member: profile.full_name.clone(),
                council: profile.council.clone(),
                ward: profile.ward.clone(),
                course: a.title.clone(),
                provider: a.provider.clone(),
                status: match a.status {
                    ActivityStatus::Planned => "Planned",
                    ActivityStatus::InProgress => "In progress",
                    ActivityStatus::Completed => "Completed",
                },
                completed_on: a.completion().map(short_date).unwrap_or_default(),
                hours: if a.minutes == 0 {
                    String::new()
                } else {
                    format_hours(a.minutes)
                },
                evidence: a.evidence.clone(),
            })
        })
        .collect();
    rows.sort_by(|a, b| (&a.member, &a.course).cmp(&(&b.member, &b.course)));
    rows
}

/// The training audit as CSV for Excel.
pub fn training_audit_csv(workspace: &OfficerWorkspace) -> String {
    let header = [
        "Member",
        "Council",
        "Ward or division",
        "Course",
        "Provider",
        "Status",
        "Completed on",
        "Hours",
        "Evidence",
    ];
    to_csv(&Csv {
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        rows: training_audit(workspace)
            .into_iter()
            .map(|r| {
                vec![
                    r.member,
                    r.council,
                    r.ward,
                    r.course,
                    r.provider,
                    r.status.to_owned(),
                    r.completed_on,
                    r.hours,
                    r.evidence,
                ]
            })
            .collect(),
    })
}
