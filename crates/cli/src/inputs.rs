//! Finding the members' files the command was given, and handing over their bytes as a
//! browser hands over a chosen file's: as they are, with no judgement of what they hold.
//!
//! Each input is a folder, whose `.json` files are taken from it and every folder inside
//! it; a `.zip` file, whose `.json` entries are taken; or any other file, taken whatever it
//! is called (as a browser takes whatever file is chosen). Names starting with a dot
//! (`.DS_Store`, the `._name.json` copies macOS leaves on memory sticks) and `__MACOSX`
//! folders are left out. Files are listed in the order of the inputs, and within a folder
//! or zip in the order of their paths, so a run is repeatable: an import's outcomes
//! depend on the order its files come in.
//!
//! A file is named by its path inside the folder or zip it came from, with `/` between
//! folders: one at the top of the folder is named just as the browser names it.
//!
//! Everything is found before anything is read, so that an unreadable folder or zip stops
//! the run at once, and the progress bar knows the total.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use mdr_domain::exchange::MAX_FILE_BYTES;
use zip::ZipArchive;

use crate::error::{CliError, shown};

/// Files larger than this are refused as too large without being read: four times the
/// largest member file, so that anything the app itself would read (and every file the
/// browser would refuse for what it holds rather than its size) is read as the browser
/// reads it.
pub const READ_LIMIT: u64 = 4 * MAX_FILE_BYTES as u64;

/// Why a file's bytes were not handed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unread {
    /// Larger than [`READ_LIMIT`]: this many bytes.
    TooLarge(u64),
    /// The system or the zip would not give its bytes.
    Failed,
}

/// Where a file found is.
enum Origin {
    Path(PathBuf),
    Zip { archive: usize, index: usize },
}

struct Found {
    name: String,
    origin: Origin,
}

/// Every member's file found in the inputs, not yet read.
pub struct MemberFiles {
    files: Vec<Found>,
    zips: Vec<ZipArchive<File>>,
}

impl MemberFiles {
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Each file in turn, its bytes yet to be had: a folder's files are read by whichever
    /// thread opens them, a zip's entries here, in order, as a zip is read.
    pub fn pending(self) -> impl Iterator<Item = Pending> {
        let mut zips = self.zips;
        self.files.into_iter().map(move |found| Pending {
            source: match found.origin {
                Origin::Path(path) => Source::Path(path),
                Origin::Zip { archive, index } => {
                    Source::Read(read_entry(&mut zips[archive], index))
                }
            },
            name: found.name,
        })
    }
}

/// A member's file found, by its name, with its bytes or where to read them.
pub struct Pending {
    pub name: String,
    source: Source,
}

enum Source {
    Path(PathBuf),
    Read(Result<Vec<u8>, Unread>),
}

impl Pending {
    /// A file whose bytes (or why there are none) are already had.
    pub fn read(name: impl Into<String>, bytes: Result<Vec<u8>, Unread>) -> Self {
        Self {
            name: name.into(),
            source: Source::Read(bytes),
        }
    }

    /// The file's name, and its bytes or why they could not be had.
    pub fn bytes(self) -> (String, Result<Vec<u8>, Unread>) {
        let bytes = match self.source {
            Source::Path(path) => read_file(&path),
            Source::Read(bytes) => bytes,
        };
        (self.name, bytes)
    }
}

/// Finds the members' files in `inputs`. An input that does not exist or cannot be read,
/// a folder inside one that cannot be listed, or a zip that cannot be opened stops it.
pub fn find(inputs: &[PathBuf]) -> Result<MemberFiles, CliError> {
    let mut found = MemberFiles {
        files: Vec::new(),
        zips: Vec::new(),
    };
    for input in inputs {
        let metadata = std::fs::metadata(input).map_err(|e| CliError::input(input, &e))?;
        if metadata.is_dir() {
            let mut in_folder = Vec::new();
            walk(input, "", &mut in_folder)?;
            in_folder.sort();
            found
                .files
                .extend(in_folder.into_iter().map(|(name, path)| Found {
                    name,
                    origin: Origin::Path(path),
                }));
        } else if metadata.is_file() && has_extension(&input.to_string_lossy(), "zip") {
            let archive = open_zip(input)?;
            let number = found.zips.len();
            found.files.extend(
                zip_entries(&archive)
                    .into_iter()
                    .map(|(name, index)| Found {
                        name,
                        origin: Origin::Zip {
                            archive: number,
                            index,
                        },
                    }),
            );
            found.zips.push(archive);
        } else if metadata.is_file() {
            let name = input
                .file_name()
                .map_or_else(|| shown(input), |n| n.to_string_lossy().into_owned());
            found.files.push(Found {
                name,
                origin: Origin::Path(input.clone()),
            });
        } else {
            return Err(CliError::NotAnInput { path: shown(input) });
        }
    }
    Ok(found)
}

