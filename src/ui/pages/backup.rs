//! Export and backup: download the record as a file, and restore it from one.

use chrono::Local;
use leptos::prelude::*;

use crate::exchange::{self, MemberFile};
use crate::model::dates::date_and_time;
use crate::model::merge_records;
use crate::store::{LocalStore, Storage, keys};
use crate::ui::components::{CouncilPackImport, FileField};
use crate::ui::files::download_text;
use crate::ui::{set_page_title, use_member};

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
            <ExportSection/>
            <StorageSection/>
            <RestoreSection/>
            <CouncilPackImport/>
        </Show>
    }
}

/// Downloads the record as a file.
#[component]
fn ExportSection() -> impl IntoView {
    let member = use_member();
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let has_record = move || member.record.with(Option::is_some);
    let export = move |_| {
        let Some(file) = member.export() else {
            return;
        };
        let name =
            exchange::export_file_name(&file.record.profile.full_name, Local::now().date_naive());
        let result = download_text(
            &name,
            &exchange::write_member_file(&file),
            "application/json",
        )
        .map(|()| name)
        .map_err(|_| {
            "The browser did not start the download. Try again, or try another browser.".to_owned()
        });
        outcome.set(Some(result));
    };
    view! {
        <section class="section" aria-labelledby="export-title">
            <h2 id="export-title">"Back up your record"</h2>
            <p>
                "Export your whole record as one file. Keep it somewhere safe, use it to move to a "
                "new device, or send it to your member development officer."
            </p>
            <Show
                when=has_record
                fallback=|| view! { <p class="inset">"There is nothing to export yet. Set up your profile on the home page first."</p> }
            >
                <button type="button" class="button" on:click=export>"Export my record"</button>
            </Show>
            <div role="status" class="outcome">
                {move || match outcome.get() {
                    Some(Ok(name)) => Some(view! {
                        <p class="notice notice--success">
                            "Your record was saved as " <strong>{name}</strong>
                            ". Find it in your Downloads."
                        </p>
                    }.into_any()),
                    Some(Err(message)) => Some(view! { <p class="notice notice--error">{message}</p> }.into_any()),
                    None => None,
                }}
            </div>
        </section>
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

/// Bytes as a person reads them: 12 KB, 3.4 MB.
fn size(bytes: f64) -> String {
    if bytes < 1024.0 * 1024.0 {
        format!("{:.0} KB", (bytes / 1024.0).max(1.0))
    } else {
        format!("{:.1} MB", bytes / 1024.0 / 1024.0)
    }
}

/// What a chosen file holds, waiting for the councillor to confirm.
#[derive(Clone)]
struct Candidate {
    file_name: String,
    file: MemberFile,
}

/// Restores the record from a file, after showing what the file holds.
#[component]
fn RestoreSection() -> impl IntoView {
    let member = use_member();
    let candidate = RwSignal::new(None::<Candidate>);
    let problem = RwSignal::new(None::<String>);
    let restored = RwSignal::new(None::<String>);

    let on_choose = move |()| {
        candidate.set(None);
        problem.set(None);
        restored.set(None);
    };
    let on_read = move |(file_name, text): (String, Result<String, String>)| {
        let outcome = text.and_then(|text| {
            exchange::read_member_file(&text)
                .map_err(|error| format!("“{file_name}” cannot be restored. {error}"))
        });
        match outcome {
            Ok(file) => candidate.set(Some(Candidate { file_name, file })),
            Err(message) => problem.set(Some(message)),
        }
    };

    let confirm = move |_| {
        let Some(Candidate { file, .. }) = candidate.get_untracked() else {
            return;
        };
        let current = member.record.get_untracked();
        let record = match current {
            Some(current) => merge_records(&current, &file.record).unwrap_or(file.record),
            None => file.record,
        };
        let name = record.profile.full_name.clone();
        member.restore(record, file.revision);
        candidate.set(None);
        restored.set(Some(name));
    };

    view! {
        <section class="section" aria-labelledby="restore-title">
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
            {move || candidate.get().map(|c| view! { <RestorePreview candidate=c on_confirm=confirm on_cancel=move |_| candidate.set(None)/> })}
            <div role="status" class="outcome">
                {move || restored.get().map(|name| view! {
                    <p class="notice notice--success">"Record restored. Welcome back, " {name} "."</p>
                })}
            </div>
        </section>
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
                <div class="summary__row"><dt>"Revision"</dt><dd>{file.revision}</dd></div>
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
    let download = move |_| {
        if let Ok(Some(text)) = LocalStore.get(keys::RECORD) {
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
