//! The officer's members' files: import many at once (chosen or dropped), see what
//! happened to each, keep them in IndexedDB, and download the training audit.

use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use chrono::Local;
use futures_channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::store::member_files::{MemberFilesDb, WorkspaceError};
use crate::ui::components::{ConfirmPanel, PassphraseField, TextField};
use crate::ui::crypto::Keyring;
use crate::ui::files::{download_csv, start_reading};
use crate::ui::router::NavLink;
use crate::ui::{set_page_title, yield_to_browser};
use mdr_domain::consolidate::{
    HeldMember, ImportOutcome, NameKey, OfficerWorkspace, shown_name, training_audit_csv,
    training_audit_first, training_audit_len,
};
use mdr_domain::exchange::{Export, file_text, read_export};
use mdr_domain::model::dates::long_date;

/// Links between the officer's pages.
#[component]
pub fn OfficerNav() -> impl IntoView {
    view! {
        <nav class="sub-nav" aria-label="Officer workspace">
            <ul>
                <li><NavLink href="/officer" exact=true>"Members' files"</NavLink></li>
                <li><NavLink href="/officer/reports">"Reports"</NavLink></li>
                <li><NavLink href="/officer/pack">"Council pack"</NavLink></li>
            </ul>
        </nav>
    }
}

/// The members' files held on this device, opened from IndexedDB once and shared by the
/// officer's pages, so moving between them does not read every file again.
#[derive(Clone, Copy)]
pub struct OfficerData {
    pub workspace: RwSignal<OfficerWorkspace>,
    pub db: StoredValue<Option<Rc<MemberFilesDb>>, LocalStorage>,
    pub problem: RwSignal<Option<String>>,
    pub loading: RwSignal<bool>,
    opened: StoredValue<bool>,
}

/// Makes room for the officer's data at the top of the app; nothing is read until an
/// officer's page asks for it.
pub fn provide_officer_data() {
    provide_context(OfficerData {
        workspace: RwSignal::new(OfficerWorkspace::default()),
        db: StoredValue::new_local(None),
        problem: RwSignal::new(None),
        loading: RwSignal::new(true),
        opened: StoredValue::new(false),
    });
}

/// How the workspace reads the members' files held on this device, given by the officer's
/// binary (`src/bin/officer.rs`) so that the reading code loads with the other pages: a
/// new device holds none, and its first visit does without it. It calls [`read_held`];
/// `None` means that code could not be fetched.
#[derive(Clone, Copy)]
pub struct HeldReader(pub fn(Vec<String>) -> Reading);

/// The members read from the stored texts, and how many texts could not be read.
pub type Held = (Vec<HeldMember>, usize);

/// Held files being read: `None` when the reading code could not be fetched.
pub type Reading = std::pin::Pin<Box<dyn std::future::Future<Output = Option<Held>>>>;

/// Reads the stored texts of the members' files held on this device.
pub fn read_held(texts: &[String]) -> Held {
    let held: Vec<HeldMember> = texts
        .iter()
        .filter_map(|t| HeldMember::from_stored(t).ok())
        .collect();
    let unreadable = texts.len() - held.len();
    (held, unreadable)
}

/// What the page says when the code that reads the held files could not be fetched.
const HELD_NOT_LOADED: &str = "The members' files on this device could not be shown, because this part of the app could not be loaded: either it has not been downloaded to this device yet and there is no internet connection, or a newer version of the app has arrived. The files are kept as they are, and nothing can be imported until they are shown. Reload the page with a connection.";

/// The officer's stored members' files, opened on first use.
pub fn use_officer_data() -> OfficerData {
    let data = expect_context::<OfficerData>();
    if data.opened.get_value() {
        return data;
    }
    data.opened.set_value(true);
    let reader = expect_context::<HeldReader>();
    spawn_local(async move {
        match MemberFilesDb::open().await {
            Err(e) => data.problem.set(Some(format!(
                "The members' files on this device could not be opened. {e}"
            ))),
            Ok(opened) => {
                let held = match opened.load_all().await {
                    Ok(texts) if texts.is_empty() => Some((Vec::new(), 0)),
                    Ok(texts) => (reader.0)(texts).await,
                    Err(e) => {
                        data.problem.set(Some(e.to_string()));
                        Some((Vec::new(), 0))
                    }
                };
                match held {
                    Some((held, unreadable)) => {
                        if unreadable > 0 {
                            data.problem.set(Some(format!(
                                "{unreadable} saved members could not be read and are left as they are."
                            )));
                        }
                        data.workspace.set(OfficerWorkspace::from_held(held));
                        data.db.set_value(Some(Rc::new(opened)));
                    }
                    // Without what is held, an import could not merge with it: the
                    // storage stays closed, so an import saves nothing over it.
                    None => data.problem.set(Some(HELD_NOT_LOADED.to_owned())),
                }
            }
        }
        data.loading.set(false);
    });
    data
}

