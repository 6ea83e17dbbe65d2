//! Home: set-up on the first visit; afterwards, the councillor's summary.

use chrono::Local;
use leptos::prelude::*;

use std::time::Duration;

use crate::ui::components::{ProfileForm, TrainingDue};
use crate::ui::router::{Build, Fetch};
use crate::ui::{set_page_title, use_member};
use mdr_domain::model::MemberRecord;
use mdr_domain::model::dates::{date_and_time, long_date};
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::model::plan::{ReviewStatus, latest_before, plan_for};
use mdr_domain::model::roles::role_name;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let member = use_member();
    let set_up = Memo::new(move |_| member.is_set_up());
    // A saved record that could not be opened is not offered to be set up afresh: the
    // banner above says why, and what to do.
    let unopened = move || member.load_problem.with(Option::is_some);
    view! {
        <Show when=move || set_up.get() fallback=move || (!unopened()).then(FirstRun)>
            <Welcome/>
        </Show>
    }
}

/// Fetches the summary's cards ([`Summary`]), given by the app's binary: they load with
/// the code that reads a saved record, which a device fetches as the app starts once it
/// holds one, so a new device's first visit (the set-up form) does without them.
#[derive(Clone, Copy)]
pub struct SummaryFetch(pub Fetch);

/// How long the home page waits before it tries again to fetch the summary's code.
const RETRY_DELAY: Duration = Duration::from_secs(3);

/// What the summary shows while its code is fetched, or could not be.
#[derive(Clone, Copy)]
enum Cards {
    Opening,
    Here(Build),
    NotDownloaded,
}

/// The greeting, then the summary's cards once their code is here. A device set up
/// before the app was kept for offline use, with no connection since, greets the
/// councillor, says why the rest is missing, and keeps trying until it can be fetched.
#[component]
fn Welcome() -> impl IntoView {
    set_page_title("Home");
    let member = use_member();
    let full_name = move || {
        member.record.with(|r| {
            r.as_ref()
                .map(|r| r.profile.full_name.clone())
                .unwrap_or_default()
        })
    };
    let cards = RwSignal::new(Cards::Opening);
    fetch_cards(expect_context::<SummaryFetch>().0, cards);
    view! {
        <h1>"Welcome, " {full_name}</h1>
        {move || match cards.get() {
            Cards::Opening => view! { <p role="status">"Opening your record…"</p> }.into_any(),
            Cards::Here(build) => build(),
            Cards::NotDownloaded => view! {
                <p class="notice" role="status">
                    "Your summary (the training due, your development plan and your last "
                    "backup) needs part of the app that has not been downloaded to this "
                    "device yet. It appears here once the device is connected to the "
                    "internet. Everything you have typed is saved."
                </p>
            }
            .into_any(),
        }}
    }
}

/// Fetches the cards' code into `cards`, trying again a little later while it cannot be
/// fetched and the page is still open.
fn fetch_cards(fetch: Fetch, cards: RwSignal<Cards>) {
    leptos::task::spawn_local(async move {
        let fetched = fetch().await;
        if cards.is_disposed() {
            return;
        }
        match fetched {
            Some(build) => cards.set(Cards::Here(build)),
            None => {
                cards.set(Cards::NotDownloaded);
                set_timeout(move || fetch_cards(fetch, cards), RETRY_DELAY);
            }
        }
    });
}

/// The first visit: what the app is, and the profile form.
#[component]
fn FirstRun() -> impl IntoView {
    set_page_title("Set up your record");
    view! {
        <h1>"Set up your record"</h1>
        <p class="lead">
            "Keep your training, self-assessment surveys and development plan in one place, "
            "on this device. Start by telling us about yourself and your roles."
        </p>
        <div class="inset">
            <p>"Already use the app on another device? Bring your record across instead of starting again."</p>
            <a href="/backup" class="button button--secondary">"Restore your record from a backup file"</a>
        </div>
        <ProfileForm first_run=true/>
    }
}

/// The councillor's summary once set up, below the greeting: the training due, and a card
/// each for the plan, the profile and the last backup.
#[component]
pub fn Summary() -> impl IntoView {
    view! {
        <TrainingDue/>
        <div class="cards">
            <PlanCard/>
            <ProfileCard/>
            <BackupCard/>
        </div>
    }
}

