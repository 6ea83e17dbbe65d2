//! Forms whose answers survive a reload before they are saved: a signal mirrored into the
//! draft store on every change.

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::store::LocalStore;
use crate::store::drafts::{clear_draft, load_draft, save_draft};

/// A form's working copy, restored from a draft if one was left, else `initial()`.
pub fn use_draft<T>(name: String, initial: impl FnOnce() -> T) -> RwSignal<T>
where
    T: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
{
    let draft = RwSignal::new(load_draft(&LocalStore, &name).unwrap_or_else(initial));
    Effect::new(move |first: Option<()>| {
        draft.with(|value| {
            // The first run only reads; writing the untouched initial copy would leave a
            // draft behind for a form the councillor merely looked at.
            if first.is_some() {
                let _ = save_draft(&LocalStore, &name, value);
            }
        });
    });
    draft
}

/// Forgets a form's draft once it is saved or abandoned.
pub fn forget_draft(name: &str) {
    clear_draft(&LocalStore, name);
}
