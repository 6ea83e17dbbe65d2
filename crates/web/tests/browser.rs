//! What needs a real browser: localStorage (including a full one), files, ids, clocks and
//! the WebCrypto that locks and unlocks files.
//! Runs in headless Chromium through wasm-bindgen-test (`make test-browser`).

#![cfg(target_arch = "wasm32")]

use chrono::Utc;
use mdr_domain::exchange;
use mdr_domain::model::MemberRecord;
use mdr_domain::store::{RecordKeeper, Storage, StoreError, keys};
use mdr_web::store::LocalStore;
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Fills localStorage until it refuses, returning the keys used so they can be removed.
fn fill_local_storage() -> Vec<String> {
    let storage = local_storage();
    let mut chunk = "x".repeat(1 << 20);
    let mut keys = Vec::new();
    loop {
        let key = format!("filler-{}", keys.len());
        if storage.set_item(&key, &chunk).is_ok() {
            keys.push(key);
        } else if chunk.len() > 16 {
            chunk.truncate(chunk.len() / 2);
        } else {
            return keys;
        }
    }
}

fn clear() {
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn ids_and_the_clock_work_in_the_browser() {
    let a = Uuid::new_v4();
    assert_ne!(a, Uuid::new_v4());
    assert!(Utc::now().timestamp() > 1_700_000_000);
}

#[wasm_bindgen_test]
fn local_storage_keeps_text_exactly() {
    clear();
    let text = "Cllr Siân O'Brien — <b>not markup</b> 🗳️";
    LocalStore.set("mdr.v1.test", text).unwrap();
    assert_eq!(
        LocalStore.get("mdr.v1.test").unwrap().as_deref(),
        Some(text)
    );
    LocalStore.remove("mdr.v1.test").unwrap();
    assert_eq!(LocalStore.get("mdr.v1.test").unwrap(), None);
}

#[wasm_bindgen_test]
fn a_full_local_storage_is_reported_as_full_and_the_change_waits_for_a_retry() {
    clear();
    let (mut keeper, _) = RecordKeeper::open(LocalStore).unwrap();
    let mut record = MemberRecord::new(Uuid::new_v4(), Utc::now());
    record.profile.full_name = "Cllr Gareth Hughes".into();
    keeper.mark_changed();
    keeper.flush(&record, Utc::now()).unwrap();

    let fillers = fill_local_storage();
    assert!(
        !fillers.is_empty(),
        "the browser accepted some filler before refusing"
    );
    record.profile.ward = "Llandaff North, with a long enough name to need more room".repeat(20);
    keeper.mark_changed();
    let refused = keeper.flush(&record, Utc::now());
    assert_eq!(
        refused,
        Err(mdr_domain::store::LoadError::Storage(StoreError::Full))
    );
    assert!(keeper.has_unsaved_changes());
    let saved =
        exchange::read_member_file(&LocalStore.get(keys::RECORD).unwrap().unwrap()).unwrap();
    assert_eq!(saved.record.profile.ward, "", "the saved copy is untouched");

    for key in fillers {
        local_storage().remove_item(&key).unwrap();
    }
    keeper.flush(&record, Utc::now()).unwrap();
    let (_, reloaded) = RecordKeeper::open(LocalStore).unwrap();
    assert_eq!(reloaded, Some(record));
    clear();
}

#[wasm_bindgen_test]
async fn a_chosen_file_is_read_back_as_the_same_bytes() {
    let text = "{\"format\":\"member-development-record\"} — Siân";
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let file = web_sys::File::new_with_str_sequence(&parts, "member-record.json").unwrap();
    assert_eq!(
        mdr_web::ui::files::read_bytes(&file).await.unwrap(),
        text.as_bytes()
    );

    // Latin-1 "Zoë", which the browser's own decoding would turn into "Zo�".
    let latin1 = js_sys::Uint8Array::from(&b"Zo\xeb"[..]);
    let parts = js_sys::Array::of1(&latin1);
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "member-record.json").unwrap();
    assert_eq!(
        mdr_web::ui::files::read_bytes(&file).await.unwrap(),
        b"Zo\xeb"
    );
}

fn sample_file() -> exchange::MemberFile {
    let mut record = MemberRecord::new(Uuid::new_v4(), Utc::now());
    record.profile.full_name = "Cllr Siân Pritchard".into();
    record.profile.council = "Sandwell Metropolitan Borough Council".into();
    exchange::MemberFile::new(record, 7, Uuid::new_v4(), Utc::now())
}

