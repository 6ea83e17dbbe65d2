//! Form fields in the GOV.UK pattern: a visible label, an optional hint, and an error
//! message tied to the input so a screen reader reads all three.

use chrono::NaiveDate;
use leptos::prelude::*;

/// The ids a field's `aria-describedby` names: its hint, and its error while there is one.
fn described_by(
    id: &'static str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if error.with(Option::is_some) {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

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
    /// The on-screen keyboard to offer, e.g. `decimal`.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The most characters the field takes.
    #[prop(default = 200)]
    maxlength: usize,
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
                inputmode=inputmode
                maxlength=maxlength
                spellcheck="false"
                aria-describedby=described_by(id, hint.is_some(), error)
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

/// A labelled date, written and read as `YYYY-MM-DD` by the browser's date input.
#[component]
pub fn DateField(
    /// The visible label.
    label: &'static str,
    /// The input's id.
    id: &'static str,
    /// Guidance shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The latest date allowed, if any.
    #[prop(optional)]
    max: Option<NaiveDate>,
    /// The current date, if one is set.
    #[prop(into)]
    value: Signal<Option<NaiveDate>>,
    /// Called with the new date, or `None` when cleared.
    #[prop(into)]
    on_change: Callback<Option<NaiveDate>>,
    /// The message to show when the date needs fixing.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="field" class:field--error=move || error.with(Option::is_some)>
            <label class="field__label" for=id>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=format!("{id}-hint")>{hint}</p> })}
            <FieldError id=format!("{id}-error") error=error/>
            <input
                class="field__input field__input--date"
                type="date"
                id=id
                max=max.map(|d| d.format("%Y-%m-%d").to_string())
                aria-describedby=described_by(id, hint.is_some(), error)
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                on:change=move |ev| {
                    on_change.run(NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok());
                }
            />
        </div>
    }
}

/// A group of radio buttons: one answer from a few, each with a visible label.
#[component]
pub fn RadioGroup(
    /// The question, read as the group's name.
    legend: &'static str,
    /// The group's id; each option's id is this plus its value.
    id: &'static str,
    /// Guidance shown under the question.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The choices, as (value, label) pairs.
    options: Vec<(String, String)>,
    /// Lays the choices out side by side, for short labels.
    #[prop(optional)]
    inline: bool,
    /// The chosen value, if any.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// Called with the value chosen.
    #[prop(into)]
    on_change: Callback<String>,
    /// The message to show when the answer needs fixing.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <fieldset
            class="field fieldset"
            id=id
            class:field--error=move || error.with(Option::is_some)
            aria-describedby=described_by(id, hint.is_some(), error)
        >
            <legend class="field__label">{legend}</legend>
            {hint.map(|hint| view! { <p class="field__hint" id=format!("{id}-hint")>{hint}</p> })}
            <FieldError id=format!("{id}-error") error=error/>
            <div class="radios" class:radios--inline=inline>
                {options
                    .into_iter()
                    .map(|(value, label)| {
                        let input_id = format!("{id}-{value}");
                        let checked_value = value.clone();
                        let change_value = value.clone();
                        view! {
                            <div class="radio">
                                <input
                                    class="radio__input"
                                    type="radio"
                                    id=input_id.clone()
                                    name=id
                                    value=value
                                    prop:checked=move || selected.with(|s| s.as_deref() == Some(checked_value.as_str()))
                                    on:change=move |_| on_change.run(change_value.clone())
                                />
                                <label class="radio__label" for=input_id>{label}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// A labelled multi-line text box.
#[component]
pub fn TextArea(
    /// The visible label.
    label: &'static str,
    /// The textarea's id.
    id: &'static str,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
    /// The most characters it takes.
    #[prop(default = 2000)]
    maxlength: usize,
    /// The message to show when the text needs fixing.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="field" class:field--error=move || error.with(Option::is_some)>
            <label class="field__label" for=id>{label}</label>
            <FieldError id=format!("{id}-error") error=error/>
            <textarea
                class="field__textarea"
                id=id
                rows="4"
                maxlength=maxlength
                aria-describedby=move || error.with(Option::is_some).then(|| format!("{id}-error"))
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
