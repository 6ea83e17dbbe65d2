//! The officer's workspace locked at rest, through the browser's WebCrypto: the data key
//! made once, kept only wrapped under the officer's passphrase, and unwrapped for a session
//! as a key the page can use but never read; each held entry encrypted and opened with it.
//! The formats are the domain's (`mdr_domain::store::at_rest`).
//!
//! The wrapped data key is kept in an IndexedDB database of its own, added there only if
//! none is kept yet: IndexedDB's transactions are one at a time across tabs, so two tabs
//! unlocking a workspace for the first time cannot each make a key and lose what the other
//! encrypted.

use futures_util::future::join_all;
use js_sys::{ArrayBuffer, Object, Reflect, Uint8Array};
use rexie::{ObjectStore, Rexie, Store, Transaction, TransactionMode};
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesKeyGenParams, CryptoKey, TextDecoder};

use crate::ui::crypto::{gcm, random_bytes, subtle, usages, wrap_under, wrapping_key};
use mdr_domain::consolidate::StoredMember;
use mdr_domain::store::at_rest::{
    DataKey, DataKeyError, HELD_NONCE_BYTES, HELD_RECORD_FORMAT, HeldRecord, held_associated_data,
    read_data_key,
};

const KEYS_DATABASE: &str = "mdr-officer-keys";
const KEYS: &str = "keys";
const DATA_KEY_ENTRY: &str = "data-key";

/// The workspace's data key, unlocked for this session: it encrypts and opens held
/// entries, and cannot be read out of the browser.
///
/// The members' store (IndexedDB, which keeps bytes as they are) holds an encrypted entry
/// as an object of [`HeldRecord`]'s fields, its `nonce` and `ciphertext` as bytes: opening
/// it hands the bytes straight from the store to the cipher, and the cipher's text
/// straight to the page. The roster (localStorage, which keeps only text) is kept as a
/// [`HeldRecord`]'s text, its bytes in base64.
#[derive(Clone, Debug)]
pub struct DataCipher {
    key: CryptoKey,
}

impl DataCipher {
    /// Whether the key could be read out of the browser: never, once unlocked by the app.
    pub fn extractable(&self) -> bool {
        self.key.extractable()
    }

    /// `text` encrypted as `id`'s entry: the nonce, and the ciphertext as the browser holds it.
    async fn encrypt(
        &self,
        id: Uuid,
        text: &str,
    ) -> Result<([u8; HELD_NONCE_BYTES], ArrayBuffer), JsValue> {
        let nonce = random_bytes::<HELD_NONCE_BYTES>()?;
        let ciphertext = JsFuture::from(subtle()?.encrypt_with_object_and_u8_array(
            &gcm(&nonce, &held_associated_data(id)),
            &self.key,
            text.as_bytes(),
        )?)
        .await?;
        Ok((nonce, ciphertext.unchecked_into()))
    }

    /// `text` encrypted as `id`'s entry in the members' store.
    pub async fn lock(&self, id: Uuid, text: &str) -> Result<JsValue, JsValue> {
        let (nonce, ciphertext) = self.encrypt(id, text).await?;
        let entry = Object::new();
        Reflect::set(&entry, &"format".into(), &HELD_RECORD_FORMAT.into())?;
        Reflect::set(&entry, &"member_id".into(), &id.to_string().into())?;
        Reflect::set(&entry, &"nonce".into(), &Uint8Array::from(&nonce[..]))?;
        Reflect::set(&entry, &"ciphertext".into(), &ciphertext)?;
        Ok(entry.into())
    }

    /// `text` encrypted as `id`'s entry, as text to keep where only text is kept.
    pub async fn lock_text(&self, id: Uuid, text: &str) -> Result<String, JsValue> {
        let (nonce, ciphertext) = self.encrypt(id, text).await?;
        Ok(HeldRecord::new(id, &nonce, &Uint8Array::new(&ciphertext).to_vec()).to_text())
    }

    /// Members' entries encrypted, side by side, each with its key in the store.
    pub async fn lock_all(
        &self,
        members: Vec<StoredMember>,
    ) -> Result<Vec<(JsValue, JsValue)>, JsValue> {
        let locked = join_all(members.iter().map(|m| self.lock(m.id, &m.text))).await;
        members
            .into_iter()
            .zip(locked)
            .map(|(m, entry)| Ok((entry?, JsValue::from_str(&m.id.to_string()))))
            .collect()
    }