async fn sealed(text: &str) -> exchange::SealedFile {
    match exchange::read_export(text).unwrap() {
        exchange::Export::Sealed(sealed) => sealed,
        _ => panic!("a locked file reads as locked"),
    }
}

/// Unlocks a file as Export and backup does: the keyring decrypts it, the record's reader
/// reads what it held.
async fn unseal(
    sealed: &exchange::SealedFile,
    passphrase: &str,
) -> Result<exchange::MemberFile, exchange::ReadError> {
    let bytes = mdr_web::ui::crypto::Keyring::new(passphrase)
        .decrypt(sealed)
        .await?;
    (mdr_domain::store::RecordReader::STANDARD.open_sealed)(sealed, &bytes)
}

#[wasm_bindgen_test]
async fn a_locked_file_opens_with_its_passphrase_and_only_with_it() {
    use mdr_web::ui::crypto::{Keyring, seal};
    let file = sample_file();
    let text = seal(&file, "correct horse battery staple").await.unwrap();
    assert!(
        !text.contains("Pritchard"),
        "the name is only in the ciphertext"
    );
    assert!(text.contains(&file.member_id.to_string()));
    let locked = sealed(&text).await;
    assert_eq!(locked.iterations(), 600_000);
    assert_eq!(
        unseal(&locked, "correct horse battery staple").await,
        Ok(file.clone())
    );
    assert_eq!(
        unseal(&locked, "correct horse battery stapler").await,
        Err(exchange::ReadError::WrongPassphrase)
    );
    assert_eq!(
        unseal(&locked, "").await,
        Err(exchange::ReadError::PassphraseNeeded)
    );
    // Two exports never share a salt or a nonce.
    let again = sealed(&seal(&file, "correct horse battery staple").await.unwrap()).await;
    assert_ne!(again.salt(), locked.salt());
    assert_ne!(again.nonce(), locked.nonce());
    // One keyring opens many files with one passphrase.
    let mut keyring = Keyring::new("correct horse battery staple");
    assert_eq!(keyring.open(&locked).await, Ok(file.clone()));
    assert_eq!(keyring.open(&again).await, Ok(file));
}

#[wasm_bindgen_test]
async fn files_locked_under_a_council_pack_share_its_salt_and_one_key_opens_them_all() {
    use mdr_domain::model::pack::CouncilPack;
    use mdr_web::ui::crypto::{Keyring, seal};
    let passphrase = "Tipton Green ward surgery";
    let mut pack = CouncilPack::starting(
        "Sandwell Metropolitan Borough Council",
        Utc::now().date_naive(),
        Utc::now(),
    );
    pack.ensure_locking_salt([42; 16]);
    let members: Vec<_> = (0..3)
        .map(|_| {
            let mut file = sample_file();
            file.record.pack = Some(pack.clone());
            file
        })
        .collect();
    let mut keyring = Keyring::new(passphrase);
    let mut nonces = Vec::new();
    for file in &members {
        let locked = sealed(&seal(file, passphrase).await.unwrap()).await;
        assert_eq!(locked.salt(), [42; 16], "the council's salt");
        nonces.push(locked.nonce().to_vec());
        assert_eq!(keyring.open(&locked).await.as_ref(), Ok(file));
    }
    assert_eq!(keyring.keys_made(), 1, "one key for the whole batch");
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 3, "every file has its own nonce");

    // A member without the council's pack still locks with a salt of their own.
    let own = sealed(&seal(&sample_file(), passphrase).await.unwrap()).await;
    assert_ne!(own.salt(), [42; 16]);
    assert!(keyring.open(&own).await.is_ok());
    assert_eq!(keyring.keys_made(), 2);
}

