//! The Committee report: for a municipal year the officer picks, the year's member
//! development in plain English, with the figures and a few charts, between the officer's
//! own introduction and recommendations; printed on A4 (the browser's Save as PDF gives
//! the document). Every figure and sentence is the domain's
//! (`consolidate::committee_report`); this page lays them out.

use chrono::Local;
use leptos::prelude::*;

use crate::ui::components::{PrintHeading, TextArea};
use crate::ui::officer_context::{OfficerData, use_officer_data};
use crate::ui::pages::officer_members::OfficerNav;
use crate::ui::set_page_title;
use mdr_domain::consolidate::{CommitteeNotes, CommitteeReport, committee_report, reports_council};
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::store::StoreError;

/// How many years back the officer can report on.
const YEARS_BACK: i32 = 5;

/// The most courses the take-up chart shows; the table has them all.
const CHART_COURSES: usize = 10;

/// The most requests listed; the Reports page's needs analysis has them all.
const ASKED_FOR_SHOWN: usize = 10;

/// The *Municipal year* a page reports on: this year, or one of the five before it.
#[component]
pub(super) fn YearChoice(
    /// The select's id.
    id: &'static str,
    /// This year, shown first and chosen at the start.
    current: MunicipalYear,
    /// Called with the year chosen.
    on_choose: Callback<MunicipalYear>,
) -> impl IntoView {
    let years = (0..=YEARS_BACK)
        .map(|back| {
            let y = MunicipalYear {
                starts_in: current.starts_in - back,
            };
            let label = if back == 0 {
                format!("{} (this year)", y.label())
            } else {
                y.label()
            };
            view! { <option value=y.starts_in.to_string() selected=back == 0>{label}</option> }
        })
        .collect_view();
    let choose = move |ev| {
        if let Ok(starts_in) = event_target_value(&ev).parse() {
            on_choose.run(MunicipalYear { starts_in });
        }
    };
    view! {
        <div class="matrix__filters screen-only">
            <div class="field">
                <label class="field__label" for=id>"Municipal year"</label>
                <select class="field__select" id=id on:change=choose>{years}</select>
            </div>
        </div>
    }
}

/// What the line beside the officer's own words says after a save: kept, or why not and
/// what to do, of `what` ("the Charter actions").
pub(super) fn saved_message(saved: Result<(), StoreError>, what: &str) -> String {
    match saved {
        Ok(()) => "Saved on this device.".to_owned(),
        Err(e) => e.for_officer(what),
    }
}

/// A bar chart of counts out of `of`: each bar a share of the width, labelled with its
/// words so nothing is told by length alone.
#[component]
fn Bars(
    /// The chart's caption.
    caption: String,
    /// Each bar: its label, its count, and the words shown beside it.
    bars: Vec<(String, usize, String)>,
    /// What a full bar stands for.
    of: usize,
) -> impl IntoView {
    let row = 30.0;
    let height = bars.len() as f64 * row + 4.0;
    let summary = bars
        .iter()
        .map(|(label, _, shown)| format!("{label}: {shown}"))
        .collect::<Vec<_>>()
        .join("; ");
    let drawn = bars
        .into_iter()
        .enumerate()
        .map(|(i, (label, count, shown))| {
            let y = i as f64 * row;
            let share = if of == 0 { 0.0 } else { count as f64 / of as f64 };
            view! {
                <text x="0" y=y + 13.0 class="chart__label">{format!("{label}: {shown}")}</text>
                <rect x="0" y=y + 16.0 width=format!("{:.2}%", share * 100.0) height="10" class="chart__bar chart__bar--repeat"></rect>
            }
        })
        .collect_view();
    view! {
        <figure class="chart committee__chart">
            <figcaption class="chart__caption">{caption}</figcaption>
            <svg class="chart__svg" height=height role="img" aria-label=summary>{drawn}</svg>
        </figure>
    }
}

