//! The training matrix: every member held down the side, the council's courses across,
//! each cell the last completion date or due, overdue, planned or in progress; filtered by
//! a role or committee and to mandatory courses; a CSV download; printed on landscape A4
//! with the courses' names repeated at the top of each page. The figures are the domain's
//! (`consolidate::training_matrix`); this page lays them out.

use chrono::Local;
use leptos::prelude::*;

use crate::ui::files::download_csv;
use crate::ui::officer_context::{OfficerData, use_officer_data};
use crate::ui::pages::officer_members::OfficerNav;
use crate::ui::set_page_title;
use mdr_domain::consolidate::{MatrixCell, MatrixFilter, training_matrix, training_matrix_csv};
use mdr_domain::model::dates::short_date;
use mdr_domain::model::pack::{CouncilPack, all_roles, offered_courses};
use mdr_domain::model::roles::role_name;

/// The most members the matrix shows on screen until asked for all.
const ROWS_SHOWN: usize = 100;

/// How many courses a printed page takes across, beside the members' names.
const PRINTED_COURSES: usize = 7;

/// The class that marks a cell's state on screen and on paper (with its words, never by
/// colour alone).
fn cell_class(cell: MatrixCell) -> &'static str {
    match cell {
        MatrixCell::Completed(_) => "matrix__cell matrix__cell--done",
        MatrixCell::Due => "matrix__cell matrix__cell--due",
        MatrixCell::Overdue => "matrix__cell matrix__cell--overdue",
        MatrixCell::Planned | MatrixCell::InProgress => "matrix__cell matrix__cell--booked",
        MatrixCell::Blank => "matrix__cell",
    }
}

