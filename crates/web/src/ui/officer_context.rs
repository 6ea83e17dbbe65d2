//! The officer's workspace as app-wide state, beside the councillor's (`context.rs`): the
//! members' files held on this device, opened from IndexedDB once and shared by the
//! officer's pages, and the officer's own pack and list of expected members in
//! localStorage. Pages reach the workspace's storage only through [`OfficerData`].
//!
//! The members' files are opened the first time a page asks for them, as one shared
//! future held by the app, so moving between pages does not read them again, and an
//! import awaits the same opening rather than checking until it is done.
//!
//! Once the workspace has a council key it is locked at rest: what it holds is encrypted
//! under its data key, which is held only in this tab's memory once the officer unlocks
//! the workspace, and forgotten with everything read when it is locked again.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use futures_util::FutureExt;
use futures_util::future::{LocalBoxFuture, Shared};
use leptos::prelude::*;

use crate::store::LocalStore;
use crate::store::at_rest::{DataCipher, holds_data_key};
use crate::store::member_files::WorkspaceError;
use crate::store::member_files::{MemberFilesDb, RawEntries};
use crate::ui::council_key::CouncilKeyring;
use mdr_domain::consolidate::{CharterActions, CommitteeNotes};
use mdr_domain::consolidate::{HeldFiles, OfficerWorkspace, read_held};
use mdr_domain::exchange::ReadError;
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::model::pack::CouncilPack;
use mdr_domain::store::StoreError;
use mdr_domain::store::at_rest::{HeldEntry, ROSTER_ID, is_held_record, read_held_entry};
use mdr_domain::store::officer::{
    CouncilKeys, KeptKeysUnreadable, holds_council_keys, load_charter_actions,
    load_committee_notes, load_council_keys, load_lock_after, load_officer_pack, load_roster,
    save_charter_actions, save_committee_notes, save_council_keys, save_lock_after,
    save_officer_pack, save_roster,
};

/// How the workspace reads the members' files held on this device, given by the officer's
/// binary (`src/bin/officer.rs`) so that the reading code loads with the other pages: a
/// new device holds none, and its first visit does without it. It calls
/// [`read_held_entries`]; `None` means that code could not be fetched.
#[derive(Clone, Copy)]
pub struct HeldReader(pub fn(Rc<MemberFilesDb>, RawEntries) -> Reading);

/// Held files being read: `None` when the reading code could not be fetched.
pub type Reading = Pin<Box<dyn Future<Output = Option<Held>>>>;

/// What the members' store held, read.
#[derive(Default)]
pub struct Held {
    /// The members, and how many entries could not be read (or opened).
    pub files: HeldFiles,
    /// Why entries in the clear in a workspace locked at rest could not be encrypted.
    pub not_locked: Option<WorkspaceError>,
}

/// Opens the store's entries with its data key where encrypted, reads them with
/// [`mdr_domain::consolidate::read_held`], and in a workspace locked at rest encrypts in
/// their place those kept in the clear (before the key was made, or left so by a tab
/// closed part-way), before an import could save over them.
pub async fn read_held_entries(db: Rc<MemberFilesDb>, raw: RawEntries) -> Held {
    let loaded = db.open_raw(raw).await;
    let mut files = read_held(&loaded.texts);
    files.unreadable += loaded.unopened;
    let not_locked = match loaded.plain.is_empty() {
        true => None,
        false => db.lock_in_place(loaded.plain).await.err(),
    };
    Held { files, not_locked }
}

/// The storage of the members' files, once opened: `None` when the browser would not open
/// it, or what it holds could not be read (so that nothing is saved over it).
type Opened = Option<Rc<MemberFilesDb>>;

/// The one opening of the members' files, which every page and import awaits.
type Opening = Shared<LocalBoxFuture<'static, Opened>>;

