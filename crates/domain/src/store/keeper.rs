//! The rules for keeping one councillor's record in a [`Storage`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use super::{Storage, StoreError};
use crate::exchange::{
    self, Export, MEMBER_FORMAT, MemberFile, ReadError, SCHEMA_VERSION, SealedFile,
};
use crate::model::pack::{CouncilPack, PackDecision, assess_pack};
use crate::model::{MemberRecord, MergeError, merge_records};

/// Where things are kept. The `v1` in the prefix is the layout of keys; the shape of the
/// record inside is versioned separately by the file's own `schema_version`.
pub mod keys {
    pub const PREFIX: &str = "mdr.v1.";
    /// The record, as a member file.
    pub const RECORD: &str = "mdr.v1.record";
    /// This browser's own id, written into every save and export.
    pub const DEVICE: &str = "mdr.v1.device";
    /// When the record was last exported, to remind the councillor to back up.
    pub const LAST_EXPORT: &str = "mdr.v1.last-export";

    /// A copy of the record exactly as it was before the app upgraded it from `version`.
    pub fn before_upgrade(version: u32) -> String {
        format!("{PREFIX}record.before-upgrade-from-v{version}")
    }
}

/// Why the saved record could not be opened.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("{}", exchange::explain_saved(.0, exchange::SavedCopy::Record))]
    Unreadable(#[from] ReadError),
    #[error(transparent)]
    Storage(#[from] StoreError),
    /// The keeper has no [`RecordReader`] and needs one: the caller fetches it and asks again.
    #[error(
        "Your record is not open yet, because the part of the app that reads it has not been downloaded to this device. Nothing has been changed. Connect to the internet, then reload the page."
    )]
    ReaderNeeded,
}

/// The code that reads a stored record (upgrading an older shape) and folds two copies of
/// one record together. The keeper is handed it rather than calling it, so that the app
/// can fetch it only when needed: a new device holds no record, so its first visit, and
/// every save until another tab saves too, needs none of it. Restoring a backup and
/// importing a council pack read their files the same way, so the backup page is handed
/// it too, and opens without it.
#[derive(Clone, Copy, Debug)]
pub struct RecordReader {
    /// Reads a member file.
    pub read: fn(&str) -> Result<MemberFile, ReadError>,
    /// Reads an exported file: a member file, or one locked with a passphrase.
    pub read_export: fn(&str) -> Result<Export, ReadError>,
    /// Reads the member file a locked file held, from the bytes the cipher opened.
    pub open_sealed: fn(&SealedFile, &[u8]) -> Result<MemberFile, ReadError>,
    /// Folds two copies of one record together.
    pub merge: fn(&MemberRecord, &MemberRecord) -> Result<MemberRecord, MergeError>,
    /// Reads a council pack file (a record carries the pack it uses, so reading one
    /// already takes most of this code).
    pub read_pack: fn(&str) -> Result<CouncilPack, ReadError>,
    /// What importing a pack would do, given the pack in use.
    pub assess_pack: fn(Option<&CouncilPack>, &CouncilPack) -> PackDecision,
    /// Reads the note of the last export (its time is read as RFC 3339, whose parser only
    /// a device that has exported, and so holds a record, needs).
    pub read_last_export: fn(&str) -> Option<LastExport>,
}

impl RecordReader {
    /// The app's own reader and merge.
    pub const STANDARD: Self = Self {
        read: exchange::read_member_file,
        read_export: exchange::read_export,
        open_sealed: SealedFile::open,
        merge: merge_records,
        read_pack: exchange::read_pack_file,
        assess_pack,
        read_last_export: |text| serde_json::from_str(text).ok(),
    };
}

/// What a save needs to know of the stored copy, read without reading the record (the
/// rest of the file is skipped unread).
#[derive(Deserialize)]
struct StoredHeader {
    format: String,
    schema_version: u32,
    revision: u64,
}

/// When the record was last exported, and at which revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastExport {
    pub revision: u64,
    pub at: DateTime<Utc>,
}

/// Keeps one councillor's record in a [`Storage`]: knows which revision it last saw,
/// whether there are changes not yet written, and how to fold in another tab's save.
///
/// The record itself is held by the caller (the UI keeps it in a signal); the keeper is
/// told when it changes and asked to flush.
#[derive(Debug)]
pub struct RecordKeeper<S> {
    storage: S,
    reader: Option<RecordReader>,
    device_id: Uuid,
    revision: u64,
    unsaved: bool,
}

