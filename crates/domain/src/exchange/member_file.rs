//! The member file: a councillor's whole record with a header that says what it is.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::json_fault::{Within, damage};
use super::{Damage, MAX_FILE_BYTES, MEMBER_FORMAT, ReadError, SCHEMA_VERSION, migrate_record};
use crate::model::MemberRecord;
use crate::model::dates::iso_date;
use crate::model::pack::CouncilPack;

/// A councillor's record as it is exported, backed up and kept in browser storage.
///
/// For the copy in browser storage, `exported_at` is when that copy was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberFile {
    /// Always [`MEMBER_FORMAT`].
    pub format: String,
    /// The shape of `record`; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The version of the app that wrote the file.
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    /// Repeats `record.member_id`, so a reader can tell whose file it is from the header.
    pub member_id: Uuid,
    /// Rises with every saved change, so the newest copy of a record can be told apart.
    pub revision: u64,
    /// The device the record was last saved on.
    pub device_id: Uuid,
    pub record: MemberRecord,
}

impl MemberFile {
    /// Wraps a record in the current envelope.
    pub fn new(record: MemberRecord, revision: u64, device_id: Uuid, now: DateTime<Utc>) -> Self {
        Self {
            format: MEMBER_FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            app_version: crate::APP_VERSION.to_owned(),
            exported_at: now,
            member_id: record.member_id,
            revision,
            device_id,
            record,
        }
    }
}

/// Writes a member file as indented JSON, readable by a person who opens it.
pub fn write_member_file(file: &MemberFile) -> String {
    super::layout::indented(&compact_member_file(file))
}

/// A member file as compact JSON: what the cipher locks, and the text laid out for files.
pub(crate) fn compact_member_file(file: &MemberFile) -> String {
    serde_json::to_string(file).expect("a member file always serialises")
}

/// Reads a member file (or the copy in browser storage), upgrading an older shape to the
/// current one. Nothing is read from a file that is too large, not ours, or newer than
/// this app understands.
pub fn read_member_file(text: &str) -> Result<MemberFile, ReadError> {
    if let Some(file) = read_current(text) {
        return Ok(file);
    }
    let (value, version) = read_header(text, MEMBER_FORMAT, SCHEMA_VERSION)?;
    if value.get("encryption").is_some() {
        // A lock the app cannot open is said so, before the passphrase is asked for.
        return Err(super::sealed::read_sealed(value)
            .err()
            .unwrap_or(ReadError::PassphraseNeeded));
    }
    if value.get("sealed_to").is_some() {
        // Only the council's key opens it; a damaged one is said to be damaged.
        return Err(super::for_council::read_council_file(value)
            .err()
            .unwrap_or(ReadError::ForCouncil));
    }
    from_header(value, version)
}

/// The quick way in for the common case, a sound file of the current shape: read
/// straight into a [`MemberFile`], with no tree of values in between. Anything else
/// (older, newer, locked, damaged, not ours) returns `None`, and goes the careful way,
/// which upgrades it or says what is wrong.
pub(super) fn read_current(text: &str) -> Option<MemberFile> {
    if text.len() > MAX_FILE_BYTES || check_shape(text).is_err() {
        return None;
    }
    let file: MemberFile = serde_json::from_str(text).ok()?;
    (file.format == MEMBER_FORMAT
        && file.schema_version == SCHEMA_VERSION
        && file.member_id == file.record.member_id
        && file
            .record
            .pack
            .as_ref()
            .is_none_or(|p| p.fault().is_none()))
    .then_some(file)
}

/// The member file in `value`, whose header [`read_header`] has checked, upgraded from
/// data version `version`.
pub(crate) fn from_header(mut value: Value, version: u32) -> Result<MemberFile, ReadError> {
    let header = value
        .as_object_mut()
        .expect("read_header checks for an object");
    let record = header
        .remove("record")
        .ok_or(ReadError::damaged(Damage::NoRecord))?;
    header.insert("record".into(), migrate_record(version, record)?);
    header.insert("schema_version".into(), SCHEMA_VERSION.into());
    // Read from text, as the quick way does, rather than from the tree of values: one
    // reader of a record in the app, not two, keeps the download smaller.
    let text = value.to_string();
    let file: MemberFile = serde_json::from_str(&text).map_err(|error| {
        ReadError::damaged(
            unreadable_pack(&value).unwrap_or_else(|| damage(&error, &text, Within::MemberFile)),
        )
    })?;
    if file.member_id != file.record.member_id {
        return Err(ReadError::damaged(Damage::OtherCouncillor));
    }
    if let Some(fault) = file.record.pack.as_ref().and_then(CouncilPack::fault) {
        return Err(ReadError::damaged(Damage::CarriedPack(fault)));
    }
    Ok(file)
}

