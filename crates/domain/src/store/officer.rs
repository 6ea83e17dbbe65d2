//! The officer's workspace on this device, kept apart from any councillor's record: for
//! now, the council pack being prepared. It is stored as a pack file, so it is read by the
//! same reader, with the same checks, as a pack a member imports.

use super::{Storage, StoreError};
use crate::exchange::{ReadError, read_pack_file, write_pack_file};
use crate::model::pack::CouncilPack;

/// Where the officer's pack is kept; never under the member's record key.
pub const OFFICER_PACK: &str = "mdr.v1.officer.pack";

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
}
