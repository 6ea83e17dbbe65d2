//! Small components the pages are built from.

mod activities;
mod catalogue;
mod due;
mod error_summary;
mod fields;
mod profile_form;
mod shell;

pub use activities::ActivityList;
pub use catalogue::CatalogueBrowser;
pub use due::TrainingDue;
pub use error_summary::{FieldProblem, FormCheck, FormErrors};
pub use fields::{DateField, FieldError, RadioGroup, TextArea, TextField};
pub use profile_form::ProfileForm;
pub use shell::{LoadProblem, SaveStatus, SiteFooter, SiteHeader};
