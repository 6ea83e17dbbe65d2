//! The officer's workspace on this device, kept apart from any councillor's record: the
//! council pack being prepared, the list of members the officer expects files from, the
//! council keys (each only wrapped under the officer's passphrase), and the officer's own
//! words for committee: each year's introduction and recommendations, and the Charter
//! actions.
//! The pack is stored as a pack file, so it is read by the same reader, with the same
//! checks, as a pack a member imports. (The members' files are in IndexedDB.)

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Storage, StoreError};
use crate::consolidate::{CharterActions, CommitteeNotes};
use crate::exchange::{KeyBackup, ReadError, read_pack_file, write_pack_file};
use crate::model::council_key::CouncilKey;
use crate::model::due::MunicipalYear;
use crate::model::pack::CouncilPack;

/// Where the officer's committee notes are kept: every year's, as one JSON object keyed by
/// the year's label (`"2026/27"`).
pub const OFFICER_COMMITTEE_NOTES: &str = "mdr.v1.officer.committee-notes";

/// Where the officer's Charter actions are kept.
pub const OFFICER_CHARTER_ACTIONS: &str = "mdr.v1.officer.charter-actions";

/// Where the officer's pack is kept; never under the member's record key.
pub const OFFICER_PACK: &str = "mdr.v1.officer.pack";

/// Where the officer's list of the members they expect files from is kept, one name a line.
pub const OFFICER_ROSTER: &str = "mdr.v1.officer.roster";

/// Where the council keys are kept: each as its backup is written, the private key wrapped.
pub const OFFICER_KEYS: &str = "mdr.v1.officer.council-keys";

/// Where the officer's workspace notes each write to the members' files (a random token), so
/// that a tab can tell whether what it read before is still current.
pub const OFFICER_HELD_WRITTEN: &str = "mdr.v1.officer.held-written";

/// Where the officer's choice of how long the workspace stays unlocked unused is kept.
pub const OFFICER_LOCK_AFTER: &str = "mdr.v1.officer.lock-after-minutes";

/// How long an unlocked workspace left unused stays unlocked, in minutes, unless the
/// officer chooses otherwise.
pub const LOCK_AFTER_DEFAULT: u32 = 15;
/// The times the officer may choose from, in minutes.
pub const LOCK_AFTER_CHOICES: [u32; 6] = [5, 10, 15, 20, 30, 60];

/// A council key the workspace holds, and whether the officer has saved its backup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldKey {
    pub key: KeyBackup,
    /// The officer has downloaded the backup, or restored the key from one.
    pub backed_up: bool,
}

/// Every council key the workspace holds, oldest first: files sealed to any of them open,
/// and new packs carry the newest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilKeys {
    pub keys: Vec<HeldKey>,
}

/// Why the pack cannot be published yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyNotReady {
    #[error(
        "Download the key backup before you publish the pack: without the backup and its passphrase, files sealed to the council key can never be opened by anyone."
    )]
    NotBackedUp,
}

impl CouncilKeys {
    /// The key new packs carry: the newest.
    pub fn newest(&self) -> Option<&HeldKey> {
        self.keys.iter().max_by_key(|held| held.key.created_at)
    }

    /// Whether the workspace holds the key with this id.
    pub fn holds(&self, key_id: &str) -> bool {
        self.keys.iter().any(|held| held.key.key_id == key_id)
    }

    /// Keeps a key: a new one not yet backed up, or one restored from its backup. A key
    /// already held is not kept twice; restoring it marks it backed up.
    pub fn keep(&mut self, key: KeyBackup, backed_up: bool) {
        match self
            .keys
            .iter_mut()
            .find(|held| held.key.key_id == key.key_id)
        {
            Some(held) => held.backed_up |= backed_up,
            None => self.keys.push(HeldKey { key, backed_up }),
        }
        self.keys.sort_by_key(|held| held.key.created_at);
    }

    /// Notes that the backup of the key with this id has been saved.
    pub fn backed_up(&mut self, key_id: &str) {
        if let Some(held) = self.keys.iter_mut().find(|held| held.key.key_id == key_id) {
            held.backed_up = true;
        }
    }

