//! The officer's workspace locked at rest, with RustCrypto standing in for the browser's
//! WebCrypto: a random data key wrapped under the officer's passphrase opens with it only;
//! any member's record encrypted under the data key reads back exactly, holds nothing of
//! the member in the clear and opens only as that member's entry; and a store part-way
//! through being encrypted (plain and encrypted entries side by side) loses no member.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use common::any_member_file;
use mdr_domain::consolidate::{HeldMember, read_held};
use mdr_domain::exchange::{MemberFile, Wrapping};
use mdr_domain::store::at_rest::{
    DataKey, HELD_NONCE_BYTES, HeldEntry, HeldRecord, held_associated_data, read_data_key,
    read_held_entry,
};
use proptest::prelude::*;
use uuid::Uuid;

fn cipher(key: &[u8]) -> Aes256Gcm {
    Aes256Gcm::new_from_slice(key).expect("a 256-bit key")
}

/// The officer's passphrase's key, as WebCrypto's PBKDF2 derives it.
fn passphrase_key(passphrase: &str, wrapping: &Wrapping) -> [u8; 32] {
    let mut key = [0; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
        passphrase.as_bytes(),
        &wrapping.salt,
        wrapping.iterations,
        &mut key,
    );
    key
}

fn wrap(data_key: &[u8; 32], passphrase: &str) -> DataKey {
    let wrapping = Wrapping::fresh([5; 16], [6; 12]);
    let wrapped = cipher(&passphrase_key(passphrase, &wrapping))
        .encrypt(
            Nonce::from_slice(&wrapping.nonce),
            Payload {
                msg: data_key,
                aad: DataKey::ASSOCIATED_DATA,
            },
        )
        .unwrap();
    DataKey::new(chrono::Utc::now(), &wrapping, &wrapped)
}

fn unwrap(kept: &DataKey, passphrase: &str) -> Option<Vec<u8>> {
    let wrapping = kept.wrapping()?;
    cipher(&passphrase_key(passphrase, &wrapping))
        .decrypt(
            Nonce::from_slice(&wrapping.nonce),
            Payload {
                msg: &kept.wrapped()?,
                aad: DataKey::ASSOCIATED_DATA,
            },
        )
        .ok()
}

/// A member's entry as the workspace stores it (`HeldMember::to_stored`).
fn stored(file: &MemberFile) -> String {
    HeldMember {
        file: file.clone(),
        devices: [file.device_id].into(),
    }
    .to_stored()
}

fn lock(data_key: &[u8; 32], file: &MemberFile, nonce: [u8; HELD_NONCE_BYTES]) -> String {
    let text = stored(file);
    let ciphertext = cipher(data_key)
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: text.as_bytes(),
                aad: &held_associated_data(file.member_id),
            },
        )
        .unwrap();
    HeldRecord::new(file.member_id, &nonce, &ciphertext).to_text()
}

/// Opens an entry as the workspace would, under `member_id`'s key in the store.
fn open(data_key: &[u8; 32], member_id: Uuid, entry: String) -> Option<String> {
    match read_held_entry(entry) {
        HeldEntry::Plain(text) => Some(text),
        HeldEntry::Locked(record) => {
            let plaintext = cipher(data_key)
                .decrypt(
                    Nonce::from_slice(&record.nonce_bytes()?),
                    Payload {
                        msg: &record.ciphertext_bytes()?,
                        aad: &held_associated_data(member_id),
                    },
                )
                .ok()?;
            String::from_utf8(plaintext).ok()
        }
    }
}

const DATA_KEY: [u8; 32] = [9; 32];

#[test]
fn the_data_key_opens_with_the_officers_passphrase_only_and_is_kept_only_wrapped() {
    let kept = wrap(&DATA_KEY, "Tipton Green ward surgery");
    let stored = kept.to_text();
    let read = read_data_key(&stored).unwrap();
    assert_eq!(
        unwrap(&read, "Tipton Green ward surgery"),
        Some(DATA_KEY.to_vec())
    );
    assert_eq!(unwrap(&read, "Tipton Green ward surgery!"), None);
    assert!(
        !stored.contains(&base64_of(&DATA_KEY)),
        "never kept unwrapped"
    );
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_record_locked_at_rest_reads_back_exactly_and_shows_nothing_of_the_member(
        file in any_member_file(),
        nonce in any::<[u8; HELD_NONCE_BYTES]>(),
    ) {
        let entry = lock(&DATA_KEY, &file, nonce);
        let name = file.record.profile.full_name.trim();
        if name.chars().count() >= 4 {
            prop_assert!(!entry.contains(name));
        }
        let opened = open(&DATA_KEY, file.member_id, entry.clone());
        let written = stored(&file);
        prop_assert_eq!(opened.as_deref(), Some(written.as_str()));
        // Under another member's key, or with another data key, it does not open.
        prop_assert_eq!(open(&DATA_KEY, Uuid::from_u128(u128::MAX), entry.clone()), None);
        prop_assert_eq!(open(&[8; 32], file.member_id, entry), None);
    }

    #[test]
    fn a_store_part_way_through_being_locked_keeps_every_member(
        files in proptest::collection::vec(any_member_file(), 1..6),
        locked in proptest::collection::vec(any::<bool>(), 6),
    ) {
        // One entry per member, as the store keys them.
        let mut files = files;
        files.sort_by_key(|f| f.member_id);
        files.dedup_by_key(|f| f.member_id);
        let entries: Vec<(Uuid, String)> = files
            .iter()
            .zip(&locked)
            .map(|(file, &locked)| {
                let text = if locked { lock(&DATA_KEY, file, [1; 12]) } else { stored(file) };
                (file.member_id, text)
            })
            .collect();
        let texts: Vec<String> = entries
            .into_iter()
            .filter_map(|(id, entry)| open(&DATA_KEY, id, entry))
            .collect();
        let held = read_held(&texts);
        prop_assert_eq!(held.unreadable, 0);
        prop_assert_eq!(held.workspace.members.len(), files.len());
    }
}
