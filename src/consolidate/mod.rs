//! The officer's side: bringing many members' exported files together, and reporting on
//! them. Plain Rust, tested natively; it reads files through `exchange` and merges through
//! `model::merge_records`, the same merge two tabs and a restore use.

mod csv;
mod reports;
mod workspace;

pub use csv::{Csv, to_csv};
pub use reports::{AuditRow, training_audit, training_audit_csv};
pub use workspace::{HeldMember, ImportOutcome, OfficerWorkspace};
