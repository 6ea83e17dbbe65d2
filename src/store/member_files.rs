//! The officer's members' files, in IndexedDB through rexie: a whole council's records can
//! outgrow localStorage's few megabytes, and IndexedDB holds thousands.

use rexie::{ObjectStore, Rexie, TransactionMode};
use uuid::Uuid;
use wasm_bindgen::JsValue;

use super::StoreError;

const DATABASE: &str = "mdr-officer";
const MEMBERS: &str = "members";

/// The officer's stored members, one entry per member id.
pub struct MemberFilesDb {
    db: Rexie,
}

fn refused(_: rexie::Error) -> StoreError {
    StoreError::Unavailable
}

impl MemberFilesDb {
    /// Opens (creating on first use) the officer's database.
    pub async fn open() -> Result<Self, StoreError> {
        let db = Rexie::builder(DATABASE)
            .version(1)
            .add_object_store(ObjectStore::new(MEMBERS))
            .build()
            .await
            .map_err(refused)?;
        Ok(Self { db })
    }

    /// Every stored entry, as text.
    pub async fn load_all(&self) -> Result<Vec<String>, StoreError> {
        let tx = self
            .db
            .transaction(&[MEMBERS], TransactionMode::ReadOnly)
            .map_err(refused)?;
        let store = tx.store(MEMBERS).map_err(refused)?;
        let values = store.get_all(None, None).await.map_err(refused)?;
        Ok(values.into_iter().filter_map(|v| v.as_string()).collect())
    }

    /// Writes entries in one transaction: all are kept, or none.
    pub async fn put_all(&self, entries: Vec<(Uuid, String)>) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(&[MEMBERS], TransactionMode::ReadWrite)
            .map_err(refused)?;
        let store = tx.store(MEMBERS).map_err(refused)?;
        // Queued together and awaited once: far quicker than a round trip per member.
        store
            .put_all(entries.into_iter().map(|(id, text)| {
                (
                    JsValue::from_str(&text),
                    Some(JsValue::from_str(&id.to_string())),
                )
            }))
            .await
            .map_err(classify)?;
        tx.done().await.map_err(classify)?;
        Ok(())
    }

    /// Removes one member.
    pub async fn remove(&self, id: Uuid) -> Result<(), StoreError> {
        self.delete(Some(id)).await
    }

    /// Removes every member.
    pub async fn clear(&self) -> Result<(), StoreError> {
        self.delete(None).await
    }

    /// Removes one member, or with `None` every member, in one transaction.
    async fn delete(&self, id: Option<Uuid>) -> Result<(), StoreError> {
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
        tx.done().await.map_err(refused)?;
        Ok(())
    }
}

/// A full disk is told apart from a refusal, so the officer knows to free space.
fn classify(error: rexie::Error) -> StoreError {
    if format!("{error:?}").contains("QuotaExceeded") {
        StoreError::Full
    } else {
        StoreError::Unavailable
    }
}
