//! Logging an activity: a catalogue course, something not in the catalogue, or a change to
//! one already logged. The form works on a draft, so nothing typed is lost before saving.

use crate::ui::router::Params;
use crate::ui::router::{use_navigate, use_params};
use chrono::{Local, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ui::components::whole_words;
use crate::ui::components::{
    DateField, FieldProblem, FormCheck, FormErrors, RadioGroup, TextField,
};
use crate::ui::drafts::{forget_draft, use_draft};
use crate::ui::pages::NotFound;
use crate::ui::{set_page_title, use_member};
use mdr_domain::model::learning::{format_hours, parse_hours};
use mdr_domain::model::{ActivityStatus, LearningActivity};

/// The form's working copy: the activity, with hours as typed.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct ActivityDraft {
    activity: LearningActivity,
    hours: String,
}

/// Logs a course from the catalogue (`/learning/log/:course`).
#[component]
pub fn LogCoursePage() -> impl IntoView {
    let member = use_member();
    let params = use_params();
    move || {
        let course_id = params.with(|p| p.get("course").unwrap_or_default());
        let course = member
            .catalogue
            .with(|c| c.iter().find(|c| c.id == course_id).cloned());
        match course {
            None => NotFound().into_any(),
            Some(course) => {
                set_page_title(&format!("Log {}", course.title));
                let heading = course.title.clone();
                let initial = LearningActivity::for_course(Uuid::new_v4(), &course, Utc::now());
                view! {
                    <span class="caption">"Log training"</span>
                    <h1>{whole_words(&heading)}</h1>
                    <p class="lead">{course.summary.clone()}</p>
                    <ActivityForm draft_name=format!("log-{}", course.id) initial=initial is_new=true/>
                }
                .into_any()
            }
        }
    }
}

/// Adds training that is not in the catalogue (`/learning/add`).
#[component]
pub fn AddActivityPage() -> impl IntoView {
    set_page_title("Add training that is not in the catalogue");
    let initial = LearningActivity::own(Uuid::new_v4(), Utc::now());
    view! {
        <h1>"Add training that is not in the catalogue"</h1>
        <p class="lead">"For example a conference, a webinar, or a course you found yourself."</p>
        <ActivityForm draft_name="add".to_owned() initial=initial is_new=true/>
    }
}

/// Changes or deletes an activity already logged (`/learning/activity/:id`).
#[component]
pub fn EditActivityPage() -> impl IntoView {
    let params = use_params();
    move || match routed_activity(params) {
        None => NotFound().into_any(),
        Some(activity) => {
            set_page_title(&format!("Change {}", activity.title));
            view! {
                    <span class="caption">"Change training"</span>
                    <h1>{whole_words(&activity.title)}</h1>
                    <ActivityForm draft_name=format!("activity-{}", activity.id) initial=activity is_new=false/>
                }
                .into_any()
        }
    }
}

/// The activity the route's `:id` names, if it exists and is not deleted. The record is
/// read untracked, so that saving does not rebuild the page under the councillor.
pub(super) fn routed_activity(params: Memo<Params>) -> Option<LearningActivity> {
    let id = params.with(|p| p.get("id").and_then(|id| id.parse::<Uuid>().ok()))?;
    use_member().record.with_untracked(|r| {
        r.as_ref()?
            .activity(id)
            .filter(|a| !a.is_deleted())
            .cloned()
    })
}

