//! The officer's import of many members' files at once, as plain code that the browser
//! drives: what happened to each file, which changed members to save and when (a hundred
//! at a time, each hundred kept whole or not at all), which members could not be saved,
//! and the results in the order the page lists them, with their summary.
//!
//! It neither reads files nor writes storage: the web side reads the chosen files and
//! unlocks them, hands each here, writes each [`SaveBatch`] in a transaction of its own,
//! and says how each write ended.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

use uuid::Uuid;

use super::workspace::{ImportOutcome, OfficerWorkspace};
use crate::exchange::{MemberFile, ReadError};

/// How many changed members are saved together while an import goes on: enough that a
/// thousand files cost ten transactions, few enough that saving keeps pace with reading.
pub const SAVE_EVERY: usize = 100;

/// Why a file is refused when the device could not hand over its bytes at all.
pub const NOT_READ: &str = "The file could not be read. Check it is still there and try again.";

/// A member's file, read (and unlocked if it was locked).
#[derive(Clone, Debug)]
pub struct OpenedFile {
    pub file: MemberFile,
    /// The member file's text, when the app has it: as read from a plain file, or as
    /// opened from one sealed for the council. A new member is saved from it as it came,
    /// rather than written out again.
    pub text: Option<String>,
}

impl OpenedFile {
    /// A file with the member file's text: a plain file as read, or one sealed for the
    /// council as opened.
    pub fn plain(file: MemberFile, text: String) -> Self {
        Self {
            file,
            text: Some(text),
        }
    }

    /// A file unlocked with its passphrase: there is no text of the record to keep.
    pub fn unlocked(file: MemberFile) -> Self {
        Self { file, text: None }
    }
}

/// One row of the import results: the file, by its name, and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileResult {
    pub file: String,
    pub outcome: ImportOutcome,
}

/// One member as the officer's storage keeps them, under their id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredMember {
    pub id: Uuid,
    pub text: String,
}

/// Members to write in one transaction: all are kept, or none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveBatch {
    pub members: Vec<StoredMember>,
}

/// Members an import added or changed but that could not be saved, and why (the first
/// refusal; `E` is the storage's own error, in the officer's words).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{} of the {of} members this import added or changed could not be saved on this device, so those changes will be gone when this page closes. {why}",
    members.len()
)]
pub struct NotSaved<E: fmt::Display + fmt::Debug> {
    /// Every member whose last write was refused.
    pub members: BTreeSet<Uuid>,
    /// How many members the import wrote, saved or not.
    pub of: usize,
    pub why: E,
}

/// How an import ended: each file's result, and what could not be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport<E: fmt::Display + fmt::Debug> {
    pub results: ImportResults,
    pub not_saved: Option<NotSaved<E>>,
}

/// The results of one import, one row per file, in the order the page lists them: refused
/// files, then merged ones (the files that need a look), then the rest, each group in the
/// order the files were chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportResults {
    rows: Vec<FileResult>,
}

impl ImportResults {
    /// The results of `rows`, put in the page's order.
    pub fn from_rows(mut rows: Vec<FileResult>) -> Self {
        // A stable sort: within each group the files stay in the order chosen.
        rows.sort_by_key(|row| listed_first(&row.outcome));
        Self { rows }
    }

    pub fn rows(&self) -> &[FileResult] {
        &self.rows
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// How many files fared each way.
    pub fn summary(&self) -> ImportSummary {
        let mut summary = ImportSummary {
            files: self.rows.len(),
            ..ImportSummary::default()
        };
        for row in &self.rows {
            let count = match row.outcome {
                ImportOutcome::Accepted { .. } => &mut summary.accepted,
                ImportOutcome::Updated { .. } => &mut summary.updated,
                ImportOutcome::Merged { .. } => &mut summary.merged,
                ImportOutcome::Unchanged { .. } => &mut summary.unchanged,
                ImportOutcome::Older { .. } => &mut summary.older,
                ImportOutcome::Refused { .. } => &mut summary.refused,
            };
            *count += 1;
        }
        summary
    }
}

/// Where a result is listed: files that need a look come first.
fn listed_first(outcome: &ImportOutcome) -> u8 {
    match outcome {
        ImportOutcome::Refused { .. } => 0,
        ImportOutcome::Merged { .. } => 1,
        _ => 2,
    }
}

/// How many files of an import fared each way; the counts add up to `files`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub files: usize,
    pub accepted: usize,
    pub updated: usize,
    pub merged: usize,
    pub unchanged: usize,
    pub older: usize,
    pub refused: usize,
}

/// "56 files: 50 accepted, 0 updated, 0 merged, 0 unchanged, 0 older, 6 refused."; "1 file: …".
impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let files = match self.files {
            1 => "1 file".to_owned(),
            n => format!("{n} files"),
        };
        write!(
            f,
            "{files}: {} accepted, {} updated, {} merged, {} unchanged, {} older, {} refused.",
            self.accepted, self.updated, self.merged, self.unchanged, self.older, self.refused
        )
    }
}

