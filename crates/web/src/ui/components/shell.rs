//! The frame around every page: header and navigation, save status, footer.

use leptos::prelude::*;

use crate::ui::router::NavLink;
use crate::ui::{MemberContext, Part};
use mdr_domain::store::LoadError;

/// A link within the app. The councillor's pages and the officer's workspace are built and
/// loaded apart, so a link to the other part is left to the browser (a page load), and one
/// within this part is followed in place.
#[component]
pub fn SiteLink(
    href: &'static str,
    /// Current only on this address itself, not on the pages under it.
    #[prop(optional)]
    exact: bool,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    if Part::serving(href) == crate::ui::current_part() {
        view! { <NavLink href=href exact=exact class=class>{children()}</NavLink> }.into_any()
    } else {
        view! { <a href=href class=class rel="external">{children()}</a> }.into_any()
    }
}

/// The product name, the main navigation and the link to the profile.
#[component]
pub fn SiteHeader(
    /// Whether the councillor's profile is set up, so their pages are offered.
    set_up: Signal<bool>,
) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <header class="site-header">
            <div class="site-header__bar">
                <SiteLink href="/" class="site-header__name">"Member Development Record"</SiteLink>
                <Show when=move || set_up.get()>
                    <SiteLink href="/profile" class="site-header__profile">"Your profile"</SiteLink>
                </Show>
            </div>
            <nav class="main-nav" aria-label="Main">
                <ul>
                    <li><SiteLink href="/" exact=true>"Home"</SiteLink></li>
                    <Show when=move || set_up.get()>
                        <li><SiteLink href="/learning">"Learning record"</SiteLink></li>
                        <li><SiteLink href="/surveys">"Surveys"</SiteLink></li>
                        <li><SiteLink href="/plan">"Development plan"</SiteLink></li>
                    </Show>
                    <li><SiteLink href="/backup">"Export and backup"</SiteLink></li>
                    // A councillor finds the workspace in the footer, out of their way.
                    {(crate::ui::current_part() == Part::Officer).then(|| view! {
                        <li><SiteLink href="/officer">"Officer workspace"</SiteLink></li>
                    })}
                </ul>
            </nav>
        </header>
    }
}

/// Says whether the latest changes are saved; a lasting warning while they are not.
#[component]
pub fn SaveStatus() -> impl IntoView {
    use_context::<MemberContext>().map(|member| {
        view! {
            <Show when=move || member.save_problem.with(Option::is_some)>
                <div class="banner banner--warning" role="alert">
                    <h2 class="banner__title">"Your latest changes are not saved yet"</h2>
                    <p>{move || member.save_problem.get()}</p>
                </div>
            </Show>
        }
    })
}

/// Explains why the saved record could not be opened, and that nothing was changed.
#[component]
pub fn LoadProblem() -> impl IntoView {
    use_context::<MemberContext>().map(|member| {
        view! {
            <Show when=move || member.load_problem.with(Option::is_some)>
                <div class="banner banner--error" role="alert">
                    <h2 class="banner__title">"Your record could not be opened"</h2>
                    <p>{move || member.load_problem.get().map(|p| p.to_string())}</p>
                    // Export and backup comes with the part of the app that is missing
                    // when the record's reader could not be fetched.
                    <Show when=move || {
                        !member.load_problem.with(|p| matches!(p, Some(LoadError::ReaderNeeded)))
                    }>
                        <p>
                            "You can still download the saved data exactly as it is, from "
                            <SiteLink href="/backup">"Export and backup"</SiteLink> "."
                        </p>
                    </Show>
                </div>
            </Show>
        }
    })
}

/// Where the data lives, said plainly on every page; on the councillor's pages, the way
/// to the officer's workspace.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let part = crate::ui::current_part();
    view! {
        <footer class="site-footer">
            <p>
                {match part {
                    Part::Member => "Your record is kept only on this device, in this browser. ",
                    Part::Officer => "Members' files are kept only on this device, in this browser. ",
                }}
                "Nothing is sent anywhere unless you export it yourself."
            </p>
            {(part == Part::Member).then(|| view! {
                <p class="site-footer__officer">
                    "For Democratic Services officers: "
                    <SiteLink href="/officer">"Officer workspace"</SiteLink>
                </p>
            })}
        </footer>
    }
}
