//! The council key on the officer's Council pack page: making it (which locks the
//! workspace at rest under the same passphrase), backing it up, making a new one over the
//! years, and restoring one from a backup onto a new computer; and how long the workspace
//! stays unlocked when left.

use chrono::Local;
use leptos::prelude::*;

use crate::store::at_rest::unlock_data_key;
use crate::ui::components::{FileField, Outcome, PassphraseField};
use crate::ui::council_key::{CouncilKeyring, UnlockError, create_council_key, unlock_key};
use crate::ui::files::download_text;
use crate::ui::officer_context::OfficerData;
use mdr_domain::exchange::{key_backup_file_name, read_key_backup, write_key_backup};
use mdr_domain::model::council_key::CouncilKey;
use mdr_domain::model::dates::long_date;
use mdr_domain::store::officer::{CouncilKeys, LOCK_AFTER_CHOICES};

/// The shortest passphrase a council key is wrapped with: it guards every member's file.
const MIN_KEY_PASSPHRASE_CHARS: usize = 12;

const WRONG_PASSPHRASE: &str = "That passphrase does not unlock the council key. Check it and try again: it is the passphrase chosen when the key was made.";
const BROWSER_REFUSED: &str =
    "This browser could not use the council key. Try again, or use an up-to-date browser.";

fn unlock_problem(error: UnlockError) -> String {
    match error {
        UnlockError::WrongPassphrase => WRONG_PASSPHRASE.to_owned(),
        UnlockError::Browser => BROWSER_REFUSED.to_owned(),
        UnlockError::DataKey(e) => e.to_string(),
    }
}

/// Holds `ring` for this tab: beside the data key already unlocked, or, in a workspace not
/// yet locked at rest, with its data key unlocked (made, the first time) under the same
/// passphrase, which encrypts every record it holds in its place.
async fn unlock_with(
    data: OfficerData,
    ring: CouncilKeyring,
    passphrase: &str,
) -> Result<(), String> {
    if data.unlocked.get_untracked() {
        data.set_keyring(ring);
        return Ok(());
    }
    let cipher = unlock_data_key(passphrase)
        .await
        .map_err(|e| unlock_problem(e.into()))?;
    data.set_unlocked(ring, cipher);
    Ok(())
}

/// The council keys as this page shows them: read once, changed and kept through here.
#[derive(Clone, Copy)]
pub struct HeldKeys {
    data: OfficerData,
    pub keys: RwSignal<CouncilKeys>,
    /// Why the kept keys could not be read, if they could not.
    pub problem: RwSignal<Option<String>>,
}

impl HeldKeys {
    pub fn read(data: OfficerData) -> Self {
        let (keys, problem) = match data.council_keys() {
            Ok(keys) => (keys, None),
            Err(e) => (CouncilKeys::default(), Some(e.to_string())),
        };
        Self {
            data,
            keys: RwSignal::new(keys),
            problem: RwSignal::new(problem),
        }
    }

    /// The council key a pack published now carries, from the keys as kept (another tab
    /// may have made a newer one); `Err` with what to tell the officer when there is none
    /// to carry yet.
    pub fn for_pack(self) -> Result<Option<CouncilKey>, String> {
        let keys = self
            .data
            .council_keys()
            .map_err(|e| format!("{e} The pack was not published."))?;
        let carried = keys.for_pack().map_err(|why| why.to_string());
        self.keys.set(keys);
        carried
    }

    /// Changes the keys as kept and keeps them; `Err` with what to tell the officer if they
    /// could not be kept (and then nothing has changed).
    fn change(self, change: impl FnOnce(&mut CouncilKeys)) -> Result<(), String> {
        // From what is kept now, not what this page read: another tab may have made or
        // restored a key since, and a key dropped would leave its files unopenable.
        let mut next = self
            .data
            .council_keys()
            .map_err(|e| format!("{e} Nothing has changed."))?;
        change(&mut next);
        self.data.save_council_keys(&next).map_err(|e| {
            format!(
                "The council key could not be saved in this browser, so nothing has changed. {e}"
            )
        })?;
        self.keys.set(next);
        Ok(())
    }
}

