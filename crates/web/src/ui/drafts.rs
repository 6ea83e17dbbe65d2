//! Forms whose answers survive a reload before they are saved: a signal mirrored into the
//! draft store on every change; and dates typed part-way, whose boxes make no date yet.

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::store::LocalStore;
use mdr_domain::store::drafts::{clear_draft, load_draft, save_draft};

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
    clear_draft(&LocalStore, name);
    let page = date_key("");
    change_part_typed_dates(|dates| {
        let before = dates.len();
        dates.retain(|date| !date[0].starts_with(&page));
        dates.len() != before
    });
}

/// Every date left part-typed, kept as one draft: each its page and field (see `date_key`),
/// then its Day, Month and Year boxes. A list, not a map: there are seldom more than one.
const PART_TYPED_DATES: &str = "dates";

type PartTypedDates = Vec<[String; 4]>;

/// Where a date field's boxes are kept: its page's address and its id.
fn date_key(id: &str) -> String {
    let page = window().location().pathname().unwrap_or_default();
    format!("{page}#{id}")
}

/// Changes the part-typed dates; `change` says whether it changed anything.
fn change_part_typed_dates(change: impl FnOnce(&mut PartTypedDates) -> bool) {
    let mut dates: PartTypedDates = load_draft(&LocalStore, PART_TYPED_DATES).unwrap_or_default();
    if change(&mut dates) {
        if dates.is_empty() {
            clear_draft(&LocalStore, PART_TYPED_DATES);
        } else {
            let _ = save_draft(&LocalStore, PART_TYPED_DATES, &dates);
        }
    }
}

/// The boxes of the date field `id` on this page, as left part-typed, if they were.
pub fn part_typed_date(id: &str) -> Option<[String; 3]> {
    let key = date_key(id);
    let dates: PartTypedDates = load_draft(&LocalStore, PART_TYPED_DATES)?;
    let [_, day, month, year] = dates.into_iter().find(|date| date[0] == key)?;
    Some([day, month, year])
}

/// Keeps the boxes of the date field `id` while they make no date yet (`Some`), or forgets
/// them once they make one or are emptied (`None`): the record holds no half a date, so a
/// reload would otherwise lose what was typed.
pub fn keep_part_typed_date(id: &str, boxes: Option<&[String; 3]>) {
    let key = date_key(id);
    change_part_typed_dates(|dates| {
        let before = dates.len();
        dates.retain(|date| date[0] != key);
        match boxes {
            Some([day, month, year]) => {
                dates.push([key, day.clone(), month.clone(), year.clone()]);
                true
            }
            None => dates.len() != before,
        }
    });
}
