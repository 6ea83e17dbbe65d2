//! Learning activities as cards: the councillor's own list, with links to change or
//! evaluate each, and the same cards read-only for the officer's view of a member.

use leptos::prelude::*;

use crate::ui::components::whole_words;
use crate::ui::use_member;
use mdr_domain::model::dates::long_date;
use mdr_domain::model::learning::{hours_phrase, in_reading_order};
use mdr_domain::model::{ActivityStatus, Evaluation, LearningActivity, Vocabulary};

/// Every activity in the record, with links to change or evaluate each.
#[component]
pub fn ActivityList() -> impl IntoView {
    let member = use_member();
    let activities = Memo::new(move |_| {
        member.record.with(|r| {
            in_reading_order(
                r.as_ref()
                    .map_or_else(Vec::new, |r| r.activities().cloned().collect()),
            )
        })
    });
    view! {
        <Show
            when=move || !activities.with(Vec::is_empty)
            fallback=|| view! { <p>"You have not logged any training yet. Find a course in the catalogue below, or add one that is not in it."</p> }
        >
            <ActivityCards activities=activities/>
        </Show>
    }
}

/// Activities as cards, in the order given.
#[component]
pub fn ActivityCards(
    /// The activities to show.
    #[prop(into)]
    activities: Signal<Vec<LearningActivity>>,
    /// Shown to someone other than the councillor (the officer): no links to change or
    /// evaluate, and each evaluation in full.
    #[prop(optional)]
    read_only: bool,
) -> impl IntoView {
    view! {
        <ul class="activity-list">
            <For each=move || activities.get() key=|a| (a.id, a.updated_at) let:activity>
                <ActivityItem activity=activity read_only=read_only/>
            </For>
        </ul>
    }
}

/// One activity as a card.
#[component]
fn ActivityItem(
    /// The activity to show.
    activity: LearningActivity,
    /// Without links, and with the evaluation in full (see [`ActivityCards`]).
    read_only: bool,
) -> impl IntoView {
    let when = match (activity.status, activity.start_date, activity.completed_on) {
        (ActivityStatus::Completed, _, Some(done)) => {
            Some(format!("Completed {}", long_date(done)))
        }
        (ActivityStatus::InProgress, Some(start), _) => {
            Some(format!("Started {}", long_date(start)))
        }
        (ActivityStatus::Planned, Some(start), _) => {
            Some(format!("Planned for {}", long_date(start)))
        }
        _ => None,
    };
    let hours = if activity.minutes > 0 {
        Some(hours_phrase(activity.minutes))
    } else {
        activity
            .hours_missing()
            .then(|| "hours not known".to_owned())
    };
    let details: Vec<String> = [
        Some(activity.provider.clone()).filter(|p| !p.is_empty()),
        when,
        hours,
    ]
    .into_iter()
    .flatten()
    .collect();
    let evidence =
        (!activity.evidence.is_empty()).then(|| format!("Evidence: {}", activity.evidence));
    let evaluation = activity.evaluation.clone().map(|e| {
        if read_only {
            view! { <EvaluationInFull evaluation=e/> }.into_any()
        } else {
            let rating = format!("You rated it {} out of 5", e.rating);
            view! { <p class="activity__rating">{rating}</p> }.into_any()
        }
    });
    let needs_evaluation =
        activity.status == ActivityStatus::Completed && activity.evaluation.is_none();
    let status_class = match activity.status {
        ActivityStatus::Planned => "tag tag--planned",
        ActivityStatus::InProgress => "tag tag--progress",
        ActivityStatus::Completed => "tag tag--done",
    };
    let id = activity.id;
    let title = activity.title.clone();
    view! {
        <li class="activity">
            <h3 class="activity__title">{whole_words(&activity.title)}</h3>
            <p class="activity__meta">
                <span class=status_class>{activity.status.label()}</span>
                " "
                {details.join(" · ")}
            </p>
            {evidence.map(|e| view! { <p class="activity__evidence">{e}</p> })}
            {evaluation}
            {(!read_only).then(|| view! {
            <p class="activity__actions">
                <a href=format!("/learning/activity/{id}")>
                    "Change" <span class="visually-hidden">{format!(" {title}")}</span>
                </a>
                {needs_evaluation.then(|| view! {
                    <a href=format!("/learning/activity/{id}/evaluate")>
                        "Evaluate" <span class="visually-hidden">{format!(" {}", activity.title)}</span>
                    </a>
                })}
            </p>
            })}
        </li>
    }
}

/// An evaluation as another reader sees it: every answer the councillor gave.
#[component]
fn EvaluationInFull(evaluation: Evaluation) -> impl IntoView {
    let scores = format!(
        "Evaluation: rated {} out of 5; useful for their role, {} out of 5; {}.",
        evaluation.rating,
        evaluation.usefulness,
        if evaluation.would_recommend {
            "would recommend it"
        } else {
            "would not recommend it"
        }
    );
    let said = |label: &str, text: &str| {
        (!text.trim().is_empty()).then(|| {
            view! { <p class="activity__said doc-text">{format!("{label}: {}", text.trim())}</p> }
        })
    };
    view! {
        <p class="activity__rating">{scores}</p>
        {said("What they would do differently", &evaluation.do_differently)}
        {said("Comments", &evaluation.comments)}
    }
}
