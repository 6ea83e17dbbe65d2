//! The short evaluation a councillor gives after completing an activity.

use crate::ui::router::{use_navigate, use_params, use_query};
use chrono::Utc;
use leptos::prelude::*;

use crate::ui::components::whole_words;
use crate::ui::components::{
    FieldProblem, FormCheck, FormErrors, RadioGroup, RadioList, TextArea, scale,
};
use crate::ui::drafts::{forget_draft, use_draft};
use crate::ui::pages::NotFound;
use crate::ui::pages::activity::routed_activity;
use crate::ui::{set_page_title, use_member};
use mdr_domain::model::LearningActivity;
use mdr_domain::model::learning::{EvaluationDraft, MAX_EVALUATION_TEXT};

/// The evaluation page for one activity (`/learning/activity/:id/evaluate`).
#[component]
pub fn EvaluatePage() -> impl IntoView {
    let params = use_params();
    let query = use_query();
    // Come straight from logging it: say first that it is saved, so the evaluation reads
    // as the optional step it is.
    let just_saved = query.with_untracked(|q| q.get("saved").is_some());
    move || match routed_activity(params) {
        None => NotFound().into_any(),
        Some(activity) => {
            set_page_title(&format!("Evaluate {}", activity.title));
            let saved = just_saved
                .then(|| format!("Saved: {} is in your learning record.", activity.title));
            view! {
                {saved.map(|s| view! { <p class="notice notice--success" role="status">{s}</p> })}
                <span class="caption">"How did it go?"</span>
                <h1>{whole_words(&activity.title)}</h1>
                <p class="lead">
                    "Your answers help you and your council see which training is worth it. "
                    "They take a minute."
                </p>
                <EvaluationForm activity=activity/>
            }
            .into_any()
        }
    }
}

#[component]
fn EvaluationForm(
    /// The completed activity being evaluated.
    activity: LearningActivity,
) -> impl IntoView {
    let member = use_member();
    let navigate = use_navigate();
    let id = activity.id;
    let draft_name = format!("evaluation-{id}");
    let existing = activity.evaluation.clone();
    let draft = use_draft(draft_name.clone(), move || {
        existing
            .as_ref()
            .map(EvaluationDraft::from_evaluation)
            .unwrap_or_default()
    });
    let check = FormCheck::new(move || {
        draft.with(|d| match d.finish() {
            Ok(_) => Vec::new(),
            Err(problems) => problems
                .into_iter()
                .map(|p| FieldProblem::new(p.field_id(), p))
                .collect(),
        })
    });
    let error_for = move |field| check.error_for(field);
    let number = |value: Option<u8>| value.map(|v| v.to_string());

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !check.passes() {
            return;
        }
        let Ok(evaluation) = draft.with_untracked(EvaluationDraft::finish) else {
            return;
        };
        member.edit(|r| {
            if let Some(mut activity) = r.activity(id).cloned() {
                activity.evaluation = Some(evaluation);
                activity.updated_at = Utc::now();
                r.put_activity(activity);
            }
        });
        member.save_now();
        forget_draft(&draft_name);
        navigate(&format!("/learning?saved={id}"));
    };

    view! {
        <form class="form" novalidate on:submit=save>
            <FormErrors check=check/>
            <RadioList
                legend="How would you rate it overall?"
                id="rating"
                hint="1 star is poor, 5 stars is excellent"
                options=(1..=5).map(|n| (n.to_string(), if n == 1 { "1 star".to_owned() } else { format!("{n} stars") })).collect()
                inline=true
                selected=Signal::derive(move || draft.with(|d| number(d.rating)))
                on_change=Callback::new(move |v: String| draft.update(|d| d.rating = v.parse().ok()))
                error=error_for("rating")
            />
            <RadioList
                legend="How useful was it for your role?"
                id="usefulness"
                options=scale("not useful", "very useful")
                inline=true
                selected=Signal::derive(move || draft.with(|d| number(d.usefulness)))
                on_change=Callback::new(move |v: String| draft.update(|d| d.usefulness = v.parse().ok()))
                error=error_for("usefulness")
            />
            <TextArea
                label="What will you do differently as a result? (optional)"
                id="do-differently"
                limit=MAX_EVALUATION_TEXT
                value=Signal::derive(move || draft.with(|d| d.do_differently.clone()))
                on_input=Callback::new(move |v| draft.update(|d| d.do_differently = v))
                error=error_for("do-differently")
            />
            <RadioGroup
                legend="Would you recommend it to other councillors?"
                id="would-recommend"
                inline=true
                selected=Signal::derive(move || draft.with(|d| d.would_recommend))
                on_change=Callback::new(move |yes: bool| draft.update(|d| d.would_recommend = Some(yes)))
                error=error_for("would-recommend")
            />
            <TextArea
                label="Any other comments (optional)"
                id="comments"
                limit=MAX_EVALUATION_TEXT
                value=Signal::derive(move || draft.with(|d| d.comments.clone()))
                on_input=Callback::new(move |v| draft.update(|d| d.comments = v))
            />
            <div class="form__actions button-group">
                <button type="submit" class="button">"Save evaluation"</button>
                <a href="/learning" class="button-link">"Not now"</a>
            </div>
        </form>
    }
}
