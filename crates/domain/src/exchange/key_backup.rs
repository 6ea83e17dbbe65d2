//! The council key as the workspace keeps it and as the officer backs it up: one format for
//! both, so that a backup restores exactly what was kept.
//!
//! The private key is never written unwrapped. It is a PKCS#8 document (as WebCrypto
//! exports an ECDH P-256 private key) encrypted with AES-256-GCM under a key derived from
//! the officer's passphrase (Unicode NFC, then UTF-8) by PBKDF2-HMAC-SHA256; the key's id,
//! as ASCII, is the cipher's associated data, so a wrapped key cannot be passed off as
//! another. The public key, its id and fingerprint are in the clear: they are in every
//! pack anyway.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::sealed::{CIPHER, KDF, KDF_ITERATIONS, NONCE_BYTES, SALT_BYTES};
use crate::model::council_key::{COUNCIL_PUBLIC_KEY_BYTES, CouncilKey, KeyFault};
use crate::model::dates::iso_date;

/// The format name of a council key backup.
pub const KEY_BACKUP_FORMAT: &str = "member-development-council-key";
/// The version of the key backup this app writes.
pub const KEY_BACKUP_VERSION: u32 = 1;
/// How the wrapped private key is encoded before it is encrypted.
pub const PRIVATE_KEY_ENCODING: &str = "PKCS#8";
/// The largest key backup the app will read: a real one is under 2 KB.
const MAX_BACKUP_BYTES: usize = 64 * 1024;
/// Nor more rounds than this, which would hold up the page for minutes.
const MAX_ITERATIONS: u32 = 10_000_000;

/// The private key, encrypted under the officer's passphrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKey {
    /// Always [`PRIVATE_KEY_ENCODING`].
    pub encoding: String,
    /// Always AES-256-GCM.
    pub cipher: String,
    /// Always PBKDF2-HMAC-SHA256.
    pub kdf: String,
    pub iterations: u32,
    /// The salt for the passphrase's key, base64.
    pub salt: String,
    /// The cipher's nonce, base64.
    pub nonce: String,
    /// The encrypted PKCS#8 document, its tag at the end, base64.
    pub ciphertext: String,
}

/// A council key: its public half and its private half, wrapped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyBackup {
    pub format: String,
    pub version: u32,
    /// The council the key is for, as the pack names it.
    pub council: String,
    pub created_at: DateTime<Utc>,
    /// As a pack's council key gives them (see [`CouncilKey`]); written out here rather
    /// than flattened, so the app needs no buffering reader for it.
    pub key_id: String,
    pub fingerprint: String,
    pub public_key: String,
    pub private_key: WrappedKey,
}

/// Why a key backup could not be read, in the officer's words.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum KeyBackupError {
    #[error(
        "This file is not a council key backup. Choose the file saved with “Download the key backup” (called council-key-… .json)."
    )]
    NotABackup,
    #[error(
        "This key backup was made by a newer version of the app. Update the app on this device, then try again."
    )]
    Newer,
    #[error("This key backup is damaged: {0}. Use another copy of the backup.")]
    Damaged(&'static str),
}

/// What a passphrase-derived key needs: the salt and rounds of a wrapped key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wrapping {
    pub salt: [u8; SALT_BYTES],
    pub iterations: u32,
    pub nonce: [u8; NONCE_BYTES],
}

impl Wrapping {
    /// The wrapping for a new key: fresh random salt and nonce, and the app's rounds.
    pub fn fresh(salt: [u8; SALT_BYTES], nonce: [u8; NONCE_BYTES]) -> Self {
        Self {
            salt,
            iterations: KDF_ITERATIONS,
            nonce,
        }
    }
}

