//! The app's own confirmation, for an action that removes something: a warning box that
//! says what will happen, takes focus so a screen reader reads it, and offers the action and
//! a way back. Used in place of the browser's pop-up, which cannot say enough and looks
//! like someone else's.

use leptos::html::Div;
use leptos::prelude::*;

/// Asks before an action that removes something.
#[component]
pub fn ConfirmPanel(
    /// The question, as the box's heading: "Reopen this plan?"
    #[prop(into)]
    title: String,
    /// The button that goes ahead, saying what it does: "Reopen and remove the sign-off".
    #[prop(into)]
    confirm_label: String,
    /// Called when the person goes ahead.
    on_confirm: Callback<()>,
    /// The way back: "Keep it signed off".
    #[prop(into)]
    cancel_label: String,
    /// Called when the person thinks better of it.
    on_cancel: Callback<()>,
    /// What will happen, in plain words.
    children: Children,
) -> impl IntoView {
    let panel = NodeRef::<Div>::new();
    request_animation_frame(move || {
        if let Some(panel) = panel.get_untracked() {
            let _ = panel.focus();
        }
    });
    let heading_id = format!(
        "confirm-{}",
        title
            .to_lowercase()
            .replace(|c: char| !c.is_alphanumeric(), "-")
    );
    let labelled_by = heading_id.clone();
    view! {
        <div class="confirm notice notice--warning" role="group" tabindex="-1" aria-labelledby=labelled_by node_ref=panel>
            <h3 class="confirm__title" id=heading_id>{title}</h3>
            {children()}
            <div class="button-group">
                <button type="button" class="button button--warning" on:click=move |_| on_confirm.run(())>{confirm_label}</button>
                <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>{cancel_label}</button>
            </div>
        </div>
    }
}
