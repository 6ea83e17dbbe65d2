//! The member's side of the council pack: which pack is in use, and importing a new one
//! after seeing what it changes. The pack is read by the context's reader
//! ([`mdr_domain::store::RecordReader`]), fetched if need be.

use chrono::Local;
use leptos::prelude::*;

use crate::ui::components::{FileField, ReadChosenFile};
use crate::ui::use_member;
use mdr_domain::exchange::{Damage, ReadError, Reader, explain, file_text};
use mdr_domain::model::council_key::KeyFault;
use mdr_domain::model::dates::long_date;
use mdr_domain::model::money::pounds;
use mdr_domain::model::pack::{CouncilPack, PackChanges, PackDecision, PackFault};

/// A pack the member chose, and what importing it would do.
#[derive(Clone)]
struct Chosen {
    file_name: String,
    pack: CouncilPack,
    decision: PackDecision,
}

/// The council pack section of Export and backup.
#[component]
pub fn CouncilPackImport() -> impl IntoView {
    let member = use_member();
    let chosen = RwSignal::new(None::<Chosen>);
    let problem = RwSignal::new(None::<String>);
    let applied = RwSignal::new(None::<String>);
    let in_use = move || {
        member
            .record
            .with(|r| match r.as_ref().and_then(|r| r.pack.as_ref()) {
                None => "You are using the app's built-in catalogue and surveys.".to_owned(),
                Some(pack) => format!(
                    "You are using {}'s pack, version {}, issued on {}.",
                    pack.council,
                    pack.pack_version,
                    long_date(pack.issued_at.with_timezone(&Local).date_naive())
                ),
            })
    };
    let file = ReadChosenFile::new(member, problem, "council packs");
    let on_choose = move |()| {
        file.chosen();
        chosen.set(None);
        problem.set(None);
        applied.set(None);
    };
    let on_read = move |read: (String, Result<Vec<u8>, String>)| {
        file.read(read, move |reader, file_name, text| {
            let pack = match file_text(text).and_then(|text| (reader.read_pack)(&text)) {
                Ok(pack) => pack,
                Err(e) => return problem.set(Some(explain(&e, &file_name, Reader::ApplyingPack))),
            };
            let decision = member.record.with_untracked(|r| {
                (reader.assess_pack)(r.as_ref().and_then(|r| r.pack.as_ref()), &pack)
            });
            match decision {
                PackDecision::Older { held, incoming } => problem.set(Some(format!(
                    "“{file_name}” is version {incoming} of the pack, older than the version {held} you already use, so it has not been applied. Ask your member development officer for the latest pack."
                ))),
                decision => {
                    let key = pack.council_key.clone();
                    let picked = Chosen { file_name, pack, decision };
                    match key {
                        None => chosen.set(Some(picked)),
                        // The domain checked the key's shape, id and fingerprint; whether it
                        // is a point on the curve is for the browser's curve to say.
                        Some(key) => leptos::task::spawn_local(async move {
                            if crate::ui::council_key::is_usable(&key).await {
                                chosen.set(Some(picked));
                            } else {
                                let not_a_key = ReadError::Damaged {
                                    detail: Damage::Pack(PackFault::CouncilKey(KeyFault::NotAKey)),
                                };
                                problem.set(Some(explain(&not_a_key, &picked.file_name, Reader::ApplyingPack)));
                            }
                        }),
                    }
                }
            }
        });
    };
    let apply = move |_| {
        let Some(Chosen { pack, .. }) = chosen.get_untracked() else {
            return;
        };
        let message = format!(
            "{}'s pack, version {}, is now in use.",
            pack.council, pack.pack_version
        );
        member.edit(|r| {
            if r.profile.council.trim().is_empty() {
                r.profile.council = pack.council.clone();
            }
            r.pack = Some(pack);
        });
        member.save_now();
        chosen.set(None);
        applied.set(Some(message));
    };
    view! {
        // The reader is fetched as the councillor reaches for a file.
        <section class="section" aria-labelledby="pack-title" on:focusin=move |_| member.fetch_reader_soon() on:pointerdown=move |_| member.fetch_reader_soon()>
            <h2 id="pack-title">"Council pack"</h2>
            <p>{in_use}</p>
            <p>"Your member development officer publishes a pack with your council's courses, mandatory training and surveys. Importing it keeps everything you have recorded."</p>
            <FileField
                label="Import council pack"
                id="pack-file"
                hint="A file called council-pack-… .json"
                problem=problem
                on_choose=on_choose
                on_read=on_read
            />
            {move || chosen.get().map(|c| view! { <PackPreview chosen=c on_apply=apply on_cancel=move |_| chosen.set(None)/> })}
            <div role="status" class="outcome">
                {move || file.reading.get().then(|| view! { <p>"Reading the file…"</p> })}
                {move || applied.get().map(|m| view! { <p class="notice notice--success">{m}</p> })}
            </div>
        </section>
    }
}

