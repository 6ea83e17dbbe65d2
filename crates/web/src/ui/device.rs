//! What this device's browser says about keeping the record: whether it has agreed to keep
//! the app's storage, and how much is used.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = leptos::prelude::window().navigator();
    js_sys::Reflect::has(&navigator, &"storage".into())
        .unwrap_or(false)
        .then(|| navigator.storage())
}

/// Asks the browser to keep the app's storage even when space runs low. Browsers decide
/// for themselves; the answer is whether storage is now persistent.
pub async fn ask_to_persist() -> Option<bool> {
    let promise = storage_manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// How the app's storage stands on this device.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StorageState {
    pub used_bytes: f64,
    pub persistent: bool,
}

/// The bytes the app uses, and whether the browser has agreed to keep them.
pub async fn storage_state() -> Option<StorageState> {
    let manager = storage_manager()?;
    let persistent = JsFuture::from(manager.persisted().ok()?)
        .await
        .ok()?
        .as_bool()?;
    let estimate: JsValue = JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let used_bytes = js_sys::Reflect::get(&estimate, &"usage".into())
        .ok()?
        .as_f64()?;
    Some(StorageState {
        used_bytes,
        persistent,
    })
}
