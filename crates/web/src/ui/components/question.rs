//! One survey question as a form control, and an answer as text.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::{CheckboxList, RadioGroup, RadioList, TextArea, TextField};
use mdr_domain::model::survey::{Answer, Choice, NumberEntry, Question, QuestionKind};

/// The DOM id of a question's control, which error summaries link to.
pub fn question_dom_id(question: &str) -> String {
    format!("q-{question}")
}

fn choices(options: &[Choice]) -> Vec<(String, String)> {
    options
        .iter()
        .map(|c| (c.id.clone(), c.label.clone()))
        .collect()
}

/// The points of a 1 to 5 scale, with its ends labelled.
pub fn scale(low: &str, high: &str) -> Vec<(String, String)> {
    (1..=5u8)
        .map(|n| {
            let label = match n {
                1 => format!("1 – {low}"),
                5 => format!("5 – {high}"),
                n => n.to_string(),
            };
            (n.to_string(), label)
        })
        .collect()
}

/// A question to answer. Every change is passed on at once, to be saved as a draft.
#[component]
pub fn QuestionInput(
    /// The question.
    question: Question,
    /// The current answer, if any.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with the new answer, or `None` when cleared.
    #[prop(into)]
    on_answer: Callback<Option<Answer>>,
    /// The message to show when the answer needs fixing.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// What was typed into a number question's box that is not a number, kept apart
    /// from the answer so that it stays typed until it is put right.
    #[prop(into)]
    unparsed: Signal<Option<String>>,
    /// Called with what was typed that is not an answer, or `None` once it is one.
    #[prop(into)]
    on_unparsed: Callback<Option<String>>,
) -> impl IntoView {
    let id = question_dom_id(&question.id);
    let label = if question.required {
        question.text.clone()
    } else {
        format!("{} (optional)", question.text)
    };
    let hint = Some(question.hint.clone()).filter(|h| !h.is_empty());
    match question.kind {
        QuestionKind::Likert { low, high } => view! {
            <RadioList
                legend=label id=id hint=hint options=scale(&low, &high) inline=true error=error
                selected=Signal::derive(move || match answer.get() { Some(Answer::Scale(n)) => Some(n.to_string()), _ => None })
                on_change=Callback::new(move |v: String| on_answer.run(v.parse().ok().map(Answer::Scale)))
            />
        }
        .into_any(),
        QuestionKind::SingleChoice { options } => view! {
            <RadioList
                legend=label id=id hint=hint options=choices(&options) error=error
                selected=Signal::derive(move || match answer.get() { Some(Answer::Choice(c)) => Some(c), _ => None })
                on_change=Callback::new(move |v: String| on_answer.run(Some(Answer::Choice(v))))
            />
        }
        .into_any(),
        QuestionKind::MultipleChoice { options } => {
            let selected = Signal::derive(move || match answer.get() {
                Some(Answer::Choices(cs)) => cs,
                _ => BTreeSet::new(),
            });
            view! {
                <CheckboxList
                    legend=label id=id options=choices(&options) error=error
                    hint=hint.unwrap_or_else(|| "Select all that apply".to_owned())
                    selected=selected
                    on_toggle=Callback::new(move |(choice, ticked): (String, bool)| {
                        let mut chosen = selected.get_untracked();
                        if ticked { chosen.insert(choice); } else { chosen.remove(&choice); }
                        on_answer.run(Some(Answer::Choices(chosen)));
                    })
                />
            }
            .into_any()
        }
        QuestionKind::YesNo => view! {
            <RadioGroup
                legend=label id=id hint=hint inline=true error=error
                selected=Signal::derive(move || match answer.get() {
                    Some(Answer::YesNo(yes)) => Some(yes),
                    _ => None,
                })
                on_change=Callback::new(move |yes: bool| on_answer.run(Some(Answer::YesNo(yes))))
            />
        }
        .into_any(),
        QuestionKind::Number { min, max } => {
            // What was typed, kept even when it is not a number yet, so nothing is lost.
            let typed = RwSignal::new(unparsed.get_untracked().unwrap_or_else(|| {
                match answer.get_untracked() {
                    Some(Answer::Number(n)) => n.to_string(),
                    _ => String::new(),
                }
            }));
            let not_a_number = Signal::derive(move || {
                typed.with(|t| (NumberEntry::read(t) == NumberEntry::NotANumber).then(|| "Enter a whole number, for example 12".to_owned()))
            });
            let shown_error = Signal::derive(move || not_a_number.get().or_else(|| error.get()));
            view! {
                <TextField
                    label=label id=id inputmode="numeric" limit=12 error=shown_error
                    hint=hint.unwrap_or_else(|| format!("A whole number from {min} to {max}"))
                    value=typed
                    on_input=Callback::new(move |v: String| {
                        match NumberEntry::read(&v) {
                            NumberEntry::Empty => {
                                on_unparsed.run(None);
                                on_answer.run(None);
                            }
                            NumberEntry::Number(n) => {
                                on_unparsed.run(None);
                                on_answer.run(Some(Answer::Number(n)));
                            }
                            NumberEntry::NotANumber => {
                                on_unparsed.run(Some(v.clone()));
                                on_answer.run(None);
                            }
                        }
                        typed.set(v);
                    })
                />
            }
            .into_any()
        }
        QuestionKind::FreeText { max_chars } => view! {
            <TextArea
                label=label id=id error=error limit=max_chars as usize hint=hint
                value=Signal::derive(move || match answer.get() { Some(Answer::Text(t)) => t, _ => String::new() })
                on_input=Callback::new(move |v: String| on_answer.run(Some(Answer::Text(v))))
            />
        }
        .into_any(),
    }
}

/// An answer as a councillor reads it back.
pub fn answer_text(question: &Question, answer: Option<&Answer>) -> String {
    let label_of = |options: &[Choice], id: &str| {
        options
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_owned(), |c| c.label.clone())
    };
    match (&question.kind, answer) {
        (_, None) => "Not answered".to_owned(),
        (QuestionKind::Likert { low, high }, Some(Answer::Scale(n))) => match n {
            1 => format!("1 out of 5 ({low})"),
            5 => format!("5 out of 5 ({high})"),
            n => format!("{n} out of 5"),
        },
        (QuestionKind::SingleChoice { options }, Some(Answer::Choice(c))) => label_of(options, c),
        (QuestionKind::MultipleChoice { options }, Some(Answer::Choices(cs))) => cs
            .iter()
            .map(|c| label_of(options, c))
            .collect::<Vec<_>>()
            .join(", "),
        (_, Some(Answer::YesNo(true))) => "Yes".to_owned(),
        (_, Some(Answer::YesNo(false))) => "No".to_owned(),
        (_, Some(Answer::Number(n))) => n.to_string(),
        (_, Some(Answer::Text(t))) => t.clone(),
        (_, Some(Answer::Scale(n))) => n.to_string(),
        (_, Some(Answer::Choice(c))) => c.clone(),
        (_, Some(Answer::Choices(cs))) => cs.iter().cloned().collect::<Vec<_>>().join(", "),
    }
}
