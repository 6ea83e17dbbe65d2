//! What can be wrong with a file someone asks the app to read, in words for that person.

use thiserror::Error;

use super::TextEncoding;

/// Why a file (or the copy in browser storage) could not be read. Every message says what
/// happened and what to do; the UI adds the file's name in front.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ReadError {
    #[error(
        "The file is {} MB, larger than any member record can be (the limit is 20 MB). Check that you chose the right file.",
        bytes.div_ceil(1024 * 1024)
    )]
    TooLarge { bytes: usize },
    #[error(
        "The file is incomplete: it stops part-way through, so it was probably cut short while being copied or downloaded. Export the record again and use the new file."
    )]
    Truncated,
    #[error(
        "This is not a Member Development Record file: it is not in the format the app exports. Check that you chose the right file."
    )]
    NotJson,
    #[error(
        "This is not a Member Development Record file{}. Check that you chose the right file.",
        found.as_ref().map(|f| format!(" (it says it is “{f}”)")).unwrap_or_default()
    )]
    NotOurFormat { found: Option<String> },
    #[error(
        "This file is not saved as UTF-8 text, the only kind the app reads{}: a program has probably re-saved it in another encoding, which would change letters such as ë and é. Export the record again from the app and use the new file as it is, without opening and saving it in another program.",
        encoding.aside()
    )]
    NotUtf8 { encoding: TextEncoding },
    #[error(
        "The council pack is not saved as UTF-8 text, the only kind the app reads{}: a program has probably re-saved it in another encoding, which would change letters such as ë and é. Ask your member development officer to send the pack again.",
        encoding.aside()
    )]
    PackNotUtf8 { encoding: TextEncoding },
    #[error("This is {found}, not {expected}. Check that you chose the right file.")]
    WrongKind {
        found: &'static str,
        expected: &'static str,
    },
    #[error(
        "This was written by a newer version of the app (data version {found}; this version reads up to {supported}). Update the app on this device, then try again."
    )]
    NewerSchema { found: u32, supported: u32 },
    #[error(
        "This file is locked with a passphrase. Enter the passphrase agreed when it was exported, then choose the file again."
    )]
    PassphraseNeeded,
    #[error(
        "The file could not be unlocked: either the passphrase is not the one it was locked with, or the file has been changed since it was exported. Check the passphrase and try again; if it still fails, ask for the record to be exported again. Nothing has been changed."
    )]
    WrongPassphrase,
    #[error(
        "The file is locked in a way this version of the app does not know ({cipher}, {kdf}). Update the app on this device, then try again."
    )]
    UnknownLock { cipher: String, kdf: String },
    #[error("The file is damaged: {detail}. Export the record again and use the new file.")]
    Damaged { detail: String },
    #[error(
        "The council pack is damaged: {detail}. Ask your member development officer to send the pack again."
    )]
    DamagedPack { detail: String },
}

impl ReadError {
    pub(crate) fn damaged(detail: impl Into<String>) -> Self {
        Self::Damaged {
            detail: detail.into(),
        }
    }
}
