//! The officer's workspace on this device, kept apart from any councillor's record: the
//! council pack being prepared, and the list of members the officer expects files from.
//! The pack is stored as a pack file, so it is read by the same reader, with the same
//! checks, as a pack a member imports. (The members' files are in IndexedDB.)

use super::{Storage, StoreError};
use crate::exchange::{ReadError, read_pack_file, write_pack_file};
use crate::model::pack::CouncilPack;

/// Where the officer's pack is kept; never under the member's record key.
pub const OFFICER_PACK: &str = "mdr.v1.officer.pack";

/// Where the officer's list of the members they expect files from is kept, one name a line.
pub const OFFICER_ROSTER: &str = "mdr.v1.officer.roster";

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

/// Keeps the officer's list of expected members.
pub fn save_roster(storage: &impl Storage, roster: &str) -> Result<(), StoreError> {
    storage.set(OFFICER_ROSTER, roster)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Utc};

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
}