    /// The text an entry of the members' store holds; `None` when it is not an encrypted
    /// entry, or does not open with this key as its member's entry (another workspace's
    /// key, or changed since).
    pub async fn open(&self, entry: &JsValue) -> Option<String> {
        let field = |name: &str| Reflect::get(entry, &name.into()).ok();
        let id = Uuid::parse_str(&field("member_id")?.as_string()?).ok()?;
        let nonce = field("nonce")?.dyn_into::<Uint8Array>().ok()?.to_vec();
        let ciphertext = field("ciphertext")?.dyn_into::<ArrayBuffer>().ok()?;
        self.decrypt(id, &nonce, &ciphertext).await
    }

    /// The text a [`HeldRecord`] kept as text holds, as [`Self::open`].
    pub async fn open_text(&self, record: &HeldRecord) -> Option<String> {
        let ciphertext = Uint8Array::from(&record.ciphertext_bytes()?[..]);
        self.decrypt(record.member_id, &record.nonce_bytes()?, &ciphertext)
            .await
    }

    async fn decrypt(&self, id: Uuid, nonce: &[u8], ciphertext: &Object) -> Option<String> {
        let opening = subtle()
            .and_then(|subtle| {
                subtle.decrypt_with_object_and_buffer_source(
                    &gcm(nonce, &held_associated_data(id)),
                    &self.key,
                    ciphertext,
                )
            })
            .ok()?;
        let plaintext: ArrayBuffer = JsFuture::from(opening).await.ok()?.unchecked_into();
        TextDecoder::new()
            .ok()?
            .decode_with_buffer_source(&plaintext)
            .ok()
    }
}

/// Whether an entry of the members' store is one encrypted under a data key.
pub fn is_locked_entry(entry: &JsValue) -> bool {
    Reflect::get(entry, &"format".into())
        .ok()
        .and_then(|format| format.as_string())
        .is_some_and(|format| format == HELD_RECORD_FORMAT)
}

/// Why the data key could not be unlocked or made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataKeyProblem {
    /// The passphrase does not unwrap it.
    WrongPassphrase,
    /// The kept copy cannot be used.
    Kept(DataKeyError),
    /// The browser would not keep or read it, or could not run the cipher.
    Browser,
}

/// Unwraps a kept data key as one the page can use but never read.
async fn unwrap_with(kept: &DataKey, wrapper: &CryptoKey) -> Result<DataCipher, DataKeyProblem> {
    let (Some(wrapping), Some(wrapped)) = (kept.wrapping(), kept.wrapped()) else {
        return Err(DataKeyProblem::Kept(DataKeyError::Unreadable));
    };
    let unwrapping = subtle()
        .and_then(|subtle| {
            subtle.unwrap_key_with_u8_array_and_object_and_str(
                "raw",
                &wrapped,
                wrapper,
                &gcm(&wrapping.nonce, DataKey::ASSOCIATED_DATA),
                "AES-GCM",
                false,
                &usages(&["encrypt", "decrypt"]),
            )
        })
        .map_err(|_| DataKeyProblem::Browser)?;
    let key = JsFuture::from(unwrapping)
        .await
        .map_err(|_| DataKeyProblem::WrongPassphrase)?;
    Ok(DataCipher {
        key: key.unchecked_into(),
    })
}

/// Unwraps the kept data key with `passphrase`.
pub async fn unwrap_kept(kept: &DataKey, passphrase: &str) -> Result<DataCipher, DataKeyProblem> {
    let wrapping = kept
        .wrapping()
        .ok_or(DataKeyProblem::Kept(DataKeyError::Unreadable))?;
    let wrapper = wrapping_key(passphrase, &wrapping)
        .await
        .map_err(|_| DataKeyProblem::Browser)?;
    unwrap_with(kept, &wrapper).await
}

/// A new random data key, wrapped under `passphrase`: what is kept, and the key itself.
async fn make_data_key(passphrase: &str) -> Result<(DataKey, CryptoKey), JsValue> {
    let key: CryptoKey = JsFuture::from(subtle()?.generate_key_with_object(
        &AesKeyGenParams::new("AES-GCM", 256),
        // Extractable only so that it can be wrapped: the session uses a copy unwrapped
        // afresh, which is not.
        true,
        &usages(&["encrypt", "decrypt"]),
    )?)
    .await?
    .unchecked_into();
    let (wrapping, wrapper, wrapped) =
        wrap_under(passphrase, &key, "raw", DataKey::ASSOCIATED_DATA).await?;
    Ok((
        DataKey::new(chrono::Utc::now(), &wrapping, &wrapped),
        wrapper,
    ))
}