/// What the page says when the code that reads the held files could not be fetched.
const HELD_NOT_LOADED: &str = "The members' files on this device could not be shown, because this part of the app could not be loaded: either it has not been downloaded to this device yet and there is no internet connection, or a newer version of the app has arrived. The files are kept as they are, and nothing can be imported until they are shown. Reload the page with a connection.";

/// App-wide access to the officer's workspace.
#[derive(Clone, Copy)]
pub struct OfficerData {
    /// The members held, as last opened, imported or removed.
    pub workspace: RwSignal<OfficerWorkspace>,
    /// What went wrong with the members' files, in the officer's words, while it lasts.
    pub problem: RwSignal<Option<String>>,
    /// The opening of the members' files, once a page has asked for them.
    opened: StoredValue<Option<Opening>, LocalStorage>,
    /// Whether the members' files are still being opened.
    loading: RwSignal<bool>,
    reader: HeldReader,
    /// The council keys unlocked this session, held only in memory as keys the page can
    /// use but never read; empty until the officer unlocks them.
    keyring: StoredValue<CouncilKeyring, LocalStorage>,
    /// The data key the workspace's records are encrypted under, while it is unlocked.
    cipher: StoredValue<Option<DataCipher>, LocalStorage>,
    /// Whether the workspace is locked at rest (it holds a council key, or records
    /// encrypted under a data key), so that it opens only once unlocked.
    pub protected: RwSignal<bool>,
    /// Whether the workspace (its records and council keys) is unlocked in this tab.
    pub unlocked: RwSignal<bool>,
    /// The members the officer expects files from, one name a line, as typed.
    pub roster: RwSignal<String>,
    /// Saves of the roster begun, so that an older one finishing late is not kept.
    roster_saves: StoredValue<u64>,
    /// Each opening of the members' files, so that one overtaken by a lock or an unlock
    /// changes nothing.
    generation: StoredValue<u64>,
    /// When the officer last used the workspace (ms since 1970), for locking it when left.
    last_used: StoredValue<f64>,
    /// The members' files as kept (encrypted), read while the workspace is locked, so that
    /// unlocking only has to open them.
    read_ahead: StoredValue<Option<ReadAhead>, LocalStorage>,
}

/// The members' files being read as kept while the workspace is locked.
type ReadAhead = Shared<LocalBoxFuture<'static, Option<Rc<RawEntries>>>>;

/// The roster as kept when the workspace is not locked at rest; with `None` when it is
/// kept encrypted, to be read once the workspace is unlocked.
fn plain_roster() -> Option<String> {
    let roster = load_roster(&LocalStore);
    (!is_held_record(&roster)).then_some(roster)
}

/// Makes room for the officer's data at the top of the app; nothing is read until an
/// officer's page asks for it.
pub fn provide_officer_data(reader: HeldReader) -> OfficerData {
    let roster = plain_roster();
    let protected = holds_council_keys(&LocalStore) || roster.is_none();
    let data = OfficerData {
        workspace: RwSignal::new(OfficerWorkspace::default()),
        problem: RwSignal::new(None),
        opened: StoredValue::new_local(None),
        loading: RwSignal::new(true),
        reader,
        keyring: StoredValue::new_local(CouncilKeyring::default()),
        cipher: StoredValue::new_local(None),
        protected: RwSignal::new(protected),
        unlocked: RwSignal::new(false),
        roster: RwSignal::new(if protected {
            String::new()
        } else {
            roster.unwrap_or_default()
        }),
        roster_saves: StoredValue::new(0),
        generation: StoredValue::new(0),
        last_used: StoredValue::new(js_sys::Date::now()),
        read_ahead: StoredValue::new_local(None),
    };
    provide_context(data);
    data
}

/// The officer's data, from any page of the workspace; the members' files are opened the
/// first time a page asks.
pub fn use_officer_data() -> OfficerData {
    let data = expect_context::<OfficerData>();
    data.begin_opening();
    data
}

/// The officer's data, for a page that needs only their pack and list: the members' files
/// are not opened for it.
pub fn use_officer_pack() -> OfficerData {
    expect_context::<OfficerData>()
}

