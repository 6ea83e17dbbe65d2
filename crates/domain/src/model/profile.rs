//! Who the councillor is: name, council, ward, group, roles and when they were elected.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::roles::RoleId;

/// The longest name, council, ward or group a profile accepts. Generous for real names,
/// and small enough that a damaged or hostile file cannot smuggle megabytes through a field.
pub const MAX_PROFILE_TEXT: usize = super::text::SHORT_TEXT;

/// A councillor's profile.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Profile {
    pub full_name: String,
    pub council: String,
    /// The ward or electoral division the councillor represents.
    pub ward: String,
    /// Empty when the councillor would rather not say, or sits as an independent.
    pub political_group: String,
    pub roles: BTreeSet<RoleId>,
    pub date_elected: Option<NaiveDate>,
    /// When any field last changed; decides which copy wins when two copies are merged.
    pub updated_at: DateTime<Utc>,
}

/// A field of the profile that needs the councillor's attention before it can be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum ProfileProblem {
    #[error("Enter your full name")]
    FullNameMissing,
    #[error("Enter the name of your council")]
    CouncilMissing,
    #[error("Enter your ward or division")]
    WardMissing,
    #[error("Select at least one role")]
    NoRoles,
    #[error("Date elected must be today or in the past")]
    ElectedInFuture,
    #[error("Each answer must be 200 characters or fewer")]
    TooLong,
}

impl ProfileProblem {
    /// The id of the form field the problem belongs to, so an error summary can link to it.
    pub fn field_id(self) -> &'static str {
        match self {
            Self::FullNameMissing | Self::TooLong => "full-name",
            Self::CouncilMissing => "council",
            Self::WardMissing => "ward",
            Self::NoRoles => "roles",
            Self::ElectedInFuture => "date-elected",
        }
    }
}

impl Profile {
    /// An empty profile, as on a councillor's first visit.
    pub fn empty(now: DateTime<Utc>) -> Self {
        Self {
            full_name: String::new(),
            council: String::new(),
            ward: String::new(),
            political_group: String::new(),
            roles: BTreeSet::new(),
            date_elected: None,
            updated_at: now,
        }
    }

    /// Everything that stops the profile being complete, in the order the form shows them.
    pub fn problems(&self, today: NaiveDate) -> Vec<ProfileProblem> {
        let mut problems = Vec::new();
        if self.full_name.trim().is_empty() {
            problems.push(ProfileProblem::FullNameMissing);
        }
        if self.council.trim().is_empty() {
            problems.push(ProfileProblem::CouncilMissing);
        }
        if self.ward.trim().is_empty() {
            problems.push(ProfileProblem::WardMissing);
        }
        if self.roles.is_empty() {
            problems.push(ProfileProblem::NoRoles);
        }
        if self.date_elected.is_some_and(|date| date > today) {
            problems.push(ProfileProblem::ElectedInFuture);
        }
        let texts = [
            &self.full_name,
            &self.council,
            &self.ward,
            &self.political_group,
        ];
        if texts.iter().any(|t| t.chars().count() > MAX_PROFILE_TEXT) {
            problems.push(ProfileProblem::TooLong);
        }
        problems
    }

    /// Whether the councillor was elected within the last year, when induction matters most.
    pub fn newly_elected(&self, today: NaiveDate) -> bool {
        self.date_elected.is_some_and(|elected| {
            elected <= today && today - elected <= chrono::Duration::days(365)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn complete() -> Profile {
        let mut profile = Profile::empty(Utc::now());
        profile.full_name = "Amrit Kaur".into();
        profile.council = "Sandwell Metropolitan Borough Council".into();
        profile.ward = "Tipton Green".into();
        profile.roles.insert("licensing-committee".into());
        profile.date_elected = Some(day(2026, 5, 7));
        profile
    }

    #[test]
    fn a_complete_profile_has_no_problems() {
        assert!(complete().problems(day(2026, 11, 23)).is_empty());
    }

    #[test]
    fn an_empty_profile_lists_each_missing_answer_in_form_order() {
        let problems = Profile::empty(Utc::now()).problems(day(2026, 11, 23));
        assert_eq!(
            problems,
            vec![
                ProfileProblem::FullNameMissing,
                ProfileProblem::CouncilMissing,
                ProfileProblem::WardMissing,
                ProfileProblem::NoRoles,
            ]
        );
    }

    #[test]
    fn blank_spaces_do_not_count_as_a_name() {
        let mut profile = complete();
        profile.full_name = "   ".into();
        assert_eq!(
            profile.problems(day(2026, 11, 23)),
            vec![ProfileProblem::FullNameMissing]
        );
    }

    #[test]
    fn political_group_and_date_elected_are_optional() {
        let mut profile = complete();
        profile.date_elected = None;
        profile.political_group.clear();
        assert!(profile.problems(day(2026, 11, 23)).is_empty());
    }

    #[test]
    fn a_date_elected_in_the_future_is_refused_but_today_is_fine() {
        let mut profile = complete();
        profile.date_elected = Some(day(2026, 11, 24));
        assert_eq!(
            profile.problems(day(2026, 11, 23)),
            vec![ProfileProblem::ElectedInFuture]
        );
        profile.date_elected = Some(day(2026, 11, 23));
        assert!(profile.problems(day(2026, 11, 23)).is_empty());
    }

    #[test]
    fn an_overlong_answer_is_refused() {
        let mut profile = complete();
        profile.ward = "x".repeat(MAX_PROFILE_TEXT + 1);
        assert_eq!(
            profile.problems(day(2026, 11, 23)),
            vec![ProfileProblem::TooLong]
        );
    }

    #[test]
    fn newly_elected_means_within_a_year_of_election() {
        let mut profile = complete();
        profile.date_elected = Some(day(2025, 11, 23));
        assert!(profile.newly_elected(day(2026, 11, 23)));
        assert!(!profile.newly_elected(day(2026, 11, 24)));
        profile.date_elected = None;
        assert!(!profile.newly_elected(day(2026, 11, 23)));
    }
}
