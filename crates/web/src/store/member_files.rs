//! The officer's members' files, in IndexedDB through rexie: a whole council's records can
//! outgrow localStorage's few megabytes, and IndexedDB holds thousands. Once the workspace
//! is locked at rest, every entry is written encrypted under its data key, and entries
//! still in the clear are found on opening, to be encrypted in their place.

use futures_util::future::join_all;
use rexie::{ObjectStore, Rexie, TransactionMode};
use uuid::Uuid;
use wasm_bindgen::JsValue;

use super::LocalStore;
use super::at_rest::{DataCipher, is_locked_entry};
use mdr_domain::consolidate::StoredMember;
use mdr_domain::store::Storage;
use mdr_domain::store::officer::OFFICER_HELD_WRITTEN;

/// Why the officer's workspace could not be kept on this device, said to the officer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WorkspaceError {
    #[error(
        "This device's storage is full. Free some space, or remove members you no longer need, and try again."
    )]
    Full,
    #[error(
        "This browser is not letting the workspace keep members' files (private browsing or blocked site data can do this). What is imported lasts only while this page stays open."
    )]
    Unavailable,
}

const DATABASE: &str = "mdr-officer";
const MEMBERS: &str = "members";

/// The officer's stored members, one entry per member id.
pub struct MemberFilesDb {
    db: Rexie,
    /// The workspace's data key, when it is locked at rest: every entry is written with it.
    cipher: Option<DataCipher>,
}

/// The store's entries as kept, read before the workspace is unlocked.
#[derive(Clone)]
pub struct RawEntries {
    keys: Vec<JsValue>,
    values: Vec<JsValue>,
    /// The store's last write when they were read.
    written: Option<String>,
}

impl RawEntries {
    /// Whether the store held nothing.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Whether nothing has been written to the store (by any tab) since they were read.
    pub fn current(&self) -> bool {
        held_written() == self.written
    }
}

/// The store's last write, as noted in localStorage so that every tab sees it.
fn held_written() -> Option<String> {
    LocalStore.get(OFFICER_HELD_WRITTEN).ok().flatten()
}

/// Notes a write to the store: what a tab read before it is no longer current.
fn note_written() {
    let _ = LocalStore.set(OFFICER_HELD_WRITTEN, &Uuid::new_v4().to_string());
}

/// What the store holds, as read on opening.
#[derive(Default)]
pub struct Loaded {
    /// Each entry's text, opened where it was encrypted.
    pub texts: Vec<String>,
    /// Entries in the clear in a workspace locked at rest: kept before it was locked, or
    /// not yet encrypted when a tab was closed part-way. [`MemberFilesDb::lock_in_place`]
    /// encrypts them.
    pub plain: Vec<StoredMember>,
    /// Encrypted entries that do not open with the workspace's key: left as they are.
    pub unopened: usize,
}

fn refused(_: rexie::Error) -> WorkspaceError {
    WorkspaceError::Unavailable
}

impl MemberFilesDb {
    /// Opens (creating on first use) the officer's database; with `cipher` when the
    /// workspace is locked at rest.
    pub async fn open(cipher: Option<DataCipher>) -> Result<Self, WorkspaceError> {
        let db = Rexie::builder(DATABASE)
            .version(1)
            .add_object_store(ObjectStore::new(MEMBERS))
            .build()
            .await
            .map_err(refused)?;
        Ok(Self { db, cipher })
    }

    /// Every stored entry, opened with the data key where it was encrypted.
    pub async fn load(&self) -> Result<Loaded, WorkspaceError> {
        let raw = self.read_raw().await?;
        Ok(self.open_raw(raw).await)
    }

    /// Every stored entry as it is kept, encrypted or not, without opening any: for a
    /// locked workspace to read while the passphrase is typed.
    pub async fn read_raw(&self) -> Result<RawEntries, WorkspaceError> {
        let written = held_written();
        let tx = self
            .db
            .transaction(&[MEMBERS], TransactionMode::ReadOnly)
            .map_err(refused)?;
        let store = tx.store(MEMBERS).map_err(refused)?;
        let values = store.get_all(None, None).await.map_err(refused)?;
        // Both in key order, in one transaction.
        let keys = store.get_all_keys(None, None).await.map_err(refused)?;
        Ok(RawEntries {
            keys,
            values,
            written,
        })
    }

