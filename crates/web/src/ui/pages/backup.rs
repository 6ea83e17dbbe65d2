//! Export and backup: download the record as a file, and restore it from one.

use chrono::Local;
use leptos::prelude::*;

use crate::ui::components::{
    CouncilPackImport, FileField, Outcome, PassphraseField, ReadChosenFile,
};
use crate::ui::crypto::Keyring;
use crate::ui::files::download_text;
use crate::ui::{set_page_title, use_member};
use mdr_domain::exchange::{self, Export, MemberFile, Reader, SealedFile, explain};
use mdr_domain::model::dates::date_and_time;
use mdr_domain::store::RecordReader;

/// The Export and backup page.
#[component]
pub fn BackupPage() -> impl IntoView {
    set_page_title("Export and backup");
    let member = use_member();
    view! {
        <h1>"Export and backup"</h1>
        <Show
            when=move || member.load_problem.with(Option::is_none)
            fallback=RescueSavedData
        >
            <CouncilFileSection/>
            <ExportSection/>
            <RestoreSection/>
            <CouncilPackImport/>
            // Last, as its figures arrive a moment after the page: nothing below it moves.
            <StorageSection/>
        </Show>
    }
}

/// The shortest passphrase the app will lock a file with.
const MIN_PASSPHRASE_CHARS: usize = 8;

/// Downloads the record as a file, locked with a passphrase if one is given.
#[component]
fn ExportSection() -> impl IntoView {
    let member = use_member();
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let passphrase = RwSignal::new(String::new());
    let passphrase_error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let has_record = move || member.record.with(Option::is_some);
    let export = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let secret = passphrase.get_untracked();
        if !secret.is_empty() && secret.chars().count() < MIN_PASSPHRASE_CHARS {
            passphrase_error.set(Some(format!(
                "Enter a passphrase of at least {MIN_PASSPHRASE_CHARS} characters, or leave it empty to export a file that is not locked"
            )));
            return;
        }
        passphrase_error.set(None);
        let Some(file) = member.export() else {
            return;
        };
        let today = Local::now().date_naive();
        let name = exchange::export_file_name(&file.record.profile.full_name, today);
        let failed = || {
            "The browser did not start the download. Try again, or try another browser.".to_owned()
        };
        if secret.is_empty() {
            let result = download_text(
                &name,
                &exchange::write_member_file(&file),
                "application/json",
            )
            .map(|()| format!("Your record was saved as {name}. Find it in your Downloads."))
            .map_err(|_| failed());
            outcome.set(Some(result));
            return;
        }
        working.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            let name = exchange::locked_file_name(file.member_id, today);
            let result = match crate::ui::crypto::seal(&file, &secret).await {
                Ok(text) => download_text(&name, &text, "application/json")
                    .map(|()| format!("Your record was locked with your passphrase and saved as {name}. Find it in your Downloads. It opens only with that passphrase."))
                    .map_err(|_| failed()),
                Err(_) => Err("This browser could not lock the file. Try again, or export it without a passphrase.".to_owned()),
            };
            outcome.set(Some(result));
            working.set(false);
        });
    };
    view! {
        <section class="section" aria-labelledby="export-title">
            <h2 id="export-title">"Back up your record"</h2>
            <p>
                "Export your whole record as one file of your own. Keep it somewhere safe, use it "
                "to restore your record or move to a new device, or send it to your member "
                "development officer."
            </p>
            <Show
                when=has_record
                fallback=|| view! { <p class="inset">"There is nothing to export yet. Set up your profile on the home page first."</p> }
            >
                // A form, so Enter in the passphrase exports and password managers see it.
                <form on:submit=export novalidate>
                    <PassphraseField
                        label="Passphrase (optional)"
                        id="export-passphrase"
                        new=true
                        hint="To lock the file, enter a passphrase you have agreed with your member development officer. Nobody can open a locked file without it, so keep it safe. Leave it empty for a file that is not locked."
                        value=passphrase
                        error=passphrase_error
                    />
                    <button type="submit" class="button">"Export my record"</button>
                </form>
            </Show>
            <Outcome
                doing=Signal::derive(move || working.get().then(|| "Locking your record with your passphrase…".to_owned()))
                outcome=outcome
            />
        </section>
    }
}

