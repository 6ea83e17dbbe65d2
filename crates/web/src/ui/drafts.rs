//! Forms whose answers survive a reload before they are saved: a signal mirrored into the
//! draft store on every change; and dates typed part-way, whose boxes make no date yet.
//! What is kept, under which keys, and when it is forgotten is `mdr_domain::store::drafts`;
//! this is its place in the page, for both parts of the app.

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::store::LocalStore;
use mdr_domain::store::drafts::{self, load_draft, save_draft};

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

/// Forgets a form's draft once it is saved or abandoned, with any date left part-typed on
/// its page.
pub fn forget_draft(name: &str) {
    drafts::forget_form(&LocalStore, name, &page());
}

/// The address of this page, under which its date fields' part-typed boxes are kept.
fn page() -> String {
    window().location().pathname().unwrap_or_default()
}

/// The boxes of the date field `id` on this page, as left part-typed, if they were.
pub fn part_typed_date(id: &str) -> Option<[String; 3]> {
    drafts::part_typed_date(&LocalStore, &page(), id)
}

/// Keeps the boxes of the date field `id` on this page while they make no date yet
/// (`Some`), or forgets them (`None`): see `mdr_domain::store::drafts`.
pub fn keep_part_typed_date(id: &str, boxes: Option<&[String; 3]>) {
    let _ = drafts::keep_part_typed_date(&LocalStore, &page(), id, boxes);
}
