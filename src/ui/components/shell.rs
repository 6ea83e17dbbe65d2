//! The frame around every page: header and navigation, save status, footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::use_member;

/// The product name, the main navigation and the link to the profile.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let member = use_member();
    let set_up = Memo::new(move |_| member.is_set_up());
    view! {
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <header class="site-header">
            <div class="site-header__bar">
                <a class="site-header__name" href="/">"Member Development Record"</a>
                <Show when=move || set_up.get()>
                    <A href="/profile" attr:class="site-header__profile">"Your profile"</A>
                </Show>
            </div>
            <nav class="main-nav" aria-label="Main">
                <ul>
                    <li><A href="/" exact=true>"Home"</A></li>
                    <Show when=move || set_up.get()>
                        <li><A href="/learning">"Learning record"</A></li>
                        <li><A href="/surveys">"Surveys"</A></li>
                        <li><A href="/plan">"Development plan"</A></li>
                    </Show>
                    <li><A href="/backup">"Export and backup"</A></li>
                    <li><A href="/officer">"Officer workspace"</A></li>
                </ul>
            </nav>
        </header>
    }
}

/// Says whether the latest changes are saved; a lasting warning while they are not.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let member = use_member();
    view! {
        <Show when=move || member.save_problem.with(Option::is_some)>
            <div class="banner banner--warning" role="alert">
                <h2 class="banner__title">"Your latest changes are not saved yet"</h2>
                <p>{move || member.save_problem.get()}</p>
            </div>
        </Show>
    }
}

/// Explains why the saved record could not be opened, and that nothing was changed.
#[component]
pub fn LoadProblem() -> impl IntoView {
    let member = use_member();
    view! {
        <Show when=move || member.load_problem.with(Option::is_some)>
            <div class="banner banner--error" role="alert">
                <h2 class="banner__title">"Your record could not be opened"</h2>
                <p>{move || member.load_problem.get()}</p>
                <p>
                    "You can still download the saved data exactly as it is, from "
                    <a href="/backup">"Export and backup"</a> "."
                </p>
            </div>
        </Show>
    }
}

/// Where the data lives, said plainly on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Your record is kept only on this device, in this browser. "
                "Nothing is sent anywhere unless you export it yourself."
            </p>
        </footer>
    }
}