impl<S: Storage> RecordKeeper<S> {
    /// Opens what `storage` holds: the record, if there is one, upgraded to the current
    /// shape. Data written by a newer app, or damaged data, is refused and left untouched.
    pub fn open(storage: S) -> Result<(Self, Option<MemberRecord>), LoadError> {
        Self::open_with(storage, Some(RecordReader::STANDARD))
    }

    /// Opens what `storage` holds with `reader`, as [`RecordKeeper::open`] does. Without a
    /// reader, storage that holds a record is refused with [`LoadError::ReaderNeeded`]
    /// and left as it is; empty storage opens, and the keeper asks for a reader only if
    /// another tab saves a record.
    pub fn open_with(
        storage: S,
        reader: Option<RecordReader>,
    ) -> Result<(Self, Option<MemberRecord>), LoadError> {
        let text = storage.get(keys::RECORD)?;
        if text.is_some() && reader.is_none() {
            return Err(LoadError::ReaderNeeded);
        }
        let device_id = match storage.get(keys::DEVICE)?.and_then(|s| s.parse().ok()) {
            Some(id) => id,
            None => {
                let id = Uuid::new_v4();
                // If this fails the id lasts for this visit only, which does no harm.
                let _ = storage.set(keys::DEVICE, &id.to_string());
                id
            }
        };
        let mut keeper = Self {
            storage,
            reader,
            device_id,
            revision: 0,
            unsaved: false,
        };
        let record = match (text, reader) {
            (None, _) | (_, None) => None,
            (Some(text), Some(reader)) => {
                let file = (reader.read)(&text)?;
                if let Some(old) = exchange::written_schema_version(&text)
                    .filter(|v| *v < exchange::SCHEMA_VERSION)
                {
                    keeper.keep_copy_before_upgrade(old, &text);
                }
                keeper.revision = file.revision;
                Some(file.record)
            }
        };
        Ok((keeper, record))
    }

    fn keep_copy_before_upgrade(&self, version: u32, text: &str) {
        let key = keys::before_upgrade(version);
        if matches!(self.storage.get(&key), Ok(None)) {
            // Best effort: the upgraded record is still written on the next save.
            let _ = self.storage.set(&key, text);
        }
    }

    /// Gives the keeper the reader it asked for with [`LoadError::ReaderNeeded`].
    pub fn set_reader(&mut self, reader: RecordReader) {
        self.reader = Some(reader);
    }

    pub fn device_id(&self) -> Uuid {
        self.device_id
    }

    /// The revision of the copy last read or written.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there are changes the storage does not hold yet.
    pub fn has_unsaved_changes(&self) -> bool {
        self.unsaved
    }

    /// Notes that the record has changed and needs saving.
    pub fn mark_changed(&mut self) {
        self.unsaved = true;
    }

    /// Notes that `record` came from a restored file at `file_revision`, so the next save
    /// is numbered above both the file and this device's copy.
    pub fn mark_restored(&mut self, file_revision: u64) {
        self.revision = self.revision.max(file_revision);
        self.unsaved = true;
    }

    /// Writes `record` if it has unsaved changes. If another tab saved since this keeper
    /// last looked, its copy is merged in first; the merged record is returned so the
    /// caller shows it. On failure the changes stay marked unsaved, to be tried again.
    pub fn flush(
        &mut self,
        record: &MemberRecord,
        now: DateTime<Utc>,
    ) -> Result<Option<MemberRecord>, LoadError> {
        if !self.unsaved {
            return Ok(None);
        }
        // The common case: the stored copy is this tab's own last save, so it is
        // overwritten without being read.
        let stored = if self.stored_is_newer()? {
            self.read_stored()?
        } else {
            None
        };
        let mut adopted = None;
        let mut to_write = record.clone();
        let mut revision = self.revision;
        if let Some(stored) = stored {
            if stored.revision > self.revision {
                let merge = self.reader.ok_or(LoadError::ReaderNeeded)?.merge;
                match merge(&self.begun_here(record, &stored.record), &stored.record) {
                    Ok(merged) => to_write = merged,
                    // Another tab restored a different councillor's record on purpose:
                    // that choice stands, and this tab follows it.
                    Err(_) => {
                        self.revision = stored.revision;
                        self.unsaved = false;
                        return Ok(Some(stored.record));
                    }
                }
            }
            revision = revision.max(stored.revision);
        }
        if &to_write != record {
            adopted = Some(to_write.clone());
        }
        let file = MemberFile::new(to_write, revision + 1, self.device_id, now);
        self.storage
            .set(keys::RECORD, &exchange::write_member_file(&file))?;
        self.revision = file.revision;
        self.unsaved = false;
        Ok(adopted)
    }