    /// The entries read by [`Self::read_raw`], opened with the data key where encrypted.
    pub async fn open_raw(&self, raw: RawEntries) -> Loaded {
        let RawEntries { keys, values, .. } = raw;
        let Some(cipher) = &self.cipher else {
            let texts: Vec<String> = values.iter().filter_map(JsValue::as_string).collect();
            return Loaded {
                unopened: values.len() - texts.len(),
                texts,
                ..Loaded::default()
            };
        };
        let mut loaded = Loaded::default();
        let mut locked = Vec::new();
        for (key, value) in keys.into_iter().zip(values) {
            match value.as_string() {
                Some(text) => {
                    let id = key.as_string().and_then(|k| Uuid::parse_str(&k).ok());
                    if let Some(id) = id {
                        loaded.plain.push(StoredMember {
                            id,
                            text: text.clone(),
                        });
                    }
                    loaded.texts.push(text);
                }
                None if is_locked_entry(&value) => locked.push(value),
                None => loaded.unopened += 1,
            }
        }
        // Opened side by side: the browser runs the cipher off the page's thread.
        for opened in join_all(locked.iter().map(|entry| cipher.open(entry))).await {
            match opened {
                Some(text) => loaded.texts.push(text),
                None => loaded.unopened += 1,
            }
        }
        loaded
    }

    /// Encrypts in their place entries found in the clear, a hundred to a transaction, so
    /// that a tab closed part-way leaves each entry either as it was or encrypted.
    pub async fn lock_in_place(&self, plain: Vec<StoredMember>) -> Result<(), WorkspaceError> {
        if self.cipher.is_none() {
            return Ok(());
        }
        let mut plain = plain;
        while !plain.is_empty() {
            let rest = plain.split_off(plain.len().min(100));
            self.put_all(std::mem::replace(&mut plain, rest)).await?;
        }
        Ok(())
    }

    /// Writes entries in one transaction: all are kept, or none. In a workspace locked at
    /// rest each is encrypted first.
    pub async fn put_all(&self, members: Vec<StoredMember>) -> Result<(), WorkspaceError> {
        let entries = match &self.cipher {
            None => members
                .into_iter()
                .map(|m| {
                    (
                        JsValue::from_str(&m.text),
                        JsValue::from_str(&m.id.to_string()),
                    )
                })
                .collect(),
            Some(cipher) => cipher
                .lock_all(members)
                .await
                .map_err(|_| WorkspaceError::Unavailable)?,
        };
        let tx = self
            .db
            .transaction(&[MEMBERS], TransactionMode::ReadWrite)
            .map_err(refused)?;
        let store = tx.store(MEMBERS).map_err(refused)?;
        // Queued together and awaited once: far quicker than a round trip per member.
        let queued = store
            .put_all(entries.into_iter().map(|(entry, key)| (entry, Some(key))))
            .await;
        if let Err(e) = queued {
            // None of this batch is kept, rather than the part queued before the refusal.
            let _ = tx.abort().await;
            return Err(classify(e));
        }
        // Noted before the write ends, so that no tab takes an earlier reading as current.
        note_written();
        tx.done().await.map_err(classify)?;
        Ok(())
    }

    /// Removes one member.
    pub async fn remove(&self, id: Uuid) -> Result<(), WorkspaceError> {
        self.delete(Some(id)).await
    }

    /// Removes every member.
    pub async fn clear(&self) -> Result<(), WorkspaceError> {
        self.delete(None).await
    }

    /// Removes one member, or with `None` every member, in one transaction.
    async fn delete(&self, id: Option<Uuid>) -> Result<(), WorkspaceError> {
        let tx = self
            .db
            .transaction(&[MEMBERS], TransactionMode::ReadWrite)
            .map_err(refused)?;
        let store = tx.store(MEMBERS).map_err(refused)?;
        match id {
            Some(id) => store.delete(JsValue::from_str(&id.to_string())).await,
            None => store.clear().await,
        }
        .map_err(refused)?;
        note_written();
        tx.done().await.map_err(refused)?;
        Ok(())
    }
}

/// A full disk is told apart from a refusal, so the officer knows to free space.
fn classify(error: rexie::Error) -> WorkspaceError {
    if format!("{error:?}").contains("QuotaExceeded") {
        WorkspaceError::Full
    } else {
        WorkspaceError::Unavailable
    }
}
