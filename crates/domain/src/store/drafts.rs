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

/// Every date left part-typed, kept as one draft: each its page and field (`page#id`),
/// then its Day, Month and Year boxes. A list, not a map: there are seldom more than one.
const PART_TYPED_DATES: &str = "dates";

type PartTypedDates = Vec<[String; 4]>;

fn date_key(page: &str, id: &str) -> String {
    format!("{page}#{id}")
}

/// Changes the part-typed dates; `change` says whether it changed anything.
fn change_part_typed_dates(
    storage: &impl Storage,
    change: impl FnOnce(&mut PartTypedDates) -> bool,
) -> Result<(), StoreError> {
    let mut dates: PartTypedDates = load_draft(storage, PART_TYPED_DATES).unwrap_or_default();
    if !change(&mut dates) {
        Ok(())
    } else if dates.is_empty() {
        storage.remove(&key(PART_TYPED_DATES))
    } else {
        save_draft(storage, PART_TYPED_DATES, &dates)
    }
}

/// The Day, Month and Year boxes of the date field `id` on the page at `page`, as left
/// part-typed, if they were.
pub fn part_typed_date(storage: &impl Storage, page: &str, id: &str) -> Option<[String; 3]> {
    let key = date_key(page, id);
    let dates: PartTypedDates = load_draft(storage, PART_TYPED_DATES)?;
    let [_, day, month, year] = dates.into_iter().find(|date| date[0] == key)?;
    Some([day, month, year])
}

/// Keeps the boxes of the date field `id` on `page` while they make no date yet (`Some`),
/// or forgets them once they make one or are emptied (`None`): the record holds no half a
/// date, so a reload would otherwise lose what was typed.
pub fn keep_part_typed_date(
    storage: &impl Storage,
    page: &str,
    id: &str,
    boxes: Option<&[String; 3]>,
) -> Result<(), StoreError> {
    let key = date_key(page, id);
    change_part_typed_dates(storage, |dates| {
        let before = dates.len();
        dates.retain(|date| date[0] != key);
        match boxes {
            Some([day, month, year]) => {
                dates.push([key, day.clone(), month.clone(), year.clone()]);
                true
            }
            None => dates.len() != before,
        }
    })
}

/// Forgets a form's draft once it is saved or abandoned, with every date left part-typed
/// on its page.
pub fn forget_form(storage: &impl Storage, name: &str, page: &str) {
    clear_draft(storage, name);
    let page = date_key(page, "");
    let _ = change_part_typed_dates(storage, |dates| {
        let before = dates.len();
        dates.retain(|date| !date[0].starts_with(&page));
        dates.len() != before
    });
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

    fn boxes(day: &str, month: &str, year: &str) -> [String; 3] {
        [day.into(), month.into(), year.into()]
    }

    #[test]
    fn a_part_typed_date_is_kept_by_page_and_field_until_it_makes_a_date() {
        let storage = MemoryStorage::new();
        let (add, edit) = ("/learning/add", "/learning/activity/1");
        keep_part_typed_date(&storage, add, "completed-on", Some(&boxes("14", "10", ""))).unwrap();
        keep_part_typed_date(&storage, edit, "completed-on", Some(&boxes("", "3", ""))).unwrap();
        keep_part_typed_date(&storage, add, "booked-for", Some(&boxes("1", "", ""))).unwrap();
        assert_eq!(
            part_typed_date(&storage, add, "completed-on"),
            Some(boxes("14", "10", ""))
        );
        assert_eq!(
            part_typed_date(&storage, edit, "completed-on"),
            Some(boxes("", "3", ""))
        );
        // Typed on: the latest boxes replace the earlier ones.
        keep_part_typed_date(
            &storage,
            add,
            "completed-on",
            Some(&boxes("14", "10", "20")),
        )
        .unwrap();
        assert_eq!(
            part_typed_date(&storage, add, "completed-on"),
            Some(boxes("14", "10", "20"))
        );
        // Once they make a date, the record holds it and the draft goes.
        keep_part_typed_date(&storage, add, "completed-on", None).unwrap();
        assert_eq!(part_typed_date(&storage, add, "completed-on"), None);
        assert_eq!(
            part_typed_date(&storage, add, "booked-for"),
            Some(boxes("1", "", ""))
        );
    }

    #[test]
    fn forgetting_a_form_forgets_its_draft_and_its_pages_dates_only() {
        let storage = MemoryStorage::new();
        save_draft(&storage, "activity-new", &"Chairing skills".to_owned()).unwrap();
        keep_part_typed_date(
            &storage,
            "/learning/add",
            "completed-on",
            Some(&boxes("1", "", "")),
        )
        .unwrap();
        keep_part_typed_date(&storage, "/plan", "review", Some(&boxes("", "6", ""))).unwrap();
        forget_form(&storage, "activity-new", "/learning/add");
        assert_eq!(load_draft::<String>(&storage, "activity-new"), None);
        assert_eq!(
            part_typed_date(&storage, "/learning/add", "completed-on"),
            None
        );
        assert_eq!(
            part_typed_date(&storage, "/plan", "review"),
            Some(boxes("", "6", ""))
        );
        // The last date gone, nothing is left behind under the drafts' key.
        keep_part_typed_date(&storage, "/plan", "review", None).unwrap();
        assert_eq!(storage.get(&key(PART_TYPED_DATES)), Ok(None));
    }

    #[test]
    fn a_draft_of_another_shape_is_ignored_not_an_error() {
        let storage = MemoryStorage::new();
        save_draft(&storage, "evaluation", &vec![1, 2, 3]).unwrap();
        assert_eq!(load_draft::<String>(&storage, "evaluation"), None);
    }
}