/// This year's development plan, and its review date when that is near or past.
#[component]
fn PlanCard() -> impl IntoView {
    let member = use_member();
    let today = Local::now().date_naive();
    let year = MunicipalYear::containing(today);
    let status = move || {
        member.record.with(|r| {
            let plan = r.as_ref().and_then(|r| plan_for(&r.plans, year));
            // Last year's plan may still await its review in the first weeks of a new year.
            let latest = plan.or_else(|| r.as_ref().and_then(|r| latest_before(&r.plans, year)));
            let review = latest.and_then(|p| p.review_status(today)).map(|status| match status {
                ReviewStatus::Near { on } => format!("Your plan's review is due on {}.", long_date(on)),
                ReviewStatus::Overdue { on } => format!("Your plan's review was due on {}. Arrange it with your member development officer.", long_date(on)),
            });
            let state = match plan {
                None => format!("You have not started your {} plan yet.", year.label()),
                Some(p) => match &p.sign_off {
                    Some(s) => format!("Your {} plan was signed off on {}.", year.label(), long_date(s.on)),
                    None => format!("Your {} plan is in progress.", year.label()),
                },
            };
            (state, review)
        })
    };
    view! {
        <section class="card" aria-labelledby="plan-card-title">
            <h2 id="plan-card-title" class="card__title">"Development plan"</h2>
            <p>{move || status().0}</p>
            {move || status().1.map(|review| view! { <p class="notice notice--warning"><strong>{review}</strong></p> })}
            <p><a href="/plan">"Open your development plan"</a></p>
        </section>
    }
}

/// Who the councillor is, as the app knows them.
#[component]
fn ProfileCard() -> impl IntoView {
    let member = use_member();
    let today = Local::now().date_naive();
    let row = |term: &'static str, value: String| {
        view! {
            <div class="summary__row">
                <dt>{term}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let details = move || {
        member.record.with(|record| {
            let Some(MemberRecord { profile, .. }) = record else {
                return Vec::new();
            };
            let roles = member.role_names.get();
            let role_names: Vec<String> = profile
                .roles
                .iter()
                .map(|id| role_name(&roles, id))
                .collect();
            let group = if profile.political_group.trim().is_empty() {
                "Not given".to_owned()
            } else {
                profile.political_group.clone()
            };
            let elected = match profile.date_elected {
                Some(date) if profile.newly_elected(today) => {
                    format!("{} (newly elected)", long_date(date))
                }
                Some(date) => long_date(date),
                None => "Not given".to_owned(),
            };
            vec![
                row("Name", profile.full_name.clone()),
                row("Council", profile.council.clone()),
                row("Ward or division", profile.ward.clone()),
                row("Political group", group),
                row("Roles", role_names.join(", ")),
                row("Date elected", elected),
            ]
        })
    };
    view! {
        <section class="card" aria-labelledby="profile-card-title">
            <h2 id="profile-card-title" class="card__title">"About you"</h2>
            <dl class="summary">{details}</dl>
            <p><a href="/profile">"Change these details"</a></p>
        </section>
    }
}

/// When the record was last backed up, and whether it has changed since.
#[component]
fn BackupCard() -> impl IntoView {
    let member = use_member();
    let message = move || {
        match member.last_export.get() {
        None => "You have not exported your record from this device yet. Export it regularly, so that it is safe if this device is lost or reset.".to_owned(),
        Some(last) => {
            let when = date_and_time(&last.at.with_timezone(&Local));
            if member.revision.get() > last.revision {
                format!("Last exported on {when}. You have made changes since then, so it is time for a fresh backup.")
            } else {
                format!("Last exported on {when}. Nothing has changed since.")
            }
        }
    }
    };
    view! {
        <section class="card" aria-labelledby="backup-card-title">
            <h2 id="backup-card-title" class="card__title">"Backup"</h2>
            <p>{message}</p>
            <p><a href="/backup">"Export or restore your record"</a></p>
        </section>
    }
}
