//! Form fields in the GOV.UK pattern: a visible label, an optional hint, and an error
//! message tied to the input so a screen reader reads all three.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::MemberContext;
use crate::ui::drafts::{keep_part_typed_date, part_typed_date};
use mdr_domain::model::dates::{DateEntry, date_parts};
use mdr_domain::model::text::{CharacterCount, limit_hint};
use mdr_domain::model::vocabulary::Vocabulary;
use mdr_domain::store::RecordReader;

/// The ids a field's `aria-describedby` names: its hint, and its error while there is one.
fn described_by(
    id: &str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + use<> {
    let hint_id = has_hint.then(|| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    move || {
        let error_id = error.with(Option::is_some).then(|| error_id.clone());
        let ids: Vec<String> = hint_id.iter().cloned().chain(error_id).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A box's `aria-describedby`, with its character count added while `counted()` says so.
fn and_count(
    described: impl Fn() -> Option<String> + Send + Sync + 'static,
    count_id: String,
    counted: impl Fn() -> bool + Send + Sync + 'static,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let ids: Vec<String> = described()
            .into_iter()
            .chain(counted().then(|| count_id.clone()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// What a box with a limit says under it: the limit while far from it (a text box only;
/// a line says nothing then), what is left near it, and, as an error, how many characters
/// too many past it. The box itself never cuts what was typed or pasted.
#[component]
fn CharacterCountMessage(
    id: String,
    limit: usize,
    value: Signal<String>,
    /// Whether to state the limit while the text is far from it.
    always: bool,
) -> impl IntoView {
    let count = Memo::new(move |_| value.with(|v| CharacterCount::of(v, limit)));
    view! {
        <p
            class="field__count"
            class:field__count--over=move || count.get().is_too_many()
            id=id
            aria-live="polite"
        >
            {move || match count.get() {
                CharacterCount::Plenty if always => limit_hint(limit),
                count => count.to_string(),
            }}
        </p>
    }
}

/// The id of a box's character count, named by its `aria-describedby`.
fn count_id(id: &str) -> String {
    format!("{id}-count")
}

/// A field's hint, if it has one.
fn hint_view(id: &str, hint: Option<String>) -> impl IntoView + use<> {
    hint.map(|hint| view! { <p class="field__hint" id=format!("{id}-hint")>{hint}</p> })
}

/// The frame every single field shares: its label, hint and error message above the
/// control, and the error's red bar beside it.
#[component]
fn LabelledField(
    label: String,
    id: String,
    hint: Option<String>,
    error: Signal<Option<String>>,
    /// Whether the text is past its limit, which marks the field as needing a fix too.
    #[prop(optional, into)]
    too_long: Signal<bool>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field" class:field--error=move || error.with(Option::is_some) || too_long.get()>
            <label class="field__label" for=id.clone()>{label}</label>
            {hint_view(&id, hint)}
            <FieldError id=format!("{id}-error") error=error/>
            {children()}
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

/// A passphrase: hidden as it is typed. `new` marks one being chosen, so a password
/// manager may offer to keep it; otherwise the browser does not fill it in.
#[component]
pub fn PassphraseField(
    /// The visible label, which is also the input's accessible name.
    #[prop(into)]
    label: String,
    /// The input's id.
    #[prop(into)]
    id: String,
    /// Guidance shown under the label.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// Whether the passphrase is being chosen rather than entered.
    #[prop(optional)]
    new: bool,
    /// The passphrase as typed.
    value: RwSignal<String>,
    /// The message to show when the passphrase needs fixing.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <TextField
            label=label
            id=id
            hint=hint
            input_type="password"
            autocomplete=if new { "new-password" } else { "off" }
            value=value
            on_input=move |v| value.set(v)
            error=error
        />
    }
}

/// A labelled single-line text input.
#[component]
pub fn TextField(
    /// The visible label, which is also the input's accessible name.
    #[prop(into)]
    label: String,
    /// The input's id, which error summaries link to.
    #[prop(into)]
    id: String,
    /// Guidance shown under the label.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The browser's autofill hint, e.g. `name`.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The on-screen keyboard to offer, e.g. `decimal`.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The most characters the field is for; past it the field says how many too many.
    #[prop(default = mdr_domain::model::text::SHORT_TEXT)]
    limit: usize,
    /// `text`, or `password` for a passphrase.
    #[prop(default = "text")]
    input_type: &'static str,
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
    let hint = hint.get_untracked();
    let too_long = Signal::derive(move || value.with(|v| !mdr_domain::model::text::fits(v, limit)));
    let described = and_count(
        described_by(&id, hint.is_some(), error),
        count_id(&id),
        move || too_long.get(),
    );
    view! {
        <LabelledField label=label id=id.clone() hint=hint error=error too_long=too_long>
            <input
                class="field__input"
                type=input_type
                id=id.clone()
                name=id.clone()
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                aria-describedby=described
                aria-invalid=move || (error.with(Option::is_some) || too_long.get()).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            <CharacterCountMessage id=count_id(&id) limit=limit value=value always=false/>
        </LabelledField>
    }
}

/// A labelled multi-line text box.
#[component]
pub fn TextArea(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The textarea's id.
    #[prop(into)]
    id: String,
    /// Guidance shown under the label.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
    /// The most characters the box is for, stated under it; past it the box says how
    /// many too many, and keeps them.
    #[prop(default = mdr_domain::model::text::LONG_TEXT)]
    limit: usize,
    /// The message to show when the text needs fixing.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint = hint.get_untracked();
    let too_long = Signal::derive(move || value.with(|v| !mdr_domain::model::text::fits(v, limit)));
    let described = and_count(
        described_by(&id, hint.is_some(), error),
        count_id(&id),
        || true,
    );
    view! {
        <LabelledField label=label id=id.clone() hint=hint error=error too_long=too_long>
            <textarea
                class="field__textarea"
                id=id.clone()
                rows="4"
                aria-describedby=described
                aria-invalid=move || (error.with(Option::is_some) || too_long.get()).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
            <CharacterCountMessage id=count_id(&id) limit=limit value=value always=true/>
        </LabelledField>
    }
}

/// A date as three boxes, Day, Month and Year, under one question (the GOV.UK pattern):
/// the same order in every browser, whatever its language, and easy to type on a tablet.
#[component]
pub fn DateField(
    /// The question, read out as the group's name.
    #[prop(into)]
    label: String,
    /// The group's id, which error summaries link to; the boxes add `-day`, `-month`, `-year`.
    #[prop(into)]
    id: String,
    /// Guidance shown under the question; an example date is added.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The current date, if one is set.
    #[prop(into)]
    value: Signal<Option<NaiveDate>>,
    /// Called with the date once the boxes make one, or `None` while they do not.
    #[prop(into)]
    on_change: Callback<Option<NaiveDate>>,
    /// The message to show when the date needs fixing.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    // Boxes left part-typed before a reload come back; a date set since then wins.
    let parts = RwSignal::new(match value.get_untracked() {
        Some(date) => date_parts(date),
        None => part_typed_date(&id).unwrap_or_default(),
    });
    // A date set from elsewhere (a restored draft, a plan copied forward) shows in the boxes;
    // what the person is part-way through typing is left alone.
    Effect::new(move |_| {
        let outside = value.get();
        let typed = parts.with_untracked(|[d, m, y]| DateEntry::from_parts(d, m, y));
        match outside {
            Some(date) if typed.date() != Some(date) => parts.set(date_parts(date)),
            None if typed.date().is_some() => parts.set(Default::default()),
            _ => {}
        }
    });
    let not_a_date =
        move || parts.with(|[d, m, y]| DateEntry::from_parts(d, m, y)) == DateEntry::NotADate;
    let shown_error = Signal::derive(move || {
        error
            .get()
            .or_else(|| not_a_date().then(|| "Enter a real date, for example 27 3 2026".to_owned()))
    });
    let hint = hint.get_untracked().map_or_else(
        || "For example, 27 3 2026".to_owned(),
        |h| format!("{h}. For example, 27 3 2026"),
    );
    let described = described_by(&id, true, shown_error);
    let field = StoredValue::new(id.clone());
    let input = move |part: usize, ev: leptos::ev::Event| {
        parts.update(|p| p[part] = event_target_value(&ev));
        let entry = parts.with_untracked(|[d, m, y]| DateEntry::from_parts(d, m, y));
        parts.with_untracked(|boxes| {
            let part_typed = matches!(entry, DateEntry::Incomplete | DateEntry::NotADate);
            field.with_value(|id| keep_part_typed_date(id, part_typed.then_some(boxes)));
        });
        on_change.run(entry.date());
    };
    let boxes = [
        ("Day", "day", 2),
        ("Month", "month", 2),
        ("Year", "year", 4),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (name, suffix, width))| {
        let box_id = format!("{id}-{suffix}");
        view! {
            <div class="date-input__item">
                <label class="date-input__label" for=box_id.clone()>{name}</label>
                <input
                    class=format!("field__input date-input__input date-input__input--{width}")
                    type="text"
                    inputmode="numeric"
                    id=box_id.clone()
                    name=box_id
                    maxlength=width
                    autocomplete="off"
                    aria-invalid=move || shown_error.with(Option::is_some).then_some("true")
                    prop:value=move || parts.with(|p| p[i].clone())
                    on:input=move |ev| input(i, ev)
                />
            </div>
        }
    })
    .collect_view();
    view! {
        <fieldset
            class="field fieldset"
            id=id.clone()
            role="group"
            class:field--error=move || shown_error.with(Option::is_some)
            aria-describedby=described
        >
            <legend class="field__label">{label}</legend>
            {hint_view(&id, Some(hint))}
            <FieldError id=format!("{id}-error") error=shown_error/>
            <div class="date-input">{boxes}</div>
        </fieldset>
    }
}

/// The frame shared by radio and checkbox groups: a fieldset whose legend is the question.
#[component]
fn ChoiceGroup(
    legend: String,
    id: String,
    hint: Option<String>,
    error: Signal<Option<String>>,
    inline: bool,
    children: Children,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error);
    view! {
        <fieldset
            class="field fieldset"
            id=id.clone()
            class:field--error=move || error.with(Option::is_some)
            aria-describedby=described
        >
            <legend class="field__label">{legend}</legend>
            {hint_view(&id, hint)}
            <FieldError id=format!("{id}-error") error=error/>
            <div class="choices" class:choices--inline=inline>{children()}</div>
        </fieldset>
    }
}

/// The inputs of a radio or checkbox group, each with its label.
fn choice_inputs(
    kind: &'static str,
    name: &str,
    options: Vec<(String, String)>,
    is_checked: impl Fn(&str) -> bool + Clone + Send + Sync + 'static,
    on_change: impl Fn(String, bool) + Clone + Send + Sync + 'static,
) -> AnyView {
    options
        .into_iter()
        .map(|(value, label)| {
            let input_id = format!("{name}-{value}");
            let checked = value.clone();
            let is_checked = is_checked.clone();
            let on_change = on_change.clone();
            view! {
                <div class="choice">
                    <input
                        class="choice__input"
                        type=kind
                        id=input_id.clone()
                        name=name.to_owned()
                        value=value.clone()
                        prop:checked=move || is_checked(&checked)
                        on:change=move |ev| on_change(value.clone(), event_target_checked(&ev))
                    />
                    <label class="choice__label" for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view()
        .into_any()
}

/// A group of radio buttons for options known only as the app runs (a survey's, a scale's
/// numbers): one answer from a few, each with a visible label.
#[component]
pub fn RadioList(
    /// The question, read as the group's name.
    #[prop(into)]
    legend: String,
    /// The group's id; each option's id is this plus its value.
    #[prop(into)]
    id: String,
    /// Guidance shown under the question.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
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
    let choices = choice_inputs(
        "radio",
        &id,
        options,
        move |value| selected.with(|s| s.as_deref() == Some(value)),
        move |value, _| on_change.run(value),
    );
    view! {
        <ChoiceGroup legend=legend id=id hint=hint.get_untracked() error=error inline=inline>
            {choices}
        </ChoiceGroup>
    }
}

/// A group of checkboxes for options known only as the app runs (a survey's, the pack's
/// roles): any number of answers from a list.
#[component]
pub fn CheckboxList(
    /// The question, read as the group's name.
    #[prop(into)]
    legend: String,
    /// The group's id; each option's id is this plus its value.
    #[prop(into)]
    id: String,
    /// Guidance shown under the question.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The choices, as (value, label) pairs.
    options: Vec<(String, String)>,
    /// The values ticked.
    #[prop(into)]
    selected: Signal<BTreeSet<String>>,
    /// Called with a value and whether it is now ticked.
    #[prop(into)]
    on_toggle: Callback<(String, bool)>,
    /// The message to show when the answer needs fixing.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let choices = choice_inputs(
        "checkbox",
        &id,
        options,
        move |value| selected.with(|s| s.contains(value)),
        move |value, ticked| on_toggle.run((value, ticked)),
    );
    view! {
        <ChoiceGroup legend=legend id=id hint=hint.get_untracked() error=error inline=false>
            {choices}
        </ChoiceGroup>
    }
}

/// A vocabulary's choices as a list's (value, label) pairs.
fn vocabulary_options(choices: Vec<(&'static str, &'static str)>) -> Vec<(String, String)> {
    choices
        .into_iter()
        .map(|(id, label)| (id.to_owned(), label.to_owned()))
        .collect()
}

/// Radio buttons for one value of a [`Vocabulary`]: its ids and labels come from the
/// domain. Only the conversions are per type; the group itself is one [`RadioList`].
#[component]
pub fn RadioGroup<T: Vocabulary>(
    /// The question, read as the group's name.
    #[prop(into)]
    legend: String,
    /// The group's id; each option's id is this plus the value's id.
    #[prop(into)]
    id: String,
    /// Guidance shown under the question.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// Lays the choices out side by side, for short labels.
    #[prop(optional)]
    inline: bool,
    /// The chosen value, if any.
    #[prop(into)]
    selected: Signal<Option<T>>,
    /// Called with the value chosen.
    #[prop(into)]
    on_change: Callback<T>,
    /// The message to show when the answer needs fixing.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let selected = Signal::derive(move || selected.get().map(|v| v.id().to_owned()));
    let on_change = Callback::new(move |id: String| {
        if let Some(value) = T::from_id(&id) {
            on_change.run(value);
        }
    });
    view! {
        <RadioList
            legend=legend id=id hint=hint inline=inline error=error
            options=vocabulary_options(T::choices()) selected=selected on_change=on_change
        />
    }
}

/// Checkboxes for any number of a [`Vocabulary`]'s values: its ids and labels come from
/// the domain. Only the conversions are per type; the group itself is one [`CheckboxList`].
#[component]
pub fn CheckboxGroup<T: Vocabulary + Ord>(
    /// The question, read as the group's name.
    #[prop(into)]
    legend: String,
    /// The group's id; each option's id is this plus the value's id.
    #[prop(into)]
    id: String,
    /// Guidance shown under the question.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The values ticked.
    #[prop(into)]
    selected: Signal<BTreeSet<T>>,
    /// Called with a value and whether it is now ticked.
    #[prop(into)]
    on_toggle: Callback<(T, bool)>,
    /// The message to show when the answer needs fixing.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let selected =
        Signal::derive(move || selected.with(|s| s.iter().map(|v| v.id().to_owned()).collect()));
    let on_toggle = Callback::new(move |(id, ticked): (String, bool)| {
        if let Some(value) = T::from_id(&id) {
            on_toggle.run((value, ticked));
        }
    });
    view! {
        <CheckboxList
            legend=legend id=id hint=hint error=error
            options=vocabulary_options(T::choices()) selected=selected on_toggle=on_toggle
        />
    }
}

/// Reads the files chosen in one [`FileField`] with the context's reader
/// ([`mdr_domain::store::RecordReader`]), fetched if this device has not got it yet. A file
/// chosen since puts aside one still waiting; if the reader cannot be fetched, the field
/// says so and nothing changes.
#[derive(Clone, Copy)]
pub struct ReadChosenFile {
    member: MemberContext,
    problem: RwSignal<Option<String>>,
    /// While a chosen file waits for the reader.
    pub reading: RwSignal<bool>,
    choice: StoredValue<u32>,
    /// What the reader would read, for the message when it cannot: "backup files".
    kind: &'static str,
}

impl ReadChosenFile {
    pub fn new(
        member: MemberContext,
        problem: RwSignal<Option<String>>,
        kind: &'static str,
    ) -> Self {
        Self {
            member,
            problem,
            reading: RwSignal::new(false),
            choice: StoredValue::new(0),
            kind,
        }
    }

    /// A file was chosen: one still waiting for the reader is put aside.
    pub fn chosen(&self) {
        self.choice.update_value(|n| *n += 1);
        self.reading.set(false);
    }

    /// What [`FileField`] read, handed to `then` with the reader, the file's name and
    /// its bytes; a file that could not be read is refused in the field.
    pub fn read(
        &self,
        (file_name, text): (String, Result<Vec<u8>, String>),
        then: impl FnOnce(RecordReader, String, Vec<u8>) + 'static,
    ) {
        let text = match text {
            Ok(text) => text,
            Err(message) => return self.problem.set(Some(message)),
        };
        let this = *self;
        let choice = self.choice.get_value();
        self.reading.set(true);
        leptos::task::spawn_local(async move {
            let reader = this.member.reader().await;
            if this.choice.get_value() != choice {
                return;
            }
            this.reading.set(false);
            match reader {
                Some(reader) => then(reader, file_name, text),
                None => this.problem.set(Some(format!(
                    "“{file_name}” cannot be read yet, because the part of the app that reads {} has not been downloaded to this device. Nothing has changed. Connect to the internet, then choose the file again.",
                    this.kind
                ))),
            }
        });
    }
}

/// A labelled file picker that reads the chosen file as text. Choosing clears the input, so
/// the same file can be chosen again after a fix.
#[component]
pub fn FileField(
    /// The visible label, which is also the input's accessible name.
    #[prop(into)]
    label: String,
    /// The input's id.
    #[prop(into)]
    id: String,
    /// Guidance shown under the label.
    #[prop(into)]
    hint: String,
    /// Why the last file was refused, while that is shown.
    #[prop(into)]
    problem: Signal<Option<String>>,
    /// Called when a file is chosen, before it is read.
    #[prop(into)]
    on_choose: Callback<()>,
    /// Called with the file's name and its bytes, or a message if it could not be read.
    #[prop(into)]
    on_read: Callback<(String, Result<Vec<u8>, String>)>,
) -> impl IntoView {
    let described = described_by(&id, true, problem);
    let error_id = format!("{id}-error");
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        on_choose.run(());
        leptos::task::spawn_local(async move {
            let name = file.name();
            let text = crate::ui::files::read_bytes(&file).await.map_err(|_| {
                format!("“{name}” could not be read. Check the file is still there and try again.")
            });
            on_read.run((name, text));
        });
    };
    view! {
        <div class="field" class:field--error=move || problem.with(Option::is_some)>
            <label class="field__label" for=id.clone()>{label}</label>
            <p class="field__hint" id=format!("{id}-hint")>{hint}</p>
            <Show when=move || problem.with(Option::is_some)>
                <p class="field__error" id=error_id.clone() role="alert">
                    <span class="visually-hidden">"Error: "</span>
                    {move || problem.get()}
                </p>
            </Show>
            <input
                class="field__file"
                type="file"
                id=id.clone()
                accept=".json,application/json"
                aria-describedby=described
                on:change=choose
            />
        </div>
    }
}