const ANOTHER_MADE: &str = "A new council key has been made. Download its backup: packs published from now on carry the new key, and files sealed to the older keys still open here.";

/// Which key [`make_key`] made.
enum Made {
    First,
    Another,
}

/// Makes a council key under `passphrase` and keeps it, unlocked for this tab with the
/// keys already held. Every key is kept under one passphrase, so it must open those: the
/// ones this page showed, and any another tab has made since.
async fn make_key(held: HeldKeys, council: &str, passphrase: &str) -> Result<Made, String> {
    let keys = held
        .data
        .council_keys()
        .map_err(|e| format!("{e} No key was made."))?;
    let shown = held.keys.with_untracked(|k| k.keys.len());
    let mut ring = match CouncilKeyring::unlock(&keys, passphrase).await {
        Ok(ring) => ring,
        Err(UnlockError::WrongPassphrase) if shown < keys.keys.len() => {
            held.keys.set(keys);
            return Err("A council key has been made in another tab or window since this page opened, under another passphrase. It is shown above: enter its passphrase, then try again.".to_owned());
        }
        Err(e) => return Err(unlock_problem(e)),
    };
    let first = keys.keys.is_empty();
    // The records are locked at rest under the same passphrase: its data key is unlocked
    // (or made) before the council key, so that a key is never kept the records miss.
    let cipher = match held.data.unlocked.get_untracked() {
        true => None,
        false => Some(
            unlock_data_key(passphrase)
                .await
                .map_err(|e| unlock_problem(e.into()))?,
        ),
    };
    let (backup, unlocked) = create_council_key(council, passphrase)
        .await
        .map_err(|_| BROWSER_REFUSED.to_owned())?;
    held.change(|k| k.keep(backup, false))?;
    ring.add(unlocked);
    match cipher {
        Some(cipher) => held.data.set_unlocked(ring, cipher),
        None => held.data.set_keyring(ring),
    }
    Ok(if first { Made::First } else { Made::Another })
}

