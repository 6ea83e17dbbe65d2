//! Member Development Record's domain: a councillor's record of learning and development,
//! the files that carry it, the officer's consolidation of many records, and the rules for
//! keeping them in storage.
//!
//! Plain Rust with no browser in its dependency tree, so it builds and tests natively;
//! the web app (`mdr-web`) draws it. See `ARCHITECTURE.md` for the map.

pub mod address;
pub mod consolidate;
pub mod exchange;
pub mod model;
pub mod store;

/// The app's own version, written into every file it exports.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
