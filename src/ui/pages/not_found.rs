//! What a mistyped or outdated address shows.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::set_page_title;

/// The page for an address the app does not have.
#[component]
pub fn NotFound() -> impl IntoView {
    set_page_title("Page not found");
    view! {
        <h1>"Page not found"</h1>
        <p>"If you typed the address, check it is correct."</p>
        <p><A href="/">"Go to the home page"</A></p>
    }
}