/// The most members listed at once; a search finds the others.
const MEMBERS_SHOWN: usize = 50;

/// The most rows of the training audit shown on the page; the download has them all.
const AUDIT_ROWS_SHOWN: usize = 200;

/// The most import results shown at first; a button shows the rest.
const RESULTS_SHOWN: usize = 200;

/// How many files the browser reads ahead of the one being merged.
const READ_AHEAD: usize = 32;

/// How many changed members are written to IndexedDB together while an import goes on.
const SAVE_EVERY: usize = 100;

/// The members an import has changed, written to IndexedDB a hundred at a time while the
/// rest of the files are still being read, so the device saves and reads at once.
struct Saving {
    db: Option<Rc<MemberFilesDb>>,
    /// Changed since the last write, in the order first changed.
    changed: Vec<Uuid>,
    /// New members' files as read, saved as they came rather than written out again.
    fresh: HashMap<Uuid, String>,
    /// Each write under way: the members it holds, and how it ended.
    writes: Vec<(Vec<Uuid>, Written)>,
}

/// How one write to IndexedDB ended, once it has.
type Written = oneshot::Receiver<Result<(), WorkspaceError>>;

/// Members an import changed but could not save, and why.
struct NotSaved {
    members: usize,
    of: usize,
    why: WorkspaceError,
}

impl Saving {
    fn new(db: Option<Rc<MemberFilesDb>>) -> Self {
        Self {
            db,
            changed: Vec::new(),
            fresh: HashMap::new(),
            writes: Vec::new(),
        }
    }

    /// Notes a member that one file changed; `text` is the file's text if it was not locked.
    fn note(&mut self, id: Uuid, outcome: &ImportOutcome, text: Option<String>) {
        match (outcome, text) {
            (ImportOutcome::Accepted { .. }, Some(text)) => {
                self.fresh.insert(id, text);
            }
            // Locked, or changed again in this batch: written out from the held record.
            _ => {
                self.fresh.remove(&id);
            }
        }
        if !self.changed.contains(&id) {
            self.changed.push(id);
        }
    }

    fn due(&self) -> bool {
        self.changed.len() >= SAVE_EVERY
    }

    /// Starts writing the members changed since the last write, in a transaction of their own.
    fn write(&mut self, workspace: &OfficerWorkspace) {
        let Some(db) = self.db.clone() else {
            // The browser would not open the workspace's storage: nothing can be kept.
            let (done, written) = oneshot::channel();
            let _ = done.send(Err(WorkspaceError::Unavailable));
            self.writes
                .push((std::mem::take(&mut self.changed), written));
            return;
        };
        let entries: Vec<(Uuid, String)> = self
            .changed
            .drain(..)
            .filter_map(|id| {
                let held = workspace.members.get(&id)?;
                let stored = match self.fresh.remove(&id) {
                    Some(text) => held.to_stored_from(&text),
                    None => held.to_stored(),
                };
                Some((id, stored))
            })
            .collect();
        if entries.is_empty() {
            return;
        }
        let (done, written) = oneshot::channel();
        self.writes
            .push((entries.iter().map(|(id, _)| *id).collect(), written));
        spawn_local(async move {
            let _ = done.send(db.put_all(entries).await);
        });
    }

    /// Waits for every write, and counts the members that could not be saved: those whose
    /// last write failed (a member changed again later in the batch is written again).
    async fn finish(self) -> Result<(), NotSaved> {
        let mut last: HashMap<Uuid, bool> = HashMap::new();
        let mut why = None;
        for (members, written) in self.writes {
            let result = written.await.unwrap_or(Err(WorkspaceError::Unavailable));
            if let Err(e) = result {
                why.get_or_insert(e);
            }
            for id in members {
                last.insert(id, result.is_ok());
            }
        }
        let not_saved = last.values().filter(|saved| !**saved).count();
        match why {
            Some(why) if not_saved > 0 => Err(NotSaved {
                members: not_saved,
                of: last.len(),
                why,
            }),
            _ => Ok(()),
        }
    }
}

