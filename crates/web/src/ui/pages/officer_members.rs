//! The officer's members' files: import many at once (chosen or dropped), see what
//! happened to each, keep them in IndexedDB, and download the training audit.

use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::ui::components::{ConfirmPanel, PassphraseField, TextField};
use crate::ui::files::download_csv;
use crate::ui::officer_context::{OfficerData, use_officer_data};
use crate::ui::officer_import::{ImportProgress, ImportShown, Importer};
use crate::ui::router::NavLink;
use crate::ui::set_page_title;
use mdr_domain::consolidate::{
    ImportResults, OfficerWorkspace, find_members, member_rows, shown_name, training_audit_csv,
    training_audit_first, training_audit_len,
};
use mdr_domain::model::dates::long_date;

/// Links between the officer's pages.
#[component]
pub fn OfficerNav() -> impl IntoView {
    view! {
        <nav class="sub-nav" aria-label="Officer workspace">
            <ul>
                <li><NavLink href="/officer" exact=true>"Members' files"</NavLink></li>
                <li><NavLink href="/officer/reports">"Reports"</NavLink></li>
                <li><NavLink href="/officer/matrix">"Training matrix"</NavLink></li>
                <li><NavLink href="/officer/committee">"Committee report"</NavLink></li>
                <li><NavLink href="/officer/charter">"Charter evidence"</NavLink></li>
                <li><NavLink href="/officer/pack">"Council pack"</NavLink></li>
            </ul>
            <super::officer_lock::LockWorkspace/>
        </nav>
    }
}

/// The most members listed at once; a search finds the others.
const MEMBERS_SHOWN: usize = 50;

/// The most rows of the training audit shown on the page; the download has them all.
const AUDIT_ROWS_SHOWN: usize = 200;

/// The most import results shown at first; a button shows the rest.
const RESULTS_SHOWN: usize = 200;

/// What the page says when the import's code could not be fetched.
const PART_NOT_LOADED: &str = "The files could not be imported, because this part of the app could not be loaded: either it has not been downloaded to this device yet and there is no internet connection, or a newer version of the app has arrived. Nothing was imported. Reload the page with a connection, then choose the files again.";

/// The Officer workspace's first page: members' files and the reports on them.
#[component]
pub fn OfficerMembersPage() -> impl IntoView {
    set_page_title("Officer workspace");
    let data = use_officer_data();
    let OfficerData {
        workspace, problem, ..
    } = data;
    let importer = expect_context::<Importer>();
    let results = RwSignal::new(ImportResults::default());
    // Each import shows its first results only, until asked for all.
    let show_all = RwSignal::new(false);
    let progress = RwSignal::new(None::<ImportProgress>);
    let passphrase = RwSignal::new(String::new());
    // Whether any member is held: the sections below are drawn afresh only when that
    // changes, so a search typed into the list outlasts a removal or an import.
    let none_held = Memo::new(move |_| workspace.with(|w| w.members.is_empty()));
    let views = use_held_views(none_held);

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
            {move || progress.get().map(|ImportProgress { done, total }| view! {
                <div class="progress">
                    <p class="progress__text" id="import-progress">{format!("Importing: {done} of {total} files")}</p>
                    <progress class="progress__bar" max=total value=done aria-labelledby="import-progress"></progress>
                </div>
            })}
            <ImportResults results=results show_all=show_all/>
        </section>
        <HeldMembers data=data none_held=none_held views=views/>
        <TrainingAudit data=data none_held=none_held views=views/>
    }
}

