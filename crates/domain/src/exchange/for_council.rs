//! A member's file for the council: the whole member file sealed to the council key with
//! HPKE (RFC 9180, base mode: DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM), so that
//! only the workspace holding the council's private key opens it. No passphrase is asked.
//!
//! The file keeps a readable header (format, data version, app version, export time, member
//! id, revision, and `sealed_to`: the HPKE suite, the council key's id and the KEM's
//! encapsulated key). The header, as compact JSON in the order written, is the AEAD's
//! associated data, so a changed field is refused like a changed byte of the ciphertext.
//! The member's name and record appear only inside the ciphertext.
//!
//! This module does the format and, with [`super::hpke`], the key schedule. The curve and
//! the cipher are the caller's: the browser's WebCrypto in the app.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::hpke::{self, AeadKey, DH_BYTES, PUBLIC_KEY_BYTES};
use super::json_fault::{Within, damage};
use super::sealed::{TAG_BYTES, in_pieces, record_inside};
use super::{Damage, MEMBER_FORMAT, MemberFile, ReadError, SCHEMA_VERSION};
use crate::model::council_key::{CouncilKey, fingerprint};
use crate::model::dates::iso_date;

/// The HPKE `info` every file for the council is sealed with.
pub const HPKE_INFO: &[u8] = b"Member Development Record: a member's file for the council";
/// What a file's `sealed_to.hpke` says.
pub const HPKE_STANDARD: &str = "RFC 9180";

/// How a file for the council was sealed, and to which key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedTo {
    /// Always [`HPKE_STANDARD`].
    pub hpke: String,
    /// Always `base`.
    pub mode: String,
    pub kem: String,
    pub kdf: String,
    pub aead: String,
    /// The id of the council key it is sealed to (see [`CouncilKey`]).
    pub key_id: String,
    /// The KEM's encapsulated key: the sender's ephemeral public key, an uncompressed
    /// P-256 point in base64.
    pub enc: String,
}

/// The readable part of a file for the council. Every field of it is bound to the ciphertext.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilHeader {
    pub format: String,
    /// The data version of the member file inside.
    pub schema_version: u32,
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub member_id: Uuid,
    pub revision: u64,
    pub sealed_to: SealedTo,
}

#[derive(Serialize)]
struct Wire {
    #[serde(flatten)]
    header: CouncilHeader,
    ciphertext: Vec<String>,
}

/// A file for the council that has been read and checked, ready for the council key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CouncilFile {
    pub header: CouncilHeader,
    enc: [u8; PUBLIC_KEY_BYTES],
    ciphertext: Vec<u8>,
}

impl CouncilHeader {
    /// The header for sealing `file` to `key`, with the ephemeral public key `enc`.
    pub fn for_file(file: &MemberFile, key: &CouncilKey, enc: &[u8; PUBLIC_KEY_BYTES]) -> Self {
        Self {
            format: MEMBER_FORMAT.to_owned(),
            schema_version: file.schema_version,
            app_version: file.app_version.clone(),
            exported_at: file.exported_at,
            member_id: file.member_id,
            revision: file.revision,
            sealed_to: SealedTo {
                hpke: HPKE_STANDARD.to_owned(),
                mode: hpke::MODE_NAME.to_owned(),
                kem: hpke::KEM_NAME.to_owned(),
                kdf: hpke::KDF_NAME.to_owned(),
                aead: hpke::AEAD_NAME.to_owned(),
                key_id: key.key_id.clone(),
                enc: BASE64.encode(enc),
            },
        }
    }

    /// The AEAD's associated data: the header as compact JSON, its fields in the order
    /// written.
    pub fn associated_data(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a header always serialises")
    }
}

/// The sender's AEAD key and nonce for a file sealed to `recipient` with the ephemeral
/// public key `enc`, given the Diffie-Hellman secret of the ephemeral private key and
/// the recipient's public key.
pub fn sealing_key(
    dh: &[u8; DH_BYTES],
    enc: &[u8; PUBLIC_KEY_BYTES],
    recipient: &[u8; PUBLIC_KEY_BYTES],
) -> AeadKey {
    hpke::aead_key(dh, enc, recipient, HPKE_INFO)
}

/// Writes a file for the council from its header and the ciphertext (tag included) that
/// AES-256-GCM made of [`super::sealing_plaintext`] under [`sealing_key`], with the
/// header's associated data.
pub fn write_council_file(header: CouncilHeader, ciphertext: &[u8]) -> String {
    let ciphertext = in_pieces(ciphertext);
    let compact = serde_json::to_string(&Wire { header, ciphertext })
        .expect("a file for the council always serialises");
    super::layout::indented(&compact)
}