/// Downloads the record sealed for the council, once the applied pack carries a council
/// key: a file only the council's workspace opens, with no passphrase to agree.
#[component]
fn CouncilFileSection() -> impl IntoView {
    let member = use_member();
    let key = Memo::new(move |_| {
        member.record.with(|r| {
            r.as_ref()
                .and_then(|r| r.pack.as_ref())
                .and_then(|p| p.council_key.clone().map(|key| (p.council.clone(), key)))
        })
    });
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let working = RwSignal::new(false);
    let download = move |_| {
        if working.get_untracked() {
            return;
        }
        let (Some((_, key)), Some(file)) = (key.get_untracked(), member.export()) else {
            return;
        };
        working.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            let name = exchange::council_file_name(file.member_id, Local::now().date_naive());
            let result = match crate::ui::council_key::seal_for_council(&file, &key).await {
                Ok(text) => download_text(&name, &text, "application/json")
                    .map(|()| format!("Your file for the council was saved as {name}. Find it in your Downloads and send it to your member development officer. Only the council's workspace can open it, so it is safe by email or on a memory stick; you cannot open it yourself, so keep your own copy with “Export my record”."))
                    .map_err(|_| "The browser did not start the download. Try again, or try another browser.".to_owned()),
                Err(_) => Err("The council key in your council pack cannot be used, so no file was made. Ask your member development officer to send the pack again.".to_owned()),
            };
            outcome.set(Some(result));
            working.set(false);
        });
    };
    view! {
        <Show when=move || key.with(Option::is_some)>
            <section class="section" aria-labelledby="council-file-title">
                <h2 id="council-file-title">"Send your record to the council"</h2>
                <p>
                    {move || key.get().map(|(council, _)| format!("{council}'s pack lets you send your record sealed, so that only the council's member development workspace can open it. Nobody else can read it on the way, and no passphrase is needed."))}
                </p>
                <p class="key-fingerprint">
                    <span class="key-fingerprint__label">"Key fingerprint"</span>
                    " "
                    <strong class="key-fingerprint__value">{move || key.get().map(|(_, key)| key.fingerprint)}</strong>
                </p>
                <p class="field__hint">"Your member development officer sees the same fingerprint in their workspace."</p>
                <button type="button" class="button" on:click=download>"Download the file for the council"</button>
                <Outcome
                    doing=Signal::derive(move || working.get().then(|| "Sealing your record for the council…".to_owned()))
                    outcome=outcome
                />
            </section>
        </Show>
    }
}

