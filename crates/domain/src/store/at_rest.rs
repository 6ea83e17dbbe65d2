//! The officer's workspace locked at rest: how each member's record is kept once the
//! workspace has a data key, and how the data key itself is kept.
//!
//! Each entry in the members' store is then a [`HeldRecord`]: the entry's text (the member
//! as `consolidate::HeldMember::to_stored` writes them) encrypted with AES-256-GCM under the workspace's data key, a random nonce, and the
//! member's id (which is the entry's key anyway) as associated data, so an entry cannot
//! be passed off as another member's. The data key is random; it is kept only wrapped
//! ([`DataKey`]) under a PBKDF2-HMAC-SHA256 key of the officer's passphrase, the council
//! key's, so that one passphrase unlocks both. An entry written before the workspace was
//! locked is in the clear, and reads as it is until it is encrypted in its place:
//! a workspace part-way through being encrypted loses nothing.
//!
//! The list of members the officer expects files from is kept the same way, as an entry
//! under [`ROSTER_ID`], which no member's id can be.
//!
//! As elsewhere, this module does the formats; the cipher is the caller's (WebCrypto), and
//! so is where the data key is kept (the browser keeps it where it can be added only once,
//! so that two tabs cannot each make one).

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::exchange::{WrappedKey, Wrapping};

/// The format name of a kept data key.
pub const DATA_KEY_FORMAT: &str = "member-development-data-key";
/// The format name of an encrypted entry in the members' store.
pub const HELD_RECORD_FORMAT: &str = "member-development-held-record";
/// How the data key is encoded before it is wrapped: its 32 bytes as they are.
pub const DATA_KEY_ENCODING: &str = "raw";
/// Bytes of an entry's nonce.
pub const HELD_NONCE_BYTES: usize = 12;
/// The id the roster's entry is encrypted under: the nil id, which no member has (theirs
/// are random).
pub const ROSTER_ID: Uuid = Uuid::nil();

/// The workspace's data key, wrapped under the officer's passphrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataKey {
    pub format: String,
    pub version: u32,
    pub created_at: DateTime<Utc>,
    pub key: WrappedKey,
}

impl DataKey {
    /// The associated data the data key is wrapped with.
    pub const ASSOCIATED_DATA: &'static [u8] = DATA_KEY_FORMAT.as_bytes();

    /// A new data key as kept: `wrapped` is its raw bytes encrypted under `wrapping`'s key
    /// with [`Self::ASSOCIATED_DATA`].
    pub fn new(created_at: DateTime<Utc>, wrapping: &Wrapping, wrapped: &[u8]) -> Self {
        Self {
            format: DATA_KEY_FORMAT.to_owned(),
            version: 1,
            created_at,
            key: WrappedKey {
                encoding: DATA_KEY_ENCODING.to_owned(),
                cipher: crate::exchange::CIPHER.to_owned(),
                kdf: crate::exchange::KDF.to_owned(),
                iterations: wrapping.iterations,
                salt: BASE64.encode(wrapping.salt),
                nonce: BASE64.encode(wrapping.nonce),
                ciphertext: BASE64.encode(wrapped),
            },
        }
    }

    /// The salt, rounds and nonce it was wrapped with; `None` when the kept copy is damaged.
    pub fn wrapping(&self) -> Option<Wrapping> {
        let bytes = |text: &str| BASE64.decode(text).ok();
        Some(Wrapping {
            salt: bytes(&self.key.salt)?.try_into().ok()?,
            iterations: self.key.iterations,
            nonce: bytes(&self.key.nonce)?.try_into().ok()?,
        })
    }

    /// The wrapped key's bytes; `None` when the kept copy is damaged.
    pub fn wrapped(&self) -> Option<Vec<u8>> {
        BASE64.decode(&self.key.ciphertext).ok()
    }
}

/// Why the workspace's kept data key cannot be used, in the officer's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DataKeyError {
    #[error(
        "The key that locks the members' records in this browser cannot be read, so they cannot be opened here. They are left as they are; the members' files can be imported again."
    )]
    Unreadable,
    #[error(
        "The members' records in this browser were locked by a newer version of the app. Update the app on this device, then reload the page."
    )]
    Newer,
}

/// Reads the workspace's kept data key. A kept copy that cannot be read is refused, never
/// replaced: the records it encrypted would be lost with it.
pub fn read_data_key(text: &str) -> Result<DataKey, DataKeyError> {
    let key: DataKey = serde_json::from_str(text).map_err(|_| DataKeyError::Unreadable)?;
    if key.format != DATA_KEY_FORMAT || key.key.encoding != DATA_KEY_ENCODING {
        return Err(DataKeyError::Unreadable);
    }
    if key.version > 1 {
        return Err(DataKeyError::Newer);
    }
    if key.wrapping().is_none() || key.wrapped().is_none_or(|w| w.len() != 32 + 16) {
        return Err(DataKeyError::Unreadable);
    }
    Ok(key)
}

impl DataKey {
    /// The data key as kept.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("a data key always serialises")
    }
}

/// One member's record as a locked workspace keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldRecord {
    pub format: String,
    pub member_id: Uuid,
    /// The cipher's nonce, base64.
    pub nonce: String,
    /// The entry's text, encrypted, its tag at the end, base64.
    pub ciphertext: String,
}

