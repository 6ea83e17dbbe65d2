//! The files that carry a record to the council and the key that opens them: a member's
//! file sealed to the council key opens with the council's private key, exactly as it was
//! and with nothing else; a changed byte or header field is refused; the officer's key
//! backup unwraps with its passphrase however it was typed; a pack carries the key, and one
//! whose key is wrong is refused in plain words; and every file matches its published
//! schema.
//!
//! In the app the curve, the cipher and PBKDF2 are the browser's WebCrypto. Here
//! RustCrypto's stand in for them, doing exactly what the README's "Files and formats" says
//! the browser does, so the domain's part (the format, the header as associated data,
//! HPKE's key schedule) is tested end to end with real cryptography.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::LazyLock;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{NaiveDate, TimeZone, Utc};
use common::{any_member_file, any_plan};
use mdr_domain::exchange::{
    CouncilFile, CouncilHeader, Export, KeyBackup, MemberFile, NONCE_BYTES, ReadError, Reader,
    SALT_BYTES, SealedHeader, Wrapping, council_file_name, explain, read_export, read_key_backup,
    read_member_file, read_pack_file, sealing_key, sealing_plaintext, write_council_file,
    write_key_backup, write_member_file, write_pack_file, write_sealed_file,
};
use mdr_domain::model::MemberRecord;
use mdr_domain::model::council_key::CouncilKey;
use mdr_domain::model::pack::CouncilPack;
use p256::ecdh::EphemeralSecret;
use p256::elliptic_curve::rand_core::{self, CryptoRng, CryptoRngCore, RngCore};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use p256::{PublicKey, SecretKey};
use proptest::prelude::*;
use serde_json::Value;
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;
use uuid::Uuid;

// --- The browser's part, natively --------------------------------------------------------

/// Stands in for the browser's random numbers: SHA-256 of a seed and a counter, so that a
/// failing case replays exactly.
struct Seeded {
    seed: u64,
    counter: u64,
}

impl Seeded {
    fn new(seed: u64) -> Self {
        Self { seed, counter: 0 }
    }
}

impl RngCore for Seeded {
    fn next_u32(&mut self) -> u32 {
        rand_core::impls::next_u32_via_fill(self)
    }