impl OfficerData {
    /// Begins opening the members' files, unless that is already under way or done.
    fn begin_opening(&self) {
        drop(self.opening());
    }

    /// The opening of the members' files, begun on first use and carried on by the app
    /// whether or not a page is still waiting for it. While the workspace is locked
    /// nothing is opened.
    fn opening(&self) -> Opening {
        if self.is_locked() {
            return futures_util::future::ready(None).boxed_local().shared();
        }
        if let Some(opening) = self.opened.get_value() {
            return opening;
        }
        let data = *self;
        let generation = self.generation.get_value();
        let opening = async move {
            let opened = data.open(generation).await;
            if data.generation.get_value() == generation {
                data.loading.set(false);
            }
            opened
        }
        .boxed_local()
        .shared();
        self.opened.set_value(Some(opening.clone()));
        leptos::task::spawn_local(opening.clone().map(drop));
        opening
    }

    /// Whether this opening has been overtaken by a lock or an unlock.
    fn overtaken(&self, generation: u64) -> bool {
        self.generation.get_value() != generation
    }

    /// Opens IndexedDB and reads what it holds into the workspace: with the data key, once
    /// the workspace is unlocked, encrypting in their place any records still in the clear
    /// before anything else can be saved.
    async fn open(self, generation: u64) -> Opened {
        let cipher = self.cipher.get_value();
        if cipher.is_none() {
            // Records encrypted under a data key stay closed until the workspace is
            // unlocked, whatever else this browser still holds.
            if let Ok(true) = holds_data_key().await {
                if !self.overtaken(generation) {
                    self.lock();
                    self.protected.set(true);
                }
                return None;
            }
        }
        let locked_at_rest = cipher.is_some();
        let opened = match MemberFilesDb::open(cipher.clone()).await {
            Ok(opened) => opened,
            Err(e) => {
                self.problem.set(Some(format!(
                    "The members' files on this device could not be opened. {e}"
                )));
                return None;
            }
        };
        // What was read while the passphrase was typed, unless a tab has written since.
        let read_ahead = match self.read_ahead.get_value() {
            Some(reading) if locked_at_rest => reading.await.filter(|raw| raw.current()),
            _ => None,
        };
        self.read_ahead.set_value(None);
        let raw = match read_ahead {
            Some(raw) => Ok(Rc::unwrap_or_clone(raw)),
            None => opened.read_raw().await,
        };
        let opened = Rc::new(opened);
        let (held, mut unreadable_problem) = match raw {
            Ok(raw) if raw.is_empty() => (Some(Held::default()), None),
            Ok(raw) => ((self.reader.0)(Rc::clone(&opened), raw).await, None),
            Err(e) => (Some(Held::default()), Some(e.to_string())),
        };
        if self.overtaken(generation) {
            return None;
        }
        // Without what is held, an import could not merge with it: the storage stays
        // closed, so an import saves nothing over it.
        let Some(Held {
            files: HeldFiles {
                workspace,
                unreadable,
            },
            not_locked,
        }) = held
        else {
            self.problem.set(Some(HELD_NOT_LOADED.to_owned()));
            return None;
        };
        if unreadable > 0 {
            let files = if unreadable == 1 {
                "member's file"
            } else {
                "members' files"
            };
            unreadable_problem = Some(format!(
                "{unreadable} {files} saved on this device could not be read, so they are left as they are and not shown. Import those members' files again to see them."
            ));
        }
        if let Some(e) = not_locked {
            unreadable_problem = Some(format!(
                "Some members' records in this browser could not be encrypted yet. They are kept as they were, and will be encrypted when the workspace is next unlocked. {e}"
            ));
        }
        if self.overtaken(generation) {
            return None;
        }
        if unreadable_problem.is_some() {
            self.problem.set(unreadable_problem);
        }
        self.workspace.set(workspace);
        Some(opened)
    }

