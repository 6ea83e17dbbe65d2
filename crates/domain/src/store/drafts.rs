//! Half-filled forms, kept so that a reload or a closed tab does not lose them.
//!
//! A form that edits a copy of something (an activity, an evaluation) keeps that copy here
//! under its own key until the councillor saves or cancels. Drafts stay on the device:
//! they are not part of the record and are never exported.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::keys::PREFIX;
use super::{Storage, StoreError};

fn key(name: &str) -> String {
    format!("{PREFIX}draft.{name}")
}

/// The draft saved under `name`, if there is one this version of the app can read.
pub fn load_draft<T: DeserializeOwned>(storage: &impl Storage, name: &str) -> Option<T> {
    let text = storage.get(&key(name)).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Keeps `draft` under `name`.
pub fn save_draft<T: Serialize>(
    storage: &impl Storage,
    name: &str,
    draft: &T,
) -> Result<(), StoreError> {
    let text = serde_json::to_string(draft).expect("a draft always serialises");
    storage.set(&key(name), &text)
}

/// Forgets the draft under `name`, once it is saved or abandoned.
pub fn clear_draft(storage: &impl Storage, name: &str) {
    let _ = storage.remove(&key(name));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStorage;

    #[test]
    fn a_draft_is_kept_until_it_is_cleared() {
        let storage = MemoryStorage::new();
        assert_eq!(load_draft::<String>(&storage, "activity-new"), None);
        save_draft(&storage, "activity-new", &"Chairing skills".to_owned()).unwrap();
        assert_eq!(
            load_draft::<String>(&storage, "activity-new").as_deref(),
            Some("Chairing skills")
        );
        clear_draft(&storage, "activity-new");
        assert_eq!(load_draft::<String>(&storage, "activity-new"), None);
    }

    #[test]
    fn a_draft_of_another_shape_is_ignored_not_an_error() {
        let storage = MemoryStorage::new();
        save_draft(&storage, "evaluation", &vec![1, 2, 3]).unwrap();
        assert_eq!(load_draft::<String>(&storage, "evaluation"), None);
    }
}
