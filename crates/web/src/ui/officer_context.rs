//! The officer's workspace as app-wide state, beside the councillor's (`context.rs`): the
//! members' files held on this device, opened from IndexedDB once and shared by the
//! officer's pages, and the officer's own pack and list of expected members in
//! localStorage. Pages reach the workspace's storage only through [`OfficerData`].
//!
//! The members' files are opened the first time a page asks for them, as one shared
//! future held by the app, so moving between pages does not read them again, and an
//! import awaits the same opening rather than checking until it is done.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use futures_util::FutureExt;
use futures_util::future::{LocalBoxFuture, Shared};
use leptos::prelude::*;

use crate::store::LocalStore;
use crate::store::member_files::MemberFilesDb;
use crate::ui::council_key::CouncilKeyring;
use mdr_domain::consolidate::{HeldFiles, OfficerWorkspace};
use mdr_domain::exchange::ReadError;
use mdr_domain::model::pack::CouncilPack;
use mdr_domain::store::StoreError;
use mdr_domain::store::officer::{
    CouncilKeys, KeptKeysUnreadable, holds_council_keys, load_council_keys, load_officer_pack,
    load_roster, save_council_keys, save_officer_pack, save_roster,
};

/// How the workspace reads the members' files held on this device, given by the officer's
/// binary (`src/bin/officer.rs`) so that the reading code loads with the other pages: a
/// new device holds none, and its first visit does without it. It calls
/// [`mdr_domain::consolidate::read_held`]; `None` means that code could not be fetched.
#[derive(Clone, Copy)]
pub struct HeldReader(pub fn(Vec<String>) -> Reading);

/// Held files being read: `None` when the reading code could not be fetched.
pub type Reading = Pin<Box<dyn Future<Output = Option<HeldFiles>>>>;

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
    /// Whether the council keys are unlocked this session (reactive).
    pub unlocked: RwSignal<bool>,
}

/// Makes room for the officer's data at the top of the app; nothing is read until an
/// officer's page asks for it.
pub fn provide_officer_data(reader: HeldReader) -> OfficerData {
    let data = OfficerData {
        workspace: RwSignal::new(OfficerWorkspace::default()),
        problem: RwSignal::new(None),
        opened: StoredValue::new_local(None),
        loading: RwSignal::new(true),
        reader,
        keyring: StoredValue::new_local(CouncilKeyring::default()),
        unlocked: RwSignal::new(false),
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
    /// whether or not a page is still waiting for it.
    fn opening(&self) -> Opening {
        if let Some(opening) = self.opened.get_value() {
            return opening;
        }
        let data = *self;
        let opening = async move {
            let opened = data.open().await;
            data.loading.set(false);
            opened
        }
        .boxed_local()
        .shared();
        self.opened.set_value(Some(opening.clone()));
        leptos::task::spawn_local(opening.clone().map(drop));
        opening
    }

    /// Opens IndexedDB and reads what it holds into the workspace.
    async fn open(self) -> Opened {
        let opened = match MemberFilesDb::open().await {
            Ok(opened) => opened,
            Err(e) => {
                self.problem.set(Some(format!(
                    "The members' files on this device could not be opened. {e}"
                )));
                return None;
            }
        };
        let held = match opened.load_all().await {
            Ok(texts) if texts.is_empty() => Some(HeldFiles::default()),
            Ok(texts) => (self.reader.0)(texts).await,
            Err(e) => {
                self.problem.set(Some(e.to_string()));
                Some(HeldFiles::default())
            }
        };
        // Without what is held, an import could not merge with it: the storage stays
        // closed, so an import saves nothing over it.
        let Some(HeldFiles {
            workspace,
            unreadable,
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
            self.problem.set(Some(format!(
                "{unreadable} {files} saved on this device could not be read, so they are left as they are and not shown. Import those members' files again to see them."
            )));
        }
        self.workspace.set(workspace);
        Some(Rc::new(opened))
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

    /// The members the officer expects files from, one name a line, as typed.
    pub fn roster(&self) -> String {
        load_roster(&LocalStore)
    }

    /// Keeps the officer's list of expected members.
    pub fn save_roster(&self, roster: &str) -> Result<(), StoreError> {
        save_roster(&LocalStore, roster)
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

    /// Holds the keys unlocked this session, in memory only.
    pub fn set_keyring(&self, keyring: CouncilKeyring) {
        self.unlocked.set(!keyring.is_empty());
        self.keyring.set_value(keyring);
    }
}
