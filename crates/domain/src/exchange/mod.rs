//! Files that carry a councillor's record between devices and people.
//!
//! One envelope, [`MemberFile`], serves both the exported file and the copy kept in the
//! browser's storage, so both are read by one reader, upgraded by one chain of migrations
//! and described by one JSON Schema (`public/schema/member-record.schema.json`). What this
//! module does not do: touch storage, the DOM or the network.

mod advice;
mod error;
mod for_council;
pub mod hpke;
mod json_fault;
mod key_backup;
mod layout;
mod member_file;
mod migrate;
mod pack_file;
mod sealed;
mod text;

pub use advice::{Reader, SavedCopy, explain, explain_saved};
pub use error::{Damage, Part, Problem, ReadError};
pub use for_council::{
    CouncilFile, CouncilHeader, HPKE_INFO, SealedTo, council_file_name, sealing_key, short_id,
    write_council_file,
};
pub use key_backup::{
    KEY_BACKUP_FORMAT, KeyBackup, KeyBackupError, WrappedKey, Wrapping, key_backup_file_name,
    read_key_backup, write_key_backup,
};
pub use member_file::{
    MemberFile, export_file_name, read_member_file, write_member_file, written_schema_version,
};
pub use migrate::migrate_record;
pub use pack_file::{PackFile, pack_file_name, read_pack_file, write_pack_file};
pub use sealed::{
    CIPHER, Encryption, Export, KDF, KDF_ITERATIONS, NONCE_BYTES, SALT_BYTES, SealedFile,
    SealedHeader, locked_file_name, read_export, sealing_plaintext, write_sealed_file,
};
pub use text::{TextEncoding, file_text};

/// The format name written into every member file, so a file can be recognised as ours.
pub const MEMBER_FORMAT: &str = "member-development-record";

/// The format name of a council pack file.
pub const PACK_FORMAT: &str = "member-development-council-pack";

/// The shape of a council pack this version of the app writes.
pub const PACK_SCHEMA_VERSION: u32 = 1;

/// The shape of the record this version of the app writes. Raise it, and add a step to
/// [`migrate_record`], whenever the shape changes, so that older data is upgraded and an
/// older app refuses newer data rather than dropping what it does not understand.
pub const SCHEMA_VERSION: u32 = 6;

/// The largest member file the app will read, checked before parsing.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