#[wasm_bindgen_test]
async fn a_locked_file_changed_anywhere_is_refused() {
    use mdr_web::ui::crypto::seal;
    let passphrase = "Oldbury ward surgery";
    let text = seal(&sample_file(), passphrase).await.unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();

    // A flipped bit in the ciphertext.
    let mut flipped = value.clone();
    let piece = flipped["ciphertext"][0].as_str().unwrap().to_owned();
    let mut bytes = piece.into_bytes();
    bytes[10] = if bytes[10] == b'A' { b'B' } else { b'A' };
    flipped["ciphertext"][0] = String::from_utf8(bytes).unwrap().into();
    assert_eq!(
        unseal(&sealed(&flipped.to_string()).await, passphrase).await,
        Err(exchange::ReadError::WrongPassphrase)
    );

    // A changed header: a revision, an export time, a member id.
    for (field, new) in [
        ("revision", serde_json::json!(8)),
        ("exported_at", serde_json::json!("2020-01-01T00:00:00Z")),
        ("member_id", serde_json::json!(Uuid::new_v4())),
    ] {
        let mut changed = value.clone();
        changed[field] = new;
        assert_eq!(
            unseal(&sealed(&changed.to_string()).await, passphrase).await,
            Err(exchange::ReadError::WrongPassphrase),
            "{field}"
        );
    }
    value["encryption"]["iterations"] = 600_001.into();
    assert_eq!(
        unseal(&sealed(&value.to_string()).await, passphrase).await,
        Err(exchange::ReadError::WrongPassphrase)
    );
}

/// "Tŷ Coch ward surgery" as an iPad types it (ŷ as one character) and as Windows may
/// (y and a combining circumflex).
const COMPOSED: &str = "T\u{177} Coch ward surgery";
const DECOMPOSED: &str = "Ty\u{302} Coch ward surgery";

fn for_council(text: &str) -> exchange::CouncilFile {
    match exchange::read_export(text).unwrap() {
        exchange::Export::ForCouncil(file) => file,
        _ => panic!("a file for the council reads as one"),
    }
}

fn held(backups: &[exchange::KeyBackup]) -> mdr_domain::store::officer::CouncilKeys {
    let mut keys = mdr_domain::store::officer::CouncilKeys::default();
    for backup in backups {
        keys.keep(backup.clone(), true);
    }
    keys
}

#[wasm_bindgen_test]
async fn a_file_sealed_for_the_council_opens_with_its_key_and_no_other() {
    use mdr_web::ui::council_key::{CouncilKeyring, create_council_key, seal_for_council};
    let file = sample_file();
    let (backup, unlocked) = create_council_key("Sandwell Metropolitan Borough Council", COMPOSED)
        .await
        .unwrap();
    assert!(
        !unlocked.extractable(),
        "the session's key cannot be read out"
    );
    let key = backup.public();
    assert_eq!(key.fault(), None);
    assert!(mdr_web::ui::council_key::is_usable(&key).await);
    let text = seal_for_council(&file, &key).await.unwrap();
    assert!(
        !text.contains("Pritchard"),
        "the name is only in the ciphertext"
    );
    let sealed = for_council(&text);
    assert_eq!(sealed.fingerprint(), backup.fingerprint);

    let ring = CouncilKeyring::unlock(&held(std::slice::from_ref(&backup)), COMPOSED)
        .await
        .unwrap();
    assert_eq!(ring.open(&sealed).await, Ok(file.clone()));
    // Two files never share an encapsulated key.
    let again = for_council(&seal_for_council(&file, &key).await.unwrap());
    assert_ne!(again.enc(), sealed.enc());

    // Locked, or with only another council's key, the file is refused by its fingerprint.
    assert_eq!(
        CouncilKeyring::default().open(&sealed).await,
        Err(exchange::ReadError::ForCouncil)
    );
    let (other, _) = create_council_key("Dudley Council", COMPOSED)
        .await
        .unwrap();
    let other_ring = CouncilKeyring::unlock(&held(&[other]), COMPOSED)
        .await
        .unwrap();
    assert_eq!(
        other_ring.open(&sealed).await,
        Err(exchange::ReadError::OtherCouncilKey {
            fingerprint: backup.fingerprint.clone()
        })
    );

    // A flipped byte of the ciphertext, or a changed header field, is refused as altered.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut flipped = value.clone();
    let mut bytes = flipped["ciphertext"][0]
        .as_str()
        .unwrap()
        .to_owned()
        .into_bytes();
    bytes[20] = if bytes[20] == b'A' { b'B' } else { b'A' };
    flipped["ciphertext"][0] = String::from_utf8(bytes).unwrap().into();
    let mut changed = value.clone();
    changed["revision"] = 8.into();
    let mut other_enc = value.clone();
    other_enc["sealed_to"]["enc"] = again.header.sealed_to.enc.clone().into();
    for altered in [flipped, changed, other_enc] {
        assert_eq!(
            ring.open(&for_council(&altered.to_string())).await,
            Err(exchange::ReadError::Altered)
        );
    }
}

