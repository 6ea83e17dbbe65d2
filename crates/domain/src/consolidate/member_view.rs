//! One member's record as the officer reads it: what the read-only page lists and in what
//! order, with the names the workspace's council pack gives things. Derived from what is
//! held each time it is shown; it changes nothing and is never stored or exported.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::model::due::{DueTraining, training_due};
use crate::model::learning::in_reading_order;
use crate::model::pack::{CouncilPack, all_roles, offered_courses};
use crate::model::plan::DevelopmentPlan;
use crate::model::roles::{Role, default_roles, role_name};
use crate::model::survey::{SurveyResponse, SurveyTemplate};
use crate::model::survey_templates::built_in_templates;
use crate::model::{LearningActivity, MemberRecord, Profile};

use super::workspace::HeldMember;

/// What the officer's page shows of one member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberView {
    pub member_id: Uuid,
    /// The name to show (see [`shown_name`]).
    pub name: String,
    pub profile: Profile,
    /// The profile's roles by their names, in the order the council lists its roles.
    pub role_names: Vec<String>,
    /// Every role name known here, to name the roles in the member's plans.
    pub roles: Vec<Role>,
    /// When the newest file held for the member was exported.
    pub exported_at: DateTime<Utc>,
    /// When the member last changed anything in the record.
    pub last_changed: DateTime<Utc>,
    /// Activities not deleted, in the order the member's own learning record lists them.
    pub activities: Vec<LearningActivity>,
    /// Mandatory training due by the workspace's catalogue, most urgent first.
    pub due: Vec<DueTraining>,
    /// Submitted survey responses, the most recently submitted first.
    pub surveys: Vec<AnsweredSurvey>,
    /// Surveys started but not submitted: the member has not finished them, so their
    /// answers are not shown.
    pub surveys_in_draft: usize,
    /// Development plans, the latest year first.
    pub plans: Vec<DevelopmentPlan>,
}

/// A submitted survey response and the survey it answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnsweredSurvey {
    pub response: SurveyResponse,
    /// The survey as the member answered it (see [`template_for`]); `None` when nothing
    /// here knows it, so its questions cannot be read.
    pub template: Option<SurveyTemplate>,
}

/// A member's name as a heading or link shows it: a record saved without one still needs
/// words to be read out and clicked.
pub fn shown_name(full_name: &str) -> String {
    let name = full_name.trim();
    if name.is_empty() {
        "A member with no name given".to_owned()
    } else {
        name.to_owned()
    }
}

/// The roles a member's record can be named with: the workspace's pack's (retired ones
/// too), then any more the member's own pack named, then the built-in ones.
pub fn known_roles(pack: Option<&CouncilPack>, record: &MemberRecord) -> Vec<Role> {
    let mut roles = all_roles(pack);
    let more = record
        .pack
        .as_ref()
        .map(|p| all_roles(Some(p)))
        .unwrap_or_default()
        .into_iter()
        .chain(default_roles());
    for role in more {
        if roles.iter().all(|r| r.id != role.id) {
            roles.push(role);
        }
    }
    roles
}

/// The survey a response answers: of those with its id, the one of the version it was
/// answered in if any has it, looked for in the workspace's pack, then the member's own
/// pack, then the built-in surveys; otherwise the first with its id.
pub fn template_for(
    response: &SurveyResponse,
    pack: Option<&CouncilPack>,
    record: &MemberRecord,
) -> Option<SurveyTemplate> {
    let from_pack = |p: Option<&CouncilPack>| {
        p.into_iter()
            .flat_map(|p| p.surveys.iter().map(|s| s.template.clone()))
            .collect::<Vec<_>>()
    };
    let candidates: Vec<SurveyTemplate> = from_pack(pack)
        .into_iter()
        .chain(from_pack(record.pack.as_ref()))
        .chain(built_in_templates())
        .filter(|t| t.id == response.template_id)
        .collect();
    let same_version = candidates
        .iter()
        .position(|t| t.version == response.template_version);
    candidates.into_iter().nth(same_version.unwrap_or(0))
}

/// One member's record as the officer's page shows it, named by the workspace's council
/// pack (`None` before the officer has one: the built-in catalogue and roles), with what
/// is due as of `today`.
pub fn member_view(held: &HeldMember, pack: Option<&CouncilPack>, today: NaiveDate) -> MemberView {
    let record = &held.file.record;
    let profile = &record.profile;
    let roles = known_roles(pack, record);
    let role_names = roles
        .iter()
        .filter(|r| profile.roles.contains(&r.id))
        .map(|r| r.name.clone())
        .chain(
            profile
                .roles
                .iter()
                .filter(|id| roles.iter().all(|r| &r.id != *id))
                .map(|id| role_name(&roles, id)),
        )
        .collect();
    let mut surveys: Vec<AnsweredSurvey> = record
        .surveys
        .iter()
        .filter(|r| r.is_submitted())
        .map(|response| AnsweredSurvey {
            template: template_for(response, pack, record),
            response: response.clone(),
        })
        .collect();
    surveys.sort_by(|a, b| {
        let (a, b) = (&a.response, &b.response);
        b.submitted_at
            .cmp(&a.submitted_at)
            .then(a.template_id.cmp(&b.template_id))
            .then(a.id.cmp(&b.id))
    });
    let mut plans = record.plans.clone();
    plans.sort_by_key(|p| std::cmp::Reverse(p.year));
    MemberView {
        member_id: held.file.member_id,
        name: shown_name(&profile.full_name),
        profile: profile.clone(),
        role_names,
        roles,
        exported_at: held.latest_export(),
        last_changed: record.last_changed(),
        activities: in_reading_order(record.activities().cloned().collect()),
        due: training_due(&offered_courses(pack), profile, &record.learning, today),
        surveys,
        surveys_in_draft: record.surveys.iter().filter(|r| !r.is_submitted()).count(),
        plans,
    }
}
