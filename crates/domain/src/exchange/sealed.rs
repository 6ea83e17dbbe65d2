//! Member files locked with a passphrase.
//!
//! A sealed file keeps a readable header (format, data version, app version, export time,
//! member id, revision, and how it was locked) and carries the whole member file as an
//! AES-256-GCM ciphertext, with the key derived from the passphrase by PBKDF2-HMAC-SHA256.
//! The header is the cipher's associated data, so changing any of it makes the file fail
//! to open just as a wrong passphrase or a changed byte of the ciphertext does. The
//! member's name appears only inside the ciphertext.
//!
//! This module does the format; the cipher itself is the browser's (WebCrypto), so the
//! caller derives the key and encrypts or decrypts the bytes this module hands it.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::json_fault::{Within, damage};
use super::member_file::{from_header, read_current, read_header};
use super::{Damage, MEMBER_FORMAT, MemberFile, ReadError, SCHEMA_VERSION, read_member_file};

/// The cipher every sealed file uses.
pub const CIPHER: &str = "AES-256-GCM";
/// How the key is made from the passphrase.
pub const KDF: &str = "PBKDF2-HMAC-SHA256";
/// PBKDF2 rounds written into new files: the level OWASP recommends for HMAC-SHA256.
pub const KDF_ITERATIONS: u32 = 600_000;
/// No file locked with fewer rounds is accepted: it would be too easy to guess.
const MIN_ITERATIONS: u32 = KDF_ITERATIONS;
/// Nor with more than this: a file that asks for more is damaged or hostile, and would
/// hold up the page for minutes.
const MAX_ITERATIONS: u32 = 10_000_000;
/// Bytes of salt for the key: the council pack's locking salt, or a random one.
pub const SALT_BYTES: usize = crate::model::pack::LOCKING_SALT_BYTES;
/// Bytes of random nonce for the cipher.
pub const NONCE_BYTES: usize = 12;
/// Bytes of the authentication tag at the end of the ciphertext.
pub(super) const TAG_BYTES: usize = 16;
/// The ciphertext is written as base64 in pieces no longer than this, so that no string
/// in the file is longer than any string a member file may hold.
const PIECE_CHARS: usize = 16 * 1024;

/// A ciphertext as a file writes it: base64, in pieces of at most [`PIECE_CHARS`].
pub(super) fn in_pieces(ciphertext: &[u8]) -> Vec<String> {
    BASE64
        .encode(ciphertext)
        .as_bytes()
        .chunks(PIECE_CHARS)
        .map(|piece| String::from_utf8_lossy(piece).into_owned())
        .collect()
}

/// The member file a cipher opened, which must be the one its header names.
pub(super) fn record_inside(
    plaintext: &[u8],
    member_id: Uuid,
    revision: u64,
) -> Result<MemberFile, ReadError> {
    let text = std::str::from_utf8(plaintext).map_err(|_| ReadError::damaged(Damage::NotText))?;
    let file = read_member_file(text)?;
    if file.member_id != member_id || file.revision != revision {
        return Err(ReadError::damaged(Damage::HeaderMismatch));
    }
    Ok(file)
}

/// How a sealed file was locked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Encryption {
    /// Always [`CIPHER`].
    pub cipher: String,
    /// Always [`KDF`].
    pub kdf: String,
    pub iterations: u32,
    /// The salt for the key, base64.
    pub salt: String,
    /// The cipher's nonce, base64.
    pub nonce: String,
}

/// The readable part of a sealed file. Every field of it is bound to the ciphertext.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedHeader {
    pub format: String,
    /// The data version of the member file inside.
    pub schema_version: u32,
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub member_id: Uuid,
    pub revision: u64,
    pub encryption: Encryption,
}

/// How a sealed file is written: the header's fields, then the ciphertext. It is read
/// field by field (see `read_sealed`): a flattened read would bring serde's buffering
/// deserialiser into the app for nothing.
#[derive(Serialize)]
struct Wire {
    #[serde(flatten)]
    header: SealedHeader,
    ciphertext: Vec<String>,
}

/// A sealed file that has been read and checked, ready to be opened with its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedFile {
    pub header: SealedHeader,
    salt: Vec<u8>,
    nonce: Vec<u8>,
    ciphertext: Vec<u8>,
}