/// When what the record holds as its council pack is not a pack, says which part of the
/// pack is wrong. Asked only once the file has failed to read.
fn unreadable_pack(file: &Value) -> Option<Damage> {
    let pack = file.get("record")?.get("pack").filter(|p| !p.is_null())?;
    let text = pack.to_string();
    let error = serde_json::from_str::<CouncilPack>(&text).err()?;
    Some(damage(&error, &text, Within::CarriedPack))
}

/// Checks what every file of ours must be before its content is read: not too large,
/// JSON, an object with our `format`, and a data version this app understands. Returns
/// the parsed file and the version it was written at.
pub(crate) fn read_header(
    text: &str,
    format: &str,
    supported: u32,
) -> Result<(Value, u32), ReadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: text.len() });
    }
    if is_blank(text) {
        return Err(ReadError::Empty);
    }
    check_shape(text)?;
    let value: Value = serde_json::from_str(text).map_err(|error| {
        if error.is_eof() {
            ReadError::Truncated
        } else if text.trim_start().starts_with('{') {
            ReadError::damaged(damage(&error, text, within(format)))
        } else {
            ReadError::NotJson
        }
    })?;
    let Value::Object(header) = &value else {
        return Err(ReadError::NotOurFormat { found: None });
    };
    match header.get("format") {
        Some(Value::String(found)) if found == format => {}
        Some(Value::String(found)) if kind_of(found).is_some() => {
            return Err(ReadError::WrongKind {
                found: kind_of(found).unwrap_or_default(),
                expected: kind_of(format).unwrap_or_default(),
            });
        }
        Some(Value::String(found)) => {
            return Err(ReadError::NotOurFormat {
                found: Some(found.chars().take(60).collect()),
            });
        }
        _ => return Err(ReadError::NotOurFormat { found: None }),
    }
    let version = header
        .get("schema_version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or(ReadError::damaged(Damage::NoDataVersion))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > supported {
        return Err(ReadError::NewerSchema {
            found: version,
            supported,
        });
    }
    Ok((value, version))
}

/// Which of the app's files is being read, for naming its parts.
fn within(format: &str) -> Within {
    match format {
        super::PACK_FORMAT => Within::PackFile,
        _ => Within::MemberFile,
    }
}

/// Nothing but spaces, line breaks and byte order marks: a file that holds nothing.
fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// Deeper than any of our files nests (a survey template is the deepest, at about 12).
const MAX_DEPTH: usize = 32;
/// Longer than any text a field of ours takes (free-text answers take 5,000 characters).
const MAX_STRING_BYTES: usize = 64 * 1024;

/// Refuses, before parsing, text nested deeper or holding a string longer than any file of
/// ours can: such a file is damaged or hostile, and parsing it would only waste memory.
fn check_shape(text: &str) -> Result<(), ReadError> {
    let too_long = || ReadError::damaged(Damage::TooLongText);
    let bytes = text.as_bytes();
    let (mut depth, mut at) = (0usize, 0usize);
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                // Inside a string only a quote or a backslash matters: jump to the next.
                let start = at + 1;
                let mut from = start;
                loop {
                    if from >= bytes.len() {
                        at = bytes.len();
                        break;
                    }
                    match memchr::memchr2(b'"', b'\\', &bytes[from..]) {
                        Some(found) if bytes[from + found] == b'\\' => from += found + 2,
                        Some(found) => {
                            at = from + found;
                            break;
                        }
                        None => {
                            at = bytes.len();
                            break;
                        }
                    }
                }
                // The string's length, its closing quote included.
                if (at + 1).min(bytes.len()) - start > MAX_STRING_BYTES {
                    return Err(too_long());
                }
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ReadError::damaged(Damage::TooDeep));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    Ok(())
}

/// What one of our formats holds, in words.
fn kind_of(format: &str) -> Option<&'static str> {
    match format {
        MEMBER_FORMAT => Some("a member's record"),
        super::PACK_FORMAT => Some("a council pack"),
        _ => None,
    }
}

