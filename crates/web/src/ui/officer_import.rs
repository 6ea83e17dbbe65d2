//! The officer's import in the browser: reads the chosen files, unlocks the locked ones,
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
use crate::ui::crypto::Keyring;
use crate::ui::files::start_reading;
use crate::ui::officer_context::OfficerData;
use crate::ui::yield_to_browser;
use mdr_domain::consolidate::{ImportResults, MemberImport, OpenedFile, SaveBatch};
use mdr_domain::exchange::{Export, file_text, read_export};

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
    let council_keys = data.keyring();
    let storage = data.storage().await;
    let total = files.len();
    let mut import = MemberImport::new();
    let mut writes: Vec<Written> = Vec::new();
    // The browser reads a few files ahead while each is merged in turn, and the page
    // is handed back to the browser every 50 ms so it stays responsive. A file's size
    // is not asked for first: on a tablet that costs as much as reading it, and the
    // text is measured before it is parsed.
    let mut reading: VecDeque<_> = files.iter().take(READ_AHEAD).map(start_reading).collect();
    let mut last_yield = js_sys::Date::now();
    for (i, file) in files.iter().enumerate() {
        if let Some(next) = files.get(i + READ_AHEAD) {
            reading.push_back(start_reading(next));
        }
        let bytes = reading.pop_front().expect("one reading per file").await;
        let name = file.name();
        match bytes.map(file_text) {
            Err(_) => import.not_read(name),
            Ok(Err(e)) => import.refuse(name, &e),
            Ok(Ok(text)) => {
                let opened = match read_export(&text) {
                    Ok(Export::Plain(file)) => Ok(OpenedFile::plain(file, text)),
                    Ok(Export::Sealed(sealed)) => {
                        keyring.open(&sealed).await.map(OpenedFile::unlocked)
                    }
                    Ok(Export::ForCouncil(sealed)) => {
                        council_keys.open(&sealed).await.map(OpenedFile::unlocked)
                    }
                    Err(e) => Err(e),
                };
                match opened {
                    Ok(opened) => {
                        let merged =
                            workspace.try_update_untracked(|w| import.merge(w, name, opened));
                        // The app has gone, and the workspace with it.
                        if merged.is_none() {
                            return;
                        }
                    }
                    Err(e) => import.refuse(name, &e),
                }
            }
        }
        if let Some(batch) = workspace.with_untracked(|w| import.save_due(w)) {
            writes.push(write(&storage, batch));
        }
        if js_sys::Date::now() - last_yield > 50.0 {
            progress.set(Some(ImportProgress { done: i + 1, total }));
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
