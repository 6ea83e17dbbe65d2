//! The councillor's own activities: what they are doing, plan to do, and have done.

use leptos::prelude::*;

use crate::model::dates::long_date;
use crate::model::learning::hours_phrase;
use crate::model::{ActivityStatus, LearningActivity};
use crate::ui::components::whole_words;
use crate::ui::use_member;

/// In progress first, then planned, then completed with the most recent first.
fn in_reading_order(mut activities: Vec<LearningActivity>) -> Vec<LearningActivity> {
    activities.sort_by(|a, b| {
        let rank = |s: ActivityStatus| match s {
            ActivityStatus::InProgress => 0,
            ActivityStatus::Planned => 1,
            ActivityStatus::Completed => 2,
        };
        rank(a.status)
            .cmp(&rank(b.status))
            .then(b.completed_on.cmp(&a.completed_on))
            .then(a.start_date.cmp(&b.start_date))
            .then(a.title.cmp(&b.title))
    });
    activities
}

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
            <ul class="activity-list">
                <For each=move || activities.get() key=|a| (a.id, a.updated_at) let:activity>
                    <ActivityItem activity=activity/>
                </For>
            </ul>
        </Show>
    }
}

/// One activity as a card.
#[component]
fn ActivityItem(
    /// The activity to show.
    activity: LearningActivity,
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
    let hours = (activity.minutes > 0).then(|| hours_phrase(activity.minutes));
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
    let rating = activity
        .evaluation
        .as_ref()
        .map(|e| format!("You rated it {} out of 5", e.rating));
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
            {rating.map(|r| view! { <p class="activity__rating">{r}</p> })}
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
        </li>
    }
}