/// What a chosen pack would change, and the button to apply it.
#[component]
fn PackPreview(
    chosen: Chosen,
    on_apply: impl Fn(leptos::ev::MouseEvent) + 'static,
    on_cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let Chosen {
        file_name,
        pack,
        decision,
    } = chosen;
    let heading = format!("{}'s pack, version {}", pack.council, pack.pack_version);
    match decision {
        PackDecision::AlreadyApplied { version } => view! {
            <p class="notice notice--success" role="status">
                {format!("“{file_name}” is version {version} of the pack, which you already use. Nothing has changed.")}
            </p>
        }
        .into_any(),
        PackDecision::Apply(changes) => view! {
            <div class="preview">
                <h3>{heading}</h3>
                <ChangeList changes=changes/>
                <div class="button-group">
                    <button type="button" class="button" on:click=on_apply>"Apply this pack"</button>
                    <button type="button" class="button button--secondary" on:click=on_cancel>"Cancel"</button>
                </div>
            </div>
        }
        .into_any(),
        PackDecision::OtherCouncil { held, incoming, changes } => view! {
            <div class="preview">
                <h3>{heading}</h3>
                <p class="notice notice--warning">
                    {format!("This pack is for {incoming}, but you use {held}'s. Apply it only if you now serve on {incoming}. Your record is kept either way.")}
                </p>
                <ChangeList changes=changes/>
                <div class="button-group">
                    <button type="button" class="button" on:click=on_apply>{format!("Switch to {incoming}'s pack")}</button>
                    <button type="button" class="button button--secondary" on:click=on_cancel>"Cancel"</button>
                </div>
            </div>
        }
        .into_any(),
        PackDecision::Older { .. } => ().into_any(),
    }
}

/// A pack's changes, in plain words.
#[component]
fn ChangeList(changes: PackChanges) -> impl IntoView {
    if changes.is_empty() {
        return view! { <p>"It changes nothing you would notice."</p> }.into_any();
    }
    let group = |title: &'static str, items: Vec<String>| {
        (!items.is_empty()).then(|| view! {
            <h4>{title}</h4>
            <ul class="plain-list">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        })
    };
    let renamed = changes
        .roles_renamed
        .iter()
        .map(|(a, b)| format!("{a} is now called {b}"))
        .collect();
    let budget = changes
        .budget
        .map(|(a, b)| format!("Training budget: {} (was {})", pounds(b), pounds(a)));
    let allowance = changes.allowance.map(|(before, after)| {
        let shown = |a: Option<u64>| a.map_or_else(|| "none".to_owned(), pounds);
        format!(
            "Your yearly allowance for courses: {} (was {})",
            shown(after),
            shown(before)
        )
    });
    view! {
        <p>"Applying it will change:"</p>
        {group("Courses added", changes.courses_added)}
        {group("Courses changed", changes.courses_changed)}
        {group("Courses no longer offered (your records of them are kept)", changes.courses_retired)}
        {group("Roles added", changes.roles_added)}
        {group("Roles renamed", renamed)}
        {group("Roles retired", changes.roles_retired)}
        {group("Surveys", changes.surveys)}
        {budget.map(|b| view! { <p>{b}</p> })}
        {allowance.map(|a| view! { <p>{a}</p> })}
    }
    .into_any()
}
