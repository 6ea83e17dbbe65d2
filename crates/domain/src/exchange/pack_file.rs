//! The council pack file an officer publishes and each member imports.

use serde::Serialize;

use super::member_file::{read_header, unreadable_part};
use super::{PACK_FORMAT, PACK_SCHEMA_VERSION, ReadError};
use crate::model::pack::CouncilPack;

/// A council pack as a file: a header that says what it is, then the pack itself (whose
/// `council`, `pack_version` and `issued_at` also sit at the top level). Written whole; read
/// as the header (checked by `read_header`) and the pack, each straight from the text: a
/// flattened read would bring serde's buffering deserialiser into the app for nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PackFile {
    /// Always [`PACK_FORMAT`].
    pub format: String,
    pub schema_version: u32,
    pub app_version: String,
    #[serde(flatten)]
    pub pack: CouncilPack,
}

/// Writes a pack as indented JSON.
pub fn write_pack_file(pack: &CouncilPack) -> String {
    let file = PackFile {
        format: PACK_FORMAT.to_owned(),
        schema_version: PACK_SCHEMA_VERSION,
        app_version: crate::APP_VERSION.to_owned(),
        pack: pack.clone(),
    };
    serde_json::to_string_pretty(&file).expect("a pack always serialises")
}

/// Reads a pack file; nothing is read from one that is too large, not a pack, or newer
/// than this app understands.
pub fn read_pack_file(text: &str) -> Result<CouncilPack, ReadError> {
    read_header(text, PACK_FORMAT, PACK_SCHEMA_VERSION).map_err(for_pack)?;
    let pack: CouncilPack = serde_json::from_str(text).map_err(|e| for_pack(unreadable_part(e)))?;
    match pack.fault() {
        Some(fault) => Err(ReadError::DamagedPack {
            detail: fault.to_string(),
        }),
        None => Ok(pack),
    }
}

/// The text of a pack file, from its bytes as they were chosen (see [`super::file_text`]),
/// with a refusal worded for a pack.
pub fn pack_file_text(bytes: Vec<u8>) -> Result<String, ReadError> {
    super::file_text(bytes).map_err(for_pack)
}

/// A damaged pack is for the officer to send again, not for the member to export again.
fn for_pack(error: ReadError) -> ReadError {
    match error {
        ReadError::Truncated => ReadError::DamagedPack {
            detail: "it stops part-way through, so it was probably cut short while being copied or downloaded".to_owned(),
        },
        ReadError::Damaged { detail } => ReadError::DamagedPack { detail },
        ReadError::NotUtf8 { encoding } => ReadError::PackNotUtf8 { encoding },
        other => other,
    }
}

/// A file name for a published pack: `council-pack-<council>-v<version>.json`.
pub fn pack_file_name(pack: &CouncilPack) -> String {
    let name = super::export_file_name(&pack.council, pack.issued_at.date_naive());
    let council = name
        .trim_start_matches("member-record-")
        .rsplitn(4, '-')
        .last()
        .unwrap_or("council")
        .to_owned();
    format!("council-pack-{council}-v{}.json", pack.pack_version)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::exchange::{MemberFile, write_member_file};
    use crate::model::MemberRecord;

    fn pack() -> CouncilPack {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        CouncilPack::starting(
            "South Ribble Borough Council",
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            now,
        )
        .published(now)
    }

    #[test]
    fn a_published_pack_reads_back_the_same() {
        let pack = pack();
        assert_eq!(pack.pack_version, 1);
        assert_eq!(read_pack_file(&write_pack_file(&pack)).unwrap(), pack);
    }

    #[test]
    fn the_header_names_the_council_version_and_time() {
        let value: serde_json::Value = serde_json::from_str(&write_pack_file(&pack())).unwrap();
        assert_eq!(value["format"], PACK_FORMAT);
        assert_eq!(value["council"], "South Ribble Borough Council");
        assert_eq!(value["pack_version"], 1);
        assert!(value["issued_at"].is_string());
    }

    #[test]
    fn a_members_record_is_not_a_pack_and_says_so() {
        let record = MemberRecord::new(uuid::Uuid::from_u128(1), Utc::now());
        let text = write_member_file(&MemberFile::new(
            record,
            1,
            uuid::Uuid::from_u128(2),
            Utc::now(),
        ));
        let error = read_pack_file(&text).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("a member's record, not a council pack"),
            "{error}"
        );
    }

    #[test]
    fn a_locking_salt_is_made_once_and_kept_by_every_version() {
        let mut pack = pack();
        assert_eq!(pack.locking_salt_bytes(), None);
        pack.ensure_locking_salt([7; 16]);
        pack.ensure_locking_salt([8; 16]);
        assert_eq!(pack.locking_salt_bytes(), Some([7; 16]));
        let next = pack.published(Utc::now());
        assert_eq!(next.locking_salt_bytes(), Some([7; 16]));
        assert_eq!(read_pack_file(&write_pack_file(&next)).unwrap(), next);
    }

    #[test]
    fn a_pack_from_before_locking_salts_reads_and_writes_without_one() {
        let text = write_pack_file(&pack());
        assert!(!text.contains("locking_salt"), "no empty field is written");
        assert_eq!(read_pack_file(&text).unwrap().locking_salt, None);
    }

    #[test]
    fn a_pack_with_a_malformed_locking_salt_is_refused_and_says_why() {
        for salt in ["not base64!", "AAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"] {
            let mut value: serde_json::Value =
                serde_json::from_str(&write_pack_file(&pack())).unwrap();
            value["locking_salt"] = salt.into();
            let error = read_pack_file(&value.to_string()).unwrap_err();
            let message = error.to_string();
            assert!(message.contains("locking salt"), "{salt}: {message}");
            assert!(message.contains("send the pack again"), "{message}");
        }
    }

    #[test]
    fn a_damaged_or_cut_short_pack_asks_for_the_pack_again_not_the_record() {
        let text = write_pack_file(&pack());
        let cut = &text[..text.len() / 2];
        let faulty = text.replacen("\"council\":", "\"council\" ", 1);
        let blank = text.replacen("South Ribble Borough Council", " ", 1);
        for bad in [cut, &faulty, &blank] {
            let message = read_pack_file(bad).unwrap_err().to_string();
            assert!(
                message.starts_with("The council pack is damaged: "),
                "{message}"
            );
            assert!(message.ends_with("send the pack again."), "{message}");
        }
    }

    #[test]
    fn a_pack_file_name_names_the_council_and_version() {
        assert_eq!(
            pack_file_name(&pack()),
            "council-pack-south-ribble-borough-council-v1.json"
        );
    }
}
