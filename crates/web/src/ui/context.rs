//! The councillor's record as app-wide state: one signal for the record, one keeper that
//! saves it. Pages change the record only through [`MemberContext::edit`], so saving is
//! one mechanism: debounced after each change, at once when the page is hidden, retried
//! while the browser refuses, and folded together with another tab's saves.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use chrono::{Local, Utc};
use leptos::ev;
use leptos::prelude::*;
use uuid::Uuid;

use crate::store::LocalStore;
use mdr_domain::exchange::MemberFile;
use mdr_domain::model::pack::CouncilPack;
use mdr_domain::model::pack::{all_roles, offered_courses, offered_roles, offered_surveys};
use mdr_domain::model::survey::{SurveyRound, SurveyTemplate};
use mdr_domain::model::{Course, MemberRecord, Profile, Role};
use mdr_domain::store::{LastExport, LoadError, RecordKeeper, RecordReader, Storage, keys};

/// How long after the last change the record is written. Short enough that a reload
/// never loses much; the page-hide handler covers the rest.
const SAVE_DELAY: Duration = Duration::from_millis(250);
/// Why changes wait when another tab saved and the code that combines the two copies could
/// not be fetched. Reloading would lose them, so the advice is to keep the page open.
const NO_READER_TO_MERGE: &str = "Another tab saved your record, and this one needs part of the app to combine the two copies before it saves, which has not been downloaded to this device yet. Your changes are kept while this page stays open, and the app keeps trying: connect to the internet and keep this page open until they are saved.";

/// Why another tab's save is not shown yet, for the same reason.
const NO_READER_TO_SHOW: &str = "Another tab changed your record, and this one needs part of the app to show the change, which has not been downloaded to this device yet. Anything you change here is kept and combined with it once that part arrives: connect to the internet and keep this page open.";

/// How long to wait before trying again when the browser refused to save.
const RETRY_DELAY: Duration = Duration::from_secs(3);

/// Fetches the code that reads a stored record (see [`RecordReader`]): in the release
/// build it comes with the pages that load when first opened, so a new device's first
/// visit does without it. `None` when it could not be fetched.
pub type FetchReader = fn() -> Pin<Box<dyn Future<Output = Option<RecordReader>>>>;

/// App-wide access to the councillor's record.
#[derive(Clone, Copy)]
pub struct MemberContext {
    /// The record, or `None` before the councillor has typed anything.
    pub record: RwSignal<Option<MemberRecord>>,
    /// While the saved record is being opened (its reader fetched), so pages wait.
    pub opening: RwSignal<bool>,
    /// Why the latest changes are not saved, while that lasts.
    pub save_problem: RwSignal<Option<String>>,
    /// Why the saved record could not be opened; while set, nothing is written.
    pub load_problem: RwSignal<Option<LoadError>>,
    /// When the record was last exported from this browser.
    pub last_export: RwSignal<Option<LastExport>>,
    /// The revision of the copy last saved, for the backup reminder.
    pub revision: RwSignal<u64>,
    /// The course catalogue the councillor chooses from: the council pack's, once applied.
    pub catalogue: Memo<Vec<Course>>,
    /// The roles a councillor can choose.
    pub roles: Memo<Vec<Role>>,
    /// Every role the council has named, retired ones included, for showing records.
    pub role_names: Memo<Vec<Role>>,
    pack: Memo<Option<CouncilPack>>,
    keeper: StoredValue<Option<RecordKeeper<LocalStore>>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    fetch_reader: FetchReader,
}

/// Opens the saved record and makes it available to every page. A device that holds no
/// record opens at once; one that does first fetches the record's reader.
pub fn provide_member_context(fetch_reader: FetchReader) -> MemberContext {
    let (keeper, opening, load_problem) = match RecordKeeper::open_with(LocalStore, None) {
        Ok((keeper, _)) => (Some(keeper), false, None),
        Err(LoadError::ReaderNeeded) => (None, true, None),
        Err(problem) => (None, false, Some(problem)),
    };
    let record = RwSignal::new(None);
    // One memo of the pack: it only notifies when the pack itself changes, so the lists
    // derived from it are not rebuilt on every keystroke elsewhere in the record.
    let pack = Memo::new(move |_| {
        record.with(|r: &Option<MemberRecord>| r.as_ref().and_then(|r| r.pack.clone()))
    });
    let context = MemberContext {
        record,
        opening: RwSignal::new(opening),
        save_problem: RwSignal::new(None),
        load_problem: RwSignal::new(load_problem),
        last_export: RwSignal::new(keeper.as_ref().and_then(RecordKeeper::last_export)),
        revision: RwSignal::new(0),
        catalogue: Memo::new(move |_| pack.with(|p| offered_courses(p.as_ref()))),
        roles: Memo::new(move |_| pack.with(|p| offered_roles(p.as_ref()))),
        role_names: Memo::new(move |_| pack.with(|p| all_roles(p.as_ref()))),
        pack,
        keeper: StoredValue::new(keeper),
        timer: StoredValue::new(None),
        fetch_reader,
    };
    if opening {
        context.open_with_reader();
    }
    context.listen_to_the_page();
    provide_context(context);
    context
}