/// How much this browser keeps for the app, and whether it has promised to keep it.
#[component]
fn StorageSection() -> impl IntoView {
    let state = LocalResource::new(crate::ui::device::storage_state);
    view! {
        <section class="section" aria-labelledby="storage-title">
            <h2 id="storage-title">"Storage on this device"</h2>
            <Suspense fallback=|| view! { <p>"Checking this browser's storage…"</p> }>
                {move || state.get().map(|state| match state {
                    None => view! {
                        <p>"This browser does not say how it keeps the app's storage. Export your record regularly, so that it is safe whatever happens to this device."</p>
                    }.into_any(),
                    Some(state) => {
                        let used = format!("The app uses {} of this browser's storage.", size(state.used_bytes));
                        let kept = if state.persistent {
                            "The browser has agreed to keep it, even when space runs low."
                        } else {
                            "The browser has not promised to keep it: it may clear it when space runs low, and on an iPad it may clear it if the app is not added to the home screen. Export your record regularly, and add the app to your home screen."
                        };
                        view! { <p>{used}</p><p class=if state.persistent { "" } else { "notice notice--warning" }>{kept}</p> }.into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Bytes as a person reads them: 12 KB, 3.4 MB (whole numbers, so no float formatting).
fn size(bytes: f64) -> String {
    let bytes = bytes.max(0.0) as u64;
    if bytes < 1024 * 1024 {
        format!("{} KB", ((bytes + 512) / 1024).max(1))
    } else {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// What a chosen file holds, waiting for the councillor to confirm.
#[derive(Clone)]
struct Candidate {
    file_name: String,
    file: MemberFile,
}

/// Restores the record from a file, after showing what the file holds. The code that
/// reads and combines records comes from the context ([`RecordReader`]), fetched as the
/// councillor reaches for a file (touch or focus in the section), so the page itself
/// opens without it.
#[component]
fn RestoreSection() -> impl IntoView {
    let member = use_member();
    let candidate = RwSignal::new(None::<Candidate>);
    let problem = RwSignal::new(None::<String>);
    let restored = RwSignal::new(None::<String>);
    let locked = RwSignal::new(None::<(String, SealedFile)>);
    let reader = StoredValue::new(None::<RecordReader>);
    let chosen_file = ReadChosenFile::new(member, problem, "backup files");

    let on_choose = move |()| {
        chosen_file.chosen();
        candidate.set(None);
        locked.set(None);
        problem.set(None);
        restored.set(None);
    };
    let on_read = move |read: (String, Result<Vec<u8>, String>)| {
        chosen_file.read(read, move |fetched, file_name, text| {
            reader.set_value(Some(fetched));
            match exchange::file_text(text).and_then(|text| (fetched.read_export)(&text)) {
                Ok(Export::Plain(file)) => candidate.set(Some(Candidate { file_name, file })),
                Ok(Export::Sealed(sealed)) => locked.set(Some((file_name, sealed))),
                // Only the council's workspace opens a file sealed for the council.
                Ok(Export::ForCouncil(_)) => problem.set(Some(explain(
                    &exchange::ReadError::ForCouncil,
                    &file_name,
                    Reader::Restoring,
                ))),
                Err(error) => problem.set(Some(explain(&error, &file_name, Reader::Restoring))),
            }
        });
    };
    let on_unlocked = move |(file_name, file): (String, MemberFile)| {
        locked.set(None);
        candidate.set(Some(Candidate { file_name, file }));
    };

    let confirm = move |_| {
        let (Some(Candidate { file, .. }), Some(reader)) =
            (candidate.get_untracked(), reader.get_value())
        else {
            return;
        };
        let current = member.record.get_untracked();
        let record = match current {
            Some(current) => (reader.merge)(&current, &file.record).unwrap_or(file.record),
            None => file.record,
        };
        let name = record.profile.full_name.clone();
        member.restore(record, file.revision);
        candidate.set(None);
        restored.set(Some(name));
    };

    view! {
        <section class="section" aria-labelledby="restore-title" on:focusin=move |_| member.fetch_reader_soon() on:pointerdown=move |_| member.fetch_reader_soon()>
            <h2 id="restore-title">"Restore from a backup"</h2>
            <p>"Choose a file you exported before. You will see what it holds before anything changes."</p>
            <FileField
                label="Restore from a file"
                id="restore-file"
                hint="A file called member-record-… .json"
                problem=problem
                on_choose=on_choose
                on_read=on_read
            />
            {move || locked.get().map(|(file_name, sealed)| {
                reader.get_value().map(|reader| view! { <UnlockFile file_name sealed reader on_unlocked/> })
            })}
            {move || candidate.get().map(|c| view! { <RestorePreview candidate=c on_confirm=confirm on_cancel=move |_| candidate.set(None)/> })}
            <div role="status" class="outcome">
                {move || chosen_file.reading.get().then(|| view! { <p>"Reading the file…"</p> })}
                {move || restored.get().map(|name| view! {
                    <p class="notice notice--success">"Record restored. Welcome back, " {name} "."</p>
                })}
            </div>
        </section>
    }
}

/// Asks for the passphrase of a locked backup, and opens it.
#[component]
fn UnlockFile(
    /// The name of the chosen file.
    file_name: String,
    /// The locked file, its header read and checked.
    sealed: SealedFile,
    /// Reads the record inside once the file is unlocked.
    reader: RecordReader,
    /// Called with the file's name and the record inside, once unlocked.
    #[prop(into)]
    on_unlocked: Callback<(String, MemberFile)>,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let exported = date_and_time(&sealed.header.exported_at.with_timezone(&Local));
    let sealed = StoredValue::new(sealed);
    let file_name = StoredValue::new(file_name);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let secret = passphrase.get_untracked();
        if secret.is_empty() {
            error.set(Some(
                "Enter the passphrase the file was locked with".to_owned(),
            ));
            return;
        }
        working.set(true);
        leptos::task::spawn_local(async move {
            let sealed = sealed.get_value();
            let opened = Keyring::new(&secret)
                .decrypt(&sealed)
                .await
                .and_then(|bytes| (reader.open_sealed)(&sealed, &bytes));
            working.set(false);
            match opened {
                Ok(file) => on_unlocked.run((file_name.get_value(), file)),
                Err(e) => error.set(Some(explain(&e, &file_name.get_value(), Reader::Restoring))),
            }
        });
    };
    view! {
        <form class="preview" aria-labelledby="unlock-title" on:submit=unlock novalidate>
            <h3 id="unlock-title">"This file is locked"</h3>
            <p>
                {format!("“{}” was exported on {exported} and locked with a passphrase. Enter it to see what the file holds. Nothing changes until you choose to restore.", file_name.get_value())}
            </p>
            <PassphraseField label="Passphrase for this file" id="unlock-passphrase" value=passphrase error=error/>
            <button type="submit" class="button">"Unlock the file"</button>
            <div role="status">{move || working.get().then(|| view! { <p>"Unlocking…"</p> })}</div>
        </form>
    }
}

/// What a backup file holds, and what restoring it will do.
#[component]
fn RestorePreview(
    /// The file the councillor chose.
    candidate: Candidate,
    /// Restores the record.
    on_confirm: impl Fn(leptos::ev::MouseEvent) + 'static,
    /// Puts the file aside.
    on_cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let member = use_member();
    let Candidate { file_name, file } = candidate;
    let profile = &file.record.profile;
    let exported = date_and_time(&file.exported_at.with_timezone(&Local));
    let effect = member.record.with_untracked(|current| match current {
        None => "It will become the record on this device.".to_owned(),
        Some(current) if current.member_id == file.member_id => {
            "It is your record: it will be combined with the copy on this device, keeping the newer version of each part.".to_owned()
        }
        Some(current) => format!(
            "It belongs to someone else, so it will replace the record of {} on this device. Export that record first if you still need it.",
            if current.profile.full_name.is_empty() { "the current councillor" } else { &current.profile.full_name }
        ),
    });
    view! {
        <div class="preview" aria-labelledby="preview-title">
            <h3 id="preview-title">"Check this is the right file"</h3>
            <dl class="summary">
                <div class="summary__row"><dt>"File"</dt><dd>{file_name}</dd></div>
                <div class="summary__row"><dt>"Name"</dt><dd>{profile.full_name.clone()}</dd></div>
                <div class="summary__row"><dt>"Council"</dt><dd>{profile.council.clone()}</dd></div>
                <div class="summary__row"><dt>"Exported"</dt><dd>{exported}</dd></div>
                <div class="summary__row"><dt>"Last changed"</dt><dd>{date_and_time(&file.record.last_changed().with_timezone(&Local))}</dd></div>
            </dl>
            <p>{effect}</p>
            <div class="button-group">
                <button type="button" class="button" on:click=on_confirm>"Restore this record"</button>
                <button type="button" class="button button--secondary" on:click=on_cancel>"Cancel"</button>
            </div>
        </div>
    }
}

/// When the saved record cannot be opened: download it untouched, for safe keeping.
#[component]
fn RescueSavedData() -> impl IntoView {
    let member = use_member();
    let download = move |_| {
        if let Some(text) = member.saved_text() {
            let _ = download_text("member-record-saved-data.json", &text, "application/json");
        }
    };
    view! {
        <section class="section" aria-labelledby="rescue-title">
            <h2 id="rescue-title">"Keep a copy of your saved data"</h2>
            <p>
                "This version of the app cannot open your saved record, and has not changed it. "
                "Download it exactly as it is, to keep it safe or to open with the newer version of the app."
            </p>
            <button type="button" class="button" on:click=download>"Download the saved data"</button>
        </section>
    }
}
