//! What can be wrong with a file someone asks the app to read: the problem with the file,
//! and nothing else. Who reads about it, the file's name and what they can do about it are
//! added where it is reported ([`super::explain`]), so one error serves a councillor, an
//! officer and a script alike.

use thiserror::Error;

use super::TextEncoding;
use crate::model::pack::PackFault;

/// Why a file (or the copy in browser storage) could not be read. Its message says what is
/// wrong with the file, as a sentence about "This file"; it gives no advice, which differs
/// by reader.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ReadError {
    /// Nothing at all, or only spaces and line breaks.
    #[error("{}", self.problem("This file", Holds::Record))]
    Empty,
    #[error("{}", self.problem("This file", Holds::Record))]
    TooLarge { bytes: usize },
    /// Stops part-way through its text.
    #[error("{}", self.problem("This file", Holds::Record))]
    Truncated,
    /// Not text of the kind the app writes at all: a spreadsheet, a web page, a picture.
    #[error("{}", self.problem("This file", Holds::Record))]
    NotJson,
    #[error("{}", self.problem("This file", Holds::Record))]
    NotOurFormat { found: Option<String> },
    #[error("{}", self.problem("This file", Holds::Record))]
    NotUtf8 { encoding: TextEncoding },
    /// One of the app's files, but the other kind.
    #[error("{}", self.problem("This file", Holds::Record))]
    WrongKind {
        found: &'static str,
        expected: &'static str,
    },
    #[error("{}", self.problem("This file", Holds::Record))]
    NewerSchema { found: u32, supported: u32 },
    #[error("{}", self.problem("This file", Holds::Record))]
    PassphraseNeeded,
    /// The cipher refused it: a wrong passphrase, or a changed file.
    #[error("{}", self.problem("This file", Holds::Record))]
    WrongPassphrase,
    #[error("{}", self.problem("This file", Holds::Record))]
    UnknownLock { cipher: String, kdf: String },
    /// Sealed for the council, where no council key is unlocked: a councillor's device,
    /// or a workspace whose key has not been unlocked this session.
    #[error("{}", self.problem("This file", Holds::Record))]
    ForCouncil,
    /// Sealed to a council key this workspace does not hold.
    #[error("{}", self.problem("This file", Holds::Record))]
    OtherCouncilKey { fingerprint: String },
    /// Sealed to a key the workspace holds, but the cipher refused it: changed since.
    #[error("{}", self.problem("This file", Holds::Record))]
    Altered,
    /// Ours, and of a version the app reads, but some part of it is wrong.
    #[error("{}", self.problem("This file", Holds::Record))]
    Damaged { detail: Damage },
}

/// What a file is meant to hold, for the words of a problem with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holds {
    Record,
    Pack,
}

impl ReadError {
    pub(crate) fn damaged(detail: Damage) -> Self {
        Self::Damaged { detail }
    }

    /// The problem, as a sentence about `subject` ("This file", "The council pack", "It"):
    /// what is wrong with the file, never what to do about it.
    pub(crate) fn problem(&self, subject: &str, holds: Holds) -> String {
        let (kind, not_ours) = match holds {
            Holds::Record => (
                "member record",
                "This file is not a Member Development Record file",
            ),
            Holds::Pack => ("council pack", "This file is not a council pack"),
        };
        match self {
            Self::Empty => format!("{subject} is empty: there is nothing in it."),
            Self::TooLarge { bytes } => format!(
                "{subject} is {} MB, larger than any {kind} can be (the limit is 20 MB).",
                bytes.div_ceil(1024 * 1024)
            ),
            Self::Truncated => format!(
                "{subject} is incomplete: it stops part-way through, so it was probably cut short while being copied or downloaded."
            ),
            Self::NotJson => format!("{not_ours}: it is not in the format the app writes."),
            Self::NotOurFormat { found } => format!(
                "{not_ours}{}.",
                found
                    .as_ref()
                    .map(|f| format!(" (it says it is “{f}”)"))
                    .unwrap_or_default()
            ),
            Self::NotUtf8 { encoding } => format!(
                "{subject} is not saved as UTF-8 text, the only kind the app reads{}: a program has probably re-saved it in another encoding, which would change letters such as ë and é.",
                encoding.aside()
            ),
            Self::WrongKind { found, expected } => format!("This is {found}, not {expected}."),
            Self::NewerSchema { found, supported } => format!(
                "{subject} was written by a newer version of the app (data version {found}; this version reads up to {supported})."
            ),
            Self::PassphraseNeeded => format!("{subject} is locked with a passphrase."),
            Self::WrongPassphrase => format!(
                "{subject} could not be unlocked: either the passphrase is not the one it was locked with, or the file has been changed since it was exported."
            ),
            Self::UnknownLock { cipher, kdf } => format!(
                "{subject} is locked in a way this version of the app does not know ({cipher}, {kdf})."
            ),
            Self::ForCouncil => format!(
                "{subject} is sealed for the council: only the council's workspace, with the council key unlocked, can open it."
            ),
            Self::OtherCouncilKey { fingerprint } => format!(
                "{subject} is sealed to a council key this workspace does not hold (key fingerprint {fingerprint})."
            ),
            Self::Altered => format!(
                "{subject} has been changed since it was sealed for the council, so it cannot be trusted or opened."
            ),
            Self::Damaged { detail } => format!("{subject} is damaged: {detail}."),
        }
    }
}