/// A section of the report: a heading, then its sentences, then what it shows besides.
#[component]
fn Part(
    id: &'static str,
    title: &'static str,
    sentences: Vec<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <section class="committee__part" aria-labelledby=id>
            <h3 id=id>{title}</h3>
            {sentences.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
            {children.map(|c| c())}
        </section>
    }
}

/// The officer's own words: a box on screen, paragraphs on paper.
#[component]
fn OwnWords(
    id: &'static str,
    title: &'static str,
    hint: &'static str,
    value: Signal<String>,
    on_input: Callback<String>,
) -> impl IntoView {
    // On screen the box's label is its heading; on paper the heading heads the words.
    view! {
        <div class="committee__part">
            <h3 class="print-only">{title}</h3>
            <div class="screen-only">
                <TextArea label=title id=id hint=hint value=value on_input=on_input/>
            </div>
            <div class="print-only">
                {move || value.with(|text| text.split("\n\n").filter(|p| !p.trim().is_empty()).map(|p| view! { <p class="committee__own">{p.to_owned()}</p> }).collect_view())}
            </div>
        </div>
    }
}

/// The report's sections, for a year with something in it.
fn sections(report: CommitteeReport) -> impl IntoView {
    let CommitteeReport {
        programme,
        take_up,
        members_trained,
        compliance,
        plans,
        asked_for,
        evaluation,
        surveys,
        spend,
        ..
    } = report;
    let take_up_chart = (!take_up.lines.is_empty()).then(|| {
        let most = take_up.lines.iter().map(|l| l.completed).max().unwrap_or(0);
        let bars = take_up
            .lines
            .iter()
            .filter(|l| l.completed > 0)
            .take(CHART_COURSES)
            .map(|l| {
                let shown = match l.completed {
                    1 => "1 member".to_owned(),
                    n => format!("{n} members"),
                };
                (l.title.clone(), l.completed, shown)
            })
            .collect::<Vec<_>>();
        (!bars.is_empty()).then(|| {
            view! { <Bars caption="Members who completed each course (the most taken up)".to_owned() bars=bars of=most/> }
        })
    });
    let take_up_table = (!take_up.lines.is_empty()).then(|| {
        let rows = take_up
            .lines
            .iter()
            .map(|l| {
                view! {
                    <tr>
                        <th scope="row">{l.title.clone()}</th>
                        <td>{l.provider.clone()}</td>
                        <td>{l.format_label()}</td>
                        <td class="numeric">{l.completed}</td>
                        <td class="numeric">{l.planned}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label="Take-up by course and provider">
                <table class="table">
                    <thead><tr>
                        <th scope="col">"Course or learning"</th><th scope="col">"Provider"</th><th scope="col">"Format"</th>
                        <th scope="col" class="numeric">"Completed"</th><th scope="col" class="numeric">"Planned or in progress"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    // Each role's figures in a sentence (a role under five says only that it is hidden),
    // then the table.
    let role_sentences = (!compliance.roles.is_empty()).then(|| {
        let items = compliance
            .roles
            .iter()
            .map(|r| view! { <li>{r.sentence()}</li> })
            .collect_view();
        view! { <ul class="committee__roles">{items}</ul> }
    });
    let compliance_table = (!compliance.roles.is_empty()).then(|| {
        let rows = compliance
            .roles
            .iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.role.clone()}</th>
                        <td class="numeric">{r.shown_count(r.members)}</td>
                        <td class="numeric">{r.shown_count(r.up_to_date)}</td>
                        <td class="numeric">{r.shown_count(r.due)}</td>
                        <td class="numeric">{r.shown_count(r.overdue)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label="Mandatory training by role">
                <table class="table">
                    <thead><tr>
                        <th scope="col">"Role"</th><th scope="col" class="numeric">"Members"</th><th scope="col" class="numeric">"Up to date"</th>
                        <th scope="col" class="numeric">"Training due"</th><th scope="col" class="numeric">"Overdue"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    let plans_chart = (plans.offered > 0).then(|| {
        let of = plans.offered;
        let shown = |n: usize| format!("{n} of {of}");
        view! {
            <Bars
                caption="Development plans: offered and taken up".to_owned()
                bars=vec![
                    ("Offered an annual review".to_owned(), of, shown(of)),
                    ("Made a plan".to_owned(), plans.with_plan, shown(plans.with_plan)),
                    ("Had a PDP meeting".to_owned(), plans.meetings, shown(plans.meetings)),
                    ("Plan signed off".to_owned(), plans.signed_off, shown(plans.signed_off)),
                ]
                of=of
            />
        }
    });
    let asked = (!asked_for.rows.is_empty()).then(|| {
        let items = asked_for
            .rows
            .iter()
            .take(ASKED_FOR_SHOWN)
            .map(|r| {
                let members = match r.members {
                    1 => "1 member".to_owned(),
                    n => format!("{n} members"),
                };
                view! { <li>{format!("{}: {members}", r.topic)}</li> }
            })
            .collect_view();
        view! { <ol class="committee__ranked">{items}</ol> }
    });
    let evaluation_table = (!evaluation.rows.is_empty()).then(|| {
        let rows = evaluation
            .rows
            .iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.course.clone()}</th>
                        <td class="numeric">{r.responses}</td>
                        <td class="numeric">{format!("{:.1}", r.average_rating)}</td>
                        <td class="numeric">{format!("{:.1}", r.average_usefulness)}</td>
                        <td class="numeric">{format!("{:.0}%", r.recommend_percent)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label="Course evaluation">
                <table class="table">
                    <thead><tr>
                        <th scope="col">"Course"</th><th scope="col" class="numeric">"Responses"</th><th scope="col" class="numeric">"Rating (1-5)"</th>
                        <th scope="col" class="numeric">"Usefulness (1-5)"</th><th scope="col" class="numeric">"Would recommend"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    let survey_sentences: Vec<String> = surveys
        .sentences
        .iter()
        .cloned()
        .chain(surveys.surveys.iter().flat_map(|s| s.sentences.clone()))
        .collect();
    let budget = spend.spend.budget_pence;
    let committed = spend.spend.completed_pence + spend.spend.planned_pence;
    let spend_chart = (budget > 0 && committed > 0).then(|| {
        let pounds = mdr_domain::model::money::pounds;
        // Whole pounds for the chart's lengths; the words give the pence.
        let whole = |pence: u64| (pence / 100) as usize;
        view! {
            <Bars
                caption="Spend against the training budget".to_owned()
                bars=vec![
                    ("Budget".to_owned(), whole(budget), pounds(budget)),
                    ("Spent".to_owned(), whole(spend.spend.completed_pence), pounds(spend.spend.completed_pence)),
                    ("Planned".to_owned(), whole(spend.spend.planned_pence), pounds(spend.spend.planned_pence)),
                ]
                of=whole(budget.max(committed))
            />
        }
    });
    view! {
        <Part id="committee-programme" title="The programme delivered" sentences=programme.sentences/>
        <Part id="committee-take-up" title="Take-up by course and provider" sentences=take_up.sentences>
            {take_up_chart}
            {take_up_table}
        </Part>
        <Part id="committee-trained" title="Members trained" sentences=members_trained.sentences/>
        <Part id="committee-compliance" title="Mandatory training by role" sentences=compliance.sentences>
            {role_sentences}
            {compliance_table}
        </Part>
        <Part id="committee-plans" title="Personal development plans" sentences=plans.sentences>
            {plans_chart}
        </Part>
        <Part id="committee-asked" title="Learning members asked for" sentences=asked_for.sentences>
            {asked}
        </Part>
        <Part id="committee-evaluation" title="Course evaluation" sentences=evaluation.sentences>
            {evaluation_table}
        </Part>
        <Part id="committee-surveys" title="Self-assessment surveys: change from baseline" sentences=survey_sentences/>
        <Part id="committee-spend" title="Spend against the budget" sentences=spend.sentences>
            {spend_chart}
        </Part>
    }
}

/// The Committee report page.
#[component]
pub fn CommitteeReportPage() -> impl IntoView {
    set_page_title("Committee report – Officer workspace");
    let data: OfficerData = use_officer_data();
    let OfficerData {
        workspace, problem, ..
    } = data;
    let pack = StoredValue::new(data.pack().ok().flatten());
    let today = Local::now().date_naive();
    let current = MunicipalYear::containing(today);
    let year = RwSignal::new(current);
    let notes = RwSignal::new(data.committee_notes(current));
    let saved = RwSignal::new(None::<String>);
    let report = Memo::new(move |_| {
        let year = year.get();
        workspace.with(|w| pack.with_value(|p| committee_report(w, p.as_ref(), year, today)))
    });
    let choose_year = Callback::new(move |chosen: MunicipalYear| {
        year.set(chosen);
        notes.set(data.committee_notes(chosen));
        saved.set(None);
    });
    let keep = move |change: &dyn Fn(&mut CommitteeNotes)| {
        notes.update(|n| change(n));
        saved.set(Some(saved_message(
            notes.with_untracked(|n| data.save_committee_notes(year.get_untracked(), n)),
            "the introduction and recommendations",
        )));
    };
    let printed_title = Signal::derive(move || {
        let year = year.get().label();
        workspace.with(|w| {
            pack.with_value(|p| match reports_council(w, p.as_ref()) {
                Some(c) => format!("{c}: member development, annual report {year}"),
                None => format!("Member development, annual report {year}"),
            })
        })
    });
    let body = move || {
        if data.loading() {
            return view! { <p class="report__empty">"Opening the members' files saved on this device…"</p> }.into_any();
        }
        let report = report.get();
        if report.no_members() || report.nothing_in_year {
            return view! { <p class="report__empty committee__opening">{report.opening}</p> }
                .into_any();
        }
        view! {
            <p class="committee__opening">{report.opening.clone()}</p>
            <OwnWords
                id="committee-introduction"
                title="Introduction"
                hint="Opens the report, before the figures: its purpose and anything the committee should know. Kept on this device with the year's report."
                value=Signal::derive(move || notes.with(|n| n.introduction.clone()))
                on_input=Callback::new(move |text: String| keep(&|n| n.introduction = text.clone()))
            />
            {sections(report)}
            <OwnWords
                id="committee-recommendations"
                title="Recommendations"
                hint="What you ask the committee to note or agree. Kept on this device with the year's report."
                value=Signal::derive(move || notes.with(|n| n.recommendations.clone()))
                on_input=Callback::new(move |text: String| keep(&|n| n.recommendations = text.clone()))
            />
            <p class="screen-only field__hint" role="status">{move || saved.get()}</p>
        }
        .into_any()
    };
    view! {
        <PrintHeading title=printed_title/>
        <h1 class="screen-only">"Officer workspace"</h1>
        <OfficerNav/>
        {move || problem.get().map(|p| view! { <p class="notice notice--error" role="alert">{p}</p> })}
        <section class="section committee" aria-labelledby="committee-title">
            <h2 id="committee-title" class="screen-only">"Committee report"</h2>
            <p class="screen-only">
                "The year's member development in plain English, with the figures, for a member development or standards committee. "
                "Add an introduction and recommendations, then print it or save it as a PDF."
            </p>
            <YearChoice id="committee-year" current=current on_choose=choose_year/>
            <div class="button-group screen-only">
                <button type="button" class="button button--secondary" on:click=move |_| { let _ = window().print(); }>"Print the committee report"</button>
            </div>
            <h2 class="print-only committee__title">{move || printed_title.get()}</h2>
            {body}
        </section>
    }
}
