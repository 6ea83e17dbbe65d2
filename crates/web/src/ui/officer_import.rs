//! The officer's import in the browser: reads the chosen files, opens those sealed for
//! the council and unlocks the locked ones,
//! hands each to `consolidate::MemberImport` (which merges it, says what happened, and says
//! what to save and when), writes each batch it gives to IndexedDB in a transaction of its
//! own, and shows how it went. What an import decides is the domain's; this module holds
//! only the browser's part: files, WebCrypto, IndexedDB and the page's signals.
//!
//! Its code loads with the officer's other pages, not the first one: the binary gives the
//! members' page an [`Importer`] that fetches it when files are chosen.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use futures_channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::store::member_files::{MemberFilesDb, WorkspaceError};
use crate::ui::council_key::CouncilKeyring;
use crate::ui::crypto::Keyring;
use crate::ui::files::start_reading;
use crate::ui::officer_context::OfficerData;
use crate::ui::yield_to_browser;
use mdr_domain::consolidate::{ImportResults, MemberImport, OpenedFile, SaveBatch};
use mdr_domain::exchange::{Export, MemberFile, ReadError, SealedFile, file_text, read_export};

/// How many files the browser reads ahead of the one being merged.
const READ_AHEAD: usize = 32;

/// How far an import has gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
}

/// Where an import shows how it is going and how each file fared.
#[derive(Clone, Copy)]
pub struct ImportShown {
    pub results: RwSignal<ImportResults>,
    /// Whether every result is shown, rather than the first ones.
    pub show_all: RwSignal<bool>,
    pub progress: RwSignal<Option<ImportProgress>>,
}

/// An import under way, as [`Importer`] starts it.
pub type Importing = Pin<Box<dyn Future<Output = ()>>>;

/// How the members' files page runs an import, given by the officer's binary
/// (`src/bin/officer.rs`) so that the import's code (reading, unlocking, merging, saving)
/// can load with the other pages rather than with the first one. It calls
/// [`import_files`]; `Err` means that code could not be fetched.
#[derive(Clone, Copy)]
pub struct Importer(pub fn(OfficerData, ImportShown, Vec<web_sys::File>, String) -> Starting);

/// An import being started: `Err` when its code could not be fetched.
pub type Starting =
    Pin<Box<dyn Future<Output = Result<Importing, leptos::wasm_split::SplitLoaderError>>>>;

/// How one write to IndexedDB ended, once it has.
type Written = oneshot::Receiver<Result<(), WorkspaceError>>;

/// Starts writing one batch of members in a transaction of its own, so the device saves
/// while the next files are read.
fn write(storage: &Option<Rc<MemberFilesDb>>, batch: SaveBatch) -> Written {
    let (done, written) = oneshot::channel();
    match storage.clone() {
        // The browser would not open the workspace's storage: nothing can be kept.
        None => {
            let _ = done.send(Err(WorkspaceError::Unavailable));
        }
        Some(db) => spawn_local(async move {
            let _ = done.send(db.put_all(batch.members).await);
        }),
    }
    written
}

/// A file read ahead of its turn, and opened if it was sealed for the council (its key
/// is already unlocked, so files can be opened side by side).
enum Prepared {
    NotRead,
    Refused(ReadError),
    /// Plain, or sealed for the council and opened: the member file and its text.
    Plain(Box<MemberFile>, String),
    /// Locked with a passphrase: opened in turn, with the batch's keyring.
    Locked(SealedFile),
}

/// Starts reading `file` and, once read, reading it as a member's file and opening it if
/// it is sealed for the council, as a task of its own, so that several files are read
/// and opened while others are merged.
fn prepare(file: &web_sys::File, council_keys: &Rc<CouncilKeyring>) -> oneshot::Receiver<Prepared> {
    let reading = start_reading(file);
    let council_keys = Rc::clone(council_keys);
    let (done, prepared) = oneshot::channel();
    spawn_local(async move {
        let prepared = match reading.await.map(file_text) {
            Err(_) => Prepared::NotRead,
            Ok(Err(e)) => Prepared::Refused(e),
            Ok(Ok(text)) => match read_export(&text) {
                Ok(Export::Plain(file)) => Prepared::Plain(Box::new(file), text),
                Ok(Export::Sealed(sealed)) => Prepared::Locked(sealed),
                Ok(Export::ForCouncil(sealed)) => {
                    match council_keys.open_with_text(&sealed).await {
                        Ok((file, text)) => Prepared::Plain(Box::new(file), text),
                        Err(e) => Prepared::Refused(e),
                    }
                }
                Err(e) => Prepared::Refused(e),
            },
        };
        let _ = done.send(prepared);
    });
    prepared
}

