//! The officer's workspace while it is locked at rest: every officer page shows the locked
//! workspace instead of itself until the passphrase for the council key unlocks it; the
//! workspace locks itself when left unused, when the page is closed, and when another tab
//! makes its first council key or clears it. A forgotten passphrase can clear the
//! workspace, saying first exactly what that removes.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::store::LocalStore;
use crate::store::at_rest::forget_data_key;
use crate::store::member_files::MemberFilesDb;
use crate::ui::components::{ConfirmPanel, PassphraseField};
use crate::ui::council_key::{UnlockError, Unlocker};
use crate::ui::officer_context::{OfficerData, use_officer_pack};
use crate::ui::set_page_title;
use mdr_domain::store::officer::{OFFICER_KEYS, forget_council_keys, forget_roster};

/// How often the workspace looks whether it has been left for the officer's chosen time.
const LOOK_EVERY: Duration = Duration::from_secs(15);

/// Shows the workspace's pages once it is unlocked, and the locked workspace until then.
#[component]
pub fn WorkspaceGate(children: ChildrenFn) -> impl IntoView {
    let data = use_officer_pack();
    let cleared = RwSignal::new(false);
    for event in ["pointerdown", "keydown", "wheel"] {
        let _ = window_event_listener_untyped(event, move |_| data.used());
    }
    // The keys are only in this page's memory, gone once it is closed; a page kept for
    // the browser's back button is locked as it is left.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| data.lock());
    // Another tab made the first council key, or cleared the workspace: this one opens
    // again as the workspace now is, locked if it is locked at rest.
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(OFFICER_KEYS)
            && event.old_value().is_some() != event.new_value().is_some()
        {
            data.start_afresh();
        }
    });
    if let Ok(looking) = set_interval_with_handle(move || data.lock_if_left(), LOOK_EVERY) {
        on_cleanup(move || looking.clear());
    }
    view! {
        <Show when=move || !data.locked() fallback=move || view! { <LockedWorkspace data=data cleared=cleared/> }>
            {cleared.get_untracked().then(|| view! {
                <p class="notice notice--success" role="status">
                    "The workspace has been cleared: no member's record or council key is left in this browser. "
                    "Import the members' files again, and make a new council key (or restore one from its backup) on the Council pack page."
                </p>
            })}
            {children()}
        </Show>
    }
}

const WRONG_PASSPHRASE: &str = "That passphrase does not unlock the workspace. Check it and try again: it is the passphrase chosen when the council key was made. Nothing has been changed.";

fn unlock_problem(error: UnlockError) -> String {
    match error {
        UnlockError::WrongPassphrase => WRONG_PASSPHRASE.to_owned(),
        UnlockError::Browser => "This browser could not unlock the workspace. Try again, or use an up-to-date browser. Nothing has been changed.".to_owned(),
        UnlockError::DataKey(e) => e.to_string(),
    }
}

/// What the page says when the unlocking code could not be fetched.
const NOT_LOADED: &str = "The workspace could not be unlocked, because this part of the app could not be loaded: either it has not been downloaded to this device yet and there is no internet connection, or a newer version of the app has arrived. Reload the page with a connection, then try again.";