    fn next_u64(&mut self) -> u64 {
        rand_core::impls::next_u64_via_fill(self)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for chunk in dest.chunks_mut(32) {
            let block = Sha256::new()
                .chain_update(self.seed.to_le_bytes())
                .chain_update(self.counter.to_le_bytes())
                .finalize();
            self.counter += 1;
            chunk.copy_from_slice(&block[..chunk.len()]);
        }
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl CryptoRng for Seeded {}

/// The public key's 65 bytes, as WebCrypto exports it ("raw": `0x04`, x, y).
fn public_bytes(public: &PublicKey) -> [u8; 65] {
    public
        .to_encoded_point(false)
        .as_bytes()
        .try_into()
        .expect("an uncompressed point is 65 bytes")
}

/// The council key a pack carries for this private key.
fn council_key(secret: &SecretKey) -> CouncilKey {
    CouncilKey::from_public_key(&public_bytes(&secret.public_key()))
}

/// The Diffie-Hellman secret, as WebCrypto's `deriveBits` gives it: the shared point's x.
fn dh(secret: &SecretKey, public: &PublicKey) -> [u8; 32] {
    let shared = p256::ecdh::diffie_hellman(secret.to_nonzero_scalar(), public.as_affine());
    (*shared.raw_secret_bytes()).into()
}

fn cipher(key: &[u8]) -> Aes256Gcm {
    Aes256Gcm::new_from_slice(key).expect("a 256-bit key")
}

/// What a member's app does for *Download the file for the council*.
fn seal_natively(file: &MemberFile, key: &CouncilKey, rng: &mut impl CryptoRngCore) -> String {
    let recipient_bytes = key.public_key_bytes().expect("a sound council key");
    let recipient = PublicKey::from_sec1_bytes(&recipient_bytes).expect("a point on the curve");
    let ephemeral = EphemeralSecret::random(rng);
    let enc = public_bytes(&ephemeral.public_key());
    let dh: [u8; 32] = (*ephemeral.diffie_hellman(&recipient).raw_secret_bytes()).into();
    let aead = sealing_key(&dh, &enc, &recipient_bytes);
    let header = CouncilHeader::for_file(file, key, &enc);
    let ciphertext = cipher(&aead.key)
        .encrypt(
            Nonce::from_slice(&aead.nonce),
            Payload {
                msg: &sealing_plaintext(file),
                aad: &header.associated_data(),
            },
        )
        .expect("AES-GCM seals any file the app makes");
    write_council_file(header, &ciphertext)
}

/// A file for the council, read and checked but not yet opened.
fn read_council(text: &str) -> Result<CouncilFile, ReadError> {
    match read_export(text)? {
        Export::ForCouncil(file) => Ok(file),
        other => panic!("a file for the council reads as one, not {other:?}"),
    }
}

/// HPKE's `Open` with the council's private key, skipping no check of the cipher's: an
/// `enc` that is not a point on the curve is refused as WebCrypto's `importKey` would.
fn decrypt(file: &CouncilFile, secret: &SecretKey) -> Result<Vec<u8>, aes_gcm::Error> {
    let enc = PublicKey::from_sec1_bytes(file.enc()).map_err(|_| aes_gcm::Error)?;
    let aead = file.opening_key(&dh(secret, &enc), &public_bytes(&secret.public_key()));
    cipher(&aead.key).decrypt(
        Nonce::from_slice(&aead.nonce),
        Payload {
            msg: file.ciphertext(),
            aad: &file.associated_data(),
        },
    )
}

/// What the council's workspace does when the officer imports a file for the council.
fn open_natively(text: &str, secret: &SecretKey) -> Result<MemberFile, ReadError> {
    let file = read_council(text)?;
    if file.key_id() != council_key(secret).key_id {
        return Err(ReadError::OtherCouncilKey {
            fingerprint: file.fingerprint(),
        });
    }
    let plaintext = decrypt(&file, secret).map_err(|_| ReadError::Altered)?;
    file.open(&plaintext)
}

/// A passphrase as the app uses it: in Unicode NFC, as `String.prototype.normalize` gives.
fn nfc(passphrase: &str) -> String {
    passphrase.nfc().collect()
}

/// PBKDF2-HMAC-SHA256 of the passphrase's bytes, as given (normalising is the caller's).
/// 600,000 rounds take seconds in a debug build, so each test derives a key once or twice.
fn passphrase_key(passphrase: &str, wrapping: &Wrapping) -> [u8; 32] {
    let mut key = [0; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(
        passphrase.as_bytes(),
        &wrapping.salt,
        wrapping.iterations,
        &mut key,
    );
    key
}

/// The private key inside a backup, with the wrapping key made from the passphrase.
fn unwrap_with(backup: &KeyBackup, key: &[u8; 32]) -> Result<SecretKey, aes_gcm::Error> {
    let document = cipher(key).decrypt(
        Nonce::from_slice(&backup.wrapping().nonce),
        Payload {
            msg: &backup.wrapped(),
            aad: &KeyBackup::associated_data(&backup.key_id),
        },
    )?;
    Ok(SecretKey::from_pkcs8_der(&document).expect("a wrapped key is a PKCS#8 P-256 key"))
}

/// What the officer's workspace does for *Restore the council key from a backup*.
fn unwrap_natively(backup: &KeyBackup, passphrase: &str) -> Result<SecretKey, aes_gcm::Error> {
    unwrap_with(backup, &passphrase_key(passphrase, &backup.wrapping()))
}

// --- Keys and files to test with ---------------------------------------------------------

static COUNCIL: LazyLock<SecretKey> = LazyLock::new(|| SecretKey::random(&mut Seeded::new(1)));
static OTHER_COUNCIL: LazyLock<SecretKey> =
    LazyLock::new(|| SecretKey::random(&mut Seeded::new(2)));

const NAME: &str = "Cllr Bernadette O'Neill";
const WARD: &str = "Leyland Central";

fn sample() -> MemberFile {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 30, 0).unwrap();
    let mut record = MemberRecord::new(Uuid::from_u128(42), now);
    record.profile.full_name = NAME.into();
    record.profile.council = "South Ribble Borough Council".into();
    record.profile.ward = WARD.into();
    record.set_up_at = Some(now);
    MemberFile::new(record, 12, Uuid::from_u128(9), now)
}

/// The sample, sealed to the council once for every test that changes it.
static SEALED: LazyLock<String> =
    LazyLock::new(|| seal_natively(&sample(), &council_key(&COUNCIL), &mut Seeded::new(3)));

/// "Tŷ Coch" as an iPad types it (ŷ, U+0177) and as Windows may (y, then U+0302).
const COMPOSED: &str = "T\u{177} Coch";
const DECOMPOSED: &str = "Ty\u{302} Coch";

/// A council key as the officer's workspace makes and backs it up, wrapped under
/// [`COMPOSED`]: made once, since the wrapping key takes seconds to derive.
struct Kept {
    secret: SecretKey,
    wrapping_key: [u8; 32],
    text: String,
}

static KEPT: LazyLock<Kept> = LazyLock::new(|| {
    let mut rng = Seeded::new(4);
    let secret = SecretKey::random(&mut rng);
    let (mut salt, mut nonce) = ([0; SALT_BYTES], [0; NONCE_BYTES]);
    rng.fill_bytes(&mut salt);
    rng.fill_bytes(&mut nonce);
    let wrapping = Wrapping::fresh(salt, nonce);
    let wrapping_key = passphrase_key(&nfc(COMPOSED), &wrapping);
    let document = secret
        .to_pkcs8_der()
        .expect("a P-256 key encodes as PKCS#8");
    let public = public_bytes(&secret.public_key());
    let wrapped = cipher(&wrapping_key)
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: document.as_bytes(),
                aad: &KeyBackup::associated_data(&CouncilKey::from_public_key(&public).key_id),
            },
        )
        .unwrap();
    let backup = KeyBackup::new(
        "South Ribble Borough Council",
        Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap(),
        &public,
        &wrapping,
        &wrapped,
    );
    Kept {
        secret,
        wrapping_key,
        text: write_key_backup(&backup),
    }
});