impl HeldRecord {
    /// The entry for `member_id` whose record AES-256-GCM encrypted to `ciphertext` with
    /// `nonce` and [`held_associated_data`].
    pub fn new(member_id: Uuid, nonce: &[u8; HELD_NONCE_BYTES], ciphertext: &[u8]) -> Self {
        Self {
            format: HELD_RECORD_FORMAT.to_owned(),
            member_id,
            nonce: BASE64.encode(nonce),
            ciphertext: BASE64.encode(ciphertext),
        }
    }

    /// The entry as the store keeps it.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("an entry always serialises")
    }

    /// The nonce's bytes, when whole.
    pub fn nonce_bytes(&self) -> Option<[u8; HELD_NONCE_BYTES]> {
        BASE64.decode(&self.nonce).ok()?.try_into().ok()
    }

    /// The ciphertext's bytes, when readable.
    pub fn ciphertext_bytes(&self) -> Option<Vec<u8>> {
        BASE64.decode(&self.ciphertext).ok()
    }
}

/// The associated data of a member's entry: their id, as text.
pub fn held_associated_data(member_id: Uuid) -> Vec<u8> {
    member_id.to_string().into_bytes()
}

/// What an entry of the members' store holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeldEntry {
    /// An entry in the clear, kept before the workspace was locked at rest.
    Plain(String),
    /// A record encrypted under the data key.
    Locked(HeldRecord),
}

/// Whether `text` claims to be an encrypted entry, without reading it: it starts with its
/// format, as [`HeldRecord::to_text`] writes it.
pub fn is_held_record(text: &str) -> bool {
    text.strip_prefix("{\"format\":\"")
        .and_then(|rest| rest.strip_prefix(HELD_RECORD_FORMAT))
        .is_some_and(|rest| rest.starts_with('"'))
}

/// Tells an encrypted entry from a plain one. An entry that claims to be encrypted but
/// does not read as one is left to the held members' reader as it is, which counts it
/// unreadable and leaves it untouched.
pub fn read_held_entry(text: String) -> HeldEntry {
    if !is_held_record(&text) {
        return HeldEntry::Plain(text);
    }
    match serde_json::from_str::<HeldRecord>(&text) {
        Ok(record) => HeldEntry::Locked(record),
        Err(_) => HeldEntry::Plain(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn data_key() -> DataKey {
        DataKey::new(
            Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap(),
            &Wrapping::fresh([1; 16], [2; 12]),
            &[3; 48],
        )
    }

    #[test]
    fn a_data_key_is_kept_and_read_back_and_a_damaged_one_is_refused() {
        let kept = read_data_key(&data_key().to_text()).unwrap();
        assert_eq!(kept, data_key());
        assert_eq!(kept.wrapping(), Some(Wrapping::fresh([1; 16], [2; 12])));
        assert_eq!(kept.wrapped(), Some(vec![3; 48]));

        assert_eq!(read_data_key("{\"format\":"), Err(DataKeyError::Unreadable));
        let mut short = data_key();
        short.key.ciphertext = BASE64.encode([3; 16]);
        assert_eq!(
            read_data_key(&short.to_text()),
            Err(DataKeyError::Unreadable)
        );
        let mut other = data_key();
        other.format = "member-development-council-key".to_owned();
        assert_eq!(
            read_data_key(&other.to_text()),
            Err(DataKeyError::Unreadable)
        );
        let mut newer = data_key();
        newer.version = 2;
        assert_eq!(read_data_key(&newer.to_text()), Err(DataKeyError::Newer));
    }

    #[test]
    fn an_encrypted_entry_reads_as_locked_and_holds_no_name() {
        let id = Uuid::from_u128(7);
        let entry = HeldRecord::new(
            id,
            &[4; HELD_NONCE_BYTES],
            b"Cllr Bernadette O'Neill, enciphered",
        );
        let text = entry.to_text();
        assert!(is_held_record(&text));
        assert_eq!(
            read_held_entry(text.clone()),
            HeldEntry::Locked(entry.clone())
        );
        assert_eq!(entry.nonce_bytes(), Some([4; HELD_NONCE_BYTES]));
        assert!(!text.contains("Bernadette"));
        assert_eq!(held_associated_data(id), id.to_string().into_bytes());
    }

    #[test]
    fn an_entry_in_the_clear_or_a_damaged_one_reads_as_plain_for_the_members_reader() {
        let plain = "{\"format\":\"member-development-record\",\"schema_version\":6}".to_owned();
        assert_eq!(
            read_held_entry(plain.clone()),
            HeldEntry::Plain(plain.clone())
        );
        assert!(!is_held_record(&plain));
        assert!(!is_held_record("Cllr Amrit Kaur"));
        assert!(!is_held_record(&format!(
            "{{\"format\":\"{HELD_RECORD_FORMAT}-2\""
        )));
        let damaged = format!("{{\"format\":\"{HELD_RECORD_FORMAT}\",\"member_id\":");
        assert_eq!(read_held_entry(damaged.clone()), HeldEntry::Plain(damaged));
    }
}
