//! The officer's members' files, in IndexedDB through rexie: a whole council's records can
//! outgrow localStorage's few megabytes, and IndexedDB holds thousands.

use rexie::{ObjectStore, Rexie, TransactionMode};
use uuid::Uuid;
use wasm_bindgen::JsValue;

use mdr_domain::consolidate::StoredMember;

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
}

fn refused(_: rexie::Error) -> WorkspaceError {
    WorkspaceError::Unavailable
}

impl MemberFilesDb {
    /// Opens (creating on first use) the officer's database.
    pub async fn open() -> Result<Self, WorkspaceError> {
        let db = Rexie::builder(DATABASE)
            .version(1)
            .add_object_store(ObjectStore::new(MEMBERS))
            .build()
            .await
            .map_err(refused)?;
        Ok(Self { db })
    }

    /// Every stored entry, as text.
    pub async fn load_all(&self) -> Result<Vec<String>, WorkspaceError> {
        let tx = self
            .db
            .transaction(&[MEMBERS], TransactionMode::ReadOnly)
            .map_err(refused)?;
        let store = tx.store(MEMBERS).map_err(refused)?;
        let values = store.get_all(None, None).await.map_err(refused)?;
        Ok(values.into_iter().filter_map(|v| v.as_string()).collect())
    }

    /// Writes entries in one transaction: all are kept, or none.
    pub async fn put_all(&self, members: Vec<StoredMember>) -> Result<(), WorkspaceError> {
        let tx = self
            .db
            .transaction(&[MEMBERS], TransactionMode::ReadWrite)
            .map_err(refused)?;
        let store = tx.store(MEMBERS).map_err(refused)?;
        // Queued together and awaited once: far quicker than a round trip per member.
        let queued = store
            .put_all(members.into_iter().map(|member| {
                (
                    JsValue::from_str(&member.text),
                    Some(JsValue::from_str(&member.id.to_string())),
                )
            }))
            .await;
        if let Err(e) = queued {
            // None of this batch is kept, rather than the part queued before the refusal.
            let _ = tx.abort().await;
            return Err(classify(e));
        }
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
