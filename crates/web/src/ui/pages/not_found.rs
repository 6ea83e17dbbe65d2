//! What a mistyped or outdated address shows.

use leptos::prelude::*;

use crate::ui::components::SiteLink;
use crate::ui::set_page_title;

/// The page for an address the app does not have.
#[component]
pub fn NotFound() -> impl IntoView {
    set_page_title("Page not found");
    view! {
        <h1>"Page not found"</h1>
        <p>"If you typed the address, check it is correct."</p>
        <p><SiteLink href="/">"Go to the home page"</SiteLink></p>
    }
}
