//! Answering a survey: one section at a time with progress shown, every answer saved as a
//! draft as it is given, a check of all answers before submitting, and once submitted a
//! read-only record with the change since the councillor's previous round.

use std::time::Duration;

use crate::ui::router::{use_navigate, use_params, use_query};
use chrono::{Local, Utc};
use leptos::prelude::*;
use uuid::Uuid;

use crate::ui::components::whole_words;
use crate::ui::components::{
    FieldProblem, FormCheck, FormErrors, QuestionInput, answer_text, focus_field, question_dom_id,
};
use crate::ui::drafts::{forget_draft, use_draft};
use crate::ui::pages::NotFound;
use crate::ui::{set_page_title, use_member};
use mdr_domain::model::dates::{date_and_time, long_date};
use mdr_domain::model::survey::{
    Answer, RoundState, SurveyResponse, SurveyRound, SurveyTemplate, Unparsed, previous_response,
    response_in_round, round_kind, scale_changes,
};
use mdr_domain::model::survey_templates::built_in_templates;

/// Where the councillor is with a survey in the current round.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    NotStarted,
    Answering(Uuid),
    Submitted(Uuid),
}

/// A survey in the current round (`/surveys/:template`).
#[component]
pub fn SurveyPage() -> impl IntoView {
    let surveys = use_member().surveys();
    let params = use_params();
    move || {
        let id = params.with(|p| p.get("template").unwrap_or_default());
        match surveys.with(|ss| ss.iter().find(|(t, _)| t.id == id).cloned()) {
            None => NotFound().into_any(),
            Some((template, round)) => {
                set_page_title(&template.title);
                view! { <SurveyInRound template=template round=round/> }.into_any()
            }
        }
    }
}

#[component]
fn SurveyInRound(template: SurveyTemplate, round: SurveyRound) -> impl IntoView {
    let member = use_member();
    let template = StoredValue::new(template);
    let round_name = round.name.clone();
    let stage = Memo::new(move |_| {
        let id = template.with_value(|t| t.id.clone());
        member.record.with(|r| {
            match r
                .as_ref()
                .and_then(|r| response_in_round(&r.surveys, &id, &round_name))
            {
                None => Stage::NotStarted,
                Some(s) if s.is_submitted() => Stage::Submitted(s.id),
                Some(s) => Stage::Answering(s.id),
            }
        })
    });
    let kind = {
        let round_name = round.name.clone();
        move || {
            let id = template.with_value(|t| t.id.clone());
            member.record.with(|r| {
                r.as_ref()
                    .map_or("baseline", |r| round_kind(&r.surveys, &id, &round_name))
            })
        }
    };
    let round = StoredValue::new(round);
    let caption = move || {
        format!(
            "Survey · {} ({})",
            round.with_value(|r| r.name.clone()),
            kind()
        )
    };
    let start = move |_| {
        let round = round.get_value();
        member.edit(|r| {
            let response = template
                .with_value(|t| SurveyResponse::start(Uuid::new_v4(), t, &round, Utc::now()));
            r.put_response(response);
        });
    };
    view! {
        <span class="caption">{caption}</span>
        <h1>{template.with_value(|t| whole_words(&t.title))}</h1>
        {move || match stage.get() {
            Stage::NotStarted => match round.with_value(|r| r.state(Local::now().date_naive())) {
                RoundState::NotYetOpen(opens) => view! {
                    <p class="notice notice--warning">{format!("This round opens on {}. You can start the survey then.", long_date(opens))}</p>
                }
                .into_any(),
                RoundState::Closed(closed) => view! {
                    <p class="notice notice--warning">{format!("This round closed on {}. Your council will open the next round.", long_date(closed))}</p>
                }
                .into_any(),
                RoundState::Open => view! {
                    <p class="lead">{template.with_value(|t| t.intro.clone())}</p>
                    <p>
                        {template
                            .with_value(|t| {
                                format!(
                                    "{} questions in {} sections. Your answers are saved as you go, so you can stop and come back.",
                                    t.questions().count(),
                                    t.sections.len(),
                                )
                            })}
                    </p>
                    <button type="button" class="button" on:click=start>
                        "Start survey"
                    </button>
                }
                .into_any(),
            },
            Stage::Answering(id) => view! { <Answering template=template response_id=id/> }.into_any(),
            Stage::Submitted(id) => view! { <Submitted template=template response_id=id/> }.into_any(),
        }}
    }
}

