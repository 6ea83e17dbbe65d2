//! Member Development Record: a councillor's own record of learning and development.
//!
//! The crate is one library with a thin binary. The domain (`model`, `exchange`, and the
//! storage logic in `store`) is plain Rust that builds and tests natively; only `ui` and the
//! browser half of `store` are compiled for the web. See `ARCHITECTURE.md` for the map.

pub mod consolidate;
pub mod exchange;
pub mod model;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The app's own version, written into every file it exports.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
