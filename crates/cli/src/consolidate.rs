//! The import, as the browser's (`crates/web/src/ui/officer_import.rs`) runs it: each
//! file's bytes become text, the text is read as a plain, locked or sealed member file,
//! locked files are unlocked with the batch's passphrase and sealed ones opened with the
//! council key, and each is handed to the domain's `MemberImport`, which merges it and
//! says what happened. So every file has the outcome, and every refusal the words, that
//! the officer's workspace would give it.
//!
//! Nothing is saved: the workspace lives for the run, and the reports are made from it.

use mdr_domain::consolidate::{ImportResults, MemberImport, OfficerWorkspace, OpenedFile};
use mdr_domain::exchange::{Export, ReadError, file_text, read_export};

use crate::inputs::Unread;
use crate::unlock::{CouncilKeyring, Keyring};

/// What opens the files that are locked or sealed.
pub struct Keys {
    /// The passphrase for files locked with one.
    pub locked: Keyring,
    /// The council keys, for files sealed for the council.
    pub council: CouncilKeyring,
}

/// The members' records brought together, and what happened to each file.
pub struct Consolidation {
    pub workspace: OfficerWorkspace,
    /// One row a file, in the order the workspace's page lists them: refused files, then
    /// merged ones, then the rest, each group in the order the files came.
    pub results: ImportResults,
}

/// Imports `files` (each one's name, and its bytes or why they could not be had) into a
/// new workspace, calling `progress` after each.
pub fn consolidate(
    files: impl IntoIterator<Item = (String, Result<Vec<u8>, Unread>)>,
    keys: &mut Keys,
    mut progress: impl FnMut(),
) -> Consolidation {
    let mut workspace = OfficerWorkspace::default();
    let mut import = MemberImport::new();
    for (name, bytes) in files {
        match bytes {
            Err(Unread::Failed) => import.not_read(name),
            Err(Unread::TooLarge(bytes)) => import.refuse(
                name,
                &ReadError::TooLarge {
                    bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                },
            ),
            Ok(bytes) => match open(bytes, keys) {
                Ok(opened) => import.merge(&mut workspace, name, opened),
                Err(error) => import.refuse(name, &error),
            },
        }
        progress();
    }
    // Nothing was taken to save, so there is no write whose end to report.
    let report = import.finish(std::iter::empty(), NothingKept);
    Consolidation {
        workspace,
        results: report.results,
    }
}

/// A file's bytes as a member's file, opened if it was locked or sealed.
fn open(bytes: Vec<u8>, keys: &mut Keys) -> Result<OpenedFile, ReadError> {
    let text = file_text(bytes)?;
    match read_export(&text)? {
        Export::Plain(file) => Ok(OpenedFile::plain(file, text)),
        Export::Sealed(sealed) => keys.locked.open(&sealed).map(OpenedFile::unlocked),
        Export::ForCouncil(sealed) => keys
            .council
            .open_with_text(&sealed)
            .map(|(file, text)| OpenedFile::plain(file, text)),
    }
}

/// The storage error `MemberImport::finish` asks for, which a run that saves nothing never
/// meets.
#[derive(Clone, Debug)]
struct NothingKept;

impl std::fmt::Display for NothingKept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Nothing is kept by the command.")
    }
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
                ("gone.json".to_owned(), Err(Unread::Failed)),
                ("vast.json".to_owned(), Err(Unread::TooLarge(300 << 20))),
            ],
            &mut no_keys(),
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
        assert!(done.workspace.members.is_empty());
    }
}
