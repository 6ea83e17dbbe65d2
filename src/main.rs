//! Mounts the app. Everything else lives in the library so that tests can reach it.

#[cfg(target_arch = "wasm32")]
fn main() {
    mdr::ui::start(mdr::ui::App);
}

/// The app only runs in a browser; natively the crate is a library for the tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Member Development Record runs in a browser: use `make run`.");
}