/// The workspace's data key, unlocked with `passphrase`; made and kept first if the
/// workspace has none yet. Nothing is written unless a key is made, and a kept key is
/// never replaced: a wrong passphrase, however many times, changes nothing.
pub async fn unlock_data_key(passphrase: &str) -> Result<DataCipher, DataKeyProblem> {
    if let Some(kept) = kept_data_key().await? {
        return unwrap_kept(&kept, passphrase).await;
    }
    let (made, wrapper) = make_data_key(passphrase)
        .await
        .map_err(|_| DataKeyProblem::Browser)?;
    if keep_data_key_once(&made).await? {
        return unwrap_with(&made, &wrapper).await;
    }
    // Another tab kept one first: that is the workspace's key.
    match kept_data_key().await? {
        Some(kept) => unwrap_kept(&kept, passphrase).await,
        None => Err(DataKeyProblem::Browser),
    }
}

async fn keys_database() -> Result<Rexie, DataKeyProblem> {
    Rexie::builder(KEYS_DATABASE)
        .version(1)
        .add_object_store(ObjectStore::new(KEYS))
        .build()
        .await
        .map_err(|_| DataKeyProblem::Browser)
}

/// A transaction on the keys' store.
fn keys_store(db: &Rexie, mode: TransactionMode) -> Result<(Transaction, Store), DataKeyProblem> {
    let tx = db
        .transaction(&[KEYS], mode)
        .map_err(|_| DataKeyProblem::Browser)?;
    let store = tx.store(KEYS).map_err(|_| DataKeyProblem::Browser)?;
    Ok((tx, store))
}

/// Whether the workspace keeps a data key, without reading it.
pub async fn holds_data_key() -> Result<bool, DataKeyProblem> {
    let db = keys_database().await?;
    let read = async {
        let (_tx, store) = keys_store(&db, TransactionMode::ReadOnly)?;
        store
            .key_exists(JsValue::from_str(DATA_KEY_ENTRY))
            .await
            .map_err(|_| DataKeyProblem::Browser)
    }
    .await;
    db.close();
    read
}

/// The kept data key, if the workspace has one.
pub async fn kept_data_key() -> Result<Option<DataKey>, DataKeyProblem> {
    let db = keys_database().await?;
    let read = async {
        let (_tx, store) = keys_store(&db, TransactionMode::ReadOnly)?;
        store
            .get(JsValue::from_str(DATA_KEY_ENTRY))
            .await
            .map_err(|_| DataKeyProblem::Browser)
    }
    .await;
    db.close();
    match read?.and_then(|v| v.as_string()) {
        None => Ok(None),
        Some(text) => read_data_key(&text).map(Some).map_err(DataKeyProblem::Kept),
    }
}

/// Keeps `key` unless a data key is kept already; `true` when this one was kept.
async fn keep_data_key_once(key: &DataKey) -> Result<bool, DataKeyProblem> {
    let db = keys_database().await?;
    let added = async {
        let (tx, store) = keys_store(&db, TransactionMode::ReadWrite)?;
        // `add`, not `put`: refused when a key is already kept.
        let added = store
            .add(
                &JsValue::from_str(&key.to_text()),
                Some(&JsValue::from_str(DATA_KEY_ENTRY)),
            )
            .await
            .is_ok();
        if !added {
            let _ = tx.abort().await;
            return Ok(false);
        }
        tx.done().await.map_err(|_| DataKeyProblem::Browser)?;
        Ok(true)
    }
    .await;
    db.close();
    added
}

/// Forgets the data key: only once every entry it encrypted has been removed.
pub async fn forget_data_key() -> Result<(), DataKeyProblem> {
    let db = keys_database().await?;
    let removed = async {
        let (tx, store) = keys_store(&db, TransactionMode::ReadWrite)?;
        store
            .delete(JsValue::from_str(DATA_KEY_ENTRY))
            .await
            .map_err(|_| DataKeyProblem::Browser)?;
        tx.done().await.map_err(|_| DataKeyProblem::Browser)?;
        Ok(())
    }
    .await;
    db.close();
    removed
}
