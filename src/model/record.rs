//! The whole of one councillor's record: everything they export, back up and restore.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::profile::Profile;

/// One councillor's record. Every part of it travels together in an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRecord {
    /// Made on the councillor's first visit; identifies them across devices and files.
    pub member_id: Uuid,
    pub profile: Profile,
    /// When the councillor first finished setting up their profile; `None` while the
    /// first-run form is still being filled in.
    pub set_up_at: Option<DateTime<Utc>>,
}

impl MemberRecord {
    /// A new, empty record for a councillor using the app for the first time.
    pub fn new(member_id: Uuid, now: DateTime<Utc>) -> Self {
        Self {
            member_id,
            profile: Profile::empty(now),
            set_up_at: None,
        }
    }

    /// Whether the first-run set-up is done, so the app can show the whole record.
    pub fn is_set_up(&self) -> bool {
        self.set_up_at.is_some()
    }
}
