//! The survey results and needs analysis reports: per question, baseline against repeat,
//! as bar charts with the numbers beside them; breakdowns by group hide small cells.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::consolidate::{
    Distribution, OfficerWorkspace, QuestionResult, needs_analysis, needs_analysis_csv,
    survey_results, survey_results_csv,
};
use crate::model::survey::SurveyTemplate;
use crate::ui::components::whole_words;
use crate::ui::files::download_csv;

fn download(file: &str, csv: &str) {
    let _ = download_csv(file, csv);
}

/// The rounds in which members answered a survey, oldest first.
fn rounds_of(workspace: &OfficerWorkspace, template_id: &str) -> Vec<String> {
    let rounds: BTreeSet<String> = workspace
        .members
        .values()
        .flat_map(|m| m.file.record.surveys.iter())
        .filter(|s| s.template_id == template_id && s.is_submitted())
        .map(|s| s.round.clone())
        .collect();
    rounds.into_iter().collect()
}

/// The survey results report.
#[component]
pub fn SurveyResultsReport(
    /// The members' files held.
    workspace: RwSignal<OfficerWorkspace>,
    /// The surveys the council runs.
    templates: Vec<SurveyTemplate>,
) -> impl IntoView {
    let templates = StoredValue::new(templates);
    let chosen = RwSignal::new(
        templates.with_value(|t| t.first().map(|t| t.id.clone()).unwrap_or_default()),
    );
    let template = Memo::new(move |_| {
        templates.with_value(|ts| ts.iter().find(|t| chosen.with(|c| &t.id == c)).cloned())
    });
    let rounds = Memo::new(move |_| workspace.with(|w| rounds_of(w, &chosen.get())));
    let comparison = Memo::new(move |_| {
        let template = template.get()?;
        let rounds = rounds.get();
        let repeat = rounds.last()?.clone();
        let baseline = rounds
            .iter()
            .rev()
            .nth(1)
            .cloned()
            .unwrap_or_else(|| repeat.clone());
        Some(workspace.with(|w| survey_results(w, &template, &baseline, &repeat)))
    });
    let options = templates.with_value(|ts| {
        ts.iter()
            .map(|t| (t.id.clone(), t.title.clone()))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="section report" aria-labelledby="report-surveys">
            <h2 id="report-surveys">"Survey results"</h2>
            <p>"Each question's answers in the latest round against the round before, with the numbers beside each chart. Breakdowns by political group hide any group of fewer than 5 members; when only one group is hidden, the next smallest is hidden too, so its figures cannot be worked out from the totals."</p>
            <div class="field">
                <label class="field__label" for="report-survey">"Survey"</label>
                <select class="field__select field__select--wide" id="report-survey" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {options.into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                </select>
            </div>
            <button type="button" class="button button--secondary" on:click=move |_| {
                if let Some(c) = comparison.get_untracked() { download("survey-results", &survey_results_csv(&c)); }
            }>"Download survey results (CSV)"</button>
            {move || match comparison.get() {
                None => view! { <p class="report__empty">"No submitted answers to this survey yet."</p> }.into_any(),
                Some(c) => {
                    let heading = format!("{} ({} against {})", c.template_title, c.repeat_round, c.baseline_round);
                    let questions = c.questions.iter().map(|q| view! { <QuestionChart question=q.clone() baseline=c.baseline_round.clone() repeat=c.repeat_round.clone()/> }).collect_view();
                    let groups = c.by_group.iter().map(|g| {
                        let text = c.questions.iter().find(|q| q.question_id == g.question_id).map(|q| q.text.clone()).unwrap_or_default();
                        view! { <tr><td>{text}</td><td>{g.group.clone()}</td><td>{g.shown_count()}</td><td>{g.shown_mean()}</td></tr> }
                    }).collect_view();
                    view! {
                        <h3>{whole_words(&heading)}</h3>
                        {questions}
                        <h3>{format!("By political group, {}", c.repeat_round)}</h3>
                        <div class="table-scroll" tabindex="0" role="region" aria-label="Survey results by political group">
                            <table class="table">
                                <thead><tr><th scope="col">"Question"</th><th scope="col">"Group"</th><th scope="col">"Respondents"</th><th scope="col">"Mean (1-5)"</th></tr></thead>
                                <tbody>{groups}</tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// One question: a bar chart of baseline against repeat, and the same numbers as a table.
/// A round's name (`2025/26`) that may break after its slash when a column is narrow, as it
/// is on a small phone with wide text spacing.
fn breakable(round: &str) -> impl IntoView + use<> {
    match round.split_once('/') {
        Some((start, end)) => view! { {format!("{start}/")}<wbr/>{end.to_owned()} }.into_any(),
        None => round.to_owned().into_any(),
    }
}

#[component]
fn QuestionChart(question: QuestionResult, baseline: String, repeat: String) -> impl IntoView {
    let share = |d: &Distribution, label: &str| {
        let count = d
            .counts
            .iter()
            .find(|(l, _)| l == label)
            .map_or(0, |(_, c)| *c);
        if d.respondents == 0 {
            0.0
        } else {
            count as f64 / d.respondents as f64
        }
    };
    let labels: Vec<String> = question
        .repeat
        .counts
        .iter()
        .map(|(l, _)| l.clone())
        .collect();
    let row_height = 34.0;
    let height = (labels.len() as f64 * row_height + 8.0).max(40.0);
    let bars = labels.iter().enumerate().map(|(i, label)| {
        let y = i as f64 * row_height + 4.0;
        let before = share(&question.baseline, label) * 60.0;
        let after = share(&question.repeat, label) * 60.0;
        view! {
            <text x="0" y=y + 18.0 class="chart__label">{label.clone()}</text>
            <rect x="38" y=y width=format!("{before:.2}%") height="12" class="chart__bar chart__bar--baseline"></rect>
            <rect x="38" y=y + 14.0 width=format!("{after:.2}%") height="12" class="chart__bar chart__bar--repeat"></rect>
        }
    }).collect_view();
    let mean = |d: &Distribution| d.mean.map_or_else(|| "–".to_owned(), |m| format!("{m:.2}"));
    let rows = labels.iter().map(|label| {
        let count = |d: &Distribution| d.counts.iter().find(|(l, _)| l == label).map_or(0, |(_, c)| *c).to_string();
        view! { <tr><td>{label.clone()}</td><td>{count(&question.baseline)}</td><td>{count(&question.repeat)}</td></tr> }
    }).collect_view();
    let summary = format!(
        "{}: {} respondents in {}, {} in {}; mean {} then {}",
        question.text,
        question.baseline.respondents,
        baseline,
        question.repeat.respondents,
        repeat,
        mean(&question.baseline),
        mean(&question.repeat)
    );
    view! {
        <figure class="chart">
            <figcaption class="chart__caption">{question.text.clone()}</figcaption>
            <div class="chart__body">
                // No viewBox: positions are CSS pixels and bar lengths a share of the width,
                // so the labels keep their size on a phone and the bars still fit.
                <svg class="chart__svg" height=height role="img" aria-label=summary>
                    {bars}
                </svg>
                <table class="table chart__table">
                    <thead><tr><th scope="col">"Answer"</th><th scope="col">{breakable(&baseline)}</th><th scope="col">{breakable(&repeat)}</th></tr></thead>
                    <tbody>
                        {rows}
                        <tr><td>"Respon\u{ad}dents"</td><td>{question.baseline.respondents}</td><td>{question.repeat.respondents}</td></tr>
                        <tr><td>"Mean"</td><td>{mean(&question.baseline)}</td><td>{mean(&question.repeat)}</td></tr>
                    </tbody>
                </table>
            </div>
            <p class="chart__key"><span class="key key--baseline"></span>{baseline} " " <span class="key key--repeat"></span>{repeat}</p>
        </figure>
    }
}

/// The needs analysis report.
#[component]
pub fn NeedsReport(workspace: RwSignal<OfficerWorkspace>) -> impl IntoView {
    let rows = Memo::new(move |_| workspace.with(needs_analysis));
    view! {
        <section class="section report" aria-labelledby="report-needs">
            <h2 id="report-needs">"Needs analysis"</h2>
            <p>"What members ask to learn, ranked by how many ask: from their development plans and the training needs survey."</p>
            <button type="button" class="button button--secondary" on:click=move |_| download("needs-analysis", &rows.with_untracked(|r| needs_analysis_csv(r)))>
                "Download needs analysis (CSV)"
            </button>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    view! { <p class="report__empty">"Nothing to show yet."</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll" tabindex="0" role="region" aria-label="Needs analysis">
                            <table class="table">
                                <thead><tr><th scope="col">"Topic or course"</th><th scope="col">"Members asking"</th><th scope="col">"Where from"</th></tr></thead>
                                <tbody>{rows.into_iter().map(|r| view! { <tr><td>{r.topic}</td><td>{r.members}</td><td>{r.sources}</td></tr> }).collect_view()}</tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