impl SealedHeader {
    /// The header for sealing `file` with this salt (the council's, or random) and nonce
    /// (always fresh and random).
    pub fn for_file(file: &MemberFile, salt: &[u8; SALT_BYTES], nonce: &[u8; NONCE_BYTES]) -> Self {
        Self {
            format: MEMBER_FORMAT.to_owned(),
            schema_version: file.schema_version,
            app_version: file.app_version.clone(),
            exported_at: file.exported_at,
            member_id: file.member_id,
            revision: file.revision,
            encryption: Encryption {
                cipher: CIPHER.to_owned(),
                kdf: KDF.to_owned(),
                iterations: KDF_ITERATIONS,
                salt: BASE64.encode(salt),
                nonce: BASE64.encode(nonce),
            },
        }
    }

    /// The bytes the cipher binds to the ciphertext: the header as compact JSON, its
    /// fields always in the same order.
    pub fn associated_data(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a header always serialises")
    }
}

/// The name of a locked export: the member's id, never their name, for a locked file
/// travels by email and memory stick.
pub fn locked_file_name(member_id: Uuid, date: chrono::NaiveDate) -> String {
    format!(
        "member-record-{}-{}-locked.json",
        super::for_council::short_id(member_id),
        crate::model::dates::iso_date(date)
    )
}

/// The bytes to encrypt for `file`: the whole member file as compact JSON.
pub fn sealing_plaintext(file: &MemberFile) -> Vec<u8> {
    super::member_file::compact_member_file(file).into_bytes()
}

/// Writes a sealed file from its header and the ciphertext (tag included) that the
/// cipher made of [`sealing_plaintext`] with the header's [`SealedHeader::associated_data`].
pub fn write_sealed_file(header: SealedHeader, ciphertext: &[u8]) -> String {
    let ciphertext = in_pieces(ciphertext);
    let compact = serde_json::to_string(&Wire { header, ciphertext })
        .expect("a sealed file always serialises");
    super::layout::indented(&compact)
}

impl SealedFile {
    pub fn salt(&self) -> &[u8] {
        &self.salt
    }

    pub fn nonce(&self) -> &[u8] {
        &self.nonce
    }

    pub fn iterations(&self) -> u32 {
        self.header.encryption.iterations
    }

    /// The ciphertext, its tag at the end.
    pub fn ciphertext(&self) -> &[u8] {
        &self.ciphertext
    }

    pub fn associated_data(&self) -> Vec<u8> {
        self.header.associated_data()
    }

    /// The member file inside, from the bytes the cipher opened. The file must be the one
    /// the header describes.
    pub fn open(&self, plaintext: &[u8]) -> Result<MemberFile, ReadError> {
        record_inside(plaintext, self.header.member_id, self.header.revision)
    }
}

/// What an exported file turned out to be. Made once per file read and unpacked at once,
/// so the difference in size between the two kinds costs nothing worth a box.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)]
pub enum Export {
    /// A plain member file, read, checked and upgraded.
    Plain(MemberFile),
    /// A file locked with a passphrase: its header is read and checked, its record awaits
    /// the key.
    Sealed(SealedFile),
    /// A file sealed to the council key: its header is read and checked, its record
    /// awaits the council's private key.
    ForCouncil(super::for_council::CouncilFile),
}

/// Reads an exported member file, plain, locked or sealed for the council, with every check a member file gets.
pub fn read_export(text: &str) -> Result<Export, ReadError> {
    if let Some(sealed) = super::for_council::read_council_quickly(text) {
        return sealed.map(Export::ForCouncil);
    }
    if let Some(file) = read_current(text) {
        return Ok(Export::Plain(file));
    }
    let (value, version) = read_header(text, MEMBER_FORMAT, SCHEMA_VERSION)?;
    if value.get("sealed_to").is_some() {
        return super::for_council::read_council_file(value).map(Export::ForCouncil);
    }
    if value.get("encryption").is_none() {
        return from_header(value, version).map(Export::Plain);
    }
    read_sealed(value).map(Export::Sealed)
}

