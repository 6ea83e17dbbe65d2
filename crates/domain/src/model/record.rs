//! The whole of one councillor's record: everything they export, back up and restore.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::learning::LearningActivity;
use super::pack::CouncilPack;
use super::plan::DevelopmentPlan;
use super::profile::Profile;
use super::survey::SurveyResponse;

/// One councillor's record. Every part of it travels together in an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRecord {
    /// Made on the councillor's first visit; identifies them across devices and files.
    pub member_id: Uuid,
    pub profile: Profile,
    /// When the councillor first finished setting up their profile; `None` while the
    /// first-run form is still being filled in.
    pub set_up_at: Option<DateTime<Utc>>,
    /// Training and e-learning, kept in order of id (deleted ones stay, marked, so that a
    /// deletion survives merging with an older copy).
    pub learning: Vec<LearningActivity>,
    /// Survey responses, drafts and submitted, in order of id.
    pub surveys: Vec<SurveyResponse>,
    /// Personal Development Plans, one per municipal year, in year order.
    pub plans: Vec<DevelopmentPlan>,
    /// The council pack last applied, whose roles, catalogue and surveys the member uses.
    pub pack: Option<CouncilPack>,
}

impl MemberRecord {
    /// Gives back the room its lists were read into beyond what they hold (a list read
    /// from a file grows by doubling): for a workspace that holds thousands of records.
    pub fn shrink_to_fit(&mut self) {
        self.learning.shrink_to_fit();
        self.surveys.shrink_to_fit();
        self.plans.shrink_to_fit();
        for plan in &mut self.plans {
            plan.needs.shrink_to_fit();
            plan.requested_courses.shrink_to_fit();
            plan.goals.shrink_to_fit();
        }
    }

    /// A new, empty record for a councillor using the app for the first time.
    pub fn new(member_id: Uuid, now: DateTime<Utc>) -> Self {
        Self {
            member_id,
            profile: Profile::empty(now),
            set_up_at: None,
            learning: Vec::new(),
            surveys: Vec::new(),
            plans: Vec::new(),
            pack: None,
        }
    }

    /// When anything in the record last changed: the latest of its parts' own times
    /// (a deletion counts as a change). What a person reads in place of a revision number.
    pub fn last_changed(&self) -> DateTime<Utc> {
        let parts = self
            .learning
            .iter()
            .flat_map(|a| [Some(a.updated_at), a.deleted_at])
            .flatten()
            .chain(self.surveys.iter().map(|s| s.updated_at))
            .chain(self.plans.iter().map(|p| p.updated_at))
            .chain(self.set_up_at);
        parts.fold(self.profile.updated_at, DateTime::max)
    }

    /// Whether the first-run set-up is done, so the app can show the whole record.
    pub fn is_set_up(&self) -> bool {
        self.set_up_at.is_some()
    }

    /// The activities that have not been deleted.
    pub fn activities(&self) -> impl Iterator<Item = &LearningActivity> {
        self.learning.iter().filter(|a| !a.is_deleted())
    }

    /// Finds an activity, deleted or not.
    pub fn activity(&self, id: Uuid) -> Option<&LearningActivity> {
        self.learning
            .binary_search_by_key(&id, |a| a.id)
            .ok()
            .map(|i| &self.learning[i])
    }

    /// Adds an activity, or replaces the one with the same id.
    pub fn put_activity(&mut self, activity: LearningActivity) {
        match self.learning.binary_search_by_key(&activity.id, |a| a.id) {
            Ok(i) => self.learning[i] = activity,
            Err(i) => self.learning.insert(i, activity),
        }
    }

    /// Adds a survey response, or replaces the one with the same id.
    pub fn put_response(&mut self, response: SurveyResponse) {
        match self.surveys.binary_search_by_key(&response.id, |r| r.id) {
            Ok(i) => self.surveys[i] = response,
            Err(i) => self.surveys.insert(i, response),
        }
    }

    /// Adds the plan for its year, or replaces the one already there.
    pub fn put_plan(&mut self, plan: DevelopmentPlan) {
        match self.plans.binary_search_by_key(&plan.year, |p| p.year) {
            Ok(i) => self.plans[i] = plan,
            Err(i) => self.plans.insert(i, plan),
        }
    }

    /// Marks an activity deleted (or, with `deleted` false, brings it back).
    pub fn set_activity_deleted(&mut self, id: Uuid, deleted: bool, now: DateTime<Utc>) {
        if let Ok(i) = self.learning.binary_search_by_key(&id, |a| a.id) {
            let activity = &mut self.learning[i];
            activity.deleted_at = deleted.then_some(now);
            activity.updated_at = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activities_stay_in_id_order_and_are_replaced_in_place() {
        let now = Utc::now();
        let mut record = MemberRecord::new(Uuid::from_u128(1), now);
        for n in [5u128, 2, 9] {
            let mut a = LearningActivity::own(Uuid::from_u128(n), now);
            a.title = format!("Activity {n}");
            record.put_activity(a);
        }
        let ids: Vec<u128> = record.learning.iter().map(|a| a.id.as_u128()).collect();
        assert_eq!(ids, [2, 5, 9]);
        let mut changed = record.activity(Uuid::from_u128(5)).unwrap().clone();
        changed.title = "Renamed".into();
        record.put_activity(changed);
        assert_eq!(record.learning.len(), 3);
        assert_eq!(
            record.activity(Uuid::from_u128(5)).unwrap().title,
            "Renamed"
        );
    }

    #[test]
    fn a_deleted_activity_is_hidden_and_can_be_brought_back() {
        let now = Utc::now();
        let mut record = MemberRecord::new(Uuid::from_u128(1), now);
        record.put_activity(LearningActivity::own(Uuid::from_u128(3), now));
        record.set_activity_deleted(Uuid::from_u128(3), true, now);
        assert_eq!(record.activities().count(), 0);
        assert_eq!(record.learning.len(), 1, "the deletion is kept for merging");
        record.set_activity_deleted(Uuid::from_u128(3), false, now);
        assert_eq!(record.activities().count(), 1);
    }

    #[test]
    fn a_record_last_changed_when_its_latest_part_did() {
        let at = |minute: i64| {
            DateTime::from_timestamp(1_790_000_000 + minute * 60, 0).expect("a moment")
        };
        let mut record = MemberRecord::new(Uuid::from_u128(1), at(0));
        assert_eq!(record.last_changed(), at(0));
        record.set_up_at = Some(at(2));
        record.put_activity(LearningActivity::own(Uuid::from_u128(3), at(5)));
        assert_eq!(record.last_changed(), at(5));
        record.set_activity_deleted(Uuid::from_u128(3), true, at(9));
        assert_eq!(
            record.last_changed(),
            at(9),
            "a deletion is a change, though the activity is no longer shown"
        );
    }
}