/// Imports the chosen files into the workspace: reads a few ahead, unlocks them with
/// `passphrase`, merges each, saves the changed members a hundred at a time, and shows
/// how it went in `shown`.
pub async fn import_files(
    data: OfficerData,
    shown: ImportShown,
    files: Vec<web_sys::File>,
    passphrase: String,
) {
    let OfficerData {
        workspace, problem, ..
    } = data;
    let ImportShown {
        results,
        show_all,
        progress,
    } = shown;
    let mut keyring = Keyring::new(&passphrase);
    let council_keys = Rc::new(data.keyring());
    let storage = data.storage().await;
    let total = files.len();
    let mut import = MemberImport::new();
    let mut writes: Vec<Written> = Vec::new();
    // The browser reads a few files ahead (and opens those sealed for the council) while
    // each is merged in turn, and the page is handed back to the browser every 50 ms so
    // it stays responsive. A file's size is not asked for first: on a tablet that costs
    // as much as reading it, and the text is measured before it is parsed.
    let mut preparing: VecDeque<_> = files
        .iter()
        .take(READ_AHEAD)
        .map(|file| prepare(file, &council_keys))
        .collect();
    let mut last_yield = js_sys::Date::now();
    for (i, file) in files.iter().enumerate() {
        if let Some(next) = files.get(i + READ_AHEAD) {
            preparing.push_back(prepare(next, &council_keys));
        }
        let prepared = preparing
            .pop_front()
            .expect("one preparing per file")
            .await
            .unwrap_or(Prepared::NotRead);
        let name = file.name();
        let opened = match prepared {
            Prepared::NotRead => {
                import.not_read(name);
                None
            }
            Prepared::Refused(e) => {
                import.refuse(name, &e);
                None
            }
            Prepared::Plain(file, text) => Some(OpenedFile::plain(*file, text)),
            // One key per salt for the whole batch: opened in turn, so each is made once.
            Prepared::Locked(sealed) => match keyring.open(&sealed).await {
                Ok(file) => Some(OpenedFile::unlocked(file)),
                Err(e) => {
                    import.refuse(name, &e);
                    None
                }
            },
        };
        if let Some(opened) = opened {
            let merged = workspace.try_update_untracked(|w| import.merge(w, file.name(), opened));
            // The app has gone, and the workspace with it.
            if merged.is_none() {
                return;
            }
        }
        if let Some(batch) = workspace.with_untracked(|w| import.save_due(w)) {
            writes.push(write(&storage, batch));
        }
        if js_sys::Date::now() - last_yield > 50.0 {
            progress.set(Some(ImportProgress { done: i + 1, total }));
            // An import under way is the officer using the workspace.
            data.used();
            yield_to_browser().await;
            last_yield = js_sys::Date::now();
        }
    }
    progress.set(Some(ImportProgress { done: total, total }));
    if let Some(batch) = workspace.with_untracked(|w| import.save_now(w)) {
        writes.push(write(&storage, batch));
    }
    let mut ended = Vec::with_capacity(writes.len());
    for written in writes {
        ended.push(written.await.unwrap_or(Err(WorkspaceError::Unavailable)));
    }
    let report = import.finish(ended, WorkspaceError::Unavailable);
    if let Some(not_saved) = report.not_saved {
        problem.set(Some(not_saved.to_string()));
    }
    // The results appear once the files are saved, so a reload shows the same.
    workspace.update(|_| ());
    show_all.set(false);
    results.set(report.results);
    progress.set(None);
}
