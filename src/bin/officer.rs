//! Mounts the officer's workspace, built apart from the councillor's app (see `ui::Part`).

#[cfg(target_arch = "wasm32")]
fn main() {
    mdr::ui::start(mdr::ui::OfficerApp);
}

/// The workspace only runs in a browser; natively the crate is a library for the tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Member Development Record runs in a browser: use `make run`.");
}