/// The councillor's record, from any component under the app.
pub fn use_member() -> MemberContext {
    expect_context::<MemberContext>()
}

impl MemberContext {
    /// The surveys the councillor can answer, each with its current round, for the page
    /// that asks (so the built-in surveys' code comes with the survey pages).
    pub fn surveys(&self) -> Memo<Vec<(SurveyTemplate, SurveyRound)>> {
        let pack = self.pack;
        Memo::new(move |_| pack.with(|p| offered_surveys(p.as_ref(), Local::now().date_naive())))
    }

    /// What each member may spend on courses in a year, when the council's pack sets it.
    pub fn allowance(&self) -> Option<u64> {
        self.pack
            .with(|p| p.as_ref().and_then(|p| p.allowance_pence))
    }

    /// Whether the profile has been set up, so the whole app can be shown.
    pub fn is_set_up(&self) -> bool {
        self.record
            .with(|r| r.as_ref().is_some_and(MemberRecord::is_set_up))
    }

    /// Changes the record (making it on the first change) and schedules a save.
    pub fn edit(&self, change: impl FnOnce(&mut MemberRecord)) {
        if self.keeper.with_value(Option::is_none) {
            return;
        }
        self.record.update(|slot| {
            let record = slot.get_or_insert_with(|| MemberRecord::new(Uuid::new_v4(), Utc::now()));
            change(record);
        });
        self.keeper.update_value(|k| {
            if let Some(k) = k {
                k.mark_changed();
            }
        });
        self.schedule_save(SAVE_DELAY);
    }

    /// Changes the profile and stamps it with the time of the change.
    pub fn edit_profile(&self, change: impl FnOnce(&mut Profile)) {
        self.edit(|record| {
            change(&mut record.profile);
            record.profile.updated_at = Utc::now();
        });
    }

    /// Replaces the record with one restored from a file, and saves it at once.
    pub fn restore(&self, record: MemberRecord, file_revision: u64) {
        if self.keeper.with_value(Option::is_none) {
            return;
        }
        self.record.set(Some(record));
        self.keeper.update_value(|k| {
            if let Some(k) = k {
                k.mark_restored(file_revision);
            }
        });
        self.save_now();
    }

    /// The saved record exactly as it is stored, unread: for keeping a copy of data this
    /// version of the app cannot open.
    pub fn saved_text(&self) -> Option<String> {
        LocalStore.get(keys::RECORD).ok().flatten()
    }

    /// The record as an export file, noted as exported for the backup reminder.
    pub fn export(&self) -> Option<MemberFile> {
        self.save_now();
        let record = self.record.get_untracked()?;
        let file = self
            .keeper
            .with_value(|k| k.as_ref().map(|k| k.export(&record, Utc::now())))?;
        self.keeper.with_value(|k| {
            if let Some(k) = k {
                // The reminder is a nicety: a full storage must not stop the download.
                let _ = k.note_export(&file);
            }
        });
        self.last_export.set(Some(LastExport {
            revision: file.revision,
            at: file.exported_at,
        }));
        Some(file)
    }

    /// The code that reads a record file and merges two copies (see [`RecordReader`]),
    /// fetched if this device has not yet; `None` when it could not be fetched.
    pub async fn reader(&self) -> Option<RecordReader> {
        (self.fetch_reader)().await
    }

    /// Starts fetching the reader, so that it is there by the time a page needs it.
    pub fn fetch_reader_soon(&self) {
        let fetch = self.fetch_reader;
        leptos::task::spawn_local(async move {
            let _ = fetch().await;
        });
    }

