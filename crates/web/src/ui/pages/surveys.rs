//! Surveys: the list of surveys with where the councillor stands in this round, and their
//! earlier responses.

use chrono::Local;
use leptos::prelude::*;

use crate::ui::components::whole_words;
use crate::ui::{set_page_title, use_member};
use mdr_domain::model::dates::long_date;
use mdr_domain::model::survey::{RoundState, SurveyRound, SurveyTemplate, response_in_round};

/// The Surveys page.
#[component]
pub fn SurveysPage() -> impl IntoView {
    set_page_title("Surveys");
    let member = use_member();
    let surveys = member.surveys();
    view! {
        <h1>"Surveys"</h1>
        <p class="lead">
            "Short self-assessments. Your answers stay on this device until you export your record. "
            "Each survey is repeated once a year, so you can see what has changed."
        </p>
        <h2>"This round"</h2>
        <ul class="survey-list">
            {move || {
                surveys
                    .get()
                    .into_iter()
                    .map(|(template, round)| view! { <SurveyCard template=template round=round/> })
                    .collect_view()
            }}
        </ul>
        <EarlierResponses surveys=surveys/>
    }
}

/// One survey and where the councillor is with it this round.
#[component]
fn SurveyCard(
    /// The survey.
    template: SurveyTemplate,
    /// The current round.
    round: SurveyRound,
) -> impl IntoView {
    let member = use_member();
    let id = template.id.clone();
    let round_name = round.name.clone();
    let round_state = round.state(Local::now().date_naive());
    let status = Memo::new(move |_| {
        member.record.with(|r| {
            let response = r
                .as_ref()
                .and_then(|r| response_in_round(&r.surveys, &id, &round.name));
            match response {
                None => ("Not started", "Start"),
                Some(r) if r.is_submitted() => ("Submitted", "View your answers"),
                Some(_) => ("In progress", "Continue"),
            }
        })
    });
    let questions = template.questions().count();
    view! {
        <li class="survey">
            <h3 class="survey__title">{whole_words(&template.title)}</h3>
            <p>{template.intro.clone()}</p>
            <p class="survey__meta">
                <span class="tag">{move || status.get().0}</span>
                {format!(" {} round · {questions} questions in {} sections", round_name, template.sections.len())}
                {match round_state {
                    RoundState::NotYetOpen(d) => format!(" · opens {}", long_date(d)),
                    RoundState::Closed(d) => format!(" · closed {}", long_date(d)),
                    RoundState::Open => String::new(),
                }}
            </p>
            <a href=format!("/surveys/{}", template.id) class="button button--secondary">
                {move || status.get().1}
                <span class="visually-hidden">{format!(" {}", template.title)}</span>
            </a>
        </li>
    }
}

/// Responses from earlier rounds, to look back on.
#[component]
fn EarlierResponses(
    /// The surveys offered this round.
    surveys: Memo<Vec<(SurveyTemplate, SurveyRound)>>,
) -> impl IntoView {
    let member = use_member();
    let earlier = Memo::new(move |_| {
        let surveys = surveys.get();
        member.record.with(|r| {
            let mut list: Vec<(String, String, String)> = r
                .iter()
                .flat_map(|r| r.surveys.iter())
                .filter(|s| {
                    s.is_submitted()
                        && !surveys
                            .iter()
                            .any(|(t, round)| t.id == s.template_id && round.name == s.round)
                })
                .map(|s| {
                    let title = surveys
                        .iter()
                        .find(|(t, _)| t.id == s.template_id)
                        .map_or_else(|| s.template_id.clone(), |(t, _)| t.title.clone());
                    let when = s
                        .submitted_at
                        .map(|at| {
                            format!(
                                ", submitted {}",
                                long_date(at.with_timezone(&Local).date_naive())
                            )
                        })
                        .unwrap_or_default();
                    (s.id.to_string(), format!("{title}: {}", s.round), when)
                })
                .collect();
            list.sort_by(|a, b| b.1.cmp(&a.1));
            list
        })
    });
    view! {
        <Show when=move || !earlier.with(Vec::is_empty)>
            <h2>"Earlier rounds"</h2>
            <ul class="plain-list">
                <For each=move || earlier.get() key=|e| e.0.clone() let:item>
                    <li>
                        <a href=format!("/surveys/response/{}", item.0)>{item.1.clone()}</a>
                        {item.2.clone()}
                    </li>
                </For>
            </ul>
        </Show>
    }
}
