//! The line a printed page opens with: whose record or which council's reports, and the
//! day it was printed. It shows only on paper.

use chrono::Local;
use leptos::prelude::*;

use mdr_domain::model::dates::long_date;

/// Says what a printed page is and when it was printed. The date is taken again as the
/// browser prepares to print, so a page left open overnight prints today's date.
#[component]
pub fn PrintHeading(
    /// What is printed, for whom: "Learning record of Cllr Amrit Kaur, Sandwell…".
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let today = RwSignal::new(Local::now().date_naive());
    let listener = window_event_listener_untyped("beforeprint", move |_| {
        today.set(Local::now().date_naive());
    });
    on_cleanup(move || listener.remove());
    view! {
        <p class="print-only print-heading">
            <strong>{title}</strong>
            <span>{move || format!("Printed {}", long_date(today.get()))}</span>
        </p>
    }
}
