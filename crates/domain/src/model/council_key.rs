//! The council key's public half, as a council pack carries it: the key members' apps seal
//! their files for the council to, with its id and the short fingerprint people compare.
//!
//! The id is the SHA-256 of the public key (an uncompressed P-256 point), in hex; the
//! fingerprint is the id's first 16 digits in four groups of four, in capitals. Both are
//! worked out from the key, so a pack whose key, id and fingerprint disagree is damaged.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Bytes of an uncompressed P-256 public key: `0x04`, then x and y.
pub const COUNCIL_PUBLIC_KEY_BYTES: usize = 65;

/// A council key's public half, with its id and fingerprint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilKey {
    /// The SHA-256 of the public key's bytes, 64 lower-case hex digits.
    pub key_id: String,
    /// The id's first 16 hex digits in capitals, in four groups of four: `3F2A 9C10 77D1 0B4E`.
    pub fingerprint: String,
    /// The public key: an uncompressed P-256 point (65 bytes), in base64.
    pub public_key: String,
}

/// What is wrong with a council key, in words that follow "because" or "damaged:".
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyFault {
    #[error("its council key is not a public key of the kind the app seals files to")]
    NotAKey,
    #[error("its council key does not match the key's id or fingerprint")]
    Mismatch,
}

/// A key's id: the SHA-256 of its bytes, in lower-case hex.
pub fn key_id(public_key: &[u8]) -> String {
    Sha256::digest(public_key)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fingerprint people compare for the key with this id: its first 16 hex digits, in
/// capitals, in four groups of four. An id too short to have one gives what it has.
pub fn fingerprint(key_id: &str) -> String {
    let digits: Vec<char> = key_id
        .chars()
        .take(16)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    digits
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

impl CouncilKey {
    /// The key, id and fingerprint for a public key's bytes.
    pub fn from_public_key(public_key: &[u8; COUNCIL_PUBLIC_KEY_BYTES]) -> Self {
        let key_id = key_id(public_key);
        Self {
            fingerprint: fingerprint(&key_id),
            key_id,
            public_key: BASE64.encode(public_key),
        }
    }

    /// The public key's bytes, when they are an uncompressed point of the right length.
    /// Whether the point is on the curve is for the curve's code (WebCrypto) to say.
    pub fn public_key_bytes(&self) -> Option<[u8; COUNCIL_PUBLIC_KEY_BYTES]> {
        let bytes: [u8; COUNCIL_PUBLIC_KEY_BYTES] =
            BASE64.decode(&self.public_key).ok()?.try_into().ok()?;
        (bytes[0] == 0x04).then_some(bytes)
    }

    /// What is wrong with this key, if anything.
    pub fn fault(&self) -> Option<KeyFault> {
        let Some(bytes) = self.public_key_bytes() else {
            return Some(KeyFault::NotAKey);
        };
        let id = key_id(&bytes);
        (self.key_id != id || self.fingerprint != fingerprint(&id)).then_some(KeyFault::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(fill: u8) -> [u8; COUNCIL_PUBLIC_KEY_BYTES] {
        let mut bytes = [fill; COUNCIL_PUBLIC_KEY_BYTES];
        bytes[0] = 0x04;
        bytes
    }

    #[test]
    fn the_fingerprint_is_four_groups_of_four_from_the_keys_hash() {
        let key = CouncilKey::from_public_key(&point(1));
        assert_eq!(key.key_id.len(), 64);
        assert!(
            key.key_id
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_eq!(key.fingerprint.len(), 19);
        assert_eq!(
            key.fingerprint.replace(' ', ""),
            key.key_id[..16].to_ascii_uppercase()
        );
        assert_eq!(key.fault(), None);
        assert_ne!(
            key.fingerprint,
            CouncilKey::from_public_key(&point(2)).fingerprint
        );
    }

    #[test]
    fn the_id_is_the_sha256_of_the_key() {
        // SHA-256 of the empty string, as published.
        assert_eq!(
            key_id(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(fingerprint(&key_id(b"")), "E3B0 C442 98FC 1C14");
    }

    #[test]
    fn a_key_that_is_not_a_whole_uncompressed_point_or_does_not_match_is_faulty() {
        let good = CouncilKey::from_public_key(&point(3));
        let mut short = good.clone();
        short.public_key = BASE64.encode([4; 33]);
        let mut compressed = good.clone();
        let mut bytes = point(3);
        bytes[0] = 0x02;
        compressed.public_key = BASE64.encode(bytes);
        let mut not_base64 = good.clone();
        not_base64.public_key = "not a key!".into();
        for bad in [short, compressed, not_base64] {
            assert_eq!(bad.fault(), Some(KeyFault::NotAKey));
        }
        let mut other_id = good.clone();
        other_id.key_id = key_id(&point(4));
        let mut other_fingerprint = good.clone();
        other_fingerprint.fingerprint = "0000 0000 0000 0000".into();
        let mut other_key = good;
        other_key.public_key = BASE64.encode(point(5));
        for bad in [other_id, other_fingerprint, other_key] {
            assert_eq!(bad.fault(), Some(KeyFault::Mismatch));
        }
    }
}
