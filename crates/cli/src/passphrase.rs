//! Passphrases, from a file or typed at the terminal without echo; never from an argument.
//! They are taken as given here: [`crate::unlock`] puts them in Unicode NFC, as the app does.

use std::io::IsTerminal;
use std::path::Path;

use crate::error::{CliError, shown, why};

/// The first line of the file at `path`, without its line ending: what a person types in
/// an editor, or `echo "…" > file` writes. The rest of the line is kept exactly,
/// spaces included, for they may be part of the passphrase.
pub(crate) fn from_file(path: &Path) -> Result<String, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| CliError::PassphraseFile {
        path: shown(path),
        why: why(&e),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let line = text.split('\n').next().unwrap_or_default();
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.is_empty() {
        return Err(CliError::EmptyPassphrase { path: shown(path) });
    }
    Ok(line.to_owned())
}

/// The passphrase from `file` when one is given, else typed at the terminal after
/// `prompt`, when the command is run at one; `None` when neither can be had.
pub(crate) fn from_file_or_terminal(
    file: Option<&Path>,
    prompt: &str,
) -> Result<Option<String>, CliError> {
    if let Some(path) = file {
        return from_file(path).map(Some);
    }
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let typed = rpassword::prompt_password(prompt).map_err(|_| CliError::Terminal {
        why: "the terminal did not answer",
    })?;
    Ok(Some(typed).filter(|p| !p.is_empty()))
}
