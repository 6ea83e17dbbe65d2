//! Charter evidence: the Councillor Development Charter's three criteria, each with the
//! elements members' records and the council pack can evidence, in an action plan's shape
//! (Guidelines | Action | Target date | Evidence). The evidence is the domain's
//! (`consolidate::charter_evidence`), a figure and its source in every cell; the officer
//! adds the actions and target dates, kept on this device. Printable, and a CSV.

use chrono::Local;
use leptos::prelude::*;

use crate::ui::components::{PrintHeading, TextField};
use crate::ui::files::download_csv;
use crate::ui::officer_context::{OfficerData, use_officer_data};
use crate::ui::pages::officer_committee::{YearChoice, saved_message};
use crate::ui::pages::officer_members::OfficerNav;
use crate::ui::set_page_title;
use mdr_domain::consolidate::{
    CharterAction, CharterActions, CharterCriterion, CharterElement, charter_evidence,
    charter_evidence_csv, reports_council,
};
use mdr_domain::model::Vocabulary;
use mdr_domain::model::due::MunicipalYear;

/// A cell the officer writes in: marked when empty, so a phone leaves it out.
fn written_class(text: &str) -> &'static str {
    if text.trim().is_empty() {
        "charter__written charter__written--empty"
    } else {
        "charter__written"
    }
}

/// One element's actions, to add to, change and remove.
#[component]
fn ActionsEditor(
    element: CharterElement,
    actions: RwSignal<CharterActions>,
    keep: Callback<()>,
) -> impl IntoView {
    let count = Memo::new(move |_| actions.with(|a| a.for_element(element).len()));
    let change = move |i: usize, edit: Box<dyn Fn(&mut CharterAction)>| {
        actions.update(|a| {
            if let Some(action) = a.for_element_mut(element).get_mut(i) {
                edit(action);
            }
        });
        keep.run(());
    };
    let field = move |i: usize, what: fn(&CharterAction) -> String| {
        Signal::derive(move || {
            actions.with(|a| a.for_element(element).get(i).map(what).unwrap_or_default())
        })
    };
    let add = move |_| {
        actions.update(|a| a.for_element_mut(element).push(CharterAction::default()));
        keep.run(());
    };
    // A hyphen that does not break: "self-assessment" stays one word on a phone.
    let legend = format!("Actions: {}", element.guideline().replace('-', "\u{2011}"));
    view! {
        <fieldset class="charter__actions screen-only">
            <legend class="charter__legend">{legend}</legend>
            <For each=move || 0..count.get() key=|i| *i let:i>
                <div class="charter__action">
                    <TextField
                        label=format!("Action {}", i + 1)
                        id=format!("charter-{}-action-{i}", element.id())
                        limit=mdr_domain::model::text::LONG_TEXT
                        value=field(i, |a| a.action.clone())
                        on_input=Callback::new(move |text: String| change(i, Box::new(move |a| a.action = text.clone())))
                    />
                    <TextField
                        label=format!("Target date of action {}", i + 1)
                        id=format!("charter-{}-date-{i}", element.id())
                        hint="As you would write it: March 2027, Ongoing, Oct – Dec 2026"
                        value=field(i, |a| a.target_date.clone())
                        on_input=Callback::new(move |text: String| change(i, Box::new(move |a| a.target_date = text.clone())))
                    />
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        actions.update(|a| {
                            let list = a.for_element_mut(element);
                            if i < list.len() {
                                list.remove(i);
                            }
                        });
                        keep.run(());
                    }>
                        {format!("Remove action {}", i + 1)}
                        <span class="visually-hidden">{format!(" for {}", element.guideline().to_lowercase())}</span>
                    </button>
                </div>
            </For>
            <button type="button" class="button button--secondary" on:click=add>
                "Add an action"
                <span class="visually-hidden">{format!(" for {}", element.guideline().to_lowercase())}</span>
            </button>
        </fieldset>
    }
}