/// One row of the import results.
#[derive(Clone)]
struct ResultRow {
    file: String,
    outcome: ImportOutcome,
}

/// Where an import shows how it is going and how each file fared.
#[derive(Clone, Copy)]
pub struct ImportShown {
    results: RwSignal<Vec<ResultRow>>,
    show_all: RwSignal<bool>,
    progress: RwSignal<Option<(usize, usize)>>,
}

/// An import under way, as [`Importer`] starts it.
pub type Importing = std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;

/// How the members' files page runs an import, given by the officer's binary
/// (`src/bin/officer.rs`) so that the import's code (reading, unlocking, merging, saving)
/// can load with the other pages rather than with the first one. It calls
/// [`import_files`]; `Err` means that code could not be fetched.
#[derive(Clone, Copy)]
pub struct Importer(pub fn(OfficerData, ImportShown, Vec<web_sys::File>, String) -> Starting);

/// An import being started: `Err` when its code could not be fetched.
pub type Starting = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<Importing, leptos::wasm_split::SplitLoaderError>>>,
>;

/// What the page says when the import's code could not be fetched.
const PART_NOT_LOADED: &str = "The files could not be imported, because this part of the app could not be loaded: either it has not been downloaded to this device yet and there is no internet connection, or a newer version of the app has arrived. Nothing was imported. Reload the page with a connection, then choose the files again.";

/// Imports the chosen files into the workspace: reads a few ahead, unlocks them with
/// `passphrase`, merges each, saves the changed members a hundred at a time, and shows
/// how it went in `shown`.
pub async fn import_files(
    data: OfficerData,
    shown: ImportShown,
    files: Vec<web_sys::File>,
    passphrase: String,
) {
    let (workspace, db, problem, loading) = (data.workspace, data.db, data.problem, data.loading);
    let ImportShown {
        results,
        show_all,
        progress,
    } = shown;
    let mut keyring = Keyring::new(&passphrase);
    // Files chosen while the stored members are still being opened wait for them,
    // so that they are merged with what is held, and saved beside it.
    while loading.get_untracked() {
        yield_to_browser().await;
    }
    let total = files.len();
    let mut rows = Vec::with_capacity(total);
    let mut saving = Saving::new(db.get_value());
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
        let text = reading.pop_front().expect("one reading per file").await;
        let outcome = match text.map(file_text) {
            Err(_) => ImportOutcome::Refused {
                reason: "The file could not be read. Check it is still there and try again."
                    .to_owned(),
            },
            Ok(Err(e)) => ImportOutcome::unreadable(&file.name(), &e),
            Ok(Ok(text)) => {
                let (opened, plain) = match read_export(&text) {
                    Ok(Export::Plain(file)) => (Ok(file), true),
                    Ok(Export::Sealed(sealed)) => (keyring.open(&sealed).await, false),
                    Err(e) => (Err(e), false),
                };
                match opened {
                    Ok(file) => {
                        let id = file.member_id;
                        let (outcome, changed) = workspace
                            .try_update_untracked(|w| w.import_file_with_change(file))
                            .unwrap_or((
                                ImportOutcome::Refused {
                                    reason: "The workspace is closed.".to_owned(),
                                },
                                false,
                            ));
                        if changed {
                            saving.note(id, &outcome, plain.then_some(text));
                        }
                        outcome
                    }
                    Err(e) => ImportOutcome::unreadable(&file.name(), &e),
                }
            }
        };
        rows.push(ResultRow {
            file: file.name(),
            outcome,
        });
        if saving.due() {
            workspace.with_untracked(|w| saving.write(w));
        }
        if js_sys::Date::now() - last_yield > 50.0 {
            progress.set(Some((i + 1, total)));
            yield_to_browser().await;
            last_yield = js_sys::Date::now();
        }
    }
    progress.set(Some((total, total)));
    workspace.with_untracked(|w| saving.write(w));
    if let Err(NotSaved { members, of, why }) = saving.finish().await {
        problem.set(Some(format!("{members} of the {of} members this import added or changed could not be saved on this device, so those changes will be gone when this page closes. {why}")));
    }
    // The results appear once the files are saved, so a reload shows the same. Files
    // that need a look come first.
    rows.sort_by_key(|row| match row.outcome {
        ImportOutcome::Refused { .. } => 0,
        ImportOutcome::Merged { .. } => 1,
        _ => 2,
    });
    workspace.update(|_| ());
    show_all.set(false);
    results.set(rows);
    progress.set(None);
}

