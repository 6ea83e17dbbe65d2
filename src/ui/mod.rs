//! The Leptos app: the shell, its routes and the pages. Components here show the record
//! and change it through the context; they never parse files or touch storage directly.

mod components;
mod context;
pub mod device;
mod drafts;
pub mod files;
mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub use context::{MemberContext, provide_member_context, use_member};

use components::{LoadProblem, SaveStatus, SiteFooter, SiteHeader};
use pages::{
    AddActivityPage, BackupPage, EditActivityPage, EvaluatePage, HomePage, LearningPage,
    LogCoursePage, NotFound, OfficerMembersPage, OfficerPage, OfficerReportsPage, PlanPage,
    ProfilePage, ResponsePage, SurveyPage, SurveysPage,
};

/// Registers the service worker that keeps every file of the app for offline use. Only in
/// release builds: in development it would serve stale files between rebuilds.
fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    let navigator = window().navigator();
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if supported {
        // The promise is left to settle: the app works the same whether or not it does.
        let _ = navigator.service_worker().register("/sw.js");
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_member_context();
    register_service_worker();
    // Asked once a visit; the Export and backup page says what the browser decided.
    leptos::task::spawn_local(async {
        let _ = device::ask_to_persist().await;
    });
    view! {
        <Router>
            <SiteHeader/>
            <SaveStatus/>
            <main id="main" tabindex="-1" class="page">
                <LoadProblem/>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/profile") view=ProfilePage/>
                    <Route path=path!("/backup") view=BackupPage/>
                    <Route path=path!("/learning") view=LearningPage/>
                    <Route path=path!("/learning/add") view=AddActivityPage/>
                    <Route path=path!("/learning/log/:course") view=LogCoursePage/>
                    <Route path=path!("/learning/activity/:id") view=EditActivityPage/>
                    <Route path=path!("/learning/activity/:id/evaluate") view=EvaluatePage/>
                    <Route path=path!("/surveys") view=SurveysPage/>
                    <Route path=path!("/plan") view=PlanPage/>
                    <Route path=path!("/officer") view=OfficerMembersPage/>
                    <Route path=path!("/officer/pack") view=OfficerPage/>
                    <Route path=path!("/officer/reports") view=OfficerReportsPage/>
                    <Route path=path!("/surveys/response/:id") view=ResponsePage/>
                    <Route path=path!("/surveys/:template") view=SurveyPage/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}

/// Lets the browser paint and handle input between chunks of long work, such as importing
/// hundreds of files.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Sets the browser tab's title for a page, as screen reader users hear it first.
pub fn set_page_title(page: &str) {
    document().set_title(&format!("{page} – Member Development Record"));
}
