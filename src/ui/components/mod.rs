//! Small components the pages are built from.

mod error_summary;
mod fields;
mod profile_form;
mod shell;

pub use error_summary::{ErrorSummary, FieldProblem};
pub use fields::{FieldError, TextField};
pub use profile_form::ProfileForm;
pub use shell::{LoadProblem, SaveStatus, SiteFooter, SiteHeader};