/// The activity form itself.
#[component]
fn ActivityForm(
    /// Where the draft is kept.
    draft_name: String,
    /// The activity as it starts.
    initial: LearningActivity,
    /// Whether this logs a new activity (otherwise it changes one).
    is_new: bool,
) -> impl IntoView {
    let member = use_member();
    let navigate = use_navigate();
    let today = Local::now().date_naive();
    let own = initial.course_id.is_none();
    let draft = use_draft(draft_name.clone(), move || ActivityDraft {
        hours: if initial.minutes == 0 {
            String::new()
        } else {
            format_hours(initial.minutes)
        },
        activity: initial,
    });
    let check = FormCheck::new(move || {
        draft.with(|d| {
            let mut typed = d.activity.clone();
            typed.minutes = parse_hours(&d.hours).unwrap_or(0);
            let mut problems: Vec<FieldProblem> = typed
                .problems(today)
                .into_iter()
                .filter(|p| own || p.field_id() != "activity-title")
                .map(|p| FieldProblem::new(p.field_id(), p))
                .collect();
            if parse_hours(&d.hours).is_none() {
                problems.retain(|p| p.field_id != "hours");
                problems.push(FieldProblem::new(
                    "hours",
                    "Enter hours as a number, for example 1.5",
                ));
            }
            problems
        })
    });
    let error_for = move |field| check.error_for(field);
    let change = move |edit: fn(&mut ActivityDraft, String)| {
        Callback::new(move |value: String| draft.update(|d| edit(d, value)))
    };

    let save = {
        let draft_name = draft_name.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if !check.passes() {
                return;
            }
            let mut activity = draft.with_untracked(|d| {
                let mut a = d.activity.clone();
                a.minutes = parse_hours(&d.hours).unwrap_or(0);
                // Hours given, or not finished yet: nothing is left unknown.
                a.hours_not_known &= a.minutes == 0 && a.status == ActivityStatus::Completed;
                a
            });
            if activity.status != ActivityStatus::Completed {
                activity.completed_on = None;
            }
            activity.updated_at = Utc::now();
            let id = activity.id;
            let evaluate =
                activity.status == ActivityStatus::Completed && activity.evaluation.is_none();
            member.edit(|r| r.put_activity(activity));
            member.save_now();
            forget_draft(&draft_name);
            if evaluate {
                navigate(&format!("/learning/activity/{id}/evaluate?saved=1"));
            } else {
                navigate(&format!("/learning?saved={id}"));
            }
        }
    };
    let cancel = {
        let draft_name = draft_name.clone();
        move |_| forget_draft(&draft_name)
    };
    let delete = move |_| {
        let id = draft.with_untracked(|d| d.activity.id);
        member.edit(|r| r.set_activity_deleted(id, true, Utc::now()));
        member.save_now();
        forget_draft(&draft_name);
        navigate(&format!("/learning?deleted={id}"));
    };

    view! {
        <form class="form" novalidate on:submit=save>
            <FormErrors check=check/>
            <Show when=move || own>
                <TextField
                    label="Name of the training"
                    id="activity-title"
                    value=Signal::derive(move || draft.with(|d| d.activity.title.clone()))
                    on_input=change(|d, v| d.activity.title = v)
                    error=error_for("activity-title")
                />
                <TextField
                    label="Provider (optional)"
                    id="provider"
                    hint="Who ran it, for example the LGA"
                    value=Signal::derive(move || draft.with(|d| d.activity.provider.clone()))
                    on_input=change(|d, v| d.activity.provider = v)
                />
            </Show>
            <RadioGroup
                legend="Where are you with it?"
                id="status"
                inline=true
                selected=Signal::derive(move || draft.with(|d| Some(d.activity.status)))
                on_change=Callback::new(move |status: ActivityStatus| draft.update(|d| d.activity.status = status))
            />
            <DateField
                label="Start date (optional)"
                id="start-date"
                hint="When it started, or when you plan to start"
                value=Signal::derive(move || draft.with(|d| d.activity.start_date))
                on_change=Callback::new(move |date| draft.update(|d| d.activity.start_date = date))
            />
            <Show when=move || draft.with(|d| d.activity.status == ActivityStatus::Completed)>
                <DateField
                    label="Date completed"
                    id="completed-on"
                    value=Signal::derive(move || draft.with(|d| d.activity.completed_on))
                    on_change=Callback::new(move |date| draft.update(|d| d.activity.completed_on = date))
                    error=error_for("completed-on")
                />
            </Show>
            <TextField
                label="Hours"
                id="hours"
                hint="Time spent, for example 1.5 for an hour and a half"
                inputmode="decimal"
                limit=8
                value=Signal::derive(move || draft.with(|d| d.hours.clone()))
                on_input=change(|d, v| d.hours = v)
                error=error_for("hours")
            />
            <Show when=move || draft.with(|d| d.activity.status == ActivityStatus::Completed)>
                <div class="choice">
                    <input
                        class="choice__input"
                        type="checkbox"
                        id="hours-not-known"
                        prop:checked=move || draft.with(|d| d.activity.hours_not_known)
                        on:change=move |ev| {
                            let ticked = event_target_checked(&ev);
                            draft.update(|d| d.activity.hours_not_known = ticked);
                        }
                    />
                    <label class="choice__label" for="hours-not-known">
                        "I do not know how long it took"
                    </label>
                </div>
            </Show>
            <TextField
                label="Evidence (optional)"
                id="evidence"
                hint="For example, a certificate number or reference"
                value=Signal::derive(move || draft.with(|d| d.activity.evidence.clone()))
                on_input=change(|d, v| d.activity.evidence = v)
            />
            <div class="form__actions button-group">
                <button type="submit" class="button">"Save activity"</button>
                <a href="/learning" on:click=cancel class="button-link">"Cancel"</a>
            </div>
            <Show when=move || !is_new>
                <div class="danger-zone">
                    <button type="button" class="button button--warning" on:click=delete.clone()>
                        "Delete this activity"
                    </button>
                    <p class="field__hint">"You can undo this straight afterwards."</p>
                </div>
            </Show>
        </form>
    }
}