/// The Charter evidence page.
#[component]
pub fn CharterEvidencePage() -> impl IntoView {
    set_page_title("Charter evidence – Officer workspace");
    let data: OfficerData = use_officer_data();
    let OfficerData {
        workspace, problem, ..
    } = data;
    let pack = StoredValue::new(data.pack().ok().flatten());
    let today = Local::now().date_naive();
    let current = MunicipalYear::containing(today);
    let year = RwSignal::new(current);
    let actions = RwSignal::new(data.charter_actions());
    let saved = RwSignal::new(None::<String>);
    let keep = Callback::new(move |()| {
        saved.set(Some(saved_message(
            actions.with_untracked(|a| data.save_charter_actions(a)),
            "the Charter actions",
        )));
    });
    let evidence = Memo::new(move |_| {
        let year = year.get();
        workspace.with(|w| pack.with_value(|p| charter_evidence(w, p.as_ref(), year, today)))
    });
    let download = move |_| {
        let (stem, csv) = evidence.with_untracked(|e| {
            (
                e.file_stem(),
                actions.with_untracked(|a| charter_evidence_csv(e, a)),
            )
        });
        let _ = download_csv(&stem, &csv);
    };
    let printed_title = Signal::derive(move || {
        let year = year.get().label();
        workspace.with(|w| {
            pack.with_value(|p| match reports_council(w, p.as_ref()) {
                Some(c) => format!("{c}: Councillor Development Charter evidence, {year}"),
                None => format!("Councillor Development Charter evidence, {year}"),
            })
        })
    });
    let criterion_table = move |criterion: CharterCriterion| {
        let rows = move || {
            evidence.with(|e| {
                e.of_criterion(criterion)
                    .map(|found| {
                        let element = found.element;
                        let written: Vec<CharterAction> = actions.with(|a| {
                            a.for_element(element)
                                .iter()
                                .filter(|a| !a.is_blank())
                                .cloned()
                                .collect()
                        });
                        let span = written.len().max(1);
                        let evidence_class = if found.evidenced { "charter__evidence" } else { "charter__evidence charter__evidence--none" };
                        let first = written.first().cloned().unwrap_or_default();
                        let rest = written.into_iter().skip(1).map(|a| view! {
                            <tr role="row">
                                <td role="cell" data-label="Action" class=written_class(&a.action)>{a.action.clone()}</td>
                                <td role="cell" data-label="Target date" class=written_class(&a.target_date)>{a.target_date.clone()}</td>
                            </tr>
                        }).collect_view();
                        view! {
                            <tr role="row">
                                <th role="rowheader" scope="row" rowspan=span>{element.guideline()}</th>
                                <td role="cell" data-label="Action" class=written_class(&first.action)>{first.action.clone()}</td>
                                <td role="cell" data-label="Target date" class=written_class(&first.target_date)>{first.target_date.clone()}</td>
                                <td role="cell" data-label="Evidence" rowspan=span class=evidence_class>
                                    {found.sentences.iter().map(|s| view! { <p>{s.clone()}</p> }).collect_view()}
                                </td>
                            </tr>
                            {rest}
                        }
                    })
                    .collect_view()
            })
        };
        let editors = CharterElement::ALL
            .iter()
            .copied()
            .filter(|e| e.criterion() == criterion)
            .map(|element| view! { <ActionsEditor element=element actions=actions keep=keep/> })
            .collect_view();
        let id = format!("charter-criterion-{}", criterion.number());
        let labelled = id.clone();
        view! {
            <section class="charter__criterion" aria-labelledby=labelled>
                <h3 id=id>{criterion.heading()}</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-label=format!("Criterion {}: guidelines, actions and evidence", criterion.number())>
                    // Roles spelt out: on a phone the table is laid out as blocks, which
                    // would otherwise lose it its rows and cells in some browsers.
                    <table class="table charter__table" role="table">
                        <thead role="rowgroup"><tr role="row">
                            <th role="columnheader" scope="col">"Guidelines"</th><th role="columnheader" scope="col">"Action"</th>
                            <th role="columnheader" scope="col">"Target date"</th><th role="columnheader" scope="col">"Evidence"</th>
                        </tr></thead>
                        <tbody role="rowgroup">{rows}</tbody>
                    </table>
                </div>
                {editors}
            </section>
        }
    };
    let body = move || {
        if data.loading() {
            return view! { <p class="report__empty">"Opening the members' files saved on this device…"</p> }.into_any();
        }
        if workspace.with(|w| w.members.is_empty()) {
            return view! {
                <p class="report__empty">
                    "No members' files yet: import them on the Members' files page, and this page fills in the evidence for each of the Charter's criteria from them."
                </p>
            }
            .into_any();
        }
        CharterCriterion::ALL
            .into_iter()
            .map(criterion_table)
            .collect_view()
            .into_any()
    };
    view! {
        <PrintHeading title=printed_title/>
        <h1 class="screen-only">"Officer workspace"</h1>
        <OfficerNav/>
        {move || problem.get().map(|p| view! { <p class="notice notice--error" role="alert">{p}</p> })}
        <section class="section charter" aria-labelledby="charter-title">
            <h2 id="charter-title" class="screen-only">"Charter evidence"</h2>
            <p class="screen-only">
                "The Councillor Development Charter's three criteria, with what members' records show for each element. "
                "Add your actions and target dates under each criterion; they are kept on this device and printed with the evidence."
            </p>
            <YearChoice id="charter-year" current=current on_choose=Callback::new(move |chosen| year.set(chosen))/>
            <div class="button-group screen-only">
                <button type="button" class="button button--secondary" on:click=download>"Download Charter evidence (CSV)"</button>
                <button type="button" class="button button--secondary" on:click=move |_| { let _ = window().print(); }>"Print the Charter evidence"</button>
            </div>
            <p class="screen-only field__hint" role="status">{move || saved.get()}</p>
            <h2 class="print-only">{move || printed_title.get()}</h2>
            {body}
        </section>
    }
}