/// The Officer workspace's first page: members' files and the reports on them.
#[component]
pub fn OfficerMembersPage() -> impl IntoView {
    set_page_title("Officer workspace");
    let data = use_officer_data();
    let OfficerData {
        workspace,
        db,
        problem,
        loading,
        ..
    } = data;
    let importer = expect_context::<Importer>();
    let results = RwSignal::new(Vec::<ResultRow>::new());
    // Each import shows its first results only, until asked for all.
    let show_all = RwSignal::new(false);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let passphrase = RwSignal::new(String::new());

    let shown = ImportShown {
        results,
        show_all,
        progress,
    };
    let import = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        let passphrase = passphrase.get_untracked();
        spawn_local(async move {
            match (importer.0)(data, shown, files, passphrase).await {
                Ok(importing) => importing.await,
                Err(_) => problem.set(Some(PART_NOT_LOADED.to_owned())),
            }
        });
    };

    let on_choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        input.set_value("");
        import(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let files = ev
            .data_transfer()
            .and_then(|d| d.files())
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        import(files);
    };

    view! {
        <h1>"Officer workspace"</h1>
        <OfficerNav/>
        {move || problem.get().map(|p| view! { <p class="notice notice--error" role="alert">{p}</p> })}
        <section class="section" aria-labelledby="import-title">
            <h2 id="import-title">"Members' files"</h2>
            <p>"Import the files members send you, many at once. Each member's newest record is kept; records from two of their devices are combined. Importing a file twice changes nothing."</p>
            // In a form of its own, as browsers expect of a password field; it submits nothing.
            <form on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            <PassphraseField
                label="Passphrase for locked files (optional)"
                id="members-passphrase"
                hint="If members locked their files with a passphrase agreed with you, enter it before choosing the files. One passphrase serves the whole batch; files that are not locked are imported as they are."
                value=passphrase
            />
            </form>
            <div class="drop-zone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <div class="field">
                    <label class="field__label" for="members-files">"Import members' files"</label>
                    <p class="field__hint" id="members-files-hint">"Choose one or more member-record-… .json files, or drop them here"</p>
                    <input class="field__file" type="file" id="members-files" multiple accept=".json,application/json" aria-describedby="members-files-hint" on:change=on_choose/>
                </div>
            </div>
            {move || progress.get().map(|(done, total)| view! {
                <div class="progress">
                    <p class="progress__text" id="import-progress">{format!("Importing: {done} of {total} files")}</p>
                    <progress class="progress__bar" max=total value=done aria-labelledby="import-progress"></progress>
                </div>
            })}
            <ImportResults results=results show_all=show_all/>
        </section>
        <HeldMembers workspace=workspace db=db loading=loading problem=problem/>
        <TrainingAudit workspace=workspace/>
    }
}

#[component]
fn ImportResults(results: RwSignal<Vec<ResultRow>>, show_all: RwSignal<bool>) -> impl IntoView {
    let summary = move || {
        results.with(|rows| {
            let count = |label: &str| rows.iter().filter(|r| r.outcome.label() == label).count();
            format!(
                "{} files: {} accepted, {} updated, {} merged, {} unchanged, {} older, {} refused.",
                rows.len(),
                count("Accepted"),
                count("Updated"),
                count("Merged"),
                count("Unchanged"),
                count("Older"),
                count("Refused")
            )
        })
    };
    view! {
        <Show when=move || !results.with(Vec::is_empty)>
            <h3>"Import results"</h3>
            <p role="status">{summary}</p>
            <p>"Refused and merged files are listed first."</p>
            <div class="table-scroll table-scroll--tall" tabindex="0" role="region" aria-label="Import results, one row per file">
                <table class="table">
                    <thead><tr><th scope="col">"File"</th><th scope="col">"Result"</th><th scope="col">"What happened"</th></tr></thead>
                    <tbody>
                        // Each import replaces every row, so the rows are drawn afresh.
                        {move || {
                            let shown = if show_all.get() { usize::MAX } else { RESULTS_SHOWN };
                            results.with(|rows| rows.iter().take(shown).map(|row| view! {
                                <tr>
                                    <td>{row.file.clone()}</td>
                                    <td><span class=format!("tag tag--{}", row.outcome.label().to_lowercase())>{row.outcome.label()}</span></td>
                                    <td>{row.outcome.explanation()}</td>
                                </tr>
                            }).collect_view())
                        }}
                    </tbody>
                </table>
            </div>
            <Show when=move || !show_all.get() && results.with(|rows| rows.len() > RESULTS_SHOWN)>
                <p>{move || format!("The first {RESULTS_SHOWN} results are shown.")}</p>
                <button type="button" class="button button--secondary" on:click=move |_| show_all.set(true)>
                    {move || format!("Show all {} results", results.with(Vec::len))}
                </button>
            </Show>
        </Show>
    }
}