#[wasm_bindgen_test]
async fn a_council_key_unlocks_with_its_passphrase_typed_either_way_and_only_with_that() {
    use mdr_web::ui::council_key::{CouncilKeyring, UnlockError, create_council_key, unlock_key};
    let (backup, _) = create_council_key("Sandwell Metropolitan Borough Council", DECOMPOSED)
        .await
        .unwrap();
    assert!(unlock_key(&backup, COMPOSED).await.is_ok());
    assert!(unlock_key(&backup, DECOMPOSED).await.is_ok());
    assert_eq!(
        unlock_key(&backup, "Ty Coch ward surgery").await.err(),
        Some(UnlockError::WrongPassphrase)
    );
    // The backup as written and read back unlocks the same.
    let restored = exchange::read_key_backup(&exchange::write_key_backup(&backup)).unwrap();
    assert!(
        CouncilKeyring::unlock(&held(&[restored]), COMPOSED)
            .await
            .is_ok()
    );
}

#[wasm_bindgen_test]
async fn a_locked_export_opens_with_its_passphrase_typed_either_way() {
    use mdr_web::ui::crypto::{Keyring, seal};
    let file = sample_file();
    let locked = sealed(&seal(&file, COMPOSED).await.unwrap()).await;
    assert_eq!(
        Keyring::new(DECOMPOSED).open(&locked).await,
        Ok(file.clone())
    );
    assert_eq!(Keyring::new(COMPOSED).open(&locked).await, Ok(file));
}

#[wasm_bindgen_test]
async fn a_file_locked_before_passphrases_were_normalised_still_opens() {
    use mdr_web::ui::crypto::{Keyring, derive_key_for};
    use wasm_bindgen::JsCast;
    // An older app derived the key from the passphrase exactly as typed (decomposed here).
    let file = sample_file();
    let (salt, nonce) = ([5; exchange::SALT_BYTES], [6; exchange::NONCE_BYTES]);
    let header = exchange::SealedHeader::for_file(&file, &salt, &nonce);
    let key = derive_key_for(DECOMPOSED, &salt, 600_000, &["encrypt"])
        .await
        .unwrap();
    let params = web_sys::AesGcmParams::new("AES-GCM", &js_sys::Uint8Array::from(&nonce[..]));
    params.set_additional_data(&js_sys::Uint8Array::from(&header.associated_data()[..]));
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    let encrypting = subtle
        .encrypt_with_object_and_u8_array(&params, &key, &exchange::sealing_plaintext(&file))
        .unwrap();
    let buffer = wasm_bindgen_futures::JsFuture::from(encrypting)
        .await
        .unwrap();
    let ciphertext = js_sys::Uint8Array::new(buffer.unchecked_ref()).to_vec();
    let locked = sealed(&exchange::write_sealed_file(header, &ciphertext)).await;
    assert_eq!(Keyring::new(DECOMPOSED).open(&locked).await, Ok(file));
    assert_eq!(
        Keyring::new(COMPOSED).open(&locked).await,
        Err(exchange::ReadError::WrongPassphrase),
        "typed composed, it was another passphrase to the older app"
    );
}

#[wasm_bindgen_test]
fn a_query_is_read_decoded() {
    use mdr_web::ui::router::Query;
    let query = Query::new("?section=2&saved=a%20b&empty=");
    assert_eq!(query.get("section").as_deref(), Some("2"));
    assert_eq!(query.get("saved").as_deref(), Some("a b"));
    assert_eq!(query.get("empty").as_deref(), Some(""));
    assert_eq!(query.get("deleted"), None);
    assert_eq!(Query::new("").get("section"), None);
}