    /// The council key a pack published now carries: none before any key is made, the
    /// newest once its backup is saved, and not yet while it is not.
    pub fn for_pack(&self) -> Result<Option<CouncilKey>, KeyNotReady> {
        match self.newest() {
            None => Ok(None),
            Some(held) if held.backed_up => Ok(Some(held.key.public())),
            Some(_) => Err(KeyNotReady::NotBackedUp),
        }
    }
}

/// The council keys saved in this browser could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "The council keys saved in this browser cannot be read. They are left as they are; the key backup, restored in another browser with its passphrase, still opens members' sealed files."
)]
pub struct KeptKeysUnreadable;

/// The council keys the workspace holds; none before the first is made. A kept key that
/// fails its checks is refused, never dropped.
pub fn load_council_keys(storage: &impl Storage) -> Result<CouncilKeys, KeptKeysUnreadable> {
    let Some(text) = storage.get(OFFICER_KEYS).ok().flatten() else {
        return Ok(CouncilKeys::default());
    };
    let keys: CouncilKeys = serde_json::from_str(&text).map_err(|_| KeptKeysUnreadable)?;
    match keys.keys.iter().any(|held| held.key.fault().is_some()) {
        true => Err(KeptKeysUnreadable),
        false => Ok(keys),
    }
}

/// Whether any council key is kept, without reading them.
pub fn holds_council_keys(storage: &impl Storage) -> bool {
    storage.get(OFFICER_KEYS).ok().flatten().is_some()
}

/// Keeps the council keys.
pub fn save_council_keys(storage: &impl Storage, keys: &CouncilKeys) -> Result<(), StoreError> {
    storage.set(
        OFFICER_KEYS,
        &serde_json::to_string(keys).expect("keys always serialise"),
    )
}

/// Forgets the council keys: only when the officer clears a workspace whose passphrase is
/// lost, when they can open nothing.
pub fn forget_council_keys(storage: &impl Storage) -> Result<(), StoreError> {
    storage.remove(OFFICER_KEYS)
}

/// How many minutes an unlocked workspace left unused stays unlocked: one of
/// [`LOCK_AFTER_CHOICES`], [`LOCK_AFTER_DEFAULT`] until the officer chooses.
pub fn load_lock_after(storage: &impl Storage) -> u32 {
    storage
        .get(OFFICER_LOCK_AFTER)
        .ok()
        .flatten()
        .and_then(|text| text.trim().parse().ok())
        .filter(|minutes| LOCK_AFTER_CHOICES.contains(minutes))
        .unwrap_or(LOCK_AFTER_DEFAULT)
}

/// Keeps the officer's choice of how long the workspace stays unlocked unused; a time not
/// among [`LOCK_AFTER_CHOICES`] is not kept.
pub fn save_lock_after(storage: &impl Storage, minutes: u32) -> Result<(), StoreError> {
    if !LOCK_AFTER_CHOICES.contains(&minutes) {
        return Ok(());
    }
    storage.set(OFFICER_LOCK_AFTER, &minutes.to_string())
}

/// The pack the officer is preparing, if they have started one.
pub fn load_officer_pack(storage: &impl Storage) -> Result<Option<CouncilPack>, ReadError> {
    match storage.get(OFFICER_PACK).ok().flatten() {
        None => Ok(None),
        Some(text) => read_pack_file(&text).map(Some),
    }
}

/// Keeps the officer's pack.
pub fn save_officer_pack(storage: &impl Storage, pack: &CouncilPack) -> Result<(), StoreError> {
    storage.set(OFFICER_PACK, &write_pack_file(pack))
}