/// The Training matrix page.
#[component]
pub fn TrainingMatrixPage() -> impl IntoView {
    set_page_title("Training matrix – Officer workspace");
    let data: OfficerData = use_officer_data();
    let OfficerData {
        workspace, problem, ..
    } = data;
    let pack: Option<CouncilPack> = data.pack().ok().flatten();
    let catalogue = StoredValue::new(offered_courses(pack.as_ref()));
    let roles = StoredValue::new(all_roles(pack.as_ref()));
    let today = Local::now().date_naive();
    let role = RwSignal::new(String::new());
    let mandatory_only = RwSignal::new(false);
    let filter = move || MatrixFilter {
        role: Some(role.get()).filter(|r| !r.is_empty()),
        mandatory_only: mandatory_only.get(),
    };
    let matrix = Memo::new(move |_| {
        let filter = filter();
        workspace.with(|w| training_matrix(w, &catalogue.get_value(), &filter, today))
    });
    let download = move |_| {
        let _ = download_csv("training-matrix", &matrix.with(training_matrix_csv));
    };
    let role_options = roles
        .get_value()
        .into_iter()
        .map(|r| view! { <option value=r.id.clone()>{r.name}</option> })
        .collect_view();
    let empty = move || {
        if data.loading() {
            return Some("Opening the members' files saved on this device…".to_owned());
        }
        if workspace.with(|w| w.members.is_empty()) {
            return Some(
                "No members' files yet: import them on the Members' files page, and the matrix shows where each member stands with each course."
                    .to_owned(),
            );
        }
        matrix.with(|m| m.rows.is_empty()).then(|| {
            format!(
                "No member held is a {}.",
                role_name(&roles.get_value(), &role.get()).to_lowercase()
            )
        })
    };
    // A long matrix shows its first members until asked for all; the download and the
    // printout always have them all.
    let show_all = RwSignal::new(false);
    // The printed column groups are made only as the browser prints, and dropped after.
    let printing = RwSignal::new(false);
    let before = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let table = move || {
        let matrix = matrix.get();
        let total = matrix.rows.len();
        let shown = if show_all.get() {
            total
        } else {
            total.min(ROWS_SHOWN)
        };
        let head = matrix
            .courses
            .iter()
            .map(|c| view! { <th scope="col" class="matrix__course">{c.title.clone()}</th> })
            .collect_view();
        let body = matrix
            .rows
            .into_iter()
            .take(shown)
            .map(|row| {
                let cells = row
                    .cells
                    .into_iter()
                    .map(|cell| view! { <td class=cell_class(cell)>{cell.text(short_date)}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row" class="matrix__member">{row.member}<span class="matrix__ward">{row.ward}</span></th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll matrix screen-only" tabindex="0" role="region" aria-label="Training matrix, one row per member">
                <table class="table matrix__table">
                    <thead><tr><th scope="col" class="matrix__member">"Member"</th>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {(shown < total).then(|| view! {
                <p class="field__hint screen-only">{format!("Showing the first {shown} of {total} members; the download and the printout have them all.")}</p>
                <button type="button" class="button button--secondary screen-only" on:click=move |_| show_all.set(true)>{format!("Show all {total} members")}</button>
            })}
        }
    };
    // On paper the courses come a few at a time, each group on pages of its own with the
    // members' names down the side again: a page is only so wide.
    let printed = move || {
        if !printing.get() {
            return None;
        }
        let matrix = matrix.get();
        matrix
            .courses
            .chunks(PRINTED_COURSES)
            .enumerate()
            .map(|(group, courses)| {
                let from = group * PRINTED_COURSES;
                let head = courses
                    .iter()
                    .map(|c| view! { <th scope="col" class="matrix__course">{c.title.clone()}</th> })
                    .collect_view();
                let body = matrix
                    .rows
                    .iter()
                    .map(|row| {
                        let cells = row.cells[from..from + courses.len()]
                            .iter()
                            .map(|cell| view! { <td class=cell_class(*cell)>{cell.text(short_date)}</td> })
                            .collect_view();
                        view! { <tr><th scope="row" class="matrix__member">{row.member.clone()}<span class="matrix__ward">{row.ward.clone()}</span></th>{cells}</tr> }
                    })
                    .collect_view();
                view! {
                    <table class="table matrix__table matrix__printed">
                        <thead><tr><th scope="col" class="matrix__member">"Member"</th>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                }
            })
            .collect_view()
            .into()
    };
    view! {
        <h1 class="screen-only">"Officer workspace"</h1>
        <OfficerNav/>
        {move || problem.get().map(|p| view! { <p class="notice notice--error" role="alert">{p}</p> })}
        <section class="section report matrix-page" aria-labelledby="matrix-title">
            <h2 id="matrix-title">"Training matrix"</h2>
            <p class="screen-only">
                "Every member held, and where they stand with each course: the date they last completed it, "
                "or due, overdue, planned or in progress. A blank cell means nothing is recorded and nothing is asked of them."
            </p>
            <div class="matrix__filters screen-only">
                <div class="field">
                    <label class="field__label" for="matrix-role">"Role or committee"</label>
                    <select class="field__select" id="matrix-role" on:change=move |ev| role.set(event_target_value(&ev))>
                        <option value="">"Every member"</option>
                        {role_options}
                    </select>
                </div>
                <div class="field checkbox">
                    <input type="checkbox" id="matrix-mandatory" class="checkbox__input" on:change=move |ev| mandatory_only.set(event_target_checked(&ev))/>
                    <label class="checkbox__label" for="matrix-mandatory">"Mandatory courses only"</label>
                </div>
            </div>
            <div class="button-group screen-only">
                <button type="button" class="button button--secondary" on:click=download>"Download training matrix (CSV)"</button>
                <button type="button" class="button button--secondary" on:click=move |_| { let _ = window().print(); }>"Print the matrix"</button>
            </div>
            {move || match empty() {
                Some(sentence) => view! { <p class="report__empty">{sentence}</p> }.into_any(),
                None => view! { {table()}<div class="print-only">{printed()}</div> }.into_any(),
            }}
        </section>
    }
}
