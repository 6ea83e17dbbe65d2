//! Keeping the councillor's record in the browser, safely.
//!
//! [`Storage`] is the small trait every backend implements: [`MemoryStorage`] for tests
//! and `LocalStore` (in the web crate, over localStorage) for the app. [`RecordKeeper`]
//! holds the rules that sit on top: keys under a versioned prefix, revisions, refusing
//! data from a newer app, keeping a copy of data before it is upgraded, and folding in a
//! save made by another tab before writing. The UI calls the keeper and nothing else.

pub mod at_rest;
pub mod drafts;
mod keeper;
mod memory;
pub mod officer;

use thiserror::Error;

pub use keeper::{
    LastExport, LoadError, RecordKeeper, RecordReader, holds_record, holds_set_up_record, keys,
};
pub use memory::MemoryStorage;

/// Why the browser would not keep something.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StoreError {
    #[error(
        "This browser's storage is full, so your latest changes are not saved yet. They are kept while this page stays open, and the app keeps trying. Export your record now from Export and backup, then free some space."
    )]
    Full,
    #[error(
        "This browser is not letting the app keep your record (private browsing or blocked site data can do this). Your changes last only while this page stays open: export your record before you close it."
    )]
    Unavailable,
}

impl StoreError {
    /// The error in the officer's words, for `what` the workspace could not keep ("the
    /// committee report's notes"): the variants' own messages are written for a
    /// councillor's record, which an export keeps safe; the officer's words are not in
    /// any export.
    pub fn for_officer(&self, what: &str) -> String {
        match self {
            Self::Full => format!(
                "This browser's storage is full, so {what} could not be saved. What you typed is still on the page: copy it somewhere safe, free some space in this browser (members' files you no longer need, or other sites' data), then type it again."
            ),
            Self::Unavailable => format!(
                "This browser is not letting the workspace keep anything (private browsing or blocked site data can do this), so {what} could not be saved. What you typed is still on the page: copy it somewhere safe before you close it."
            ),
        }
    }
}

/// A place that keeps text under keys, like the browser's localStorage.
pub trait Storage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
}