/// The locked workspace: the passphrase unlocks it; a forgotten one can clear it.
#[component]
fn LockedWorkspace(data: OfficerData, cleared: RwSignal<bool>) -> impl IntoView {
    set_page_title("Workspace locked – Officer workspace");
    // The records, still encrypted, are read while the passphrase is typed.
    data.read_ahead();
    let unlocker = expect_context::<Unlocker>();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let secret = passphrase.get_untracked();
        if secret.is_empty() {
            error.set(Some("Enter the passphrase for the council key".to_owned()));
            return;
        }
        if working.get_untracked() {
            return;
        }
        working.set(true);
        error.set(None);
        spawn_local(async move {
            match (unlocker.0)(data, secret).await {
                Ok(Ok(())) => passphrase.set(String::new()),
                Ok(Err(e)) => error.set(Some(unlock_problem(e))),
                Err(_) => error.set(Some(NOT_LOADED.to_owned())),
            }
            working.set(false);
        });
    };
    view! {
        <h1>"Officer workspace"</h1>
        <section class="section" aria-labelledby="locked-title">
            <h2 id="locked-title">"The workspace is locked"</h2>
            <p>
                "The members' records kept in this browser are encrypted. Enter the passphrase "
                "for the council key to open them; the workspace locks again when you close the "
                "page, press “Lock the workspace”, or leave it unused."
            </p>
            <form class="inset" on:submit=unlock novalidate>
                <PassphraseField
                    label="Passphrase for the council key"
                    id="workspace-passphrase"
                    hint="The passphrase chosen when the council key was made."
                    value=passphrase
                    error=error
                />
                <button type="submit" class="button">"Unlock the workspace"</button>
                <div role="status" class="outcome">{move || working.get().then(|| view! { <p>"Unlocking the workspace…"</p> })}</div>
            </form>
        </section>
        <ForgottenPassphrase data=data cleared=cleared/>
    }
}

/// A forgotten passphrase: what is lost, and clearing the workspace to start again.
#[component]
fn ForgottenPassphrase(data: OfficerData, cleared: RwSignal<bool>) -> impl IntoView {
    let asking = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let clear = Callback::new(move |()| {
        problem.set(None);
        spawn_local(async move {
            match clear_workspace().await {
                Ok(()) => {
                    asking.set(false);
                    cleared.set(true);
                    data.start_afresh();
                }
                Err(message) => problem.set(Some(message)),
            }
        });
    });
    view! {
        <section class="section" aria-labelledby="forgotten-title">
            <h2 id="forgotten-title">"Forgotten the passphrase?"</h2>
            <p>
                "Without the passphrase nobody can read the records kept here: not you, not the council, "
                "not the makers of this app. Restoring the key backup needs the same passphrase. Ask "
                "whoever made the council key whether it is kept somewhere safe."
            </p>
            <p>
                "If it cannot be found, clear the workspace and start again: the members' files can be "
                "imported again, and files sealed to the old council key can only be opened with its passphrase."
            </p>
            <Show when=move || !asking.get()>
                <button type="button" class="button button--secondary" on:click=move |_| asking.set(true)>"Clear the workspace"</button>
            </Show>
            <Show when=move || asking.get()>
                <ConfirmPanel
                    title="Clear the workspace?"
                    confirm_label="Remove every record and key"
                    on_confirm=clear
                    cancel_label="Keep the workspace locked"
                    on_cancel=Callback::new(move |()| asking.set(false))
                >
                    <p>
                        "Every member's record, the list of expected members and the council keys are "
                        "removed from this browser. Your council pack is kept. This cannot be undone."
                    </p>
                </ConfirmPanel>
            </Show>
            {move || problem.get().map(|p| view! { <p class="notice notice--error" role="alert">{p}</p> })}
        </section>
    }
}

/// Removes every member's record, then the keys that locked them: a tab closed part-way
/// leaves a workspace still locked, to be cleared again.
async fn clear_workspace() -> Result<(), String> {
    const NOT_CLEARED: &str = "The workspace could not be cleared: this browser would not change what it keeps. Nothing more was removed; try again.";
    let db = MemberFilesDb::open(None)
        .await
        .map_err(|_| NOT_CLEARED.to_owned())?;
    db.clear().await.map_err(|_| NOT_CLEARED.to_owned())?;
    forget_roster(&LocalStore).map_err(|_| NOT_CLEARED.to_owned())?;
    forget_council_keys(&LocalStore).map_err(|_| NOT_CLEARED.to_owned())?;
    forget_data_key()
        .await
        .map_err(|_| NOT_CLEARED.to_owned())?;
    Ok(())
}

/// "Lock the workspace", on every officer page while it is unlocked.
#[component]
pub fn LockWorkspace() -> impl IntoView {
    let data = use_officer_pack();
    view! {
        <Show when=move || data.protected.get() && data.unlocked.get()>
            <button type="button" class="button button--secondary lock-workspace" on:click=move |_| data.lock()>"Lock the workspace"</button>
        </Show>
    }
}
