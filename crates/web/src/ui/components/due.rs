//! What training is due for the councillor, and their hours this municipal year; the list
//! of what is due also serves the officer's view of a member.

use chrono::Local;
use leptos::prelude::*;

use crate::ui::use_member;
use mdr_domain::model::dates::long_date;
use mdr_domain::model::due::{
    DueStatus, DueTraining, MunicipalYear, hours_missing_in_year, minutes_in_year, training_due,
};
use mdr_domain::model::learning::hours_phrase;

/// The list of mandatory training outstanding, overdue or due soon.
#[component]
pub fn TrainingDue() -> impl IntoView {
    let member = use_member();
    let today = Local::now().date_naive();
    let due = Memo::new(move |_| {
        member.record.with(|record| {
            record.as_ref().map_or_else(Vec::new, |r| {
                member
                    .catalogue
                    .with(|c| training_due(c, &r.profile, &r.learning, today))
            })
        })
    });
    let hours = Memo::new(move |_| {
        let year = MunicipalYear::containing(today);
        let (minutes, missing) = member.record.with(|r| {
            r.as_ref().map_or((0, 0), |r| {
                (
                    minutes_in_year(&r.learning, year),
                    hours_missing_in_year(&r.learning, year),
                )
            })
        });
        let apart = match missing {
            0 => String::new(),
            1 => " One more activity has no hours recorded.".to_owned(),
            n => format!(" {n} more activities have no hours recorded."),
        };
        format!(
            "You have recorded {} of completed learning in {} (from {}).{apart}",
            hours_phrase(minutes),
            year.label(),
            long_date(year.first_day())
        )
    });
    view! {
        <section class="card card--due" aria-labelledby="due-title">
            <h2 id="due-title" class="card__title">"Training due"</h2>
            <Show
                when=move || !due.with(Vec::is_empty)
                fallback=|| view! { <p class="notice notice--success">"You are up to date with the mandatory training for your roles."</p> }
            >
                <DueList due=due/>
            </Show>
            <p class="due-hours">{move || hours.get()}</p>
        </section>
    }
}

/// Mandatory training due, each course with where it stands.
#[component]
pub fn DueList(
    /// What is due, in the order to list it.
    #[prop(into)]
    due: Signal<Vec<DueTraining>>,
    /// Shown to someone other than the councillor (the officer): no links to log a course.
    #[prop(optional)]
    read_only: bool,
) -> impl IntoView {
    view! {
        <ul class="due-list">
            <For each=move || due.get() key=|d| d.course.id.clone() let:item>
                <li class="due-list__item">
                    <span class=format!("tag tag--{}", tag_class(item.status))>{status_text(item.status)}</span>
                    <span class="due-list__title">{item.course.title.clone()}</span>
                    {(!read_only).then(|| view! {
                        <a href=format!("/learning/log/{}", item.course.id) class="due-list__action">
                            "Log it"
                            <span class="visually-hidden">{format!(" {}", item.course.title)}</span>
                        </a>
                    })}
                </li>
            </For>
        </ul>
    }
}

fn tag_class(status: DueStatus) -> &'static str {
    match status {
        DueStatus::Overdue { .. } => "overdue",
        DueStatus::Outstanding { .. } => "outstanding",
        DueStatus::InProgress | DueStatus::Planned { .. } => "planned",
        DueStatus::DueSoon { .. } => "soon",
    }
}

fn status_text(status: DueStatus) -> String {
    match status {
        DueStatus::Overdue { due_on } => format!("Overdue since {}", long_date(due_on)),
        DueStatus::Outstanding { by: None } => "Mandatory, not done yet".to_owned(),
        DueStatus::Outstanding { by: Some(by) } => {
            format!("Mandatory for new members, by {}", long_date(by))
        }
        DueStatus::InProgress => "Mandatory, in progress".to_owned(),
        DueStatus::Planned { on: Some(on) } => format!("Mandatory, planned for {}", long_date(on)),
        DueStatus::Planned { on: None } => "Mandatory, planned".to_owned(),
        DueStatus::DueSoon { due_on } => format!("Refresher due by {}", long_date(due_on)),
    }
}
