//! How an action the person started is going, and how it ended, announced politely.

use leptos::prelude::*;

/// A live region showing what is under way (`doing`), then how it ended: a success, or
/// what went wrong and what to do.
#[component]
pub fn Outcome(
    #[prop(into)] doing: Signal<Option<String>>,
    #[prop(into)] outcome: Signal<Option<Result<String, String>>>,
) -> impl IntoView {
    view! {
        <div role="status" class="outcome">
            {move || doing.get().map(|doing| view! { <p>{doing}</p> })}
            {move || outcome.get().map(|outcome| match outcome {
                Ok(message) => view! { <p class="notice notice--success">{message}</p> }.into_any(),
                Err(message) => view! { <p class="notice notice--error">{message}</p> }.into_any(),
            })}
        </div>
    }
}
