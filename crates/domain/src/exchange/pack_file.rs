//! The council pack file an officer publishes and each member imports.

use serde::Serialize;

use super::json_fault::{Within, damage};
use super::member_file::read_header;
use super::{Damage, PACK_FORMAT, PACK_SCHEMA_VERSION, ReadError};
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
    read_header(text, PACK_FORMAT, PACK_SCHEMA_VERSION)?;
    let pack: CouncilPack = serde_json::from_str(text)
        .map_err(|error| ReadError::damaged(damage(&error, text, Within::PackFile)))?;
    match pack.fault() {
        Some(fault) => Err(ReadError::damaged(Damage::Pack(fault))),
        None => Ok(pack),
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
    use crate::exchange::{MemberFile, Reader, explain, write_member_file};
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
            let message = explain(&error, "council-pack.json", Reader::ApplyingPack);
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
        for (bad, problem) in [
            (cut, "The council pack is incomplete: "),
            (&faulty, "The council pack is damaged: "),
            (&blank, "The council pack is damaged: "),
        ] {
            let error = read_pack_file(bad).unwrap_err();
            let message = explain(&error, "council-pack.json", Reader::ApplyingPack);
            assert!(
                message.starts_with(&format!(
                    "“council-pack.json” cannot be imported. {problem}"
                )),
                "{message}"
            );
            assert!(
                message.ends_with("send the pack again. Nothing has been changed."),
                "{message}"
            );
            assert!(!message.contains("xport"), "{message}");
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
