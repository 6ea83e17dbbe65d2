//! Where a councillor changes their profile after the first run.

use leptos::prelude::*;

use crate::ui::components::ProfileForm;
use crate::ui::set_page_title;

/// The profile page, reached from every page by the "Your profile" link.
#[component]
pub fn ProfilePage() -> impl IntoView {
    set_page_title("Your profile");
    view! {
        <h1>"Your profile"</h1>
        <p class="lead">
            "Keep your roles up to date: they decide which training is mandatory for you. "
            "Changes are saved on this device as you type."
        </p>
        <ProfileForm first_run=false/>
    }
}