    /// Reads the roster with the data key, encrypting it in its place if it was kept in
    /// the clear; unless the workspace has been locked or unlocked again meanwhile.
    async fn open_roster(self, cipher: DataCipher, generation: u64) {
        let cipher = &cipher;
        let roster = match read_held_entry(load_roster(&LocalStore)) {
            HeldEntry::Locked(record) if record.member_id == ROSTER_ID => {
                cipher.open_text(&record).await.unwrap_or_default()
            }
            HeldEntry::Locked(_) => String::new(),
            HeldEntry::Plain(roster) => {
                if !roster.is_empty()
                    && let Ok(locked) = cipher.lock_text(ROSTER_ID, &roster).await
                    && !self.overtaken(generation)
                {
                    let _ = save_roster(&LocalStore, &locked);
                }
                roster
            }
        };
        if !self.overtaken(generation) {
            self.roster.set(roster);
        }
    }

    /// Whether the members' files are still being opened (reactive).
    pub fn loading(&self) -> bool {
        self.begin_opening();
        self.loading.get()
    }

    /// The storage of the members' files, once they are open: files chosen while they are
    /// still being opened wait for them, so that they are merged with what is held and
    /// saved beside it. `None` when the storage could not be opened.
    pub async fn storage(&self) -> Option<Rc<MemberFilesDb>> {
        self.opening().await
    }

    /// The council pack the officer is preparing, if they have started one.
    pub fn pack(&self) -> Result<Option<CouncilPack>, ReadError> {
        load_officer_pack(&LocalStore)
    }

    /// Keeps the officer's pack.
    pub fn save_pack(&self, pack: &CouncilPack) -> Result<(), StoreError> {
        save_officer_pack(&LocalStore, pack)
    }

    /// Keeps the officer's list of expected members, encrypted in a workspace locked at
    /// rest (where a later save overtakes one still being encrypted).
    pub fn save_roster(&self, roster: String) {
        self.roster.set(roster.clone());
        let Some(cipher) = self.cipher.get_value() else {
            if !self.protected.get_untracked() {
                let _ = save_roster(&LocalStore, &roster);
            }
            return;
        };
        let save = self.roster_saves.get_value() + 1;
        self.roster_saves.set_value(save);
        let data = *self;
        leptos::task::spawn_local(async move {
            if let Ok(locked) = cipher.lock_text(ROSTER_ID, &roster).await
                && data.roster_saves.get_value() == save
                && data.unlocked.get_untracked()
            {
                let _ = save_roster(&LocalStore, &locked);
            }
        });
    }

    /// The council keys the workspace holds, each wrapped under the officer's passphrase.
    pub fn council_keys(&self) -> Result<CouncilKeys, KeptKeysUnreadable> {
        load_council_keys(&LocalStore)
    }

    /// Whether the workspace holds any council key, without reading them.
    pub fn holds_council_keys(&self) -> bool {
        holds_council_keys(&LocalStore)
    }

    /// Keeps the council keys.
    pub fn save_council_keys(&self, keys: &CouncilKeys) -> Result<(), StoreError> {
        save_council_keys(&LocalStore, keys)
    }

    /// The council keys unlocked this session (none while locked).
    pub fn keyring(&self) -> CouncilKeyring {
        self.keyring.get_value()
    }

    /// Holds the keys unlocked this session, in memory only, once the workspace is
    /// unlocked (a key made or restored since).
    pub fn set_keyring(&self, keyring: CouncilKeyring) {
        self.keyring.set_value(keyring);
    }

    /// Whether the workspace is locked at rest and not unlocked in this tab.
    pub fn is_locked(&self) -> bool {
        self.protected.get_untracked() && !self.unlocked.get_untracked()
    }

    /// Whether the workspace is locked at rest and not unlocked in this tab (reactive).
    pub fn locked(&self) -> bool {
        self.protected.get() && !self.unlocked.get()
    }