/// The members the officer expects files from, as typed; empty before any is.
pub fn load_roster(storage: &impl Storage) -> String {
    storage
        .get(OFFICER_ROSTER)
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Keeps the officer's list of expected members (in a workspace locked at rest, as the
/// caller has encrypted it).
pub fn save_roster(storage: &impl Storage, roster: &str) -> Result<(), StoreError> {
    storage.set(OFFICER_ROSTER, roster)
}

/// Forgets the list of expected members.
pub fn forget_roster(storage: &impl Storage) -> Result<(), StoreError> {
    storage.remove(OFFICER_ROSTER)
}

/// Every year's notes as stored, each left as JSON so that one year that does not read
/// never costs the others.
fn stored_notes(storage: &impl Storage) -> BTreeMap<String, serde_json::Value> {
    storage
        .get(OFFICER_COMMITTEE_NOTES)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// The officer's notes for `year`: empty until written, and empty when what is stored
/// cannot be read.
pub fn load_committee_notes(storage: &impl Storage, year: MunicipalYear) -> CommitteeNotes {
    stored_notes(storage)
        .remove(&year.label())
        .and_then(|value| serde_json::from_value(value).ok())
        .unwrap_or_default()
}

/// Keeps the officer's notes for `year`, and every other year's as they were. Empty notes
/// take the year out.
pub fn save_committee_notes(
    storage: &impl Storage,
    year: MunicipalYear,
    notes: &CommitteeNotes,
) -> Result<(), StoreError> {
    let mut all = stored_notes(storage);
    if notes.is_empty() {
        all.remove(&year.label());
    } else {
        all.insert(
            year.label(),
            serde_json::to_value(notes).expect("notes always serialise"),
        );
    }
    storage.set(
        OFFICER_COMMITTEE_NOTES,
        &serde_json::to_string(&all).expect("notes always serialise"),
    )
}

/// The officer's Charter actions; none before any is written, and none when what is kept
/// cannot be read.
pub fn load_charter_actions(storage: &impl Storage) -> CharterActions {
    storage
        .get(OFFICER_CHARTER_ACTIONS)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Keeps the officer's Charter actions.
pub fn save_charter_actions(
    storage: &impl Storage,
    actions: &CharterActions,
) -> Result<(), StoreError> {
    storage.set(
        OFFICER_CHARTER_ACTIONS,
        &serde_json::to_string(actions).expect("actions always serialise"),
    )
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use crate::exchange::Wrapping;

    use super::*;
    use crate::store::{MemoryStorage, keys};

    #[test]
    fn the_officers_pack_is_kept_apart_from_the_members_record() {
        let storage = MemoryStorage::new();
        assert_eq!(load_officer_pack(&storage), Ok(None));
        let pack = CouncilPack::starting(
            "Durham County Council",
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            Utc::now(),
        );
        save_officer_pack(&storage, &pack).unwrap();
        assert_eq!(load_officer_pack(&storage).unwrap(), Some(pack));
        assert_eq!(storage.get(keys::RECORD).unwrap(), None);
    }

    #[test]
    fn the_roster_is_kept_as_typed_under_its_own_key() {
        let storage = MemoryStorage::new();
        assert_eq!(load_roster(&storage), "");
        save_roster(&storage, "Cllr Amrit Kaur\nCllr Zara Ali").unwrap();
        assert_eq!(load_roster(&storage), "Cllr Amrit Kaur\nCllr Zara Ali");
        assert_eq!(load_officer_pack(&storage), Ok(None));
        assert_eq!(storage.get(keys::RECORD).unwrap(), None);
    }

    #[test]
    fn the_time_to_lock_is_fifteen_minutes_until_the_officer_chooses_one_of_the_choices() {
        let storage = MemoryStorage::new();
        assert_eq!(load_lock_after(&storage), 15);
        save_lock_after(&storage, 5).unwrap();
        assert_eq!(load_lock_after(&storage), 5);
        save_lock_after(&storage, 60).unwrap();
        assert_eq!(load_lock_after(&storage), 60);
        // Nothing outside the choices is kept, nor read.
        save_lock_after(&storage, 0).unwrap();
        save_lock_after(&storage, 600).unwrap();
        assert_eq!(load_lock_after(&storage), 60);
        storage.set(OFFICER_LOCK_AFTER, "1").unwrap();
        assert_eq!(load_lock_after(&storage), 15);
        storage.set(OFFICER_LOCK_AFTER, "half an hour").unwrap();
        assert_eq!(load_lock_after(&storage), 15);
    }

    #[test]
    fn clearing_a_workspace_forgets_its_keys_and_roster_and_keeps_its_pack() {
        let storage = MemoryStorage::new();
        let mut keys = CouncilKeys::default();
        keys.keep(key(1, 1), true);
        save_council_keys(&storage, &keys).unwrap();
        save_roster(&storage, "Cllr Amrit Kaur").unwrap();
        let pack = CouncilPack::starting(
            "Durham County Council",
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            Utc::now(),
        );
        save_officer_pack(&storage, &pack).unwrap();
        forget_council_keys(&storage).unwrap();
        forget_roster(&storage).unwrap();
        assert!(!holds_council_keys(&storage));
        assert_eq!(load_roster(&storage), "");
        assert_eq!(load_officer_pack(&storage).unwrap(), Some(pack));
    }

    fn key(fill: u8, day: u32) -> KeyBackup {
        let mut point = [fill; 65];
        point[0] = 4;
        KeyBackup::new(
            "Durham County Council",
            Utc.with_ymd_and_hms(2026, 12, day, 9, 0, 0).unwrap(),
            &point,
            &Wrapping::fresh([1; 16], [2; 12]),
            &[9; 150],
        )
    }

    #[test]
    fn a_pack_carries_the_newest_key_only_once_its_backup_is_saved() {
        let storage = MemoryStorage::new();
        let mut keys = load_council_keys(&storage).unwrap();
        assert_eq!(keys.for_pack(), Ok(None));
        keys.keep(key(1, 1), false);
        assert_eq!(keys.for_pack(), Err(KeyNotReady::NotBackedUp));
        keys.backed_up(&key(1, 1).key_id);
        assert_eq!(keys.for_pack(), Ok(Some(key(1, 1).public())));
        // A new key, then an older one restored: the newest is still the one carried.
        keys.keep(key(2, 3), false);
        assert_eq!(keys.for_pack(), Err(KeyNotReady::NotBackedUp));
        keys.keep(key(3, 2), true);
        keys.backed_up(&key(2, 3).key_id);
        assert_eq!(keys.for_pack(), Ok(Some(key(2, 3).public())));
        assert!(keys.holds(&key(3, 2).key_id) && keys.holds(&key(1, 1).key_id));
        assert!(!holds_council_keys(&storage));
        save_council_keys(&storage, &keys).unwrap();
        assert!(holds_council_keys(&storage));
        assert_eq!(load_council_keys(&storage).unwrap(), keys);
        assert!(storage.get(OFFICER_PACK).unwrap().is_none());
    }

    #[test]
    fn a_key_restored_twice_is_kept_once() {
        let mut keys = CouncilKeys::default();
        keys.keep(key(1, 1), false);
        keys.keep(key(1, 1), true);
        keys.keep(key(1, 1), false);
        assert_eq!(keys.keys.len(), 1);
        assert!(keys.keys[0].backed_up);
    }

    #[test]
    fn damaged_saved_keys_are_refused_and_left_as_they_are() {
        let storage = MemoryStorage::new();
        storage.set(OFFICER_KEYS, "{\"keys\": [").unwrap();
        assert_eq!(load_council_keys(&storage), Err(KeptKeysUnreadable));
        assert_eq!(
            storage.get(OFFICER_KEYS).unwrap().as_deref(),
            Some("{\"keys\": [")
        );
    }

    #[test]
    fn a_save_the_browser_refuses_tells_the_officer_what_was_lost_and_what_to_do() {
        for error in [StoreError::Full, StoreError::Unavailable] {
            let said = error.for_officer("the Charter actions");
            assert!(
                said.contains("so the Charter actions could not be saved"),
                "{said}"
            );
            assert!(
                said.contains("What you typed is still on the page"),
                "{said}"
            );
            // Not the councillor's advice: nothing an officer writes is in an export.
            assert!(!said.contains("export"), "{said}");
        }
    }
}