fn validator(text: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid JSON Schema")
}

static MEMBER_SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    validator(include_str!(
        "../../../public/schema/member-record.schema.json"
    ))
});
static KEY_SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    validator(include_str!(
        "../../../public/schema/council-key.schema.json"
    ))
});
static PACK_SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    validator(include_str!(
        "../../../public/schema/council-pack.schema.json"
    ))
});

fn problems(schema: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(text).unwrap();
    schema
        .iter_errors(&value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// A change to a file's JSON.
type Change = Box<dyn Fn(&mut Value)>;

fn with(text: &str, change: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(text).unwrap();
    change(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

// --- A file for the council ----------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_record_sealed_for_the_council_opens_with_the_councils_private_key_exactly_as_it_was(
        file in any_member_file(),
        seed in any::<u64>(),
    ) {
        let text = seal_natively(&file, &council_key(&COUNCIL), &mut Seeded::new(seed));
        prop_assert_eq!(open_natively(&text, &COUNCIL).unwrap(), file);
    }

    #[test]
    fn every_file_for_the_council_matches_the_published_schema(
        file in any_member_file(),
        seed in any::<u64>(),
    ) {
        let text = seal_natively(&file, &council_key(&COUNCIL), &mut Seeded::new(seed));
        let problems = problems(&MEMBER_SCHEMA, &text);
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }

    /// Words with spaces in them cannot turn up by chance in base64, so finding one
    /// anywhere in the file means it was written in the clear.
    #[test]
    fn neither_a_file_for_the_council_nor_its_name_holds_the_members_name_ward_or_plan(
        mut file in any_member_file(),
        plan in any_plan(2027),
        name in "Cllr [A-Z][a-z]{4,10} [A-Z][a-z]{4,12}",
        ward in "[A-Z][a-z]{4,10} (North|South|East|West|Central)",
        plan_text in "[A-Z][a-z]{3,8}( [a-z]{2,8}){2,6}",
        seed in any::<u64>(),
    ) {
        file.record.profile.full_name = name.clone();
        file.record.profile.ward = ward.clone();
        let mut plan = plan;
        plan.strengths = plan_text.clone();
        plan.meeting.notes = plan_text.clone();
        file.record.plans = vec![plan];
        let text = seal_natively(&file, &council_key(&COUNCIL), &mut Seeded::new(seed));
        for secret in [&name, &ward, &plan_text] {
            prop_assert!(!text.contains(secret.as_str()), "{} is in the file", secret);
        }
        // What was sealed is still all there for the council.
        let opened = open_natively(&text, &COUNCIL).unwrap();
        prop_assert_eq!(&opened.record.profile.full_name, &name);
        prop_assert_eq!(&opened.record.plans[0].strengths, &plan_text);

        let day = file.exported_at.date_naive();
        let file_name = council_file_name(file.member_id, day);
        prop_assert_eq!(
            &file_name,
            &format!(
                "member-record-{}-{}-for-the-council.json",
                &file.member_id.simple().to_string()[..8],
                day.format("%Y-%m-%d")
            )
        );
        prop_assert!(!file_name.contains(&name.to_lowercase().replace(' ', "-")));
    }

}

proptest! {
    #[test]
    fn a_byte_changed_anywhere_in_the_sealed_record_makes_the_cipher_refuse_it(
        at in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let file = read_council(&SEALED).unwrap();
        let mut ciphertext = file.ciphertext().to_vec();
        ciphertext[at.index(file.ciphertext().len())] ^= flip;
        let changed = write_council_file(file.header.clone(), &ciphertext);
        prop_assert_eq!(open_natively(&changed, &COUNCIL), Err(ReadError::Altered));
    }
}

#[test]
fn a_change_to_any_header_field_makes_the_cipher_refuse_the_file() {
    assert_eq!(open_natively(&SEALED, &COUNCIL).unwrap(), sample());
    let other_id = council_key(&OTHER_COUNCIL).key_id;
    // Another sound point on the curve, so the curve takes it and only the cipher can object.
    let other_enc = BASE64.encode(public_bytes(&OTHER_COUNCIL.public_key()));
    let later = serde_json::to_value(sample().exported_at + chrono::Duration::seconds(1)).unwrap();
    let changes: Vec<(&str, Change)> = vec![
        ("revision", Box::new(|v| v["revision"] = 13.into())),
        (
            "member_id",
            Box::new(|v| v["member_id"] = Uuid::from_u128(43).to_string().into()),
        ),
        (
            "exported_at",
            Box::new(move |v| v["exported_at"] = later.clone()),
        ),
        (
            "schema_version",
            Box::new(|v| v["schema_version"] = 5.into()),
        ),
        (
            "app_version",
            Box::new(|v| v["app_version"] = "0.0.1".into()),
        ),
        (
            "key_id",
            Box::new(move |v| v["sealed_to"]["key_id"] = other_id.clone().into()),
        ),
        (
            "enc",
            Box::new(move |v| v["sealed_to"]["enc"] = other_enc.clone().into()),
        ),
    ];
    for (field, change) in changes {
        let changed = with(&SEALED, change);
        let file = read_council(&changed).unwrap_or_else(|e| panic!("{field}: {e}"));
        assert_ne!(
            file.associated_data(),
            read_council(&SEALED).unwrap().associated_data()
        );
        assert!(
            decrypt(&file, &COUNCIL).is_err(),
            "{field}: the cipher opened it"
        );
        let expected = if field == "key_id" {
            ReadError::OtherCouncilKey {
                fingerprint: council_key(&OTHER_COUNCIL).fingerprint,
            }
        } else {
            ReadError::Altered
        };
        assert_eq!(open_natively(&changed, &COUNCIL), Err(expected), "{field}");
    }
}

#[test]
fn a_file_sealed_to_the_council_opens_with_its_private_key_and_no_other() {
    let ours = council_key(&COUNCIL);
    let file = read_council(&SEALED).unwrap();
    assert_eq!(file.key_id(), ours.key_id);
    assert_eq!(file.fingerprint(), ours.fingerprint);
    assert_ne!(file.fingerprint(), council_key(&OTHER_COUNCIL).fingerprint);

    // Another council's workspace sees whose key it is for, and says so.
    let refused = open_natively(&SEALED, &OTHER_COUNCIL).unwrap_err();
    assert_eq!(
        refused,
        ReadError::OtherCouncilKey {
            fingerprint: ours.fingerprint.clone()
        }
    );
    let message = explain(&refused, "member-record.json", Reader::ImportingMembers);
    assert!(message.contains(&ours.fingerprint), "{message}");

    // Its private key cannot open it either, even told the file is for it.
    assert!(decrypt(&file, &OTHER_COUNCIL).is_err());
    let relabelled = with(&SEALED, |v| {
        v["sealed_to"]["key_id"] = council_key(&OTHER_COUNCIL).key_id.into();
    });
    assert_eq!(
        open_natively(&relabelled, &OTHER_COUNCIL),
        Err(ReadError::Altered)
    );
    assert_eq!(open_natively(&SEALED, &COUNCIL).unwrap(), sample());
}

// --- The key backup ------------------------------------------------------------------------

#[test]
fn a_key_backup_made_natively_reads_back_as_written_and_unwraps_with_its_passphrase_to_the_same_key()
 {
    let kept = &*KEPT;
    let backup = read_key_backup(&kept.text).unwrap();
    assert_eq!(write_key_backup(&backup), kept.text);
    assert_eq!(backup.public(), council_key(&kept.secret));
    assert_eq!(
        backup.public_key_bytes(),
        public_bytes(&kept.secret.public_key())
    );

    // Wrapped under the passphrase typed composed; unwrapped with it typed decomposed.
    assert_ne!(COMPOSED, DECOMPOSED);
    assert_eq!(nfc(COMPOSED), nfc(DECOMPOSED));
    let secret = unwrap_natively(&backup, &nfc(DECOMPOSED)).expect("the passphrase opens it");
    assert_eq!(secret.to_bytes(), kept.secret.to_bytes());

    // The restored key opens what members sealed to the key.
    let sealed = seal_natively(&sample(), &backup.public(), &mut Seeded::new(5));
    assert_eq!(open_natively(&sealed, &secret).unwrap(), sample());
}

#[test]
fn a_key_backup_refuses_the_wrong_passphrase_and_a_key_wrapped_for_another_id() {
    let kept = &*KEPT;
    let backup = read_key_backup(&kept.text).unwrap();
    assert!(unwrap_natively(&backup, &nfc("Ty Coch")).is_err());

    assert!(unwrap_with(&backup, &kept.wrapping_key).is_ok());
    let mut passed_off = backup.clone();
    let other = council_key(&OTHER_COUNCIL);
    passed_off.key_id = other.key_id;
    assert!(unwrap_with(&passed_off, &kept.wrapping_key).is_err());
}

#[test]
fn the_passphrase_typed_decomposed_and_left_unnormalised_does_not_unwrap_the_key() {
    let backup = read_key_backup(&KEPT.text).unwrap();
    assert!(unwrap_natively(&backup, DECOMPOSED).is_err());
}

#[test]
fn a_key_backup_made_natively_matches_the_published_schema() {
    let text = &KEPT.text;
    let found = problems(&KEY_SCHEMA, text);
    assert!(found.is_empty(), "{found:?}");
    let wrong = [
        with(text, |v| v["version"] = 2.into()),
        with(text, |v| {
            v["key_id"] = v["key_id"].as_str().unwrap().to_uppercase().into()
        }),
        with(text, |v| v["public_key"] = BASE64.encode([2; 65]).into()),
        with(text, |v| v["private_key"]["iterations"] = 1000.into()),
        with(text, |v| {
            v["private_key"]["ciphertext"] = "not base64!".into()
        }),
    ];
    for case in wrong {
        assert!(!problems(&KEY_SCHEMA, &case).is_empty(), "{case}");
    }
}

// --- The pack that carries the key ---------------------------------------------------------

fn pack_with_key() -> CouncilPack {
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let mut pack = CouncilPack::starting(
        "South Ribble Borough Council",
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        now,
    )
    .published(now);
    pack.council_key = Some(council_key(&COUNCIL));
    pack
}

#[test]
fn a_pack_carrying_the_council_key_reads_back_as_published_and_matches_its_schema() {
    let pack = pack_with_key();
    let text = write_pack_file(&pack);
    let read = read_pack_file(&text).unwrap();
    assert_eq!(read, pack);
    assert_eq!(read.council_key, Some(council_key(&COUNCIL)));
    let found = problems(&PACK_SCHEMA, &text);
    assert!(found.is_empty(), "{found:?}");
    // What a member's app seals to with it, the council opens.
    let key = read.council_key.unwrap();
    let sealed = seal_natively(&sample(), &key, &mut Seeded::new(6));
    assert_eq!(open_natively(&sealed, &COUNCIL).unwrap(), sample());
}

#[test]
fn a_pack_whose_council_key_is_malformed_or_does_not_match_is_refused_in_plain_words() {
    let text = write_pack_file(&pack_with_key());
    let other = council_key(&OTHER_COUNCIL);
    let mut compressed = council_key(&COUNCIL).public_key_bytes().unwrap();
    compressed[0] = 0x02;
    let cases = [
        (
            "not base64",
            with(&text, |v| {
                v["council_key"]["public_key"] = "not a key!".into()
            }),
        ),
        (
            "short",
            with(&text, |v| {
                v["council_key"]["public_key"] = BASE64.encode([4; 33]).into()
            }),
        ),
        (
            "compressed",
            with(&text, |v| {
                v["council_key"]["public_key"] = BASE64.encode(compressed).into()
            }),
        ),
        (
            "another key",
            with(&text, |v| {
                v["council_key"]["public_key"] = other.public_key.clone().into()
            }),
        ),
        (
            "another id",
            with(&text, |v| {
                v["council_key"]["key_id"] = other.key_id.clone().into()
            }),
        ),
        (
            "another fingerprint",
            with(&text, |v| {
                v["council_key"]["fingerprint"] = other.fingerprint.clone().into()
            }),
        ),
        (
            "not an object",
            with(&text, |v| v["council_key"] = "3F2A 9C10 77D1 0B4E".into()),
        ),
        (
            "id a number",
            with(&text, |v| v["council_key"]["key_id"] = 42.into()),
        ),
        (
            "no id",
            with(&text, |v| {
                v["council_key"].as_object_mut().unwrap().remove("key_id");
            }),
        ),
        (
            "no public key",
            with(&text, |v| {
                v["council_key"]
                    .as_object_mut()
                    .unwrap()
                    .remove("public_key");
            }),
        ),
    ];
    for (case, bad) in cases {
        let error = read_pack_file(&bad).unwrap_err();
        let message = explain(&error, "council-pack.json", Reader::ApplyingPack);
        assert!(message.contains("council key"), "{case}: {message}");
        for jargon in [
            "expected",
            "invalid",
            "missing field",
            "line ",
            "column",
            "base64",
            "struct",
            "string",
            "`",
        ] {
            assert!(!message.contains(jargon), "{case}: {jargon}: {message}");
        }
    }
}

// --- The other kinds, still described ------------------------------------------------------

#[test]
fn a_plain_and_a_locked_file_still_match_the_published_schema_and_a_wrong_file_for_the_council_does_not()
 {
    let file = sample();
    let plain = write_member_file(&file);
    let header = SealedHeader::for_file(&file, &[1; SALT_BYTES], &[2; NONCE_BYTES]);
    let locked = write_sealed_file(header, &[7; 300]);
    for text in [&plain, &locked, &*SEALED] {
        let found = problems(&MEMBER_SCHEMA, text);
        assert!(found.is_empty(), "{found:?}");
    }
    let mut compressed = [3; 65];
    compressed[0] = 0x02;
    let wrong = [
        with(&SEALED, |v| {
            v["sealed_to"]["enc"] = BASE64.encode(compressed).into()
        }),
        with(&SEALED, |v| v["sealed_to"]["key_id"] = "ABC".into()),
        with(&SEALED, |v| v["sealed_to"]["mode"] = "psk".into()),
        with(&SEALED, |v| {
            v["sealed_to"]["kem"] = "DHKEM(X25519, HKDF-SHA256)".into()
        }),
        with(&SEALED, |v| v["encryption"] = serde_json::json!({})),
        with(&SEALED, |v| {
            v.as_object_mut().unwrap().remove("ciphertext");
        }),
    ];
    for case in wrong {
        assert!(!problems(&MEMBER_SCHEMA, &case).is_empty(), "{case}");
    }
}

#[test]
fn the_member_file_reader_says_a_file_for_the_council_is_for_the_council() {
    assert_eq!(read_member_file(&SEALED), Err(ReadError::ForCouncil));
}
