//! One component per page; each composes the small components in `ui::components`.

mod backup;
mod home;
mod not_found;
mod profile;

pub use backup::BackupPage;
pub use home::HomePage;
pub use not_found::NotFound;
pub use profile::ProfilePage;