pub(super) fn read_sealed(mut value: Value) -> Result<SealedFile, ReadError> {
    // The ciphertext comes out first, so the header is read without copying it.
    let ciphertext = value
        .as_object_mut()
        .and_then(|fields| fields.remove("ciphertext"))
        .ok_or(ReadError::damaged(Damage::Unreadable("locked record")))?;
    let ciphertext: Vec<String> = serde_json::from_value(ciphertext)
        .map_err(|_| ReadError::damaged(Damage::Unreadable("locked record")))?;
    // Read from text, so that a fault is found by where it is (see `json_fault`); the
    // header is small.
    let text = value.to_string();
    let header: SealedHeader = serde_json::from_str(&text)
        .map_err(|error| ReadError::damaged(damage(&error, &text, Within::MemberFile)))?;
    let lock = &header.encryption;
    if lock.cipher != CIPHER || lock.kdf != KDF {
        return Err(ReadError::UnknownLock {
            cipher: lock.cipher.chars().take(40).collect(),
            kdf: lock.kdf.chars().take(40).collect(),
        });
    }
    if lock.iterations < MIN_ITERATIONS {
        return Err(ReadError::damaged(Damage::WeakLock(lock.iterations)));
    }
    if lock.iterations > MAX_ITERATIONS {
        return Err(ReadError::damaged(Damage::CostlyLock(lock.iterations)));
    }
    let bytes = |text: &str, what: &'static str| {
        BASE64
            .decode(text)
            .map_err(|_| ReadError::damaged(Damage::Unreadable(what)))
    };
    let salt = bytes(&lock.salt, "locking salt")?;
    let nonce = bytes(&lock.nonce, "lock")?;
    let ciphertext = bytes(&ciphertext.concat(), "locked record")?;
    if salt.len() != SALT_BYTES || nonce.len() != NONCE_BYTES {
        return Err(ReadError::damaged(Damage::LockLength));
    }
    if ciphertext.len() <= TAG_BYTES {
        return Err(ReadError::damaged(Damage::NothingLocked));
    }
    Ok(SealedFile {
        header,
        salt,
        nonce,
        ciphertext,
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::exchange::member_file::tests::sample;

    /// Stands in for the cipher: the bytes reversed, with a 16-byte "tag". Enough to test
    /// the format; the real cipher is tested in the browser.
    fn pretend_cipher(plaintext: &[u8]) -> Vec<u8> {
        plaintext
            .iter()
            .rev()
            .copied()
            .chain([0; TAG_BYTES])
            .collect()
    }

    fn sealed_text() -> String {
        let file = sample();
        let header = SealedHeader::for_file(&file, &[1; SALT_BYTES], &[2; NONCE_BYTES]);
        write_sealed_file(header, &pretend_cipher(&sealing_plaintext(&file)))
    }

    #[test]
    fn a_sealed_file_reads_back_with_its_header_salt_nonce_and_ciphertext() {
        let file = sample();
        let Export::Sealed(sealed) = read_export(&sealed_text()).unwrap() else {
            panic!("a sealed file reads as sealed");
        };
        assert_eq!(sealed.header.member_id, file.member_id);
        assert_eq!(sealed.header.revision, 12);
        assert_eq!(sealed.header.exported_at, file.exported_at);
        assert_eq!(sealed.salt(), [1; SALT_BYTES]);
        assert_eq!(sealed.nonce(), [2; NONCE_BYTES]);
        assert_eq!(sealed.iterations(), KDF_ITERATIONS);
        let mut plaintext = sealed.ciphertext()[..sealed.ciphertext().len() - TAG_BYTES].to_vec();
        plaintext.reverse();
        assert_eq!(sealed.open(&plaintext).unwrap(), file);
    }

    #[test]
    fn a_plain_file_reads_as_plain() {
        let file = sample();
        assert_eq!(
            read_export(&super::super::write_member_file(&file)).unwrap(),
            Export::Plain(file)
        );
    }

    #[test]
    fn a_locked_files_name_is_the_members_id_not_their_name() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let id = Uuid::parse_str("3f2a9c10-77d1-4b4e-9c3d-111111111111").unwrap();
        assert_eq!(
            locked_file_name(id, date),
            "member-record-3f2a9c10-2026-12-01-locked.json"
        );
    }

    #[test]
    fn the_name_is_nowhere_in_a_sealed_file() {
        let text = sealed_text();
        assert!(!text.contains("Bernadette"));
        assert!(!text.contains("O'Neill"));
    }

    #[test]
    fn every_header_field_is_in_the_associated_data() {
        let file = sample();
        let header = SealedHeader::for_file(&file, &[1; SALT_BYTES], &[2; NONCE_BYTES]);
        let changes: Vec<fn(&mut SealedHeader)> = vec![
            |h| h.format.push('x'),
            |h| h.schema_version -= 1,
            |h| h.app_version.push('1'),
            |h| h.exported_at += chrono::Duration::seconds(1),
            |h| h.member_id = Uuid::from_u128(8),
            |h| h.revision += 1,
            |h| h.encryption.iterations += 1,
            |h| h.encryption.salt = BASE64.encode([3; SALT_BYTES]),
            |h| h.encryption.nonce = BASE64.encode([4; NONCE_BYTES]),
        ];
        for change in changes {
            let mut changed = header.clone();
            change(&mut changed);
            assert_ne!(changed.associated_data(), header.associated_data());
        }
    }

    #[test]
    fn a_record_that_is_not_the_one_the_header_names_is_refused() {
        let mut other = sample();
        other.revision = 13;
        let Export::Sealed(sealed) = read_export(&sealed_text()).unwrap() else {
            panic!("a sealed file reads as sealed");
        };
        let err = sealed.open(&sealing_plaintext(&other)).unwrap_err();
        assert!(err.to_string().contains("header does not match"), "{err}");
        assert!(sealed.open(&[0xff, 0xfe]).is_err());
    }

    #[test]
    fn a_long_record_is_written_in_pieces_no_longer_than_any_string_may_be() {
        let header = SealedHeader::for_file(&sample(), &[1; SALT_BYTES], &[2; NONCE_BYTES]);
        let text = write_sealed_file(header, &vec![7; 100_000]);
        let wire: Value = serde_json::from_str(&text).unwrap();
        let pieces = wire["ciphertext"].as_array().unwrap();
        assert!(pieces.len() > 1);
        assert!(
            pieces
                .iter()
                .all(|p| p.as_str().unwrap().len() <= PIECE_CHARS)
        );
        let Export::Sealed(sealed) = read_export(&text).unwrap() else {
            panic!("a sealed file reads as sealed");
        };
        assert_eq!(sealed.ciphertext(), vec![7; 100_000]);
    }

    /// The file `text` with one change made to its JSON, for the tests of every reader.
    pub(in crate::exchange) fn with(text: &str, change: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(text).unwrap();
        change(&mut value);
        value.to_string()
    }

    #[test]
    fn a_lock_the_app_does_not_know_or_trust_is_refused_before_any_key_is_made() {
        let text = sealed_text();
        let cases = [
            with(&text, |v| v["encryption"]["cipher"] = "ROT13".into()),
            with(&text, |v| v["encryption"]["kdf"] = "MD5".into()),
            with(&text, |v| v["encryption"]["iterations"] = 1000.into()),
            with(&text, |v| {
                v["encryption"]["iterations"] = 4_000_000_000u32.into()
            }),
            with(&text, |v| v["encryption"]["salt"] = "not base64!".into()),
            with(&text, |v| {
                v["encryption"]["nonce"] = BASE64.encode([1; 8]).into()
            }),
            with(&text, |v| {
                v["ciphertext"] = serde_json::json!([BASE64.encode([1; 16])])
            }),
            with(&text, |v| {
                v.as_object_mut().unwrap().remove("ciphertext");
            }),
        ];
        for case in cases {
            let err = read_export(&case).unwrap_err();
            assert!(
                matches!(
                    err,
                    ReadError::Damaged { .. } | ReadError::UnknownLock { .. }
                ),
                "{case}: {err:?}"
            );
        }
        let newer = with(&text, |v| v["schema_version"] = 99.into());
        assert!(matches!(
            read_export(&newer),
            Err(ReadError::NewerSchema { found: 99, .. })
        ));
    }
}
