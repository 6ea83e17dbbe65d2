//! Member Development Record in the browser: the councillor's app and the officer's
//! workspace, drawn with Leptos over the domain crate (`mdr_domain`), and the browser's two
//! stores. Compiled for the web only; see `ARCHITECTURE.md` for the map.

#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