    /// Unlocks the workspace in this tab: its council keys and its data key, held only in
    /// memory, and the members' records opened again with them.
    pub fn set_unlocked(&self, keyring: CouncilKeyring, cipher: DataCipher) {
        self.keyring.set_value(keyring);
        self.cipher.set_value(Some(cipher.clone()));
        self.protected.set(true);
        self.unlocked.set(true);
        self.used();
        self.reopen();
        self.begin_opening();
        leptos::task::spawn_local(self.open_roster(cipher, self.generation.get_value()));
    }

    /// Locks the workspace in this tab: the keys and everything read with them are
    /// forgotten, and every page shows the locked workspace until it is unlocked again.
    pub fn lock(&self) {
        self.keyring.set_value(CouncilKeyring::default());
        self.cipher.set_value(None);
        self.unlocked.set(false);
        self.read_ahead.set_value(None);
        self.reopen();
        self.workspace.set(OfficerWorkspace::default());
        self.roster.set(String::new());
        self.problem.set(None);
    }

    /// Reads the members' files as kept, still encrypted, while the workspace is locked,
    /// so that unlocking it only has to open them.
    pub fn read_ahead(&self) {
        if self.read_ahead.with_value(Option::is_some) {
            return;
        }
        let reading = async {
            let db = MemberFilesDb::open(None).await.ok()?;
            db.read_raw().await.ok().map(Rc::new)
        }
        .boxed_local()
        .shared();
        self.read_ahead.set_value(Some(reading.clone()));
        leptos::task::spawn_local(reading.map(drop));
    }

    /// Forgets the opening of the members' files, so that the next page to ask opens them
    /// afresh, and any opening under way changes nothing.
    fn reopen(&self) {
        self.generation.update_value(|g| *g += 1);
        self.opened.set_value(None);
        self.loading.set(true);
    }

    /// After the workspace was cleared in this tab or another: open again as it now is.
    pub fn start_afresh(&self) {
        self.lock();
        let roster = plain_roster();
        self.protected
            .set(holds_council_keys(&LocalStore) || roster.is_none());
        self.roster.set(roster.unwrap_or_default());
    }

    /// Notes that the officer is using the workspace.
    pub fn used(&self) {
        self.last_used.set_value(js_sys::Date::now());
    }

    /// Locks the workspace if it has been left unused for the officer's chosen time.
    pub fn lock_if_left(&self) {
        let left = js_sys::Date::now() - self.last_used.get_value();
        if self.unlocked.get_untracked()
            && self.protected.get_untracked()
            && left >= f64::from(self.lock_after()) * 60_000.0
        {
            self.lock();
        }
    }

    /// The officer's actions and target dates for the Charter evidence.
    pub fn charter_actions(&self) -> CharterActions {
        load_charter_actions(&LocalStore)
    }

    /// Keeps the officer's actions and target dates for the Charter evidence.
    pub fn save_charter_actions(&self, actions: &CharterActions) -> Result<(), StoreError> {
        save_charter_actions(&LocalStore, actions)
    }

    /// The officer's introduction and recommendations for a year's committee report.
    pub fn committee_notes(&self, year: MunicipalYear) -> CommitteeNotes {
        load_committee_notes(&LocalStore, year)
    }

    /// Keeps the officer's introduction and recommendations for a year's committee report.
    pub fn save_committee_notes(
        &self,
        year: MunicipalYear,
        notes: &CommitteeNotes,
    ) -> Result<(), StoreError> {
        save_committee_notes(&LocalStore, year, notes)
    }

    /// How many minutes the workspace stays unlocked unused.
    pub fn lock_after(&self) -> u32 {
        load_lock_after(&LocalStore)
    }

    /// Keeps the officer's choice of how long the workspace stays unlocked unused.
    pub fn save_lock_after(&self, minutes: u32) -> Result<(), StoreError> {
        save_lock_after(&LocalStore, minutes)
    }
}