/// Which part of a file is wrong, in words of the app's own: never a parser's message, a
/// Rust type or a position in text the person never saw.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Damage {
    #[error("it holds no record")]
    NoRecord,
    #[error("it does not say which data version it holds")]
    NoDataVersion,
    #[error("it says it holds data version {0}, which never existed")]
    UnknownDataVersion(u32),
    #[error("its profile (written by an early version of the app) is unreadable")]
    EarlyProfile,
    #[error("its header and its record name different councillors")]
    OtherCouncillor,
    /// The council pack a member file carries cannot be used.
    #[error("the council pack in it cannot be used, because {0}")]
    CarriedPack(PackFault),
    /// A council pack file that cannot be used.
    #[error("{0}")]
    Pack(PackFault),
    /// One part is missing or not what it should be.
    #[error("{}", part.is(*problem))]
    Part { part: Part, problem: Problem },
    /// The text itself is broken: a comma, quote or bracket is missing or out of place.
    #[error("its text is broken near {0}: a comma, quote or bracket is missing or out of place")]
    Broken(Part),
    #[error("there is more text after the end of what it holds")]
    MoreAfterTheEnd,
    #[error("it is nested more deeply than any record can be")]
    TooDeep,
    #[error("it holds a piece of text longer than any answer can be")]
    TooLongText,
    #[error("the part that says how it is locked is missing")]
    NoLock,
    #[error(
        "it asks for {0} rounds of locking, fewer than the 600,000 the app needs to keep it safe"
    )]
    WeakLock(u32),
    #[error("it asks for {0} rounds of locking, more than the 10,000,000 the app will do")]
    CostlyLock(u32),
    #[error("the part that says how it is locked has a piece of the wrong length")]
    LockLength,
    #[error("its {0} is unreadable")]
    Unreadable(&'static str),
    #[error("its locked record is empty")]
    NothingLocked,
    #[error("what it holds is not text")]
    NotText,
    #[error("its header does not match the record it holds")]
    HeaderMismatch,
    #[error("the saved workspace entry is unreadable")]
    SavedEntry,
}

/// A part of a file, in words: "the hours of an activity in the learning record".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    words: String,
    plural: bool,
}

impl Part {
    pub(crate) fn new(words: impl Into<String>, plural: bool) -> Self {
        Self {
            words: words.into(),
            plural,
        }
    }

    /// "the hours of an activity are not a number".
    fn is(&self, problem: Problem) -> String {
        let verb = if self.plural { "are" } else { "is" };
        format!("{} {verb} {}", self.words, problem.words())
    }
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words)
    }
}

/// What is wrong with a part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Missing,
    NotNumber,
    /// A number, but one no file of the app holds (below zero, or too large).
    OutOfRange,
    NotText,
    NotYesOrNo,
    NotList,
    NotDate,
    NotDateAndTime,
    NotId,
    /// A choice (a status, a priority, a kind of question) the app does not know.
    NotKnown,
    Repeated,
    NotInForm,
}

impl Problem {
    fn words(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::NotNumber => "not a number",
            Self::OutOfRange => "not a number the app can hold",
            Self::NotText => "not text",
            Self::NotYesOrNo => "not yes or no",
            Self::NotList => "not a list",
            Self::NotDate => "not a date",
            Self::NotDateAndTime => "not a date and time",
            Self::NotId => "not an id in the form the app writes",
            Self::NotKnown => "not one the app knows",
            Self::Repeated => "given twice",
            Self::NotInForm => "not in the form the app writes",
        }
    }
}
