//! The survey results and needs analysis reports: per question, the latest round against
//! the one before (or the one round there is), as bar charts with the numbers beside them;
//! breakdowns by group hide small cells.

use leptos::prelude::*;

use crate::ui::components::whole_words;
use crate::ui::files::download_csv;
use mdr_domain::consolidate::{
    Csv, Distribution, OfficerWorkspace, QuestionResult, SurveyComparison, access_needs,
    access_needs_csv, latest_survey_results, needs_analysis, needs_analysis_csv,
    survey_results_csv,
};
use mdr_domain::model::pack::CouncilPack;
use mdr_domain::model::survey::SurveyTemplate;

fn download(file: &str, csv: &Csv) {
    let _ = download_csv(file, csv);
}

/// The survey results report.
#[component]
pub fn SurveyResultsReport(
    /// The members' files held.
    workspace: RwSignal<OfficerWorkspace>,
    /// The surveys the council runs.
    templates: Vec<SurveyTemplate>,
    /// The officer's council pack, whose rounds' dates help put rounds in order.
    pack: Option<CouncilPack>,
) -> impl IntoView {
    let templates = StoredValue::new(templates);
    let pack = StoredValue::new(pack);
    let chosen = RwSignal::new(
        templates.with_value(|t| t.first().map(|t| t.id.clone()).unwrap_or_default()),
    );
    let template = Memo::new(move |_| {
        templates.with_value(|ts| ts.iter().find(|t| chosen.with(|c| &t.id == c)).cloned())
    });
    let comparison = Memo::new(move |_| {
        let template = template.get()?;
        workspace.with(|w| pack.with_value(|p| latest_survey_results(w, &template, p.as_ref())))
    });
    let options = templates.with_value(|ts| {
        ts.iter()
            .map(|t| (t.id.clone(), t.title.clone()))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="section report" aria-labelledby="report-surveys">
            <h2 id="report-surveys">"Survey results"</h2>
            <p>"Each question's answers in the latest round, against the round before when there is one, with the numbers beside each chart. Breakdowns by political group hide any group of fewer than 5 members; when only one group is hidden, the next smallest is hidden too, so its figures cannot be worked out from the totals."</p>
            <div class="field">
                <label class="field__label" for="report-survey">"Survey"</label>
                <select class="field__select field__select--wide" id="report-survey" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {options.into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                </select>
            </div>
            {move || match comparison.get() {
                None => view! {
                    <p class="report__empty">"Nobody has submitted this survey yet, so there are no results to show or download."</p>
                }.into_any(),
                Some(c) => view! { <SurveyResults comparison=c/> }.into_any(),
            }}
        </section>
    }
}

/// One survey's results: the download, a chart per question, and the group breakdown.
#[component]
fn SurveyResults(comparison: SurveyComparison) -> impl IntoView {
    let c = comparison;
    let (heading, rounds_note) = match &c.baseline_round {
        Some(baseline) => (
            format!(
                "{} ({} against {})",
                c.template_title, c.latest_round, baseline
            ),
            None,
        ),
        None => (
            format!("{} ({})", c.template_title, c.latest_round),
            Some(format!(
                "Answered in one round so far, {}: there is no earlier round to compare it with.",
                c.latest_round
            )),
        ),
    };
    let csv = survey_results_csv(&c);
    let file = c.file_stem();
    let questions = c
        .questions
        .iter()
        .map(|q| {
            view! { <QuestionChart question=q.clone() baseline=c.baseline_round.clone() latest=c.latest_round.clone()/> }
        })
        .collect_view();
    let groups = c.by_group.iter().map(|g| {
        let text = c.questions.iter().find(|q| q.question_id == g.question_id).map(|q| q.text.clone()).unwrap_or_default();
        view! { <tr><td>{text}</td><td>{g.group.clone()}</td><td>{g.shown_count()}</td><td>{g.shown_mean()}</td></tr> }
    }).collect_view();
    view! {
        <button type="button" class="button button--secondary" on:click=move |_| download(&file, &csv)>
            "Download survey results (CSV)"
        </button>
        <h3>{whole_words(&heading)}</h3>
        {rounds_note.map(|note| view! { <p>{note}</p> })}
        {questions}
        <h3>{format!("By political group, {}", c.latest_round)}</h3>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Survey results by political group">
            <table class="table">
                <thead><tr><th scope="col">"Question"</th><th scope="col">"Group"</th><th scope="col">"Respondents"</th><th scope="col">"Mean (1-5)"</th></tr></thead>
                <tbody>{groups}</tbody>
            </table>
        </div>
    }
}

/// A round's name (`2025/26`) that may break after its slash when a column is narrow, as it
/// is on a small phone with wide text spacing.
fn breakable(round: &str) -> impl IntoView + use<> {
    match round.split_once('/') {
        Some((start, end)) => view! { {format!("{start}/")}<wbr/>{end.to_owned()} }.into_any(),
        None => round.to_owned().into_any(),
    }
}

/// One question: a bar chart of the latest round (against the baseline, when there is one),
/// and the same numbers as a table.
#[component]
fn QuestionChart(
    question: QuestionResult,
    baseline: Option<String>,
    latest: String,
) -> impl IntoView {
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
        .latest
        .counts
        .iter()
        .map(|(l, _)| l.clone())
        .collect();
    let before = question.baseline.clone().zip(baseline.clone());
    // Two bars an answer, or one (as tall as both) when there is no baseline.
    let row_height = 34.0;
    let height = (labels.len() as f64 * row_height + 8.0).max(40.0);
    let bars = labels.iter().enumerate().map(|(i, label)| {
        let y = i as f64 * row_height + 4.0;
        let after = share(&question.latest, label) * 60.0;
        match &before {
            Some((d, _)) => {
                let before = share(d, label) * 60.0;
                view! {
                    <text x="0" y=y + 18.0 class="chart__label">{label.clone()}</text>
                    <rect x="38" y=y width=format!("{before:.2}%") height="12" class="chart__bar chart__bar--baseline"></rect>
                    <rect x="38" y=y + 14.0 width=format!("{after:.2}%") height="12" class="chart__bar chart__bar--repeat"></rect>
                }.into_any()
            }
            None => view! {
                <text x="0" y=y + 18.0 class="chart__label">{label.clone()}</text>
                <rect x="38" y=y width=format!("{after:.2}%") height="26" class="chart__bar chart__bar--repeat"></rect>
            }.into_any(),
        }
    }).collect_view();
    let mean = |d: &Distribution| d.mean.map_or_else(|| "–".to_owned(), |m| format!("{m:.2}"));
    let count = |d: &Distribution, label: &str| {
        d.counts
            .iter()
            .find(|(l, _)| l == label)
            .map_or(0, |(_, c)| *c)
            .to_string()
    };
    let before_cell = |cell: &dyn Fn(&Distribution) -> String| {
        before.as_ref().map(|(d, _)| view! { <td>{cell(d)}</td> })
    };
    let rows = labels
        .iter()
        .map(|label| {
            view! { <tr><td>{label.clone()}</td>{before_cell(&|d| count(d, label))}<td>{count(&question.latest, label)}</td></tr> }
        })
        .collect_view();
    let summary = match &before {
        Some((d, round)) => format!(
            "{}: {} respondents in {}, {} in {}; mean {} then {}",
            question.text,
            d.respondents,
            round,
            question.latest.respondents,
            latest,
            mean(d),
            mean(&question.latest)
        ),
        None => format!(
            "{}: {} respondents in {}; mean {}",
            question.text,
            question.latest.respondents,
            latest,
            mean(&question.latest)
        ),
    };
    let key = before.as_ref().map(|(_, round)| {
        view! { <p class="chart__key"><span class="key key--baseline"></span>{round.clone()} " " <span class="key key--repeat"></span>{latest.clone()}</p> }
    });
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
                    <thead><tr>
                        <th scope="col">"Answer"</th>
                        {before.as_ref().map(|(_, round)| view! { <th scope="col">{breakable(round)}</th> })}
                        <th scope="col">{breakable(&latest)}</th>
                    </tr></thead>
                    <tbody>
                        {rows}
                        <tr><td>"Respon\u{ad}dents"</td>{before_cell(&|d| d.respondents.to_string())}<td>{question.latest.respondents}</td></tr>
                        <tr><td>"Mean"</td>{before_cell(&|d| mean(d))}<td>{mean(&question.latest)}</td></tr>
                    </tbody>
                </table>
            </div>
            {key}
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
            <AccessNeedsList workspace=workspace/>
        </section>
    }
}

/// The access and caring needs members wrote, for the officer arranging training alone.
#[component]
fn AccessNeedsList(workspace: RwSignal<OfficerWorkspace>) -> impl IntoView {
    let rows = Memo::new(move |_| workspace.with(access_needs));
    view! {
        <h3>"Access and caring needs"</h3>
        <p class="confidential">"Confidential"</p>
        <p>"What members said would help them take part, in their own words, from their latest development plan and training needs survey. For arranging training: keep it out of committee reports."</p>
        {move || {
            let rows = rows.get();
            if rows.is_empty() {
                view! { <p class="report__empty">"No member has written of an access or caring need."</p> }.into_any()
            } else {
                let csv = access_needs_csv(&rows);
                view! {
                    <button type="button" class="button button--secondary" on:click=move |_| download("access-and-caring-needs-confidential", &csv)>
                        "Download access and caring needs (CSV)"
                    </button>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Access and caring needs (confidential)">
                        <table class="table">
                            // The ward is in the download; on screen the member's words have the room.
                            <thead><tr><th scope="col">"Member"</th><th scope="col">"Need"</th><th scope="col">"Where from"</th></tr></thead>
                            <tbody>{rows.into_iter().map(|r| view! { <tr><td>{r.member}</td><td>{r.need}</td><td>{r.source}</td></tr> }).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            }
        }}
    }
}
