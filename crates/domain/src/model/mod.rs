//! Plain data about a councillor's record, and the facts derived from it.
//!
//! Nothing here knows about browsers, files or storage: these types are serialised by
//! `exchange` and kept by `store`, and the UI wraps them in signals. That keeps every rule
//! testable with plain `cargo test`.

pub mod allowance;
pub mod catalogue;
pub mod council_key;
pub mod dates;
pub mod due;
pub mod learning;
pub mod merge;
pub mod money;
pub mod pack;
pub mod plan;
pub mod profile;
pub mod record;
pub mod roles;
pub mod survey;
pub mod survey_templates;
pub mod text;
pub mod vocabulary;

pub use catalogue::{
    Course, CourseId, LearningFormat, MandatoryFor, MandatoryKind, default_catalogue,
};
pub use learning::{ActivityStatus, Evaluation, LearningActivity};
pub use merge::{MergeError, merge_records};
pub use profile::{Profile, ProfileProblem};
pub use record::MemberRecord;
pub use roles::{Role, RoleId, default_roles};
pub use vocabulary::Vocabulary;
