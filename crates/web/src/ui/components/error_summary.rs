//! The GOV.UK error summary: a box at the top of a form that lists each problem and links
//! to the field it belongs to.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One problem with a form, and the id of the field to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field_id: String,
    pub message: String,
}

impl FieldProblem {
    pub fn new(field_id: &str, message: impl std::fmt::Display) -> Self {
        Self {
            field_id: field_id.to_owned(),
            message: message.to_string(),
        }
    }
}

/// A form's checks: its problems, and whether to show them yet (not before the first
/// submit, as GOV.UK forms do).
#[derive(Clone, Copy)]
pub struct FormCheck {
    submitted: RwSignal<bool>,
    problems: Memo<Vec<FieldProblem>>,
    summary: NodeRef<Div>,
}

impl FormCheck {
    /// Checks a form with `problems`, which is re-run as the answers change.
    pub fn new(problems: impl Fn() -> Vec<FieldProblem> + Send + Sync + 'static) -> Self {
        Self {
            submitted: RwSignal::new(false),
            problems: Memo::new(move |_| problems()),
            summary: NodeRef::new(),
        }
    }

    /// The problems to show: none until the form has been submitted.
    pub fn shown(self) -> Signal<Vec<FieldProblem>> {
        Signal::derive(move || {
            if self.submitted.get() {
                self.problems.get()
            } else {
                Vec::new()
            }
        })
    }

    /// The message for one field, while it has a problem to show.
    pub fn error_for(self, field: &'static str) -> Signal<Option<String>> {
        self.error_for_owned(field.to_owned())
    }

    /// The message for one field given by an id made at run time.
    pub fn error_for_owned(self, field: String) -> Signal<Option<String>> {
        let shown = self.shown();
        Signal::derive(move || {
            shown.with(|all| {
                all.iter()
                    .find(|p| p.field_id == field)
                    .map(|p| p.message.clone())
            })
        })
    }

    /// Hides the problems again until the next submit: for a form shown afresh, such as
    /// the next section of a survey.
    pub fn reset(self) {
        self.submitted.set(false);
    }

    /// Called on submit: whether the form can be saved. If not, the summary is shown and
    /// focus moves to it, so a screen reader reads the problems out.
    pub fn passes(self) -> bool {
        self.submitted.set(true);
        if self.problems.with_untracked(Vec::is_empty) {
            return true;
        }
        let summary = self.summary;
        request_animation_frame(move || {
            if let Some(summary) = summary.get_untracked() {
                let _ = summary.focus();
            }
        });
        false
    }
}

/// A form's error summary, shown once the form has been submitted with problems.
#[component]
pub fn FormErrors(
    /// The form's checks.
    check: FormCheck,
    /// Follows a link to a field on another page of the form.
    #[prop(optional)]
    on_follow: Option<Callback<String>>,
) -> impl IntoView {
    let shown = check.shown();
    move || {
        (!shown.with(Vec::is_empty)).then(|| match on_follow {
            Some(follow) => {
                view! { <ErrorSummary problems=shown node_ref=check.summary on_follow=follow/> }
                    .into_any()
            }
            None => view! { <ErrorSummary problems=shown node_ref=check.summary/> }.into_any(),
        })
    }
}

/// Lists a form's problems. Give it a `node_ref` to move focus to it after a submit.
#[component]
pub fn ErrorSummary(
    /// The problems to list, in the order of the form.
    #[prop(into)]
    problems: Signal<Vec<FieldProblem>>,
    /// Lets the form move focus here when a submit fails.
    node_ref: NodeRef<Div>,
    /// Follows a link to a field not on this page (given the field's id); by default the
    /// link moves focus to the field on this page.
    #[prop(optional)]
    on_follow: Option<Callback<String>>,
) -> impl IntoView {
    view! {
        <div
            class="error-summary"
            role="alert"
            tabindex="-1"
            aria-labelledby="error-summary-title"
            node_ref=node_ref
        >
            <h2 id="error-summary-title" class="error-summary__title">"There is a problem"</h2>
            <ul class="error-summary__list">
                <For
                    each=move || problems.get()
                    key=|problem| problem.field_id.clone()
                    let:problem
                >
                    <li>
                        <a
                            href=format!("#{}", problem.field_id)
                            on:click={
                                let id = problem.field_id.clone();
                                move |ev| {
                                    ev.prevent_default();
                                    match on_follow {
                                        Some(follow) => follow.run(id.clone()),
                                        None => focus_field(&id),
                                    }
                                }
                            }
                        >
                            {problem.message}
                        </a>
                    </li>
                </For>
            </ul>
        </div>
    }
}

/// Moves focus to a field, or to the first input inside a group of fields.
pub fn focus_field(id: &str) {
    let document = document();
    let Some(target) = document.get_element_by_id(id) else {
        return;
    };
    let target = if target.tag_name().eq_ignore_ascii_case("fieldset") {
        target
            .query_selector("input")
            .ok()
            .flatten()
            .unwrap_or(target)
    } else {
        target
    };
    if let Ok(element) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
        element.scroll_into_view();
    }
}
