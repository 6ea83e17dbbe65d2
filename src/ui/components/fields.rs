//! Form fields in the GOV.UK pattern: a visible label, an optional hint, and an error
//! message tied to the input so a screen reader reads all three.

use leptos::prelude::*;

/// A labelled single-line text input.
#[component]
pub fn TextField(
    /// The visible label, which is also the input's accessible name.
    label: &'static str,
    /// The input's id, which error summaries link to.
    id: &'static str,
    /// Guidance shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The browser's autofill hint, e.g. `name`.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new value on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
    /// The message to show when the value needs fixing.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field--error=move || error.with(Option::is_some)>
            <label class="field__label" for=id>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            <FieldError id=error_id.clone() error=error/>
            <input
                class="field__input"
                type="text"
                id=id
                name=id
                autocomplete=autocomplete
                spellcheck="false"
                aria-describedby=described_by
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </div>
    }
}

/// A field's error message, read out with the field by its `aria-describedby`.
#[component]
pub fn FieldError(
    /// The message's id, named by the field's `aria-describedby`.
    #[prop(into)]
    id: String,
    /// The message, while there is one.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! {
                <p class="field__error" id=id.clone()>
                    <span class="visually-hidden">"Error: "</span>
                    {message}
                </p>
            }
        })
    }
}
