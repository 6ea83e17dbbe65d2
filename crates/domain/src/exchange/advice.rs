//! What a person is told when a file cannot be read: the file's name, what is wrong with it
//! ([`ReadError`]) and what they can do, which depends on who they are. Only the member can
//! export their record again; only the officer can send a pack again; the passphrase of a
//! locked file is the councillor's own, or the one the officer agreed with the member.

use super::ReadError;
use super::error::Holds;

/// Who is reading a file, and why: what they are told to do about a bad one depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// A councillor restoring their record from a backup (Export and backup).
    Restoring,
    /// A councillor importing the council pack their officer sent.
    ApplyingPack,
    /// An officer importing members' files into the workspace.
    ImportingMembers,
}

/// A copy the app saved on this device, rather than a file someone chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedCopy {
    /// The councillor's record, as the app opens it on start.
    Record,
    /// The council pack the officer is preparing.
    OfficerPack,
}

/// Everything a person reads when the file called `file_name` cannot be read: which file,
/// what is wrong with it, and what `reader` can do about it.
pub fn explain(error: &ReadError, file_name: &str, reader: Reader) -> String {
    let (lead, subject, holds) = match reader {
        Reader::Restoring => ("cannot be restored", "This file", Holds::Record),
        Reader::ApplyingPack => ("cannot be imported", "The council pack", Holds::Pack),
        Reader::ImportingMembers => ("was not imported", "This file", Holds::Record),
    };
    let advice = advice(error, reader);
    let settled = match reader {
        Reader::ImportingMembers => "",
        Reader::Restoring | Reader::ApplyingPack => " Nothing has been changed.",
    };
    format!(
        "“{file_name}” {lead}. {} {advice}{settled}",
        error.problem(subject, holds)
    )
}

/// Everything a person reads when a copy the app saved on this device cannot be opened.
/// It is left as it is, so nothing is lost.
pub fn explain_saved(error: &ReadError, copy: SavedCopy) -> String {
    let (lead, holds) = match copy {
        SavedCopy::Record => (
            "Your saved record was not opened, and nothing in it has been changed.",
            Holds::Record,
        ),
        SavedCopy::OfficerPack => (
            "The council pack saved on this device could not be opened, and has been left as it is.",
            Holds::Pack,
        ),
    };
    let advice = match (error, copy) {
        (ReadError::NewerSchema { .. } | ReadError::UnknownLock { .. }, _) => {
            " Update the app on this device, then reload the page."
        }
        (_, SavedCopy::Record) => {
            " If you have exported a backup, you can restore it from Export and backup."
        }
        (_, SavedCopy::OfficerPack) => "",
    };
    format!("{lead} {}{advice}", error.problem("It", holds))
}

/// What `reader` can do about a file with this problem.
fn advice(error: &ReadError, reader: Reader) -> &'static str {
    use ReadError as E;
    match (reader, error) {
        (_, E::NewerSchema { .. } | E::UnknownLock { .. }) => {
            "Update the app on this device, then try again."
        }
        (Reader::Restoring, E::TooLarge { .. } | E::NotJson | E::NotOurFormat { .. }) => {
            "Check that you chose the right file: a backup is called member-record-… .json."
        }
        (Reader::Restoring, E::WrongKind { .. }) => {
            "Check that you chose the right file: a backup is called member-record-… .json, and a council pack is imported under “Import council pack”."
        }
        (Reader::Restoring, E::Empty | E::Truncated | E::Damaged { .. }) => {
            "Export the record again from the app on the device that holds it, and restore from the new file."
        }
        (Reader::Restoring, E::NotUtf8 { .. }) => {
            "Export the record again from the app on the device that holds it, and use the new file as it is, without opening and saving it in another program."
        }
        (Reader::Restoring, E::PassphraseNeeded) => {
            "Enter the passphrase you chose when you exported it, then choose the file again."
        }
        (Reader::Restoring, E::ForCouncil | E::OtherCouncilKey { .. } | E::Altered) => {
            "To restore your record, choose your own backup, the file made by “Export my record”."
        }
        (Reader::Restoring, E::WrongPassphrase) => {
            "Check the passphrase you chose when you exported it and try again; if it still fails, export the record again from the device that holds it."
        }
        (Reader::ApplyingPack, E::TooLarge { .. } | E::NotJson | E::NotOurFormat { .. }) => {
            "Check that you chose the right file: a council pack is called council-pack-… .json."
        }
        (Reader::ApplyingPack, E::WrongKind { .. }) => {
            "Check that you chose the right file: a council pack is called council-pack-… .json, and a backup of your record is restored under “Restore from a file”."
        }
        (Reader::ApplyingPack, _) => "Ask your member development officer to send the pack again.",
        (
            Reader::ImportingMembers,
            E::TooLarge { .. } | E::NotJson | E::NotOurFormat { .. } | E::WrongKind { .. },
        ) => "Check that it is a member's exported file (called member-record-… .json).",
        (Reader::ImportingMembers, E::Empty | E::Truncated | E::Damaged { .. }) => {
            "Ask the member to export their record again and send you the new file."
        }
        (Reader::ImportingMembers, E::NotUtf8 { .. }) => {
            "Ask the member to export their record again and send you the new file as it is, without opening and saving it in another program."
        }
        (Reader::ImportingMembers, E::PassphraseNeeded) => {
            "Enter the passphrase agreed with the member (or the council's, if their pack set one) under “Passphrase for locked files”, then choose the file again."
        }
        (Reader::ImportingMembers, E::ForCouncil) => {
            "Unlock the council key with its passphrase on this page, then import the file again."
        }
        (Reader::ImportingMembers, E::OtherCouncilKey { .. }) => {
            "If it is one of your council's keys, restore it under “Restore the council key from a backup” on the Council pack page; if not, the file was made for another council, so send it back to the member."
        }
        (Reader::ImportingMembers, E::Altered) => {
            "Ask the member to make a new file for the council and send it to you as it is."
        }
        (Reader::ImportingMembers, E::WrongPassphrase) => {
            "Check the passphrase agreed with the member (or the council's, if their pack set one) and import the file again; if it still fails, ask the member to export their record again."
        }
    }
}
