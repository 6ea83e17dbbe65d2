//! Small components the pages are built from.

mod activities;
mod catalogue;
mod confirm;
mod due;
mod error_summary;
mod fields;
mod outcome;
mod pack_import;
mod print_heading;
mod profile_form;
mod question;
mod shell;
mod words;

pub use activities::{ActivityCards, ActivityList};
pub use catalogue::CatalogueBrowser;
pub use confirm::ConfirmPanel;
pub use due::{DueList, TrainingDue};
pub use error_summary::{FieldProblem, FormCheck, FormErrors, focus_field};
pub use fields::{
    CheckboxGroup, CheckboxList, DateField, FileField, PassphraseField, RadioGroup, RadioList,
    ReadChosenFile, TextArea, TextField,
};
pub use outcome::Outcome;
pub use pack_import::CouncilPackImport;
pub use print_heading::PrintHeading;
pub use profile_form::ProfileForm;
pub use question::{QuestionInput, answer_text, question_dom_id, scale};
pub use shell::{LoadProblem, SaveStatus, SiteFooter, SiteHeader, SiteLink};
pub use words::whole_words;
