//! Why a run could not go on, in words for whoever runs the command or reads a script's
//! log: what was wrong and with which file, never a parser's or the system's message.
//! Files that are refused one by one are not errors here: they are outcomes of the import.

use std::io;
use std::path::Path;

use mdr_domain::exchange::{KeyBackupError, ReadError};
use mdr_workbook::WorkbookError;

/// A problem that stops the run before any report is written (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("“{path}” cannot be read: {why}.")]
    Input { path: String, why: &'static str },
    #[error(
        "“{path}” is neither a folder, a .zip file nor a file: give folders or .zip files of members' files."
    )]
    NotAnInput { path: String },
    #[error(
        "“{path}” could not be opened as a zip file: it is damaged, or not a zip file. Unzip it and give the folder instead, or ask for the zip again."
    )]
    NotAZip { path: String },
    #[error(
        "“{path}” cannot be used as the council pack. {problem} Give the council pack file saved from the officer's workspace (council-pack-… .json)."
    )]
    Pack { path: String, problem: ReadError },
    #[error("“{path}” cannot be used as a council key. {problem}")]
    KeyBackup {
        path: String,
        problem: KeyBackupError,
    },
    #[error(
        "That passphrase does not unlock the council key in “{path}”. Check it and try again: it is the passphrase chosen when the key was made."
    )]
    KeyPassphrase { path: String },
    #[error(
        "The council key needs its passphrase: give a file holding it with --key-passphrase-file, or run the command at a terminal to type it."
    )]
    KeyPassphraseNeeded,
    #[error("The passphrase could not be read from the terminal: {why}.")]
    Terminal { why: &'static str },
    #[error("The passphrase file “{path}” cannot be read: {why}.")]
    PassphraseFile { path: String, why: &'static str },
    #[error("The passphrase file “{path}” is empty: put the passphrase on its first line.")]
    EmptyPassphrase { path: String },
    #[error("The list of members “{path}” cannot be read: {why}.")]
    Roster { path: String, why: &'static str },
    #[error("The reports could not be written to “{path}”: {why}.")]
    Output { path: String, why: &'static str },
    /// The workbook is written last (or beside the rest), so the rest is there when it
    /// fails: what that is, the run says ([`CliError::besides`]).
    #[error("{0}")]
    Workbook(#[from] WorkbookError),
    #[error(
        "The workbook could not be saved as “{path}”: {why}. Check the folder can be written to and that the workbook is not open in Excel, then run the command again."
    )]
    WorkbookSave { path: String, why: &'static str },
    #[error("The {table} table could not be written as Parquet: {why}. Please report this.")]
    Parquet { table: &'static str, why: String },
    /// One of the above, with what the run wrote all the same.
    #[error("{error} {written}")]
    Besides {
        error: Box<CliError>,
        written: &'static str,
    },
}

impl CliError {
    pub(crate) fn input(path: &Path, error: &io::Error) -> Self {
        Self::Input {
            path: shown(path),
            why: why(error),
        }
    }

    pub(crate) fn output(path: &Path, error: &io::Error) -> Self {
        Self::Output {
            path: shown(path),
            why: why(error),
        }
    }

    /// This error, if it is the workbook's or Parquet's, with what a run that writes the
    /// CSV reports (`csv`) and the Parquet tables (`parquet`) or not wrote all the same:
    /// a workbook that fails leaves both written, and Parquet that fails leaves the CSVs
    /// (the workbook may still be being written).
    pub(crate) fn besides(self, csv: bool, parquet: bool) -> Self {
        let parquet = match self {
            Self::Workbook(_) | Self::WorkbookSave { .. } => parquet,
            Self::Parquet { .. } => false,
            other => return other,
        };
        let written = match (csv, parquet) {
            (true, true) => "The CSV reports and the Parquet tables were written.",
            (true, false) => "The CSV reports were written.",
            (false, true) => "The Parquet tables were written.",
            (false, false) => "outcomes.csv was written.",
        };
        Self::Besides {
            error: Box::new(self),
            written,
        }
    }
}

/// A path as the person typed it, for a message.
pub(crate) fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// What went wrong with a file or folder, in plain words rather than the system's
/// ("No such file or directory (os error 2)").
pub(crate) fn why(error: &io::Error) -> &'static str {
    match error.kind() {
        io::ErrorKind::NotFound => "there is no file or folder there",
        io::ErrorKind::PermissionDenied => "permission to use it was refused",
        io::ErrorKind::IsADirectory => "it is a folder, not a file",
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder",
        io::ErrorKind::AlreadyExists => "a file of that name is in the way",
        io::ErrorKind::StorageFull => "the disk is full",
        io::ErrorKind::ReadOnlyFilesystem => "the disk can only be read",
        io::ErrorKind::InvalidData => "it is not text",
        _ => "the system could not use it",
    }
}
