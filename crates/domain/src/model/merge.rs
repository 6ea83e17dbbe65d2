//! Bringing two copies of one councillor's record together without losing either's work.
//!
//! Two copies meet in three places: two tabs of the same browser, a restore onto a device
//! that already holds the record, and the officer receiving files from two of a member's
//! devices. All three use this one function. Each part of the record carries its own
//! updated-at time; for each part the newer copy wins, and ties are broken by content so
//! that the result never depends on which copy came first.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use thiserror::Error;
use uuid::Uuid;

use super::learning::LearningActivity;
use super::pack::CouncilPack;
use super::plan::DevelopmentPlan;
use super::record::MemberRecord;
use super::survey::SurveyResponse;

/// Why two records cannot be merged.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MergeError {
    #[error(
        "These are the records of two different councillors ({0} and {1}), so they cannot be combined."
    )]
    DifferentMembers(Uuid, Uuid),
}

/// Merges two copies of one member's record, part by part, keeping the newer of each.
///
/// The merge is commutative, associative and idempotent: any copies merged in any order
/// give the same record.
pub fn merge_records(a: &MemberRecord, b: &MemberRecord) -> Result<MemberRecord, MergeError> {
    if a.member_id != b.member_id {
        return Err(MergeError::DifferentMembers(a.member_id, b.member_id));
    }
    let profile = if (&a.profile.updated_at, &a.profile) >= (&b.profile.updated_at, &b.profile) {
        a.profile.clone()
    } else {
        b.profile.clone()
    };
    // Set-up happened when either copy first finished it.
    let set_up_at = match (a.set_up_at, b.set_up_at) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    Ok(MemberRecord {
        member_id: a.member_id,
        profile,
        set_up_at,
        learning: merge_by_id(&a.learning, &b.learning),
        surveys: merge_by_id(&a.surveys, &b.surveys),
        plans: merge_by_id(&a.plans, &b.plans),
        pack: newer_pack(a.pack.as_ref(), b.pack.as_ref()).cloned(),
    })
}

/// The newer of two packs: the higher version, then the later issue; ties broken by
/// content so that the merge stays independent of order.
fn newer_pack<'a>(
    a: Option<&'a CouncilPack>,
    b: Option<&'a CouncilPack>,
) -> Option<&'a CouncilPack> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let key = |p: &CouncilPack| {
                (
                    p.pack_version,
                    p.issued_at,
                    serde_json::to_string(p).unwrap_or_default(),
                )
            };
            Some(if key(a) >= key(b) { a } else { b })
        }
        (a, b) => a.or(b),
    }
}

/// A part of a record that has its own key and its own updated-at time.
pub trait Versioned: Clone + Ord {
    type Key: Ord + Clone;
    fn id(&self) -> Self::Key;
    fn updated_at(&self) -> DateTime<Utc>;
}

impl Versioned for LearningActivity {
    type Key = Uuid;
    fn id(&self) -> Uuid {
        self.id
    }
    fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }
}

impl Versioned for SurveyResponse {
    type Key = Uuid;
    fn id(&self) -> Uuid {
        self.id
    }
    fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }
}

/// Plans are kept one per municipal year, so two devices' plans for a year are one plan.
impl Versioned for DevelopmentPlan {
    type Key = i32;
    fn id(&self) -> i32 {
        self.year
    }
    fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }
}

/// Keeps, for each key in either list, the newer copy (ties broken by content), in id order.
pub fn merge_by_id<T: Versioned>(a: &[T], b: &[T]) -> Vec<T> {
    let mut merged: BTreeMap<T::Key, &T> = BTreeMap::new();
    for item in a.iter().chain(b) {
        merged
            .entry(item.id())
            .and_modify(|kept| {
                if (item.updated_at(), item) > (kept.updated_at(), *kept) {
                    *kept = item;
                }
            })
            .or_insert(item);
    }
    merged.into_values().cloned().collect()
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::*;

    fn record(name: &str, minutes: i64) -> MemberRecord {
        let start = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let mut record = MemberRecord::new(Uuid::from_u128(7), start);
        record.profile.full_name = name.into();
        record.profile.updated_at = start + Duration::minutes(minutes);
        record
    }

    #[test]
    fn the_newer_profile_wins_whichever_side_it_is_on() {
        let older = record("Cllr A Khan", 1);
        let newer = record("Cllr Aisha Khan", 5);
        assert_eq!(
            merge_records(&older, &newer).unwrap().profile.full_name,
            "Cllr Aisha Khan"
        );
        assert_eq!(
            merge_records(&newer, &older).unwrap().profile.full_name,
            "Cllr Aisha Khan"
        );
    }

    #[test]
    fn records_of_different_members_are_refused() {
        let a = record("A", 1);
        let mut b = record("B", 1);
        b.member_id = Uuid::from_u128(8);
        assert!(matches!(
            merge_records(&a, &b),
            Err(MergeError::DifferentMembers(_, _))
        ));
    }

    #[test]
    fn activities_from_both_copies_are_kept_and_the_newer_edit_of_each_wins() {
        let mut a = record("A", 1);
        let mut b = record("A", 1);
        let start = a.profile.updated_at;
        let mut only_a = LearningActivity::own(Uuid::from_u128(1), start);
        only_a.title = "Only on the tablet".into();
        let mut shared_old = LearningActivity::own(Uuid::from_u128(2), start);
        shared_old.title = "Old title".into();
        let mut shared_new = shared_old.clone();
        shared_new.title = "New title".into();
        shared_new.updated_at = start + Duration::minutes(3);
        let mut only_b = LearningActivity::own(Uuid::from_u128(3), start);
        only_b.title = "Only on the laptop".into();
        a.put_activity(only_a);
        a.put_activity(shared_new);
        b.put_activity(shared_old);
        b.put_activity(only_b);
        let merged = merge_records(&a, &b).unwrap();
        let titles: Vec<_> = merged.learning.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Only on the tablet", "New title", "Only on the laptop"]
        );
    }

    #[test]
    fn a_deletion_made_later_survives_a_merge_with_an_older_copy() {
        let mut a = record("A", 1);
        let start = a.profile.updated_at;
        a.put_activity(LearningActivity::own(Uuid::from_u128(1), start));
        let older = a.clone();
        a.set_activity_deleted(Uuid::from_u128(1), true, start + Duration::minutes(1));
        let merged = merge_records(&older, &a).unwrap();
        assert_eq!(merged.activities().count(), 0);
    }

    #[test]
    fn set_up_time_is_the_earliest_either_copy_knows() {
        let mut a = record("A", 1);
        let mut b = record("A", 1);
        a.set_up_at = None;
        b.set_up_at = Some(b.profile.updated_at);
        assert_eq!(merge_records(&a, &b).unwrap().set_up_at, b.set_up_at);
        a.set_up_at = Some(b.profile.updated_at - Duration::days(1));
        assert_eq!(merge_records(&a, &b).unwrap().set_up_at, a.set_up_at);
    }
}