#[wasm_bindgen_test]
async fn the_workspaces_data_key_is_made_once_and_unlocks_with_its_passphrase_only() {
    use mdr_web::store::at_rest::{
        DataKeyProblem, forget_data_key, kept_data_key, unlock_data_key,
    };
    forget_data_key().await.unwrap();
    assert_eq!(kept_data_key().await.unwrap(), None);
    // The first unlock makes the key and keeps it wrapped; later ones unwrap that one.
    let made = unlock_data_key(COMPOSED).await.unwrap();
    assert!(
        !made.extractable(),
        "the session's key can never be read out"
    );
    let kept = kept_data_key().await.unwrap().unwrap();
    // As the members' store keeps it (bytes) and as localStorage does (text).
    let entry = made
        .lock(Uuid::from_u128(1), "Cllr Amrit Kaur, Tipton Green")
        .await
        .unwrap();
    let text = made
        .lock_text(Uuid::from_u128(1), "Cllr Amrit Kaur, Tipton Green")
        .await
        .unwrap();
    assert!(!text.contains("Amrit"));
    let record = match mdr_domain::store::at_rest::read_held_entry(text) {
        mdr_domain::store::at_rest::HeldEntry::Locked(record) => record,
        other => panic!("not an encrypted entry: {other:?}"),
    };
    let again = unlock_data_key(DECOMPOSED).await.unwrap();
    assert_eq!(
        again.open(&entry).await.as_deref(),
        Some("Cllr Amrit Kaur, Tipton Green")
    );
    assert_eq!(
        again.open_text(&record).await.as_deref(),
        Some("Cllr Amrit Kaur, Tipton Green")
    );
    // A wrong passphrase, however many times, is refused and changes nothing.
    for wrong in [
        "Ty Coch ward surgery",
        "",
        "T\u{177} Coch ward surgery 2027",
    ] {
        assert_eq!(
            unlock_data_key(wrong).await.err(),
            Some(DataKeyProblem::WrongPassphrase)
        );
    }
    assert_eq!(kept_data_key().await.unwrap(), Some(kept));
    // An entry passed off as another member's does not open.
    let mut moved = record.clone();
    moved.member_id = Uuid::from_u128(2);
    assert_eq!(again.open_text(&moved).await, None);
    js_sys::Reflect::set(
        &entry,
        &"member_id".into(),
        &Uuid::from_u128(2).to_string().into(),
    )
    .unwrap();
    assert_eq!(again.open(&entry).await, None);
    forget_data_key().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_store_locked_at_rest_writes_every_entry_encrypted_and_encrypts_plain_ones_in_place() {
    use mdr_domain::consolidate::StoredMember;
    use mdr_web::store::at_rest::{forget_data_key, unlock_data_key};
    use mdr_web::store::member_files::MemberFilesDb;
    forget_data_key().await.unwrap();
    let plain_store = MemberFilesDb::open(None).await.unwrap();
    plain_store.clear().await.unwrap();
    let member = |n: u128, name: &str| StoredMember {
        id: Uuid::from_u128(n),
        text: format!("{{\"name\":\"{name}\"}}"),
    };
    // Kept in the clear before the workspace had a key.
    plain_store
        .put_all(vec![
            member(1, "Cllr Amrit Kaur"),
            member(2, "Cllr Gwen Pritchard"),
        ])
        .await
        .unwrap();
    let cipher = unlock_data_key(COMPOSED).await.unwrap();
    let store = MemberFilesDb::open(Some(cipher)).await.unwrap();
    store
        .put_all(vec![member(3, "Cllr Olusegun Adebayo")])
        .await
        .unwrap();
    let loaded = store.load().await.unwrap();
    assert_eq!(loaded.texts.len(), 3);
    assert_eq!(loaded.unopened, 0);
    let mut plain_ids: Vec<_> = loaded.plain.iter().map(|m| m.id).collect();
    plain_ids.sort();
    assert_eq!(plain_ids, [Uuid::from_u128(1), Uuid::from_u128(2)]);
    store.lock_in_place(loaded.plain).await.unwrap();

    // Read without the key, nothing is in the clear; opened with it, everything is there.
    let raw = plain_store.load().await.unwrap();
    assert_eq!((raw.texts.len(), raw.unopened), (0, 3));
    let mut opened = store.load().await.unwrap();
    assert!(opened.plain.is_empty());
    opened.texts.sort();
    assert_eq!(
        opened.texts,
        [
            "{\"name\":\"Cllr Amrit Kaur\"}",
            "{\"name\":\"Cllr Gwen Pritchard\"}",
            "{\"name\":\"Cllr Olusegun Adebayo\"}"
        ]
    );
    // Under another workspace's key, nothing opens, and nothing is changed.
    forget_data_key().await.unwrap();
    let other = MemberFilesDb::open(Some(unlock_data_key("another passphrase").await.unwrap()))
        .await
        .unwrap();
    let refused = other.load().await.unwrap();
    assert_eq!((refused.texts.len(), refused.unopened), (0, 3));
    assert!(refused.plain.is_empty());
    let mut still = store.load().await.unwrap().texts;
    still.sort();
    assert_eq!(still, opened.texts, "a wrong key changes nothing");
    plain_store.clear().await.unwrap();
    forget_data_key().await.unwrap();
}