/// The name of a member's file for the council: the member's id, never their name.
pub fn council_file_name(member_id: Uuid, date: NaiveDate) -> String {
    format!(
        "member-record-{}-{}-for-the-council.json",
        short_id(member_id),
        iso_date(date)
    )
}

/// The first eight hex digits of a member's id: enough to tell one member's files from
/// another's in a folder, and no name.
pub fn short_id(member_id: Uuid) -> String {
    member_id.simple().to_string()[..8].to_owned()
}

impl CouncilFile {
    /// The id of the council key it is sealed to.
    pub fn key_id(&self) -> &str {
        &self.header.sealed_to.key_id
    }

    /// The fingerprint of the council key it is sealed to, as people compare it.
    pub fn fingerprint(&self) -> String {
        fingerprint(self.key_id())
    }

    /// The KEM's encapsulated key.
    pub fn enc(&self) -> &[u8; PUBLIC_KEY_BYTES] {
        &self.enc
    }

    /// The ciphertext, its tag at the end.
    pub fn ciphertext(&self) -> &[u8] {
        &self.ciphertext
    }

    pub fn associated_data(&self) -> Vec<u8> {
        self.header.associated_data()
    }

    /// The recipient's AEAD key and nonce, given the Diffie-Hellman secret of the council's
    /// private key and [`Self::enc`], and the council key's public key.
    pub fn opening_key(&self, dh: &[u8; DH_BYTES], recipient: &[u8; PUBLIC_KEY_BYTES]) -> AeadKey {
        hpke::aead_key(dh, &self.enc, recipient, HPKE_INFO)
    }

    /// The member file inside, from the bytes the cipher opened. The file must be the one
    /// the header describes.
    pub fn open(&self, plaintext: &[u8]) -> Result<MemberFile, ReadError> {
        record_inside(plaintext, self.header.member_id, self.header.revision)
    }

    /// [`Self::open`], keeping the member file's text as it was sealed.
    pub fn open_text(&self, plaintext: Vec<u8>) -> Result<(MemberFile, String), ReadError> {
        let text = String::from_utf8(plaintext).map_err(|_| ReadError::damaged(Damage::NotText))?;
        let file = record_inside(text.as_bytes(), self.header.member_id, self.header.revision)?;
        Ok((file, text))
    }
}

pub(super) fn read_council_file(mut value: Value) -> Result<CouncilFile, ReadError> {
    let unreadable = || ReadError::damaged(Damage::Unreadable("sealed record"));
    let ciphertext = value
        .as_object_mut()
        .and_then(|fields| fields.remove("ciphertext"))
        .ok_or_else(unreadable)?;
    let ciphertext: Vec<String> = serde_json::from_value(ciphertext).map_err(|_| unreadable())?;
    let text = value.to_string();
    let header: CouncilHeader = serde_json::from_str(&text)
        .map_err(|error| ReadError::damaged(damage(&error, &text, Within::MemberFile)))?;
    checked(header, &ciphertext)
}

/// How a sound file for the council is laid out, for reading it in one pass.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireIn<'a> {
    format: String,
    schema_version: u32,
    app_version: String,
    exported_at: DateTime<Utc>,
    member_id: Uuid,
    revision: u64,
    sealed_to: SealedTo,
    /// Borrowed from the file's text: base64 has nothing to unescape.
    #[serde(borrow)]
    ciphertext: Vec<&'a str>,
}

/// The quick way in for a sound file for the council of a data version this app reads:
/// read straight from its text, with no tree of values in between (an officer's batch
/// may hold a thousand). Anything else returns `None`, and goes the careful way, which
/// says what is wrong.
pub(super) fn read_council_quickly(text: &str) -> Option<Result<CouncilFile, ReadError>> {
    if text.len() > super::MAX_FILE_BYTES {
        return None;
    }
    // The header comes first in every file the app writes.
    let head = &text.as_bytes()[..text.len().min(2048)];
    memchr::memmem::find(head, b"\"sealed_to\"")?;
    let wire: WireIn = serde_json::from_str(text).ok()?;
    if wire.format != MEMBER_FORMAT || !(1..=SCHEMA_VERSION).contains(&wire.schema_version) {
        return None;
    }
    let header = CouncilHeader {
        format: wire.format,
        schema_version: wire.schema_version,
        app_version: wire.app_version,
        exported_at: wire.exported_at,
        member_id: wire.member_id,
        revision: wire.revision,
        sealed_to: wire.sealed_to,
    };
    Some(checked(header, &wire.ciphertext))
}