impl KeyBackup {
    /// A new council key as kept and backed up: `wrapped` is the PKCS#8 private key
    /// encrypted under `wrapping`'s key with [`Self::associated_data`] of the key's id.
    pub fn new(
        council: &str,
        created_at: DateTime<Utc>,
        public_key: &[u8; COUNCIL_PUBLIC_KEY_BYTES],
        wrapping: &Wrapping,
        wrapped: &[u8],
    ) -> Self {
        let CouncilKey {
            key_id,
            fingerprint,
            public_key,
        } = CouncilKey::from_public_key(public_key);
        Self {
            format: KEY_BACKUP_FORMAT.to_owned(),
            version: KEY_BACKUP_VERSION,
            council: council.to_owned(),
            created_at,
            key_id,
            fingerprint,
            public_key,
            private_key: WrappedKey {
                encoding: PRIVATE_KEY_ENCODING.to_owned(),
                cipher: CIPHER.to_owned(),
                kdf: KDF.to_owned(),
                iterations: wrapping.iterations,
                salt: BASE64.encode(wrapping.salt),
                nonce: BASE64.encode(wrapping.nonce),
                ciphertext: BASE64.encode(wrapped),
            },
        }
    }

    /// The key's public half, as a pack carries it.
    pub fn public(&self) -> CouncilKey {
        CouncilKey {
            key_id: self.key_id.clone(),
            fingerprint: self.fingerprint.clone(),
            public_key: self.public_key.clone(),
        }
    }

    /// The associated data the private key is wrapped with: the key's id, as ASCII.
    pub fn associated_data(key_id: &str) -> Vec<u8> {
        key_id.as_bytes().to_vec()
    }

    /// The salt, rounds and nonce the private key was wrapped with.
    pub fn wrapping(&self) -> Wrapping {
        let bytes = |text: &str| BASE64.decode(text).unwrap_or_default();
        Wrapping {
            salt: bytes(&self.private_key.salt)
                .try_into()
                .unwrap_or([0; SALT_BYTES]),
            iterations: self.private_key.iterations,
            nonce: bytes(&self.private_key.nonce)
                .try_into()
                .unwrap_or([0; NONCE_BYTES]),
        }
    }

    /// The wrapped private key's bytes.
    pub fn wrapped(&self) -> Vec<u8> {
        BASE64
            .decode(&self.private_key.ciphertext)
            .unwrap_or_default()
    }

    /// The public key's bytes (checked when the backup was read or made).
    pub fn public_key_bytes(&self) -> [u8; COUNCIL_PUBLIC_KEY_BYTES] {
        self.public()
            .public_key_bytes()
            .expect("a kept key's public key is checked when it is read")
    }

    /// What is wrong with this backup, if anything: every check that can be made without
    /// the passphrase.
    pub fn fault(&self) -> Option<KeyBackupError> {
        let damaged = KeyBackupError::Damaged;
        match self.public().fault() {
            Some(KeyFault::NotAKey) => return Some(damaged("its public key is not a whole key")),
            Some(KeyFault::Mismatch) => {
                return Some(damaged("its public key does not match its fingerprint"));
            }
            None => {}
        }
        let wrapped = &self.private_key;
        if wrapped.encoding != PRIVATE_KEY_ENCODING
            || wrapped.cipher != CIPHER
            || wrapped.kdf != KDF
        {
            return Some(KeyBackupError::Newer);
        }
        if !(KDF_ITERATIONS..=MAX_ITERATIONS).contains(&wrapped.iterations) {
            return Some(damaged(
                "the number of rounds its key is locked with is not one the app uses",
            ));
        }
        let length = |text: &str| BASE64.decode(text).map(|b| b.len()).unwrap_or(0);
        if length(&wrapped.salt) != SALT_BYTES || length(&wrapped.nonce) != NONCE_BYTES {
            return Some(damaged(
                "the part that says how its key is locked is unreadable",
            ));
        }
        // A PKCS#8 P-256 key and its 16-byte tag are well over 64 bytes.
        if length(&wrapped.ciphertext) < 64 {
            return Some(damaged("its private key is unreadable"));
        }
        None
    }
}

/// Writes a key backup (or the copy the workspace keeps) as indented JSON.
pub fn write_key_backup(backup: &KeyBackup) -> String {
    let compact = serde_json::to_string(backup).expect("a key backup always serialises");
    super::layout::indented(&compact)
}