/// An import under way: the results so far, and the members changed since the last batch
/// was taken for saving.
#[derive(Debug)]
pub struct MemberImport {
    save_every: usize,
    results: Vec<FileResult>,
    /// Changed since the last batch was taken, in the order first changed.
    changed: Vec<Uuid>,
    pending: HashSet<Uuid>,
    /// New members' files as read, saved as they came rather than written out again.
    fresh: HashMap<Uuid, String>,
    /// The members of each batch taken, in the order taken (the order they are written).
    batches: Vec<Vec<Uuid>>,
}

impl Default for MemberImport {
    fn default() -> Self {
        Self::new()
    }
}

impl MemberImport {
    /// An import that saves every [`SAVE_EVERY`] changed members.
    pub fn new() -> Self {
        Self::saving_every(SAVE_EVERY)
    }

    /// An import that saves every `members` changed members (at least one).
    pub fn saving_every(members: usize) -> Self {
        Self {
            save_every: members.max(1),
            results: Vec::new(),
            changed: Vec::new(),
            pending: HashSet::new(),
            fresh: HashMap::new(),
            batches: Vec::new(),
        }
    }

    /// Merges one file that was read into `workspace`, and notes its result.
    pub fn merge(&mut self, workspace: &mut OfficerWorkspace, name: String, opened: OpenedFile) {
        let id = opened.file.member_id;
        let (outcome, changed) = workspace.import_file_with_change(opened.file);
        if changed {
            match (&outcome, opened.text) {
                (ImportOutcome::Accepted { .. }, Some(text)) => {
                    self.fresh.insert(id, text);
                }
                // Locked, or changed again in this batch: written out from what is held.
                _ => {
                    self.fresh.remove(&id);
                }
            }
            if self.pending.insert(id) {
                self.changed.push(id);
            }
        }
        self.results.push(FileResult {
            file: name,
            outcome,
        });
    }

    /// Notes a file that could not be read, opened or unlocked, and why.
    pub fn refuse(&mut self, name: String, error: &ReadError) {
        let outcome = ImportOutcome::unreadable(&name, error);
        self.results.push(FileResult {
            file: name,
            outcome,
        });
    }

    /// Notes a file whose bytes the device could not hand over.
    pub fn not_read(&mut self, name: String) {
        self.results.push(FileResult {
            file: name,
            outcome: ImportOutcome::Refused {
                reason: NOT_READ.to_owned(),
            },
        });
    }

    /// How many files have been noted so far.
    pub fn files(&self) -> usize {
        self.results.len()
    }

    /// The next batch to save, once enough members have changed since the last.
    pub fn save_due(&mut self, workspace: &OfficerWorkspace) -> Option<SaveBatch> {
        if self.changed.len() >= self.save_every {
            self.save_now(workspace)
        } else {
            None
        }
    }

    /// The members changed since the last batch, as a batch to save now (at the end of
    /// the files); `None` when there are none.
    pub fn save_now(&mut self, workspace: &OfficerWorkspace) -> Option<SaveBatch> {
        self.pending.clear();
        let members: Vec<StoredMember> = self
            .changed
            .drain(..)
            .filter_map(|id| {
                // A member removed while the import went on has nothing to save.
                let held = workspace.members.get(&id)?;
                let text = match self.fresh.remove(&id) {
                    Some(text) => held.to_stored_from(&text),
                    None => held.to_stored(),
                };
                Some(StoredMember { id, text })
            })
            .collect();
        if members.is_empty() {
            return None;
        }
        self.batches
            .push(members.iter().map(|member| member.id).collect());
        Some(SaveBatch { members })
    }

    /// The results of an import that saves nothing (a run of the command line, whose
    /// workspace lives for the run): no batch is taken, so none can fail.
    pub fn results(self) -> ImportResults {
        ImportResults::from_rows(self.results)
    }

    /// The import's report, given how each batch taken ended, in the order taken. A member
    /// is saved when the last batch that held them was: one changed again later in the
    /// import is written again. A batch whose end is not given counts as refused with
    /// `unknown`.
    pub fn finish<E: fmt::Display + fmt::Debug + Clone>(
        self,
        ended: impl IntoIterator<Item = Result<(), E>>,
        unknown: E,
    ) -> ImportReport<E> {
        let mut ended = ended.into_iter();
        let mut last: BTreeMap<Uuid, bool> = BTreeMap::new();
        let mut why = None;
        for members in self.batches {
            let result = ended.next().unwrap_or_else(|| Err(unknown.clone()));
            let saved = result.is_ok();
            if let Err(e) = result {
                why.get_or_insert(e);
            }
            for id in members {
                last.insert(id, saved);
            }
        }
        let of = last.len();
        let members: BTreeSet<Uuid> = last
            .into_iter()
            .filter(|(_, saved)| !saved)
            .map(|(id, _)| id)
            .collect();
        let not_saved = match why {
            Some(why) if !members.is_empty() => Some(NotSaved { members, of, why }),
            _ => None,
        };
        ImportReport {
            results: ImportResults::from_rows(self.results),
            not_saved,
        }
    }
}
