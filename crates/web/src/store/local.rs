//! The browser's localStorage, reached through web-sys.
//!
//! web-sys is used directly rather than through gloo-storage: gloo-storage's accessor
//! panics when a browser blocks site data, and its typed API would encode our
//! already-serialised JSON a second time. Here a blocked storage is an error the app can
//! explain, and a full one is told apart so the app can keep trying.

use wasm_bindgen::JsCast;

use mdr_domain::store::{Storage, StoreError};

/// localStorage of the page's origin.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A `QuotaExceededError` means full; anything else means the browser refused.
fn classify(error: wasm_bindgen::JsValue) -> StoreError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StoreError::Full,
        _ => StoreError::Unavailable,
    }
}

impl Storage for LocalStore {
    /// With no storage there is nothing to read: the app starts empty, and the first
    /// save says why it cannot keep anything.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match local_storage() {
            None => Ok(None),
            Some(storage) => storage.get_item(key).map_err(classify),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        local_storage()
            .ok_or(StoreError::Unavailable)?
            .set_item(key, value)
            .map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        local_storage()
            .ok_or(StoreError::Unavailable)?
            .remove_item(key)
            .map_err(classify)
    }
}
