//! The Leptos app: the shell and the pages. Components here show the record
//! and change it through the context; they never parse files or touch storage directly.

mod components;
mod context;
pub mod council_key;
pub mod crypto;
pub mod device;
mod drafts;
pub mod files;
mod lazy;
pub mod officer_context;
pub mod officer_import;
pub mod pages;
pub mod router;
pub mod workbook;

use leptos::prelude::*;

pub use context::{MemberContext, provide_member_context, use_member};
pub use lazy::PageNotLoaded;

use components::{LoadProblem, SaveStatus, SiteFooter, SiteHeader};

/// Registers the service worker that keeps every file of the app for offline use, and
/// notes when a new version has been fetched and waits. Only in release builds: in
/// development it would serve stale files between rebuilds.
fn register_service_worker(update: RwSignal<Option<web_sys::ServiceWorkerRegistration>>) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    if cfg!(debug_assertions) {
        return;
    }
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    let registering = container.register("/sw.js");
    leptos::task::spawn_local(async move {
        // Refused, or (where service workers are blocked) resolved with nothing: no worker.
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(registering).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        // Only an update matters: the first install has nothing older to replace.
        let has_controller = move || window().navigator().service_worker().controller().is_some();
        if registration.waiting().is_some() && has_controller() {
            update.set(Some(registration.clone()));
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let registration = watched.clone();
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                    update.set(Some(registration.clone()));
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

/// Offers a new version once it is ready; the page reloads only when the person asks, so
/// nobody loses what they are typing.
#[component]
fn UpdateReady(update: RwSignal<Option<web_sys::ServiceWorkerRegistration>>) -> impl IntoView {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let reload = move |_| {
        let Some(waiting) = update.get_untracked().and_then(|r| r.waiting()) else {
            return;
        };
        let container = window().navigator().service_worker();
        let on_change = Closure::<dyn FnMut()>::new(|| {
            let _ = window().location().reload();
        });
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let _ = waiting.post_message(&"skip-waiting".into());
    };
    view! {
        <Show when=move || update.with(Option::is_some)>
            <div class="banner banner--info" role="status">
                <p>
                    "A new version is ready — reload to use it. Everything you have typed is saved. "
                    <button type="button" class="button button--secondary" on:click=reload>"Reload"</button>
                </p>
            </div>
        </Show>
    }
}

/// The two parts of the app, built and loaded apart: a councillor's tablet never downloads
/// the officer's workspace, and the workspace does not carry the councillor's pages.
pub use mdr_domain::address::Part;

/// The part now running.
pub fn current_part() -> Part {
    use_context::<Part>().unwrap_or(Part::Member)
}

/// The frame both parts share: header, update notice, save status, footer. Each part's
/// binary (`src/main.rs`, `src/bin/officer.rs`) puts its routes inside, so that its lazily
/// loaded pages are cut into its own chunks. The councillor's app provides the record
/// ([`provide_member_context`]) around it; the officer's workspace does not, and so
/// carries none of the record's code.
#[component]
pub fn Shell(
    part: Part,
    /// Whether the councillor's profile is set up, so the header offers their pages.
    set_up: Signal<bool>,
    children: Children,
) -> impl IntoView {
    provide_context(part);
    let update = RwSignal::new(None);
    register_service_worker(update);
    // Asked once a visit; the Export and backup page says what the browser decided.
    leptos::task::spawn_local(async {
        let _ = device::ask_to_persist().await;
    });
    router::provide_router();
    view! {
        <SiteHeader set_up=set_up/>
        <UpdateReady update=update/>
        <SaveStatus/>
        <main id="main" tabindex="-1" class="page">
            <LoadProblem/>
            {children()}
        </main>
        <SiteFooter/>
    }
}

/// Starts a part of the app: takes away the page's own notice shown while it loaded, and
/// mounts `app` in its place. The mount waits for the next task, so that the browser can
/// handle input between setting up the wasm and drawing the first page, rather than in one
/// long task.
pub fn start<V: IntoView + 'static>(app: fn() -> V) {
    console_error_panic_hook::set_once();
    // Leptos's own executor is set up by the mount, so the wait runs on wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        yield_to_browser().await;
        if let Some(notice) = document().get_element_by_id("opening") {
            notice.remove();
        }
        leptos::mount::mount_to_body(app);
    });
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