    /// Fetches the reader, then opens the saved record with it. Until then nothing is
    /// written; if it cannot be fetched, the page says so and the record stays as it is.
    fn open_with_reader(&self) {
        let context = *self;
        leptos::task::spawn_local(async move {
            let opened = match (context.fetch_reader)().await {
                Some(reader) => RecordKeeper::open_with(LocalStore, Some(reader)),
                None => Err(LoadError::ReaderNeeded),
            };
            match opened {
                Ok((keeper, record)) => {
                    context.last_export.set(keeper.last_export());
                    context.revision.set(keeper.revision());
                    context.keeper.set_value(Some(keeper));
                    context.record.set(record);
                }
                Err(problem) => context.load_problem.set(Some(problem)),
            }
            context.opening.set(false);
        });
    }

    /// Fetches the reader the keeper asked for, gives it to the keeper, then does `then`.
    /// If it cannot be fetched, says why this tab cannot go on yet (one message, whichever
    /// asked: that its changes wait, or else that another tab's are not shown) and tries
    /// again a little later.
    fn with_reader(&self, then: fn(&MemberContext)) {
        let context = *self;
        leptos::task::spawn_local(async move {
            match (context.fetch_reader)().await {
                Some(reader) => {
                    context.keeper.update_value(|k| {
                        if let Some(k) = k {
                            k.set_reader(reader);
                        }
                    });
                    let waiting = [NO_READER_TO_MERGE, NO_READER_TO_SHOW];
                    if context
                        .save_problem
                        .with_untracked(|p| p.as_deref().is_some_and(|p| waiting.contains(&p)))
                    {
                        context.save_problem.set(None);
                    }
                    then(&context);
                }
                None => {
                    let unsaved = context
                        .keeper
                        .with_value(|k| k.as_ref().is_some_and(RecordKeeper::has_unsaved_changes));
                    let waiting = if unsaved {
                        NO_READER_TO_MERGE
                    } else {
                        NO_READER_TO_SHOW
                    };
                    if context.save_problem.get_untracked().as_deref() != Some(waiting) {
                        context.save_problem.set(Some(waiting.to_owned()));
                    }
                    set_timeout(move || then(&context), RETRY_DELAY);
                }
            }
        });
    }

    fn schedule_save(&self, delay: Duration) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let context = *self;
        let handle = set_timeout_with_handle(move || context.save_now(), delay).ok();
        self.timer.set_value(handle);
    }

    /// Writes any unsaved changes now.
    pub fn save_now(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        let Some(record) = self.record.get_untracked() else {
            return;
        };
        let outcome = self.keeper.try_update_value(|k| {
            k.as_mut().map(|k| {
                k.flush(&record, Utc::now())
                    .map(|adopted| (adopted, k.revision()))
            })
        });
        match outcome.flatten() {
            Some(Ok((adopted, revision))) => {
                if let Some(adopted) = adopted {
                    self.record.set(Some(adopted));
                }
                self.revision.set(revision);
                if self.save_problem.get_untracked().is_some() {
                    self.save_problem.set(None);
                }
            }
            // Another tab saved: its copy is read and merged once the reader is here.
            Some(Err(LoadError::ReaderNeeded)) => self.with_reader(Self::save_now),
            Some(Err(problem)) => {
                self.save_problem.set(Some(problem.to_string()));
                self.schedule_save(RETRY_DELAY);
            }
            None => {}
        }
    }

    /// Another tab saved: take its copy before this tab writes again.
    fn take_other_tabs_save(&self) {
        let current = self.record.get_untracked();
        let outcome = self.keeper.try_update_value(|k| {
            k.as_mut()
                .map(|k| k.refresh(current.as_ref()).map(|r| (r, k.revision())))
        });
        match outcome.flatten() {
            Some(Ok((Some(record), revision))) => {
                self.record.set(Some(record));
                self.revision.set(revision);
                // This tab's own changes, now combined with the other's, are written soon.
                if self
                    .keeper
                    .with_value(|k| k.as_ref().is_some_and(RecordKeeper::has_unsaved_changes))
                {
                    self.schedule_save(SAVE_DELAY);
                }
            }
            Some(Ok((None, _))) | None => {}
            Some(Err(LoadError::ReaderNeeded)) => self.with_reader(Self::take_other_tabs_save),
            Some(Err(problem)) => {
                self.load_problem.set(Some(problem));
                self.keeper.set_value(None);
            }
        }
    }

    fn listen_to_the_page(&self) {
        let context = *self;
        // Handles are dropped on purpose: these listeners live as long as the page.
        let _ = window_event_listener(ev::pagehide, move |_| context.save_now());
        let _ = window_event_listener(ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                context.save_now();
            }
        });
        let _ = window_event_listener(ev::storage, move |event| {
            if event.key().as_deref() == Some(keys::RECORD) {
                context.take_other_tabs_save();
            }
        });
    }
}
