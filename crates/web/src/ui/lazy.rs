//! Pages (and functions) that load when first opened. In the release build (`--cfg
//! mdr_split`, set by `scripts/build.sh`) each is compiled into its group's chunk, which
//! `scripts/split-wasm.mjs` cuts out of the main module (code that several groups share
//! goes into shared chunks, fetched with each group that needs them); the first load then
//! carries only the shell and the first page, and the service worker keeps every chunk for
//! offline use. A page's group is named after the start of its address, its segments joined
//! by `_` (`/learning` is in `learning`, `/learning/activity/:id` in `learning_activity`), so
//! that a page opened directly fetches its group with the main part: the longest start of
//! the address that names a group.
//! Elsewhere (development, tests) the same pages are plain functions.

use leptos::prelude::*;

use crate::ui::set_page_title;

/// Defines a function whose code loads when it is first called:
/// `lazy_fn!(chunk: fn name(arg: Type, ...) -> Output { body })` makes
/// `async fn name(...) -> Result<Output, SplitLoaderError>`, compiled into `chunk` (with
/// everything only it reaches) in the release build, and a plain function elsewhere. `Err`
/// means the chunk could not be fetched; the next call tries again.
#[macro_export]
macro_rules! lazy_fn {
    ($chunk:ident: fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        #[cfg(mdr_split)]
        #[allow(unused_braces)] // a body of one expression
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name($($arg: $ty),*) -> ::std::result::Result<$out, ::leptos::wasm_split::SplitLoaderError> {
            ::std::result::Result::Ok($body)
        }

        #[cfg(not(mdr_split))]
        #[allow(unused_braces)] // a body of one expression
        async fn $name($($arg: $ty),*) -> ::std::result::Result<$out, ::leptos::wasm_split::SplitLoaderError> {
            ::std::result::Result::Ok($body)
        }
    };
}

/// Defines a page that loads when first opened: `lazy_page!(group: fetch_fn, Page)` makes
/// `fn fetch_fn()`, a [`crate::ui::router::Fetch`] for a route's `Page::Later`. The pages of
/// one group share its chunk; name the group after the start of their addresses, segments
/// joined by `_`.
/// A chunk that cannot be fetched (offline before the app was kept) shows [`PageNotLoaded`]
/// instead of stopping the app, and the next visit to the page tries again.
#[macro_export]
macro_rules! lazy_page {
    ($chunk:ident: $fetch:ident, $page:ident) => {
        fn $fetch() -> ::std::pin::Pin<
            ::std::boxed::Box<dyn ::std::future::Future<Output = ::std::option::Option<$crate::ui::router::Build>>>,
        > {
            // The builder is the chunk's own code; the main part only calls it.
            $crate::lazy_fn!($chunk: fn fetched() -> $crate::ui::router::Build {
                || ::leptos::prelude::IntoAny::into_any($page())
            });
            ::std::boxed::Box::pin(async { fetched().await.ok() })
        }
    };
}

/// Shown in place of a page whose chunk could not be fetched: offline before the service
/// worker kept it, or a page of an older build whose chunk a newer build has replaced
/// (chunks are named for their build, so it is never the wrong one).
#[component]
pub fn PageNotLoaded() -> impl IntoView {
    set_page_title("This page could not be opened");
    let try_again = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <h1>"This page could not be opened"</h1>
        <p>
            "This part of the app could not be loaded. Either it has not been downloaded to "
            "this device yet and there is no internet connection, or a newer version of the "
            "app has arrived since this page was opened. Everything you have typed is saved."
        </p>
        <p>
            "Try again to reload the app. If there is no connection, connect to the internet "
            "first: once the page has opened, it works offline."
        </p>
        <p>
            <button type="button" class="button" on:click=try_again>"Try again"</button>
        </p>
    }
}