#[component]
fn ImportResults(
    /// The last import's results, in the order listed.
    results: RwSignal<ImportResults>,
    /// Whether every result is shown, rather than the first ones.
    show_all: RwSignal<bool>,
) -> impl IntoView {
    let summary = move || results.with(|r| r.summary().to_string());
    view! {
        <Show when=move || !results.with(ImportResults::is_empty)>
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
                            results.with(|r| r.rows().iter().take(shown).map(|row| view! {
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
            <Show when=move || !show_all.get() && results.with(|r| r.len() > RESULTS_SHOWN)>
                <p>{move || format!("The first {RESULTS_SHOWN} results are shown.")}</p>
                <button type="button" class="button button--secondary" on:click=move |_| show_all.set(true)>
                    {move || format!("Show all {} results", results.with(ImportResults::len))}
                </button>
            </Show>
        </Show>
    }
}

/// A day as the members list shows it, in the officer's time zone.
fn day(at: DateTime<Utc>) -> String {
    long_date(at.with_timezone(&Local).date_naive())
}

/// What the officer is being asked to confirm.
#[derive(Clone, PartialEq)]
enum Removal {
    Member { id: Uuid, name: String },
    Everyone,
}

/// The members held and the training audit once the workspace holds members: the list
/// (its search, and removing a member) and the audit (its table, and its CSV). Their code
/// loads with the code that reads the members' files held (`src/bin/officer.rs`), since a
/// device holds members only once it has had that code, and a new device holds none.
#[derive(Clone, Copy)]
pub struct HeldViews {
    /// The list of members held.
    pub list: fn(OfficerData) -> AnyView,
    /// The training audit's table and download.
    pub audit: fn(RwSignal<OfficerWorkspace>) -> AnyView,
}

/// Fetches the [`HeldViews`]: `None` when their code could not be fetched.
#[derive(Clone, Copy)]
pub struct HeldViewsFetch(pub fn() -> FetchingViews);

/// The [`HeldViews`] being fetched.
pub type FetchingViews = Pin<Box<dyn Future<Output = Option<HeldViews>>>>;

/// What the page says where the code that shows the members held could not be fetched.
const VIEWS_NOT_LOADED: &str = "The members held could not be shown, because this part of the app could not be loaded: either it has not been downloaded to this device yet and there is no internet connection, or a newer version of the app has arrived. Nothing has been changed. Reload the page with a connection.";

/// The [`HeldViews`] as fetched: `None` until the workspace holds members and their code
/// is here, `Err` when it could not be fetched.
type Fetched = RwSignal<Option<Result<HeldViews, ()>>>;

/// The [`HeldViews`], fetched the first time the workspace holds members.
fn use_held_views(none_held: Memo<bool>) -> Fetched {
    let fetch = expect_context::<HeldViewsFetch>();
    let views = RwSignal::new(None);
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        if !none_held.get() && !asked.get_value() {
            asked.set_value(true);
            spawn_local(async move { views.set(Some((fetch.0)().await.ok_or(()))) });
        }
    });
    views
}

#[component]
fn HeldMembers(
    /// The members held, and their storage.
    data: OfficerData,
    /// Whether none is held.
    none_held: Memo<bool>,
    /// The code that lists them, once fetched.
    views: Fetched,
) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="members-title">
            <h2 id="members-title">"Members held"</h2>
            {move || match (data.loading(), none_held.get(), views.get()) {
                (false, true, _) => view! { <p>"No members' files yet."</p> }.into_any(),
                (false, false, Some(Ok(views))) => (views.list)(data),
                (false, false, Some(Err(()))) => view! { <p class="notice notice--error" role="alert">{VIEWS_NOT_LOADED}</p> }.into_any(),
                _ => view! { <p>"Opening the members' files saved on this device…"</p> }.into_any(),
            }}
        </section>
    }
}

/// The list of members held, with a search and a way to remove each (a [`HeldViews`]).
pub fn held_members_list(data: OfficerData) -> AnyView {
    let OfficerData {
        workspace, problem, ..
    } = data;
    let members = Memo::new(move |_| workspace.with(member_rows));
    let search = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        search.with(|s| members.with(|list| find_members(list, s, MEMBERS_SHOWN)))
    });
    // Removing asks first, in the app's own words (`ConfirmPanel`).
    let asking = RwSignal::new(None::<Removal>);
    let remove = move |removal: Removal| {
        asking.set(None);
        // The list changes only once the removal is saved, so what the officer sees is
        // what a reload will show.
        spawn_local(async move {
            let saved = match (data.storage().await, &removal) {
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
                    <p class="field__hint" role="status">{move || shown.with(|found| match (found.shown.len(), found.found) {
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
                                <For each=move || shown.with(|found| found.shown.clone()) key=|m| (m.id, m.revision) let:m>
                                    <tr>
                                        <th scope="row"><a href=format!("/officer/members/{}", m.id)>{shown_name(&m.name)}</a></th><td>{m.council.clone()}</td><td>{m.ward.clone()}</td>
                                        <td>{day(m.last_changed)}</td><td>{day(m.exported_at)}</td><td>{m.activities}</td>
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
    }
    .into_any()
}

#[component]
fn TrainingAudit(
    /// The members held.
    data: OfficerData,
    /// Whether none is held.
    none_held: Memo<bool>,
    /// The code that shows the audit, once fetched.
    views: Fetched,
) -> impl IntoView {
    // While the members are opened, or their code could not be fetched (the list above
    // says so), the audit shows nothing.
    view! {
        <section class="section" aria-labelledby="audit-title">
            <h2 id="audit-title">"Training audit"</h2>
            <p>"Who has received what training, and when. The download opens in Excel."</p>
            {move || match (data.loading(), none_held.get(), views.get()) {
                (false, true, _) => Some(view! { <p>"Once members' files are imported, the training they have received is listed here, with a download for Excel."</p> }.into_any()),
                (false, false, Some(Ok(views))) => Some((views.audit)(data.workspace)),
                _ => None,
            }}
        </section>
    }
}

/// The training audit's download and its first rows (a [`HeldViews`]).
pub fn training_audit_table(workspace: RwSignal<OfficerWorkspace>) -> AnyView {
    let rows = Memo::new(move |_| workspace.with(|w| training_audit_first(w, AUDIT_ROWS_SHOWN)));
    let total = Memo::new(move |_| workspace.with(training_audit_len));
    let download = move |_| {
        let csv = workspace.with_untracked(training_audit_csv);
        let _ = download_csv("training-audit", &csv);
    };
    view! {
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
    }
    .into_any()
}
