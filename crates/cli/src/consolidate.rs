//! The import, as the browser's (`crates/web/src/ui/officer_import.rs`) runs it: each
//! file's bytes become text, the text is read as a plain, locked or sealed member file,
//! locked files are unlocked with the batch's passphrase and sealed ones opened with the
//! council key, and each is handed to the domain's `MemberImport`, which merges it and
//! says what happened. So every file has the outcome, and every refusal the words, that
//! the officer's workspace would give it.
//!
//! Each member goes into the workspace of the council their profile names
//! (`mdr_domain::consolidate::Councils`), so members are known by council and id, and
//! the reports of several councils' files carry a *Council* column.
//!
//! Files are taken a batch at a time: a batch is read, decrypted and parsed on every core
//! (rayon), then merged in the order the files came, since an import's outcomes depend on
//! that order. Only a batch's text is held at once; the workspace keeps each member's
//! record, not their file's text. Nothing is saved: the workspace lives for the run, and
//! the reports are made from it.

use mdr_domain::consolidate::{Councils, ImportResults, MemberImport, OpenedFile};
use mdr_domain::exchange::{Export, MemberFile, ReadError, file_text, read_export};
use rayon::prelude::*;

use crate::inputs::{Pending, Unread};
use crate::unlock::{CouncilKeyring, Keyring};

/// How many files are read together before they are merged: enough to keep both cores
/// busy between merges, few enough that a batch's text is a few megabytes.
pub const BATCH: usize = 256;

/// What opens the files that are locked or sealed.
pub struct Keys {
    /// The passphrase for files locked with one.
    pub locked: Keyring,
    /// The council keys, for files sealed for the council.
    pub council: CouncilKeyring,
}

/// The members' records brought together, and what happened to each file.
pub struct Consolidation {
    /// Each council's members.
    pub councils: Councils,
    /// One row a file, in the order the workspace's page lists them: refused files, then
    /// merged ones, then the rest, each group in the order the files came.
    pub results: ImportResults,
}

/// What became of one file's bytes.
enum Opened {
    File(Box<MemberFile>),
    Refused(ReadError),
    NotRead,
}

/// Imports `files` into a new workspace for each council, calling `progress` after each
/// file.
pub fn consolidate(
    files: impl IntoIterator<Item = Pending>,
    keys: &Keys,
    mut progress: impl FnMut(),
) -> Consolidation {
    let mut councils = Councils::default();
    let mut import = MemberImport::new();
    let mut files = files.into_iter().peekable();
    while files.peek().is_some() {
        let batch: Vec<Pending> = files.by_ref().take(BATCH).collect();
        let opened: Vec<(String, Opened)> = batch
            .into_par_iter()
            .map(|pending| {
                let (name, bytes) = pending.bytes();
                let opened = match bytes {
                    Err(Unread::Failed) => Opened::NotRead,
                    Err(Unread::TooLarge(bytes)) => Opened::Refused(ReadError::TooLarge {
                        bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                    }),
                    Ok(bytes) => open(bytes, keys)
                        .map_or_else(Opened::Refused, |file| Opened::File(Box::new(file))),
                };
                (name, opened)
            })
            .collect();
        for (name, opened) in opened {
            match opened {
                Opened::File(file) => {
                    let workspace = councils.workspace_for(&file.record.profile.council);
                    // Nothing is saved, so the file's text is not kept for saving.
                    import.merge(workspace, name, OpenedFile::unlocked(*file));
                }
                Opened::Refused(error) => import.refuse(name, &error),
                Opened::NotRead => import.not_read(name),
            }
            progress();
        }
    }
    Consolidation {
        councils,
        results: import.results(),
    }
}

/// A file's bytes as a member's file, opened if it was locked or sealed.
fn open(bytes: Vec<u8>, keys: &Keys) -> Result<MemberFile, ReadError> {
    let text = file_text(bytes)?;
    let mut file = match read_export(&text)? {
        Export::Plain(file) => file,
        Export::Sealed(sealed) => keys.locked.open(&sealed)?,
        Export::ForCouncil(sealed) => keys.council.open_with_text(&sealed)?.0,
    };
    // Held for the whole run, with thousands of others.
    file.record.shrink_to_fit();
    Ok(file)
}

#[cfg(test)]
mod tests {
    use mdr_domain::consolidate::{ImportOutcome, NOT_READ};

    use super::*;

    fn no_keys() -> Keys {
        Keys {
            locked: Keyring::none(),
            council: CouncilKeyring::default(),
        }
    }

    #[test]
    fn a_file_whose_bytes_could_not_be_had_is_refused_as_the_browser_refuses_it() {
        let mut progress = 0;
        let done = consolidate(
            [
                Pending::read("gone.json", Err(Unread::Failed)),
                Pending::read("vast.json", Err(Unread::TooLarge(300 << 20))),
            ],
            &no_keys(),
            || progress += 1,
        );
        assert_eq!(progress, 2);
        let rows = done.results.rows();
        assert_eq!(
            rows[0].outcome,
            ImportOutcome::Refused {
                reason: NOT_READ.to_owned()
            }
        );
        assert_eq!(
            rows[1].outcome,
            ImportOutcome::unreadable("vast.json", &ReadError::TooLarge { bytes: 300 << 20 })
        );
        assert!(rows[1].outcome.explanation().contains("300 MB"));
        assert!(done.councils.is_empty());
    }
}