/// The Council key section of the Council pack page.
#[component]
pub fn CouncilKeySection(held: HeldKeys, council: Signal<String>) -> impl IntoView {
    let data = held.data;
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let field_error = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let working = RwSignal::new(None::<&'static str>);
    let restore_problem = RwSignal::new(None::<String>);
    let has_key = Memo::new(move |_| held.keys.with(|k| !k.keys.is_empty()));
    let newest = Memo::new(move |_| held.keys.with(|k| k.newest().cloned()));

    let begin = move |doing: &'static str| {
        if working.get_untracked().is_some() {
            return false;
        }
        field_error.set(None);
        outcome.set(None);
        working.set(Some(doing));
        true
    };
    let finish = move |result: Result<String, String>| {
        outcome.set(Some(result));
        working.set(None);
    };

    let create = move |_| {
        let secret = passphrase.get_untracked();
        if secret.chars().count() < MIN_KEY_PASSPHRASE_CHARS {
            field_error.set(Some(format!(
                "Enter a passphrase of at least {MIN_KEY_PASSPHRASE_CHARS} characters"
            )));
            return;
        }
        if again.get_untracked() != secret {
            field_error.set(Some(
                "The two passphrases are different: type the same passphrase in both boxes"
                    .to_owned(),
            ));
            return;
        }
        if !begin("Making the council key…") {
            return;
        }
        leptos::task::spawn_local(async move {
            let result = make_key(held, &council.get_untracked(), &secret)
                .await
                .map(|made| {
                    again.set(String::new());
                    passphrase.set(String::new());
                    match made {
                        Made::First => {
                            "The council key has been made. Now download the key backup."
                        }
                        Made::Another => ANOTHER_MADE,
                    }
                    .to_owned()
                });
            finish(result);
        });
    };

    let make_new = move |_| {
        let secret = passphrase.get_untracked();
        if secret.is_empty() {
            field_error.set(Some(
                "Enter the passphrase for the council key: the new key is kept under the same one"
                    .to_owned(),
            ));
            return;
        }
        if !begin("Making a new council key…") {
            return;
        }
        leptos::task::spawn_local(async move {
            let result = make_key(held, &council.get_untracked(), &secret)
                .await
                .map(|_| {
                    passphrase.set(String::new());
                    ANOTHER_MADE.to_owned()
                });
            finish(result);
        });
    };

    let download = move |_| {
        let Some(newest) = newest.get_untracked() else {
            return;
        };
        let name = key_backup_file_name(&newest.key.public(), Local::now().date_naive());
        let result = match download_text(&name, &write_key_backup(&newest.key), "application/json") {
            Err(_) => Err("The browser did not start the download. Try again.".to_owned()),
            Ok(()) => held.change(|k| k.backed_up(&newest.key.key_id)).map(|()| {
                format!("The key backup was saved as {name}. Keep it somewhere safe away from this computer, with the passphrase kept apart from it.")
            }),
        };
        outcome.set(Some(result));
    };

    let on_choose = move |()| {
        restore_problem.set(None);
        outcome.set(None);
    };
    let on_read = move |(file_name, read): (String, Result<Vec<u8>, String>)| {
        let text = match read {
            Err(message) => {
                restore_problem.set(Some(message));
                return;
            }
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        };
        let backup = match read_key_backup(&text) {
            Ok(backup) => backup,
            Err(e) => {
                restore_problem.set(Some(format!("“{file_name}” was not restored. {e}")));
                return;
            }
        };
        let secret = passphrase.get_untracked();
        if secret.is_empty() {
            restore_problem.set(Some(format!("“{file_name}” was not restored: enter the backup's passphrase under “Passphrase for the council key” first, then choose the file again.")));
            return;
        }
        if !begin("Restoring the council key…") {
            return;
        }
        let keys = held.keys.get_untracked();
        leptos::task::spawn_local(async move {
            let restored = match unlock_key(&backup, &secret).await {
                Err(e) => Err(unlock_problem(e)),
                // The keys already held must open with the same passphrase.
                Ok(unlocked) => match CouncilKeyring::unlock(&keys, &secret).await {
                    Err(UnlockError::WrongPassphrase) => Err("This backup's passphrase is not the one the council keys already in this browser use. Every key in a workspace is kept under one passphrase: restore it in a browser without keys, or ask whoever made the keys.".to_owned()),
                    Err(e) => Err(unlock_problem(e)),
                    Ok(mut ring) => {
                        ring.add(unlocked);
                        match unlock_with(data, ring, &secret).await {
                            Err(message) => Err(message),
                            Ok(()) => held.change(|k| k.keep(backup.clone(), true)).map(|()| {
                                passphrase.set(String::new());
                                format!(
                                    "The council key {} has been restored from “{file_name}”. The workspace is unlocked, and files sealed to the key open when you import them.",
                                    backup.fingerprint
                                )
                            }),
                        }
                    }
                },
            };
            match restored {
                Ok(message) => finish(Ok(message)),
                Err(message) => {
                    restore_problem.set(Some(format!("“{file_name}” was not restored. {message}")));
                    working.set(None);
                }
            }
        });
    };

    let older = move || {
        held.keys.with(|k| {
            let newest = k.newest().map(|n| n.key.key_id.clone());
            k.keys
                .iter()
                .filter(|h| Some(&h.key.key_id) != newest.as_ref())
                .map(|h| {
                    format!(
                        "{} (made {})",
                        h.key.fingerprint,
                        long_date(h.key.created_at.date_naive())
                    )
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <section class="section" aria-labelledby="council-key-title">
            <h2 id="council-key-title">"Council key"</h2>
            <p>
                "With a council key, members can send you files that only this workspace can open: "
                "their app seals each file to the key, and nobody without the key and its "
                "passphrase can read it, however the file travels. Packs you publish carry the key."
            </p>
            {move || held.problem.get().map(|p| view! { <p class="notice notice--error" role="alert">{p}</p> })}
            {move || newest.get().map(|newest| view! {
                <p class="key-fingerprint">
                    <span class="key-fingerprint__label">"Key fingerprint"</span>
                    " "
                    <strong class="key-fingerprint__value">{newest.key.fingerprint.clone()}</strong>
                </p>
                <p class="field__hint">{format!("Made on {}. Members see the same fingerprint on their Export and backup page.", long_date(newest.key.created_at.date_naive()))}</p>
                {(!newest.backed_up).then(|| view! {
                    <p class="notice notice--warning">
                        "Download the key backup now and keep it somewhere safe away from this computer. "
                        "Without the backup and the passphrase, files sealed to this key can never be "
                        "opened by anyone, the council included: not after this browser's data is cleared, "
                        "nor on another computer. The pack cannot be published until the backup is downloaded."
                    </p>
                })}
            })}
            {move || {
                let older = older();
                (!older.is_empty()).then(|| view! {
                    <p>"Older keys, still kept so that files sealed to them open: " {older.join("; ")} "."</p>
                })
            }}
            {move || has_key.get().then(|| view! {
                <p>"The workspace is unlocked: files sealed to the council key open when you import them. The members' records in this browser are kept encrypted under the same passphrase."</p>
            })}
            <PassphraseField
                label="Passphrase for the council key"
                id="council-key-passphrase"
                new=!has_key.get_untracked()
                hint=Signal::derive(move || if has_key.get() {
                    "The passphrase chosen when the council key was made.".to_owned()
                } else {
                    format!("At least {MIN_KEY_PASSPHRASE_CHARS} characters: three or four unrelated words are easy to remember and hard to guess. You will need it to open members' sealed files, and to restore the key on another computer.")
                })
                value=passphrase
                error=field_error
            />
            <Show when=move || !has_key.get()>
                <PassphraseField label="Type the passphrase again" id="council-key-again" new=true value=again/>
                <button type="button" class="button" on:click=create>"Create the council key"</button>
            </Show>
            <Show when=move || has_key.get()>
                <div class="button-group">
                    <button type="button" class="button" on:click=download>"Download the key backup"</button>
                    <button type="button" class="button button--secondary" on:click=make_new>"Make a new council key"</button>
                </div>
            </Show>
            <div class="key-restore">
            <FileField
                label="Restore the council key from a backup"
                id="council-key-restore"
                hint="To bring the key to this computer: enter its passphrase above, then choose the council-key-… .json file saved with “Download the key backup”."
                problem=restore_problem
                on_choose=on_choose
                on_read=on_read
            />
            </div>
            <Outcome doing=Signal::derive(move || working.get().map(str::to_owned)) outcome=outcome/>
        </section>
    }
}

/// How long the workspace stays unlocked when left, on the Council pack page.
#[component]
pub fn LockAfterSection(data: OfficerData) -> impl IntoView {
    let chosen = RwSignal::new(data.lock_after());
    let problem = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let Ok(minutes) = event_target_value(&ev).parse::<u32>() else {
            return;
        };
        match data.save_lock_after(minutes) {
            Ok(()) => {
                chosen.set(minutes);
                problem.set(None);
            }
            Err(e) => problem.set(Some(format!("The choice could not be kept. {e}"))),
        }
    };
    view! {
        <section class="section" aria-labelledby="workspace-lock-title">
            <h2 id="workspace-lock-title">"Locking the workspace"</h2>
            <p>
                "Once there is a council key, the members' records in this browser are kept encrypted. "
                "The workspace locks itself when you close the page, when you press “Lock the workspace”, "
                "and when it is left unused for the time chosen here; the passphrase for the council key unlocks it."
            </p>
            <div class="field">
                <label class="field__label" for="lock-after">"Lock the workspace when left for"</label>
                <select class="field__select" id="lock-after" on:change=on_change prop:value=move || chosen.get().to_string()>
                    {LOCK_AFTER_CHOICES.into_iter().map(|minutes| view! {
                        <option value=minutes.to_string() selected=move || chosen.get() == minutes>{format!("{minutes} minutes")}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || problem.get().map(|p| view! { <p class="notice notice--error" role="alert">{p}</p> })}
        </section>
    }
}