/// One line of the members list.
#[derive(Clone, PartialEq)]
struct MemberRow {
    id: Uuid,
    name: String,
    council: String,
    ward: String,
    /// Keys the line, so a newer file for the member redraws it.
    revision: u64,
    exported: String,
    last_changed: String,
    activities: usize,
}

/// What the officer is being asked to confirm.
#[derive(Clone, PartialEq)]
enum Removal {
    Member { id: Uuid, name: String },
    Everyone,
}

#[component]
fn HeldMembers(
    workspace: RwSignal<OfficerWorkspace>,
    db: StoredValue<Option<Rc<MemberFilesDb>>, LocalStorage>,
    loading: RwSignal<bool>,
    problem: RwSignal<Option<String>>,
) -> impl IntoView {
    let members = Memo::new(move |_| {
        workspace.with(|w| {
            let day = |at: chrono::DateTime<chrono::Utc>| {
                long_date(at.with_timezone(&Local).date_naive())
            };
            let mut list: Vec<MemberRow> = w
                .members
                .values()
                .map(|m| {
                    let p = &m.file.record.profile;
                    MemberRow {
                        id: m.file.member_id,
                        name: p.full_name.clone(),
                        council: p.council.clone(),
                        ward: p.ward.clone(),
                        revision: m.file.revision,
                        exported: day(m.latest_export()),
                        last_changed: day(m.file.record.last_changed()),
                        activities: m.file.record.activities().count(),
                    }
                })
                .collect();
            list.sort_by_cached_key(|m| NameKey::of(&m.name));
            list
        })
    });
    let search = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        let words: Vec<String> =
            search.with(|s| s.split_whitespace().map(str::to_lowercase).collect());
        members.with(|list| {
            let found: Vec<_> = list
                .iter()
                .filter(|m| {
                    let text = format!("{} {} {}", m.name, m.council, m.ward).to_lowercase();
                    words.iter().all(|w| text.contains(w.as_str()))
                })
                .collect();
            let total = found.len();
            let rows: Vec<_> = found.into_iter().take(MEMBERS_SHOWN).cloned().collect();
            (rows, total)
        })
    });
    // Removing asks first, in the app's own words (`ConfirmPanel`).
    let asking = RwSignal::new(None::<Removal>);
    let remove = move |removal: Removal| {
        asking.set(None);
        // The list changes only once the removal is saved, so what the officer sees is
        // what a reload will show.
        spawn_local(async move {
            let saved = match (db.get_value(), &removal) {
                (None, _) => Ok(()),
                (Some(db), Removal::Member { id, .. }) => db.remove(*id).await,
                (Some(db), Removal::Everyone) => db.clear().await,
            };
            if let Err(e) = saved {
                problem.set(Some(e.to_string()));
                return;
            }
            match removal {
                Removal::Member { id, .. } => workspace.update(|w| {
                    w.remove(id);
                }),
                Removal::Everyone => workspace.set(OfficerWorkspace::default()),
            }
        });
    };
    let confirm = move || {
        asking.get().map(|removal| {
            let (title, words, go) = match &removal {
                Removal::Member { name, .. } => (
                    format!("Remove {}?", shown_name(name)),
                    format!(
                        "Everything held for {} goes from this workspace, and from every report. Their own record is not touched; importing their file again brings them back.",
                        shown_name(name)
                    ),
                    "Remove this member".to_owned(),
                ),
                Removal::Everyone => (
                    "Clear the workspace?".to_owned(),
                    "Every member's file goes from this workspace, and the reports are emptied. This cannot be undone, but importing the members' files again brings them back.".to_owned(),
                    "Remove every member's file".to_owned(),
                ),
            };
            view! {
                <ConfirmPanel
                    title=title
                    confirm_label=go
                    on_confirm=Callback::new(move |()| remove(removal.clone()))
                    cancel_label="Cancel"
                    on_cancel=Callback::new(move |()| asking.set(None))
                >
                    <p>{words}</p>
                </ConfirmPanel>
            }
        })
    };
    let clear = move |_| asking.set(Some(Removal::Everyone));
    view! {
        <section class="section" aria-labelledby="members-title">
            <h2 id="members-title">"Members held"</h2>
            {move || if loading.get() {
                view! { <p>"Opening the members' files saved on this device…"</p> }.into_any()
            } else if members.with(Vec::is_empty) {
                view! { <p>"No members' files yet."</p> }.into_any()
            } else {
                view! {
                    <p>{move || match members.with(Vec::len) { 1 => "1 member.".to_owned(), n => format!("{n} members.") }}</p>
                    <Show when=move || { members.with(Vec::len) > MEMBERS_SHOWN }>
                        <TextField
                            label="Find a member"
                            id="members-search"
                            hint="Part of a name, council or ward"
                            value=search
                            on_input=move |v| search.set(v)
                        />
                    </Show>
                    <p class="field__hint" role="status">{move || shown.with(|(rows, total)| match (rows.len(), *total) {
                        (_, 0) => "No member matches that search.".to_owned(),
                        (n, total) if n < total => format!("Showing {n} of {total}: search to find the others."),
                        _ => String::new(),
                    })}</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Members held">
                        <table class="table">
                            <thead><tr>
                                <th scope="col">"Member"</th><th scope="col">"Council"</th><th scope="col">"Ward or division"</th>
                                <th scope="col">"Last changed"</th><th scope="col">"File exported"</th><th scope="col">"Activities"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                            </tr></thead>
                            <tbody>
                                <For each=move || shown.with(|(rows, _)| rows.clone()) key=|m| (m.id, m.revision) let:m>
                                    <tr>
                                        <th scope="row"><a href=format!("/officer/members/{}", m.id)>{shown_name(&m.name)}</a></th><td>{m.council.clone()}</td><td>{m.ward.clone()}</td>
                                        <td>{m.last_changed.clone()}</td><td>{m.exported.clone()}</td><td>{m.activities}</td>
                                        <td>
                                            <button type="button" class="button-link" on:click={ let (id, name) = (m.id, m.name.clone()); move |_| asking.set(Some(Removal::Member { id, name: name.clone() })) }>
                                                "Remove" <span class="visually-hidden">{format!(" {}", m.name)}</span>
                                            </button>
                                        </td>
                                    </tr>
                                </For>
                            </tbody>
                        </table>
                    </div>
                    {confirm}
                    <button type="button" class="button button--warning" on:click=clear>"Clear the workspace"</button>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn TrainingAudit(workspace: RwSignal<OfficerWorkspace>) -> impl IntoView {
    let rows = Memo::new(move |_| workspace.with(|w| training_audit_first(w, AUDIT_ROWS_SHOWN)));
    let total = Memo::new(move |_| workspace.with(training_audit_len));
    let download = move |_| {
        let csv = workspace.with_untracked(training_audit_csv);
        let _ = download_csv("training-audit", &csv);
    };
    view! {
        <section class="section" aria-labelledby="audit-title">
            <h2 id="audit-title">"Training audit"</h2>
            <p>"Who has received what training, and when. The download opens in Excel."</p>
            <button type="button" class="button" on:click=download>"Download training audit (CSV)"</button>
            <Show when=move || !rows.with(Vec::is_empty)>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Training audit">
                    <table class="table">
                        <thead><tr><th scope="col">"Member"</th><th scope="col">"Course"</th><th scope="col">"Status"</th><th scope="col">"Completed on"</th><th scope="col">"Evidence"</th></tr></thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|r| view! {
                                <tr><td>{r.member}</td><td>{r.course}</td><td>{r.status}</td><td>{r.completed_on}</td><td>{r.evidence}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="field__hint">{move || { let n = total.get(); if n > AUDIT_ROWS_SHOWN { format!("Showing the first {AUDIT_ROWS_SHOWN} of {n} rows; the download has them all.") } else { format!("{n} rows.") } }}</p>
            </Show>
        </section>
    }
}
