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

/// Lists a form's problems. Give it a `node_ref` to move focus to it after a submit.
#[component]
pub fn ErrorSummary(
    /// The problems to list, in the order of the form.
    #[prop(into)]
    problems: Signal<Vec<FieldProblem>>,
    /// Lets the form move focus here when a submit fails.
    node_ref: NodeRef<Div>,
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
                                    focus_field(&id);
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
fn focus_field(id: &str) {
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
