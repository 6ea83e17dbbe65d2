//! The learning record: what is due, what the councillor has logged, and the catalogue.

use crate::ui::router::use_query;
use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::ui::components::{ActivityList, CatalogueBrowser, PrintHeading, TrainingDue};
use crate::ui::{set_page_title, use_member};

/// The Learning record page.
#[component]
pub fn LearningPage() -> impl IntoView {
    set_page_title("Learning record");
    let member = use_member();
    // On paper, the record says whose it is; the catalogue and the buttons stay on screen.
    let whose = Signal::derive(move || {
        member.record.with(|r| {
            r.as_ref().map_or_else(String::new, |r| {
                format!(
                    "Learning record of {}, {}",
                    r.profile.full_name, r.profile.council
                )
            })
        })
    });
    view! {
        <PrintHeading title=whose/>
        <h1>"Learning record"</h1>
        <LastChange/>
        <TrainingDue/>
        <section class="section" aria-labelledby="activities-title">
            <h2 id="activities-title">"Your training and "<span class="whole-word">"e-learning"</span></h2>
            <ActivityList/>
            <p class="screen-only">
                <a href="/learning/add" class="button button--secondary">
                    "Add training that is not in the catalogue"
                </a>
            </p>
        </section>
        <section class="section screen-only" aria-labelledby="catalogue-title">
            <h2 id="catalogue-title">"Course catalogue"</h2>
            <CatalogueBrowser/>
        </section>
    }
}

/// Confirms the last save or deletion; a deletion can be undone from here.
#[component]
fn LastChange() -> impl IntoView {
    let member = use_member();
    let query = use_query();
    let title_of = move |id: Uuid| {
        member.record.with(|r| {
            r.as_ref()
                .and_then(|r| r.activity(id))
                .map(|a| a.title.clone())
                .unwrap_or_default()
        })
    };
    let undone = RwSignal::new(false);
    move || {
        let saved = query.with(|q| q.get("saved").and_then(|id| id.parse::<Uuid>().ok()));
        let deleted = query.with(|q| q.get("deleted").and_then(|id| id.parse::<Uuid>().ok()));
        match (saved, deleted) {
            (Some(id), _) => Some(
                view! {
                    <p class="notice notice--success" role="status">
                        "Saved: " {title_of(id)}
                    </p>
                }
                .into_any(),
            ),
            (_, Some(id)) if !undone.get() => Some(
                view! {
                    <div class="notice notice--success" role="status">
                        <p>"Deleted: " {title_of(id)}</p>
                        <button
                            type="button"
                            class="button button--secondary"
                            on:click=move |_| {
                                member.edit(|r| r.set_activity_deleted(id, false, Utc::now()));
                                undone.set(true);
                            }
                        >
                            "Undo"
                        </button>
                    </div>
                }
                .into_any(),
            ),
            (_, Some(id)) => Some(
                view! { <p class="notice notice--success" role="status">"Brought back: " {title_of(id)}</p> }
                    .into_any(),
            ),
            _ => None,
        }
    }
}