/// The bytes of a ciphertext written in base64 pieces: each decoded in turn where every
/// piece but the last is whole groups of four (as the app writes them), else joined first.
fn decode_pieces<S: AsRef<str>>(pieces: &[S]) -> Option<Vec<u8>> {
    let whole = pieces
        .split_last()
        .is_none_or(|(_, rest)| rest.iter().all(|p| p.as_ref().len() % 4 == 0));
    if !whole {
        let joined: String = pieces.iter().map(AsRef::as_ref).collect();
        return BASE64.decode(joined).ok();
    }
    let length: usize = pieces.iter().map(|p| p.as_ref().len()).sum();
    let mut bytes = Vec::with_capacity(length / 4 * 3);
    for piece in pieces {
        BASE64.decode_vec(piece.as_ref(), &mut bytes).ok()?;
    }
    Some(bytes)
}

/// A file for the council whose header has been read: its suite, key id, sealing key and
/// ciphertext checked.
fn checked<S: AsRef<str>>(
    header: CouncilHeader,
    ciphertext: &[S],
) -> Result<CouncilFile, ReadError> {
    let unreadable = || ReadError::damaged(Damage::Unreadable("sealed record"));
    let to = &header.sealed_to;
    if to.hpke != HPKE_STANDARD
        || to.mode != hpke::MODE_NAME
        || to.kem != hpke::KEM_NAME
        || to.kdf != hpke::KDF_NAME
        || to.aead != hpke::AEAD_NAME
    {
        return Err(ReadError::UnknownLock {
            cipher: format!("{} {}", to.hpke, to.mode)
                .chars()
                .take(40)
                .collect(),
            kdf: format!("{}, {}, {}", to.kem, to.kdf, to.aead)
                .chars()
                .take(80)
                .collect(),
        });
    }
    if to.key_id.len() != 64
        || !to
            .key_id
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    {
        return Err(ReadError::damaged(Damage::Unreadable("council key id")));
    }
    let enc: [u8; PUBLIC_KEY_BYTES] = BASE64
        .decode(&to.enc)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .filter(|bytes: &[u8; PUBLIC_KEY_BYTES]| bytes[0] == 0x04)
        .ok_or(ReadError::damaged(Damage::Unreadable("sealing key")))?;
    let ciphertext = decode_pieces(ciphertext).ok_or_else(unreadable)?;
    if ciphertext.len() <= TAG_BYTES {
        return Err(ReadError::damaged(Damage::NothingLocked));
    }
    Ok(CouncilFile {
        header,
        enc,
        ciphertext,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::member_file::tests::sample;
    use crate::exchange::sealed::tests::with;
    use crate::exchange::{Export, read_export, sealing_plaintext};

    fn key() -> CouncilKey {
        let mut point = [9; PUBLIC_KEY_BYTES];
        point[0] = 4;
        CouncilKey::from_public_key(&point)
    }

    fn enc() -> [u8; PUBLIC_KEY_BYTES] {
        let mut point = [5; PUBLIC_KEY_BYTES];
        point[0] = 4;
        point
    }

    fn council_text() -> String {
        let file = sample();
        let header = CouncilHeader::for_file(&file, &key(), &enc());
        let mut stand_in = sealing_plaintext(&file);
        stand_in.reverse();
        stand_in.extend([0; TAG_BYTES]);
        write_council_file(header, &stand_in)
    }

    fn read(text: &str) -> CouncilFile {
        match read_export(text).unwrap() {
            Export::ForCouncil(file) => file,
            other => panic!("a file for the council reads as one: {other:?}"),
        }
    }

    #[test]
    fn a_file_for_the_council_reads_back_with_its_key_id_enc_and_ciphertext() {
        let file = sample();
        let sealed = read(&council_text());
        assert_eq!(sealed.header.member_id, file.member_id);
        assert_eq!(sealed.header.revision, file.revision);
        assert_eq!(sealed.key_id(), key().key_id);
        assert_eq!(sealed.fingerprint(), key().fingerprint);
        assert_eq!(sealed.enc(), &enc());
        let mut plaintext = sealed.ciphertext()[..sealed.ciphertext().len() - TAG_BYTES].to_vec();
        plaintext.reverse();
        assert_eq!(sealed.open(&plaintext).unwrap(), file);
    }

    #[test]
    fn the_quick_way_in_reads_a_sound_file_as_the_careful_way_does() {
        let text = council_text();
        let quick = read_council_quickly(&text).expect("a sound file is read quickly");
        let (value, _) =
            crate::exchange::member_file::read_header(&text, MEMBER_FORMAT, SCHEMA_VERSION)
                .unwrap();
        assert_eq!(quick, read_council_file(value));
        // What is not sound, or not a file for the council, goes the careful way.
        let newer = with(&text, |v| v["schema_version"] = 99.into());
        let extra = with(&text, |v| v["name"] = "Cllr Bernadette O'Neill".into());
        let plain = crate::exchange::write_member_file(&sample());
        for other in [newer, extra, plain] {
            assert_eq!(read_council_quickly(&other), None);
        }
    }

    #[test]
    fn pieces_decode_alike_whole_or_split_anywhere() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let text = BASE64.encode(&bytes);
        assert_eq!(decode_pieces(&[text.as_str()]), Some(bytes.clone()));
        assert_eq!(
            decode_pieces(&[&text[..400], &text[400..]]),
            Some(bytes.clone())
        );
        assert_eq!(
            decode_pieces(&[&text[..401], &text[401..]]),
            Some(bytes.clone())
        );
        assert_eq!(decode_pieces::<&str>(&[]), Some(Vec::new()));
        assert_eq!(decode_pieces(&["not base64!"]), None);
    }

    #[test]
    fn neither_the_file_nor_its_name_holds_the_members_name() {
        let text = council_text();
        for part in ["Bernadette", "O'Neill", "South Ribble"] {
            assert!(!text.contains(part), "{part}");
        }
        let name = council_file_name(
            sample().member_id,
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        );
        assert_eq!(
            name,
            "member-record-00000000-2026-12-01-for-the-council.json"
        );
    }

    #[test]
    fn every_header_field_is_in_the_associated_data() {
        let header = CouncilHeader::for_file(&sample(), &key(), &enc());
        let changes: Vec<fn(&mut CouncilHeader)> = vec![
            |h| h.format.push('x'),
            |h| h.schema_version -= 1,
            |h| h.app_version.push('1'),
            |h| h.exported_at += chrono::Duration::seconds(1),
            |h| h.member_id = Uuid::from_u128(8),
            |h| h.revision += 1,
            |h| h.sealed_to.key_id = "0".repeat(64),
            |h| h.sealed_to.enc = BASE64.encode([4; PUBLIC_KEY_BYTES]),
            |h| h.sealed_to.aead.push(' '),
        ];
        for change in changes {
            let mut changed = header.clone();
            change(&mut changed);
            assert_ne!(changed.associated_data(), header.associated_data());
        }
    }

    #[test]
    fn a_suite_key_id_or_sealing_key_the_app_does_not_know_is_refused_before_any_key_is_used() {
        let text = council_text();
        let unknown = [
            with(&text, |v| {
                v["sealed_to"]["kem"] = "DHKEM(X25519, HKDF-SHA256)".into()
            }),
            with(&text, |v| {
                v["sealed_to"]["aead"] = "ChaCha20Poly1305".into()
            }),
            with(&text, |v| v["sealed_to"]["mode"] = "psk".into()),
        ];
        for case in unknown {
            assert!(
                matches!(read_export(&case), Err(ReadError::UnknownLock { .. })),
                "{case}"
            );
        }
        let damaged = [
            with(&text, |v| v["sealed_to"]["key_id"] = "abc".into()),
            with(&text, |v| {
                v["sealed_to"]["enc"] = BASE64.encode([4; 33]).into()
            }),
            with(&text, |v| v["sealed_to"]["enc"] = "not base64!".into()),
            with(&text, |v| {
                v["ciphertext"] = serde_json::json!([BASE64.encode([1; 16])])
            }),
            with(&text, |v| {
                v.as_object_mut().unwrap().remove("ciphertext");
            }),
            with(&text, |v| {
                v["sealed_to"].as_object_mut().unwrap().remove("enc");
            }),
        ];
        for case in damaged {
            let err = read_export(&case).unwrap_err();
            assert!(matches!(err, ReadError::Damaged { .. }), "{case}: {err:?}");
            assert!(!err.to_string().contains("enc`"), "{err}");
        }
    }

    #[test]
    fn a_record_that_is_not_the_one_the_header_names_is_refused() {
        let mut other = sample();
        other.revision += 1;
        let err = read(&council_text())
            .open(&sealing_plaintext(&other))
            .unwrap_err();
        assert!(err.to_string().contains("header does not match"), "{err}");
    }
}
