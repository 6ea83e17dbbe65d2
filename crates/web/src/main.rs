//! Mounts the app. Everything else lives in the library so that tests can reach it.

#[cfg(target_arch = "wasm32")]
mod app {
    use std::future::Future;
    use std::pin::Pin;

    use leptos::prelude::*;
    use mdr_domain::address::{MEMBER_ROUTES, MemberPage};
    use mdr_domain::store::RecordReader;
    use mdr_web::ui::pages::*;
    use mdr_web::ui::router::{Page, Routes};
    use mdr_web::ui::{Part, Shell, provide_member_context};
    use mdr_web::{lazy_fn, lazy_page};

    lazy_page!(profile: profile_page, ProfilePage);
    lazy_page!(backup: backup_page, BackupPage);
    lazy_page!(learning: learning_page, LearningPage);
    lazy_page!(learning_add: add_activity_page, AddActivityPage);
    lazy_page!(learning_log: log_course_page, LogCoursePage);
    lazy_page!(learning_activity: edit_activity_page, EditActivityPage);
    lazy_page!(learning_activity: evaluate_page, EvaluatePage);
    lazy_page!(surveys: surveys_page, SurveysPage);
    lazy_page!(plan: plan_page, PlanPage);
    lazy_page!(surveys: response_page, ResponsePage);
    lazy_page!(surveys: survey_page, SurveyPage);

    // The code that reads a saved record and merges two copies of it: a new device's
    // first visit has no record to read, so it comes with the pages.
    lazy_fn!(reader: fn record_reader() -> RecordReader { RecordReader::STANDARD });

    // The home page's summary of a set-up record loads with the reader, which a device
    // holding a record has fetched as the app started.
    lazy_page!(reader: summary_cards, Summary);

    fn fetch_reader() -> Pin<Box<dyn Future<Output = Option<RecordReader>>>> {
        Box::pin(async { record_reader().await.ok() })
    }

    /// What each of the councillor's pages (`mdr_domain::address::MEMBER_ROUTES`) is made
    /// of. The home page loads first; every other page loads when first opened.
    fn page(page: MemberPage) -> Page {
        match page {
            MemberPage::Home => Page::Now(|| HomePage().into_any()),
            MemberPage::Profile => Page::Later(profile_page),
            MemberPage::Backup => Page::Later(backup_page),
            MemberPage::Learning => Page::Later(learning_page),
            MemberPage::AddActivity => Page::Later(add_activity_page),
            MemberPage::LogCourse => Page::Later(log_course_page),
            MemberPage::EditActivity => Page::Later(edit_activity_page),
            MemberPage::Evaluate => Page::Later(evaluate_page),
            MemberPage::Surveys => Page::Later(surveys_page),
            MemberPage::Plan => Page::Later(plan_page),
            MemberPage::Response => Page::Later(response_page),
            MemberPage::Survey => Page::Later(survey_page),
        }
    }

    /// The councillor's app: everything but the officer's workspace.
    #[component]
    pub fn App() -> impl IntoView {
        let member = provide_member_context(fetch_reader);
        provide_context(SummaryFetch(summary_cards));
        let set_up = Signal::from(Memo::new(move |_| member.is_set_up()));
        view! {
            <Shell part=Part::Member set_up=set_up>
                <Show
                    when=move || !member.opening.get()
                    fallback=|| view! { <p role="status">"Opening your record…"</p> }
                >
                    <Routes routes=MEMBER_ROUTES page=page fallback=|| NotFound().into_any()/>
                </Show>
            </Shell>
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    mdr_web::ui::start(app::App);
}

/// The app only runs in a browser; natively the crate is a library for the tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Member Development Record runs in a browser: use `make run`.");
}
