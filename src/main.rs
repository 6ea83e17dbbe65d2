//! Mounts the app. Everything else lives in the library so that tests can reach it.

#[cfg(target_arch = "wasm32")]
mod app {
    use leptos::prelude::*;
    use leptos_router::components::{Route, Routes};
    use leptos_router::{Lazy, path};
    use mdr::lazy_page;
    use mdr::ui::pages::*;
    use mdr::ui::{Part, Shell};

    lazy_page!(pages: Profile, profile_page, ProfilePage);
    lazy_page!(pages: Backup, backup_page, BackupPage);
    lazy_page!(pages: Learning, learning_page, LearningPage);
    lazy_page!(pages: AddActivity, add_activity_page, AddActivityPage);
    lazy_page!(pages: LogCourse, log_course_page, LogCoursePage);
    lazy_page!(pages: EditActivity, edit_activity_page, EditActivityPage);
    lazy_page!(pages: Evaluate, evaluate_page, EvaluatePage);
    lazy_page!(pages: Surveys, surveys_page, SurveysPage);
    lazy_page!(pages: Plan, plan_page, PlanPage);
    lazy_page!(pages: Response, response_page, ResponsePage);
    lazy_page!(pages: Survey, survey_page, SurveyPage);

    /// The councillor's app: everything but the officer's workspace. The home page loads
    /// first; every other page loads when first opened.
    #[component]
    pub fn App() -> impl IntoView {
        view! {
            <Shell part=Part::Member>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/profile") view={Lazy::<Profile>::new()}/>
                    <Route path=path!("/backup") view={Lazy::<Backup>::new()}/>
                    <Route path=path!("/learning") view={Lazy::<Learning>::new()}/>
                    <Route path=path!("/learning/add") view={Lazy::<AddActivity>::new()}/>
                    <Route path=path!("/learning/log/:course") view={Lazy::<LogCourse>::new()}/>
                    <Route path=path!("/learning/activity/:id") view={Lazy::<EditActivity>::new()}/>
                    <Route path=path!("/learning/activity/:id/evaluate") view={Lazy::<Evaluate>::new()}/>
                    <Route path=path!("/surveys") view={Lazy::<Surveys>::new()}/>
                    <Route path=path!("/plan") view={Lazy::<Plan>::new()}/>
                    <Route path=path!("/surveys/response/:id") view={Lazy::<Response>::new()}/>
                    <Route path=path!("/surveys/:template") view={Lazy::<Survey>::new()}/>
                </Routes>
            </Shell>
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    mdr::ui::start(app::App);
}

/// The app only runs in a browser; natively the crate is a library for the tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Member Development Record runs in a browser: use `make run`.");
}
