//! Moving between pages without reloading: the page for each address, links followed in
//! place, the browser's Back and Forward, and pages that load when first opened.
//!
//! Each part has a dozen fixed addresses, a few with one variable segment, so finding the
//! page is a walk down a short table; the browser's own `URL` and `URLSearchParams` read
//! addresses and queries.

use std::future::Future;
use std::pin::Pin;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use mdr_domain::address::{Part, route_for};

/// Builds a page.
pub type Build = fn() -> AnyView;

/// Fetches a page's code (see `lazy_page!`): its builder, or `None` when the code could
/// not be fetched.
pub type Fetch = fn() -> Pin<Box<dyn Future<Output = Option<Build>>>>;

/// How a route's page is made.
#[derive(Clone, Copy)]
pub enum Page {
    /// Built at once: its code is in the first download.
    Now(Build),
    /// Built once its code has been fetched, on first opening.
    Later(Fetch),
}

pub use mdr_domain::address::Params;

/// The query of the current address (`?section=2`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query(String);

impl Query {
    /// The query in `search`, the part of an address from `?` on.
    pub fn new(search: &str) -> Self {
        Self(search.to_owned())
    }

    /// The value of `name`, decoded, if the query has it.
    pub fn get(&self, name: &str) -> Option<String> {
        web_sys::UrlSearchParams::new_with_str(&self.0)
            .ok()?
            .get(name)
    }
}

/// The current address, as the app's signals.
#[derive(Clone, Copy)]
struct Location {
    path: RwSignal<String>,
    query: RwSignal<Query>,
}

impl Location {
    fn read_browser(&self) {
        let location = window().location();
        let path = location.pathname().unwrap_or_else(|_| "/".into());
        let query = Query::new(&location.search().unwrap_or_default());
        if self.path.with_untracked(|p| *p != path) {
            self.path.set(path);
        }
        if self.query.with_untracked(|q| *q != query) {
            self.query.set(query);
        }
    }

    /// Opens `to` (a path, query and fragment within this part) and adds it to the
    /// browser's history.
    fn go(&self, to: &str) {
        let history = window().history().expect("every window has a history");
        if history
            .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
            .is_err()
        {
            // Not an address of this page's origin: leave it to the browser.
            let _ = window().location().set_href(to);
            return;
        }
        self.read_browser();
        if !to.contains('#') {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// Starts following links within the app in place, and the browser's Back and Forward.
/// Called once by the shell, before any page.
pub fn provide_router() {
    let location = Location {
        path: RwSignal::new(String::new()),
        query: RwSignal::new(Query::default()),
    };
    location.read_browser();
    provide_context(location);
    let part = crate::ui::current_part();
    // Both listen as long as the page lives.
    let _ = window_event_listener(ev::popstate, move |_| location.read_browser());
    let _ = window_event_listener(ev::click, move |event| {
        if let Some(to) = followed_in_place(&event, part) {
            event.prevent_default();
            location.go(&to);
        }
    });
}

/// Where a click leads, if it is a plain click on a link to another page of this part;
/// every other click (a new tab, a download, the other part, a jump within this page) is
/// left to the browser.
fn followed_in_place(event: &web_sys::MouseEvent, part: Part) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return None;
    }
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = target
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let external = link
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if external || link.has_attribute("download") || !link.target().is_empty() {
        return None;
    }
    let url = web_sys::Url::new(&link.href()).ok()?;
    let here = window().location();
    if url.origin() != here.origin().ok()? || Part::serving(&url.pathname()) != part {
        return None;
    }
    let same_page =
        url.pathname() == here.pathname().ok()? && url.search() == here.search().ok()?;
    if same_page && !url.hash().is_empty() {
        return None;
    }
    Some(format!("{}{}{}", url.pathname(), url.search(), url.hash()))
}

fn use_location() -> Location {
    expect_context::<Location>()
}

/// A function that opens another page of this part, as a followed link does.
pub fn use_navigate() -> impl Fn(&str) + Copy + 'static {
    let location = use_location();
    move |to: &str| location.go(to)
}

/// The query of the current address.
pub fn use_query() -> Memo<Query> {
    let location = use_location();
    Memo::new(move |_| location.query.get())
}

/// The variable segments of the address that matched the current route.
pub fn use_params() -> Memo<Params> {
    expect_context::<Memo<Params>>()
}

/// Shows the page for the current address: the page that `page` makes for the route of
/// `routes` (one of `mdr_domain::address`'s tables) that matches, or `fallback` when none
/// does. A page whose code is not yet here is fetched first, and the page before stays
/// until it arrives; one that cannot be fetched shows [`crate::ui::PageNotLoaded`], and
/// opening it again tries again.
#[component]
pub fn Routes<P>(
    routes: &'static [(&'static str, P)],
    page: fn(P) -> Page,
    fallback: Build,
) -> impl IntoView
where
    P: Copy + Send + Sync + 'static,
{
    let location = use_location();
    let found = Memo::new(move |_| location.path.with(|path| route_for(routes, path)));
    let page_at = move |i: usize| page(routes[i].1);
    let index = Memo::new(move |_| found.with(|f| f.as_ref().map(|(i, _)| *i)));
    let params =
        Memo::new(move |_| found.with(|f| f.as_ref().map(|(_, p)| p.clone()).unwrap_or_default()));
    provide_context(params);

    // Builders of pages fetched so far, by route; the route whose page is shown, and its
    // builder. A page whose code is here is shown from the start.
    let fetched = StoredValue::new(vec![None::<Build>; routes.len()]);
    let shown = RwSignal::new(match index.get_untracked() {
        None => Some((None, fallback)),
        Some(i) => match page_at(i) {
            Page::Now(build) => Some((Some(i), build)),
            Page::Later(_) => None,
        },
    });
    let show = move |at: Option<usize>, build: Build| {
        if shown.with_untracked(|s| s.map(|(i, _)| i)) != Some(at) {
            shown.set(Some((at, build)));
        }
    };
    Effect::new(move |_| {
        let at = index.get();
        let Some(i) = at else {
            return show(None, fallback);
        };
        match page_at(i) {
            Page::Now(build) => show(at, build),
            Page::Later(fetch) => {
                if let Some(build) = fetched.with_value(|f| f[i]) {
                    return show(at, build);
                }
                leptos::task::spawn_local(async move {
                    let got = fetch().await;
                    if let Some(build) = got {
                        fetched.update_value(|f| f[i] = Some(build));
                    }
                    // Only if the address has not moved on meanwhile.
                    if index.get_untracked() == at {
                        show(at, got.unwrap_or(|| crate::ui::PageNotLoaded().into_any()));
                    }
                });
            }
        }
    });
    move || shown.get().map(|(_, build)| build())
}

/// A link to a page of the app, marked as the current page (`aria-current="page"`) on its
/// own address and, unless `exact`, on the addresses under it.
#[component]
pub fn NavLink(
    href: &'static str,
    #[prop(optional)] exact: bool,
    #[prop(optional_no_strip)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let current = move || {
        location.path.with(|path| {
            let here = path.trim_end_matches('/');
            let there = href.trim_end_matches('/');
            let under = !exact && here.starts_with(there) && here[there.len()..].starts_with('/');
            (here == there || under).then_some("page")
        })
    };
    view! { <a href=href class=class aria-current=current>{children()}</a> }
}