/// Reads a key backup, with every check that can be made without the passphrase.
pub fn read_key_backup(text: &str) -> Result<KeyBackup, KeyBackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(KeyBackupError::NotABackup);
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| KeyBackupError::NotABackup)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(KEY_BACKUP_FORMAT) {
        return Err(KeyBackupError::NotABackup);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(KEY_BACKUP_VERSION) => {}
        Some(v) if v > u64::from(KEY_BACKUP_VERSION) => return Err(KeyBackupError::Newer),
        _ => {
            return Err(KeyBackupError::Damaged(
                "it does not say which version it is",
            ));
        }
    }
    let backup: KeyBackup = serde_json::from_value(value)
        .map_err(|_| KeyBackupError::Damaged("a part of it is missing or unreadable"))?;
    match backup.fault() {
        Some(fault) => Err(fault),
        None => Ok(backup),
    }
}

/// The name of a key backup: the council key's fingerprint and the day, no member's name.
pub fn key_backup_file_name(key: &CouncilKey, date: NaiveDate) -> String {
    format!(
        "council-key-{}-{}.json",
        key.fingerprint.replace(' ', "").to_ascii_lowercase(),
        iso_date(date)
    )
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use serde_json::Value;

    use super::*;

    fn backup() -> KeyBackup {
        let mut point = [3; COUNCIL_PUBLIC_KEY_BYTES];
        point[0] = 4;
        KeyBackup::new(
            "South Ribble Borough Council",
            Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap(),
            &point,
            &Wrapping::fresh([1; SALT_BYTES], [2; NONCE_BYTES]),
            &[7; 154],
        )
    }

    fn with(change: impl FnOnce(&mut Value)) -> String {
        crate::exchange::sealed::tests::with(&write_key_backup(&backup()), change)
    }

    #[test]
    fn a_backup_reads_back_as_written() {
        let kept = backup();
        let read = read_key_backup(&write_key_backup(&kept)).unwrap();
        assert_eq!(read, kept);
        assert_eq!(
            read.wrapping(),
            Wrapping::fresh([1; SALT_BYTES], [2; NONCE_BYTES])
        );
        assert_eq!(read.wrapped(), vec![7; 154]);
        assert_eq!(read.public_key_bytes()[0], 4);
    }

    #[test]
    fn its_name_is_the_keys_fingerprint_and_the_day() {
        let kept = backup();
        let name = key_backup_file_name(
            &kept.public(),
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        );
        assert_eq!(
            name,
            format!(
                "council-key-{}-2026-12-01.json",
                kept.key_id[..16].to_owned()
            )
        );
    }

    #[test]
    fn a_file_that_is_not_a_backup_or_is_damaged_or_newer_says_so() {
        let cases = [
            ("{}".to_owned(), KeyBackupError::NotABackup),
            ("not json".to_owned(), KeyBackupError::NotABackup),
            (
                with(|v| v["format"] = "member-development-record".into()),
                KeyBackupError::NotABackup,
            ),
            (with(|v| v["version"] = 2.into()), KeyBackupError::Newer),
            (
                with(|v| v["private_key"]["cipher"] = "ROT13".into()),
                KeyBackupError::Newer,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(read_key_backup(&text).unwrap_err(), expected, "{text}");
        }
        let damaged = [
            with(|v| v["version"] = "one".into()),
            with(|v| v["fingerprint"] = "0000 0000 0000 0000".into()),
            with(|v| v["public_key"] = BASE64.encode([4; 33]).into()),
            with(|v| v["private_key"]["iterations"] = 1000.into()),
            with(|v| v["private_key"]["salt"] = "??".into()),
            with(|v| v["private_key"]["ciphertext"] = BASE64.encode([1; 20]).into()),
            with(|v| {
                v.as_object_mut().unwrap().remove("private_key");
            }),
        ];
        for text in damaged {
            let err = read_key_backup(&text).unwrap_err();
            assert!(matches!(err, KeyBackupError::Damaged(_)), "{text}: {err}");
            assert!(err.to_string().starts_with("This key backup is damaged: "));
        }
    }
}