/// The response with this id, tracked.
fn response_signal(response_id: Uuid) -> Memo<Option<SurveyResponse>> {
    let member = use_member();
    Memo::new(move |_| {
        member.record.with(|r| {
            r.as_ref()
                .and_then(|r| r.surveys.iter().find(|s| s.id == response_id).cloned())
        })
    })
}

/// Answering, one section at a time; the step after the last section checks and submits.
#[component]
fn Answering(template: StoredValue<SurveyTemplate>, response_id: Uuid) -> impl IntoView {
    let member = use_member();
    let navigate = use_navigate();
    let query = use_query();
    let response = response_signal(response_id);
    let sections = template.with_value(|t| t.sections.len());
    let template_id = template.with_value(|t| t.id.clone());
    let answers = Memo::new(move |_| {
        response.with(|r| r.as_ref().map(|r| r.answers.clone()).unwrap_or_default())
    });
    // What was typed that is not an answer yet ("abc" for a number), kept as a draft so a
    // reload keeps it, and checked so that neither a section nor the survey moves on.
    let unparsed_draft = format!("survey-unparsed-{response_id}");
    let unparsed = use_draft(unparsed_draft.clone(), Unparsed::new);
    // Opened without a section, a draft carries on where something is still to answer,
    // or at the check page once every section is done.
    let resume = answers.with_untracked(|a| {
        unparsed.with_untracked(|u| template.with_value(|t| t.resume_at(a, u)))
    });
    let step = Memo::new(move |_| {
        query
            .with(|q| q.get("section").and_then(|s| s.parse::<usize>().ok()))
            .unwrap_or(resume)
            .min(sections)
    });
    let shown = Memo::new(move |_| answers.with(|a| template.with_value(|t| t.shown(a))));
    let as_field_problems = |problems: Vec<mdr_domain::model::survey::SurveyProblem>| {
        problems
            .iter()
            .map(|p| FieldProblem::new(&question_dom_id(p.question()), p))
            .collect()
    };
    let check = FormCheck::new(move || {
        answers.with(|a| {
            unparsed.with(|u| template.with_value(|t| as_field_problems(t.problems_with(a, u))))
        })
    });
    let section_check = FormCheck::new(move || {
        let current = step.get();
        answers.with(|a| {
            unparsed.with(|u| {
                template.with_value(|t| as_field_problems(t.section_problems(current, a, u)))
            })
        })
    });
    let go_to = {
        let template_id = template_id.clone();
        move |step: usize| navigate(&format!("/surveys/{template_id}?section={step}"))
    };
    // A link in the error summary opens the question's section, then moves focus to it.
    let follow = {
        let go_to = go_to.clone();
        Callback::new(move |dom_id: String| {
            let question = dom_id.trim_start_matches("q-");
            if let Some(section) = template.with_value(|t| t.section_of(question)) {
                go_to(section);
                set_timeout(move || focus_field(&dom_id), Duration::from_millis(50));
            }
        })
    };
    let answer = move |question: String, answer: Option<Answer>| {
        member.edit(|r| {
            if let Some(mut response) = r.surveys.iter().find(|s| s.id == response_id).cloned() {
                template.with_value(|t| t.answer(&mut response.answers, &question, answer));
                response.updated_at = Utc::now();
                r.put_response(response);
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !check.passes() {
            return;
        }
        member.edit(|r| {
            if let Some(mut response) = r.surveys.iter().find(|s| s.id == response_id).cloned()
                && template
                    .with_value(|t| response.submit(t, Utc::now()))
                    .is_ok()
            {
                r.put_response(response);
            }
        });
        member.save_now();
        forget_draft(&unparsed_draft);
        scroll_to_top();
    };
    let next = {
        let go_to = go_to.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if !section_check.passes() {
                return;
            }
            section_check.reset();
            go_to(step.get_untracked() + 1);
            scroll_to_top();
        }
    };

    view! {
        <Progress step=step sections=sections template=template/>
        {move || {
            let current = step.get();
            if current < sections {
                let questions = template.with_value(|t| t.sections[current].questions.clone());
                let (title, intro) = template.with_value(|t| (t.sections[current].title.clone(), t.sections[current].intro.clone()));
                let back = (current > 0).then(|| format!("/surveys/{}?section={}", template.with_value(|t| t.id.clone()), current - 1));
                view! {
                    <form class="form" novalidate on:submit=next.clone()>
                        <FormErrors check=section_check/>
                        <h2>{title}</h2>
                        {(!intro.is_empty()).then(|| view! { <p>{intro}</p> })}
                        {questions
                            .into_iter()
                            .map(|q| {
                                let id = q.id.clone();
                                let for_answer = q.id.clone();
                                let visible = q.id.clone();
                                let error = {
                                    let in_section = section_check.error_for_owned(question_dom_id(&q.id));
                                    let at_submit = check.error_for_owned(question_dom_id(&q.id));
                                    Signal::derive(move || in_section.get().or_else(|| at_submit.get()))
                                };
                                let typed = q.id.clone();
                                let for_typed = q.id.clone();
                                view! {
                                    <Show when=move || shown.with(|s| s.contains(&visible))>
                                        <QuestionInput
                                            question=q.clone()
                                            answer=Signal::derive({
                                                let id = id.clone();
                                                move || answers.with(|a| a.get(&id).cloned())
                                            })
                                            on_answer=Callback::new({
                                                let for_answer = for_answer.clone();
                                                move |a| answer(for_answer.clone(), a)
                                            })
                                            error=error
                                            unparsed=Signal::derive({
                                                let typed = typed.clone();
                                                move || unparsed.with(|u| u.get(&typed).cloned())
                                            })
                                            on_unparsed=Callback::new({
                                                let for_typed = for_typed.clone();
                                                move |entry: Option<String>| {
                                                    unparsed.update(|u| match entry {
                                                        Some(text) => { u.insert(for_typed.clone(), text); }
                                                        None => { u.remove(&for_typed); }
                                                    });
                                                }
                                            })
                                        />
                                    </Show>
                                }
                            })
                            .collect_view()}
                        <div class="form__actions button-group">
                            <button type="submit" class="button">"Continue"</button>
                            {back.map(|href| view! { <a href=href class="button-link">"Back"</a> })}
                        </div>
                    </form>
                }
                .into_any()
            } else {
                view! {
                    <form class="form" novalidate on:submit=submit.clone()>
                        <FormErrors check=check on_follow=follow/>
                        <h2>"Check your answers"</h2>
                        <p>"You cannot change your answers once you submit them."</p>
                        <AnswersSummary template=template response=response change_links=true/>
                        <div class="form__actions button-group">
                            <button type="submit" class="button">"Submit survey"</button>
                            <a href=format!("/surveys/{}?section={}", template.with_value(|t| t.id.clone()), sections - 1) class="button-link">"Back"</a>
                        </div>
                    </form>
                }
                .into_any()
            }
        }}
    }
}

fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Which step the councillor is on, in words and as a bar.
#[component]
fn Progress(
    step: Memo<usize>,
    sections: usize,
    template: StoredValue<SurveyTemplate>,
) -> impl IntoView {
    let text = move || {
        let current = step.get();
        if current < sections {
            let title = template.with_value(|t| t.sections[current].title.clone());
            format!("Section {} of {}: {}", current + 1, sections, title)
        } else {
            format!("All {sections} sections done: check and submit")
        }
    };
    view! {
        <div class="progress">
            <p class="progress__text" id="progress-text">{text}</p>
            <progress
                class="progress__bar"
                max=sections + 1
                value=move || step.get() + 1
                aria-labelledby="progress-text"
            ></progress>
        </div>
    }
}

/// Every shown question and its answer, section by section.
#[component]
pub(crate) fn AnswersSummary(
    /// The survey the response answers.
    template: StoredValue<SurveyTemplate>,
    /// The response, if there is one.
    #[prop(into)]
    response: Signal<Option<SurveyResponse>>,
    /// Whether to offer a link to change each section.
    change_links: bool,
    /// Under a third-level heading of the page (the survey's own), so that each section's
    /// title is of the fourth.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    move || {
        let Some(response) = response.get() else {
            return Vec::new();
        };
        template.with_value(|t| {
            let shown = t.shown(&response.answers);
            t.sections
                .iter()
                .enumerate()
                .map(|(index, section)| {
                    let rows = section
                        .questions
                        .iter()
                        .filter(|q| shown.contains(&q.id))
                        .map(|q| {
                            view! {
                                <div class="summary__row">
                                    <dt>{q.text.clone()}</dt>
                                    <dd>{answer_text(q, response.answers.get(&q.id))}</dd>
                                </div>
                            }
                        })
                        .collect_view();
                    let change = change_links.then(|| {
                        let href = format!("/surveys/{}?section={index}", t.id);
                        let hidden = format!(" {}", section.title);
                        view! {
                            <a href=href>
                                "Change" <span class="visually-hidden">{hidden}</span>
                            </a>
                        }
                    });
                    let title = section.title.clone();
                    let heading = if nested {
                        view! { <h4>{title}</h4> }.into_any()
                    } else {
                        view! { <h3>{title}</h3> }.into_any()
                    };
                    view! {
                        <section class="answers" aria-label=section.title.clone()>
                            <div class="answers__head">
                                {heading}
                                {change}
                            </div>
                            <dl class="summary">{rows}</dl>
                        </section>
                    }
                })
                .collect::<Vec<_>>()
        })
    }
}

/// A submitted response, read-only, with the change since the previous round.
#[component]
fn Submitted(template: StoredValue<SurveyTemplate>, response_id: Uuid) -> impl IntoView {
    let response = response_signal(response_id);
    let when = move || {
        response.with(|r| {
            r.as_ref()
                .and_then(|r| r.submitted_at)
                .map(|at| {
                    format!(
                        "You submitted this survey on {}. Your answers can no longer be changed.",
                        date_and_time(&at.with_timezone(&Local))
                    )
                })
                .unwrap_or_default()
        })
    };
    view! {
        <p class="notice notice--success">{when}</p>
        <p>
            "Your answers are kept on this device: nothing has been sent to your council. "
            "To share them, for example before your development plan meeting, send your record "
            "to your member development officer from "
            <a href="/backup">"Export and backup"</a>
            "."
        </p>
        <ChangeSinceLastRound template=template response=response/>
        <h2>"Your answers"</h2>
        <AnswersSummary template=template response=response change_links=false/>
        <p><a href="/surveys">"Back to surveys"</a></p>
    }
}

/// A submitted response from any round (`/surveys/response/:id`).
#[component]
pub fn ResponsePage() -> impl IntoView {
    let member = use_member();
    let surveys = member.surveys();
    let params = use_params();
    move || {
        let id = params.with(|p| p.get("id").and_then(|id| id.parse::<Uuid>().ok()));
        let found = id.and_then(|id| {
            member.record.with_untracked(|r| {
                r.as_ref()?
                    .surveys
                    .iter()
                    .find(|s| s.id == id && s.is_submitted())
                    .cloned()
            })
        });
        // The survey as offered now, or as built in for one the council no longer runs.
        let template = found.as_ref().and_then(|r| {
            surveys
                .with(|ss| {
                    ss.iter()
                        .find(|(t, _)| t.id == r.template_id)
                        .map(|(t, _)| t.clone())
                })
                .or_else(|| {
                    built_in_templates()
                        .into_iter()
                        .find(|t| t.id == r.template_id)
                })
        });
        match (found, template) {
            (Some(found), Some(template)) => {
                set_page_title(&format!("{} – {}", template.title, found.round));
                let heading = template.title.clone();
                let caption = format!("Survey · {}", found.round);
                view! {
                    <span class="caption">{caption}</span>
                    <h1>{whole_words(&heading)}</h1>
                    <Submitted template=StoredValue::new(template) response_id=found.id/>
                }
                .into_any()
            }
            _ => NotFound().into_any(),
        }
    }
}

/// For each scale question, the answer in the previous round, this round, and the change.
#[component]
fn ChangeSinceLastRound(
    template: StoredValue<SurveyTemplate>,
    response: Memo<Option<SurveyResponse>>,
) -> impl IntoView {
    let member = use_member();
    move || {
        let current = response.get()?;
        let previous = member.record.with(|r| {
            r.as_ref().and_then(|r| {
                previous_response(&r.surveys, &current.template_id, &current.round).cloned()
            })
        })?;
        let changes = template.with_value(|t| scale_changes(t, &previous, &current));
        let rows = changes
            .into_iter()
            .map(|c| {
                let change = match c.difference() {
                    Some(d) if d > 0 => format!("Up {d}"),
                    Some(d) if d < 0 => format!("Down {}", -d),
                    Some(_) => "No change".to_owned(),
                    None => "–".to_owned(),
                };
                let score = |n: Option<u8>| n.map_or_else(|| "–".to_owned(), |n| n.to_string());
                let class = match c.difference() {
                    Some(d) if d > 0 => "change change--up",
                    Some(d) if d < 0 => "change change--down",
                    _ => "change",
                };
                view! {
                    <tr>
                        <th scope="row">{c.text}</th>
                        <td>{score(c.before)}</td>
                        <td>{score(c.after)}</td>
                        <td class=class>{change}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <section class="section" aria-labelledby="change-title">
                <h2 id="change-title">{format!("Your change since {}", previous.round)}</h2>
                <p>"Your answers on each 1 to 5 scale, then and now."</p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Change since your last round">
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">"Question"</th>
                                <th scope="col">{previous.round.clone()}</th>
                                <th scope="col">{current.round.clone()}</th>
                                <th scope="col">"Change"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        })
    }
}