/// The data version a file says it was written at, before any upgrade; `None` if the file
/// does not say.
pub fn written_schema_version(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct Version {
        schema_version: u32,
    }
    serde_json::from_str::<Version>(text)
        .ok()
        .map(|v| v.schema_version)
}

/// The name an export is saved under: `member-record-<name>-<date>.json`, with the name in
/// lower case and runs of
/// spaces and punctuation turned into single hyphens, so it is safe on every device.
pub fn export_file_name(full_name: &str, date: NaiveDate) -> String {
    let mut slug = String::new();
    for c in full_name.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "councillor" } else { slug };
    format!("member-record-{slug}-{}.json", iso_date(date))
}

#[cfg(test)]
pub(super) mod tests {
    use chrono::TimeZone;

    use super::*;

    /// A councillor's file with something in every part of the record.
    pub(in crate::exchange) fn sample() -> MemberFile {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 30, 0).unwrap();
        let mut record = MemberRecord::new(Uuid::from_u128(42), now);
        record.profile.full_name = "Cllr Bernadette O'Neill".into();
        record.profile.council = "South Ribble Borough Council".into();
        record.profile.ward = "Leyland Central".into();
        record.profile.roles.insert("standards-committee".into());
        record.set_up_at = Some(now);
        MemberFile::new(record, 12, Uuid::from_u128(9), now)
    }

    #[test]
    fn a_written_file_reads_back_the_same() {
        let file = sample();
        assert_eq!(read_member_file(&write_member_file(&file)).unwrap(), file);
    }

    #[test]
    fn the_quick_way_in_and_the_careful_way_read_a_current_file_alike() {
        let file = sample();
        for text in [
            write_member_file(&file),
            serde_json::to_string(&file).unwrap(),
        ] {
            let quick = read_current(&text).expect("a sound current file takes the quick way");
            let (value, version) = read_header(&text, MEMBER_FORMAT, SCHEMA_VERSION).unwrap();
            assert_eq!(quick, from_header(value, version).unwrap());
            assert_eq!(quick, file);
        }
        let mut other = serde_json::to_value(&file).unwrap();
        other["member_id"] = serde_json::json!(Uuid::from_u128(99));
        assert_eq!(
            read_current(&other.to_string()),
            None,
            "a mismatch goes the careful way"
        );
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut pack = CouncilPack::starting("Calderdale Council", today, file.exported_at);
        pack.courses.push(pack.courses[0].clone());
        let mut carrying = file.clone();
        carrying.record.pack = Some(pack);
        let text = write_member_file(&carrying);
        assert_eq!(
            read_current(&text),
            None,
            "so does a pack that cannot be used"
        );
        assert!(read_member_file(&text).is_err());
    }

    #[test]
    fn a_file_cut_short_is_called_incomplete() {
        let text = write_member_file(&sample());
        let cut = &text[..text.len() / 2];
        assert_eq!(read_member_file(cut), Err(ReadError::Truncated));
    }

    #[test]
    fn a_file_that_is_not_json_is_not_ours() {
        assert_eq!(
            read_member_file("Name,Council\nA,B\n"),
            Err(ReadError::NotJson)
        );
    }

    #[test]
    fn json_with_a_fault_in_the_middle_is_damaged() {
        let text =
            write_member_file(&sample()).replacen("\"revision\": 12", "\"revision\": 12,,", 1);
        assert!(matches!(
            read_member_file(&text),
            Err(ReadError::Damaged { .. })
        ));
    }

    #[test]
    fn another_apps_json_is_not_ours_and_says_what_it_claims_to_be() {
        assert_eq!(
            read_member_file(r#"{"format":"council-pack","schema_version":1}"#),
            Err(ReadError::NotOurFormat {
                found: Some("council-pack".into())
            })
        );
        assert_eq!(
            read_member_file(r#"[1,2,3]"#),
            Err(ReadError::NotOurFormat { found: None })
        );
    }

    #[test]
    fn a_file_from_a_newer_app_is_refused_before_its_record_is_read() {
        let text = format!(
            r#"{{"format":"{MEMBER_FORMAT}","schema_version":{},"record":"anything"}}"#,
            SCHEMA_VERSION + 1
        );
        assert_eq!(
            read_member_file(&text),
            Err(ReadError::NewerSchema {
                found: SCHEMA_VERSION + 1,
                supported: SCHEMA_VERSION
            })
        );
    }

    #[test]
    fn a_file_too_large_is_refused_before_parsing() {
        let text = " ".repeat(MAX_FILE_BYTES + 1);
        let error = read_member_file(&text).unwrap_err();
        assert_eq!(
            error,
            ReadError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            }
        );
        assert!(error.to_string().contains("21 MB"));
    }

    #[test]
    fn text_nested_too_deeply_or_too_long_is_refused_before_parsing() {
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert!(
            read_member_file(&deep)
                .unwrap_err()
                .to_string()
                .contains("nested more deeply")
        );
        let long = format!(
            r#"{{"format":"{MEMBER_FORMAT}","note":"{}"}}"#,
            "x".repeat(70_000)
        );
        assert!(
            read_member_file(&long)
                .unwrap_err()
                .to_string()
                .contains("longer than any answer")
        );
        let escaped_quote =
            write_member_file(&sample()).replacen("Leyland Central", "Leyland \\\"Central\\\"", 1);
        assert_eq!(
            read_member_file(&escaped_quote)
                .unwrap()
                .record
                .profile
                .ward,
            "Leyland \"Central\""
        );
    }

    #[test]
    fn a_header_naming_another_member_is_damage() {
        let mut file = sample();
        file.member_id = Uuid::from_u128(43);
        assert!(matches!(
            read_member_file(&write_member_file(&file)),
            Err(ReadError::Damaged { .. })
        ));
    }

    #[test]
    fn a_missing_field_is_damage_that_names_the_field() {
        let text = write_member_file(&sample()).replacen("\"ward\"", "\"wrad\"", 1);
        let error = read_member_file(&text).unwrap_err();
        assert!(error.to_string().contains("ward"), "{error}");
    }

    #[test]
    fn export_file_names_are_safe_and_dated() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            export_file_name("Cllr Bernadette O'Neill", date),
            "member-record-cllr-bernadette-o-neill-2026-11-23.json"
        );
        assert_eq!(
            export_file_name("  ", date),
            "member-record-councillor-2026-11-23.json"
        );
        assert_eq!(
            export_file_name("Siân Jones", date),
            "member-record-siân-jones-2026-11-23.json"
        );
    }

    /// The quick shape check against the rule it implements (proptest runs natively).
    #[cfg(not(target_arch = "wasm32"))]
    mod shape_rule {
        use proptest::prelude::*;

        use super::super::{MAX_DEPTH, MAX_STRING_BYTES, check_shape};

        /// The plain reading of the rule, one byte at a time, for the quick scan to agree with.
        fn check_shape_slowly(text: &str) -> bool {
            let (mut depth, mut in_string, mut escaped, mut run) = (0usize, false, false, 0usize);
            for byte in text.bytes() {
                if in_string {
                    run += 1;
                    if run > MAX_STRING_BYTES {
                        return false;
                    }
                    match (escaped, byte) {
                        (true, _) => escaped = false,
                        (false, b'\\') => escaped = true,
                        (false, b'"') => in_string = false,
                        _ => {}
                    }
                    continue;
                }
                match byte {
                    b'"' => {
                        in_string = true;
                        run = 0;
                    }
                    b'{' | b'[' => {
                        depth += 1;
                        if depth > MAX_DEPTH {
                            return false;
                        }
                    }
                    b'}' | b']' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            true
        }

        proptest! {
            #[test]
            fn the_quick_shape_check_agrees_with_the_plain_rule(
                parts in proptest::collection::vec(
                    prop_oneof![
                        Just("\"".to_owned()),
                        Just("\\".to_owned()),
                        Just("{".to_owned()),
                        Just("[".to_owned()),
                        Just("]".to_owned()),
                        "[a-zé ]{0,5}",
                        (0usize..3).prop_map(|n| "x".repeat(MAX_STRING_BYTES - 1 + n)),
                        (30usize..34).prop_map(|n| "[".repeat(n)),
                    ],
                    0..12,
                )
            ) {
                let text = parts.concat();
                prop_assert_eq!(check_shape(&text).is_ok(), check_shape_slowly(&text), "{:?}", text.len());
            }
        }
    }
}
