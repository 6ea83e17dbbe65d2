//! Mounts the officer's workspace, built apart from the councillor's app (see `ui::Part`).

#[cfg(target_arch = "wasm32")]
mod app {
    use leptos::prelude::*;
    use leptos_router::components::{Route, Routes};
    use leptos_router::{Lazy, path};
    use mdr::lazy_page;
    use mdr::ui::pages::{NotFound, OfficerMembersPage, OfficerPage, OfficerReportsPage};
    use mdr::ui::{Part, Shell};

    lazy_page!(workspace_pages: Pack, pack_page, OfficerPage);
    lazy_page!(workspace_pages: Reports, reports_page, OfficerReportsPage);

    /// The officer's workspace, under `/officer`: the members list loads first.
    #[component]
    pub fn OfficerApp() -> impl IntoView {
        mdr::ui::pages::provide_officer_data();
        view! {
            <Shell part=Part::Officer>
                <Routes fallback=NotFound>
                    <Route path=path!("/officer") view=OfficerMembersPage/>
                    <Route path=path!("/officer/pack") view={Lazy::<Pack>::new()}/>
                    <Route path=path!("/officer/reports") view={Lazy::<Reports>::new()}/>
                </Routes>
            </Shell>
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    mdr::ui::start(app::OfficerApp);
}

/// The workspace only runs in a browser; natively the crate is a library for the tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Member Development Record runs in a browser: use `make run`.");
}