    /// Looks at the storage after another tab changed it. Returns the record this tab
    /// should now show, if it changed: the other tab's copy, merged with this tab's
    /// unsaved changes when there are any.
    pub fn refresh(
        &mut self,
        current: Option<&MemberRecord>,
    ) -> Result<Option<MemberRecord>, LoadError> {
        if !self.stored_is_newer()? {
            return Ok(None);
        }
        let Some(stored) = self.read_stored()? else {
            return Ok(None);
        };
        if stored.revision <= self.revision {
            return Ok(None);
        }
        let merge = self.reader.ok_or(LoadError::ReaderNeeded)?.merge;
        let shown = match current {
            Some(mine) if self.unsaved => {
                merge(&self.begun_here(mine, &stored.record), &stored.record)
                    .unwrap_or(stored.record)
            }
            _ => stored.record,
        };
        self.revision = stored.revision;
        Ok(Some(shown))
    }

    /// `mine`, under `stored`'s member id if this keeper has never read or written a
    /// record: a record begun in a tab that opened on empty storage is the same
    /// councillor's as one another tab began meanwhile, and the two are merged. A tab that
    /// had a record and finds another councillor's (restored on purpose in another tab)
    /// follows that choice instead.
    fn begun_here(&self, mine: &MemberRecord, stored: &MemberRecord) -> MemberRecord {
        let mut mine = mine.clone();
        if self.revision == 0 {
            mine.member_id = stored.member_id;
        }
        mine
    }

    /// The stored copy, read whole; [`LoadError::ReaderNeeded`] without a reader.
    fn read_stored(&self) -> Result<Option<MemberFile>, LoadError> {
        match self.storage.get(keys::RECORD)? {
            None => Ok(None),
            Some(text) => {
                let read = self.reader.ok_or(LoadError::ReaderNeeded)?.read;
                Ok(Some(read(&text)?))
            }
        }
    }

    /// Whether storage holds a copy other than what this keeper last read or wrote: a
    /// newer revision, or one that is not plainly a current record of ours (which only
    /// reading it whole can tell apart), as opposed to nothing or the keeper's own copy.
    fn stored_is_newer(&self) -> Result<bool, LoadError> {
        let Some(text) = self.storage.get(keys::RECORD)? else {
            return Ok(false);
        };
        Ok(
            !serde_json::from_str::<StoredHeader>(&text).is_ok_and(|header| {
                header.format == MEMBER_FORMAT
                    && header.schema_version == SCHEMA_VERSION
                    && header.revision <= self.revision
            }),
        )
    }

    /// The record as a file to export, numbered with the current revision.
    pub fn export(&self, record: &MemberRecord, now: DateTime<Utc>) -> MemberFile {
        MemberFile::new(record.clone(), self.revision, self.device_id, now)
    }

    /// Remembers that the record was exported, for the backup reminder.
    pub fn note_export(&self, file: &MemberFile) -> Result<(), StoreError> {
        let last = LastExport {
            revision: file.revision,
            at: file.exported_at,
        };
        let text = serde_json::to_string(&last).expect("a timestamp always serialises");
        self.storage.set(keys::LAST_EXPORT, &text)
    }

    /// When the record was last exported from this browser, if ever. A keeper without a
    /// reader holds no stored record, so a note of exporting one is not worth reading.
    pub fn last_export(&self) -> Option<LastExport> {
        let read = self.reader?.read_last_export;
        let text = self.storage.get(keys::LAST_EXPORT).ok().flatten()?;
        read(&text)
    }
}

/// Whether `storage` holds a councillor's record at all, set up or not, without reading
/// it: where it holds none, the officer's workspace need not fetch the code that looks
/// inside one ([`holds_set_up_record`]).
pub fn holds_record(storage: &impl Storage) -> bool {
    storage.get(keys::RECORD).ok().flatten().is_some()
}

/// Whether `storage` holds a record whose profile has been set up, found without opening
/// the record: the officer's workspace shows the councillor's pages in its navigation only
/// then, and carries none of the record's code. A record of an older shape, or one that
/// cannot be read, counts as not set up until the councillor's app has opened it.
pub fn holds_set_up_record(storage: &impl Storage) -> bool {
    /// Only the one field; serde skips the rest of the file unread.
    #[derive(Deserialize)]
    struct Stored {
        record: Probe,
    }
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        set_up_at: Option<serde::de::IgnoredAny>,
    }
    let Ok(Some(text)) = storage.get(keys::RECORD) else {
        return false;
    };
    serde_json::from_str::<Stored>(&text).is_ok_and(|stored| stored.record.set_up_at.is_some())
}