/// Whether a name ends `.extension`, in any case (`.JSON` from some Windows programs).
fn has_extension(name: &str, extension: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case(extension))
}

/// Whether a folder or file is left out wherever it is: hidden, or macOS's zip leftovers.
fn left_out(part: &str) -> bool {
    part.starts_with('.') || part == "__MACOSX"
}

/// The `.json` files in `folder` and the folders inside it, by their path from the input
/// (`prefix` is the path so far). Symbolic links to files are followed; to folders, not,
/// so a link back up the tree cannot loop.
fn walk(folder: &Path, prefix: &str, found: &mut Vec<(String, PathBuf)>) -> Result<(), CliError> {
    let entries = std::fs::read_dir(folder).map_err(|e| CliError::input(folder, &e))?;
    for entry in entries {
        let entry = entry.map_err(|e| CliError::input(folder, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if left_out(&name) {
            continue;
        }
        let path = entry.path();
        let relative = format!("{prefix}{name}");
        let kind = entry.file_type().map_err(|e| CliError::input(&path, &e))?;
        if kind.is_dir() {
            walk(&path, &format!("{relative}/"), found)?;
        } else if has_extension(&name, "json") && (kind.is_file() || path.is_file()) {
            found.push((relative, path));
        }
    }
    Ok(())
}

fn open_zip(path: &Path) -> Result<ZipArchive<File>, CliError> {
    let file = File::open(path).map_err(|e| CliError::input(path, &e))?;
    ZipArchive::new(file).map_err(|_| CliError::NotAZip { path: shown(path) })
}

/// The `.json` entries of a zip, by name, with their index in it.
fn zip_entries(archive: &ZipArchive<File>) -> Vec<(String, usize)> {
    let raw: Vec<&[u8]> = archive.file_names_raw().collect();
    let mut entries: Vec<(String, usize)> = (0..archive.len())
        .filter_map(|index| {
            // A name the zip cannot decode is shown as near as it can be, not dropped.
            let name = match archive.name_for_index(index)? {
                Ok(name) => name.into_owned(),
                Err(_) => String::from_utf8_lossy(raw.get(index)?).into_owned(),
            };
            let name = name.as_str();
            let wanted = !name.ends_with('/')
                && !name.split(['/', '\\']).any(left_out)
                && has_extension(name, "json");
            wanted.then(|| (name.replace('\\', "/"), index))
        })
        .collect();
    entries.sort();
    entries
}

fn read_file(path: &Path) -> Result<Vec<u8>, Unread> {
    let mut file = File::open(path).map_err(|_| Unread::Failed)?;
    let size = file.metadata().map_err(|_| Unread::Failed)?.len();
    if size > READ_LIMIT {
        return Err(Unread::TooLarge(size));
    }
    read_limited(&mut file, size)
}

fn read_entry(archive: &mut ZipArchive<File>, index: usize) -> Result<Vec<u8>, Unread> {
    let mut entry = archive.by_index(index).map_err(|_| Unread::Failed)?;
    // The size a zip declares is only a claim: the read is capped as well.
    let size = entry.size();
    if size > READ_LIMIT {
        return Err(Unread::TooLarge(size));
    }
    read_limited(&mut entry, size)
}

/// All of `reader`, refused as too large should it hold more than [`READ_LIMIT`] after all.
fn read_limited(reader: &mut impl Read, expected: u64) -> Result<Vec<u8>, Unread> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    reader
        .take(READ_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| Unread::Failed)?;
    if bytes.len() as u64 > READ_LIMIT {
        return Err(Unread::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_any_case_and_only_json() {
        assert!(has_extension("member-record-zoe.json", "json"));
        assert!(has_extension("MEMBER.JSON", "json"));
        assert!(!has_extension("attendance.csv", "json"));
        assert!(!has_extension("json", "json"));
    }

    #[test]
    fn hidden_files_and_macos_leftovers_are_left_out() {
        assert!(left_out("._member-record.json"));
        assert!(left_out(".git"));
        assert!(left_out("__MACOSX"));
        assert!(!left_out("member-record.json"));
    }
}
