//! Every kind of bad file a councillor or an officer may choose, through every reader: a
//! councillor restoring a backup, a councillor applying a council pack, a locked file once
//! opened, the officer importing members' files, and the app opening what it saved. Each
//! is refused, changes nothing, and is told in plain words which file and what to do,
//! advice fit for whoever reads it, never a parser's message. The corpus is the files in
//! `fixtures/bad-files/` (written by `scripts/make-bad-files.py`), which the end-to-end
//! journeys run too; the files too large to keep are made here.

use std::path::PathBuf;

use mdr_domain::consolidate::{ImportOutcome, OfficerWorkspace};
use mdr_domain::exchange::{
    Export, MAX_FILE_BYTES, NONCE_BYTES, ReadError, Reader, SALT_BYTES, SavedCopy, SealedHeader,
    explain, explain_saved, file_text, read_export, read_member_file, read_pack_file,
    write_sealed_file,
};
use mdr_domain::store::{LoadError, MemoryStorage, RecordKeeper, Storage, keys};

/// Words no message a person reads may hold: a parser's, or the name of a type of ours
/// (`fixtures/bad-files/denied.json`, which the end-to-end journeys check too).
fn denied() -> Vec<String> {
    let text = std::fs::read(corpus_folder().join("denied.json")).unwrap();
    serde_json::from_slice(&text).unwrap()
}

/// One file of the corpus: its name, what it is, and its bytes.
struct BadFile {
    name: String,
    what: String,
    bytes: Vec<u8>,
    /// The one reader it is a sound file for, if any ("member" or "pack").
    good_for: Option<String>,
}

fn corpus_folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad-files")
}

/// The files of the corpus, and the ones too large to keep, made here.
fn corpus() -> Vec<BadFile> {
    let folder = corpus_folder();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("corpus.json")).unwrap()).unwrap();
    let mut files: Vec<BadFile> = manifest
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            let name = entry["file"].as_str().unwrap().to_owned();
            BadFile {
                bytes: std::fs::read(folder.join(&name)).unwrap(),
                what: entry["what"].as_str().unwrap().to_owned(),
                good_for: entry["good_for"].as_str().map(str::to_owned),
                name,
            }
        })
        .collect();
    let sound = std::fs::read_to_string(folder.join("member-record-given-as-a-pack.json")).unwrap();
    // A sound file padded past the limit with spaces, and one holding a vast note.
    let mut padded = sound.clone();
    padded.push_str(&" ".repeat(MAX_FILE_BYTES + 1 - padded.len()));
    files.push(BadFile {
        name: "too-large.json".into(),
        what: "padded past 20 MB".into(),
        bytes: padded.into_bytes(),
        good_for: None,
    });
    let note = format!(
        "\"note\": [{}],",
        "\"x\",".repeat(MAX_FILE_BYTES / 4) + "\"x\""
    );
    files.push(BadFile {
        name: "too-large-record.json".into(),
        what: "a record holding more than 20 MB".into(),
        bytes: sound
            .replacen("\"record\": {", &format!("\"record\": {{{note}"), 1)
            .into_bytes(),
        good_for: None,
    });
    files
}

/// What a person reads must name the file, give advice, and hold nothing from a parser.
fn check(message: &str, file: &BadFile, reader: &str) {
    for word in &denied() {
        assert!(
            !message.contains(word.as_str()),
            "{} ({}), {reader}: “{word}” in: {message}",
            file.name,
            file.what
        );
    }
    assert!(
        message.contains(&format!("“{}”", file.name)),
        "{}, {reader}: the file is not named: {message}",
        file.name
    );
    assert!(
        message.ends_with('.') && message.matches(". ").count() >= 2,
        "{}, {reader}: the problem and advice are not sentences: {message}",
        file.name
    );
}

/// Advice for a councillor: what they can do themselves, never what only an officer can.
fn check_councillors(message: &str, file: &BadFile, reader: &str, advice: &[&str]) {
    check(message, file, reader);
    assert!(
        !message.to_lowercase().contains("ask the member"),
        "{}, {reader}: {message}",
        file.name
    );
    assert!(
        advice.iter().any(|a| message.contains(a)),
        "{}, {reader}: no advice for a councillor: {message}",
        file.name
    );
    assert!(message.ends_with("Nothing has been changed."), "{message}");
}

/// Advice for the officer: never to export the record, which only the member can.
fn check_officers(message: &str, file: &BadFile) {
    check(message, file, "officer");
    let lower = message.to_lowercase();
    for councillors in [
        "export the record again",
        "your record",
        "your member development officer",
    ] {
        assert!(
            !lower.contains(councillors),
            "{}, officer: {message}",
            file.name
        );
    }
    assert!(
        [
            "Ask the member to export their record again",
            "Check that it is a member's exported file",
            "Update the app on this device",
            "passphrase agreed with the member",
        ]
        .iter()
        .any(|a| message.contains(a)),
        "{}, officer: no advice for an officer: {message}",
        file.name
    );
}

const RESTORING: &[&str] = &[
    "Export the record again from the app on the device that holds it",
    "Check that you chose the right file: a backup is called",
    "Update the app on this device",
    "passphrase you chose when you exported it",
];

const APPLYING: &[&str] = &[
    "Ask your member development officer to send the pack again",
    "Check that you chose the right file: a council pack is called",
    "Update the app on this device",
];

/// What restoring reads: the bytes as text, then a plain or locked member file.
fn restore(bytes: &[u8]) -> Result<Export, ReadError> {
    file_text(bytes.to_vec()).and_then(|text| read_export(&text))
}

#[test]
fn the_corpus_has_every_kind_of_bad_file() {
    let files = corpus();
    assert!(files.len() >= 40, "{}", files.len());
    let bad_for_members = files
        .iter()
        .filter(|f| f.good_for.as_deref() != Some("member"));
    assert!(bad_for_members.count() >= 25);
    for file in &files {
        assert!(
            file.name.len() < 60 && file.name.is_ascii() && !file.name.contains(' '),
            "{}",
            file.name
        );
    }
}

#[test]
fn a_councillor_restoring_from_any_bad_file_is_told_which_file_and_what_to_do() {
    for file in corpus() {
        match (restore(&file.bytes), file.good_for.as_deref()) {
            (Ok(Export::Plain(_)), Some("member")) => continue,
            (Ok(_), _) => panic!("{} ({}) was restored", file.name, file.what),
            (Err(error), _) => check_councillors(
                &explain(&error, &file.name, Reader::Restoring),
                &file,
                "restoring",
                RESTORING,
            ),
        }
    }
}

#[test]
fn a_councillor_applying_any_bad_file_as_a_pack_is_told_to_ask_for_the_pack_again_or_check_the_file()
 {
    for file in corpus() {
        let read = file_text(file.bytes.clone()).and_then(|text| read_pack_file(&text));
        match (read, file.good_for.as_deref()) {
            (Ok(_), Some("pack")) => continue,
            (Ok(_), _) => panic!("{} ({}) was applied as a pack", file.name, file.what),
            (Err(error), _) => {
                let message = explain(&error, &file.name, Reader::ApplyingPack);
                check_councillors(&message, &file, "applying a pack", APPLYING);
                assert!(!message.contains("xport"), "{message}");
            }
        }
    }
}

/// The header of a sound locked file, with `plaintext` for what its cipher opened.
fn opened_as_if_unlocked(plaintext: &[u8]) -> Result<(), ReadError> {
    let folder = corpus_folder();
    let sound = std::fs::read_to_string(folder.join("member-record-given-as-a-pack.json")).unwrap();
    let file = read_member_file(&sound).unwrap();
    let header = SealedHeader::for_file(&file, &[1; SALT_BYTES], &[2; NONCE_BYTES]);
    let Ok(Export::Sealed(sealed)) = read_export(&write_sealed_file(header, &[9; 64])) else {
        panic!("a sound locked file reads as locked");
    };
    sealed.open(plaintext).map(|_| ())
}

#[test]
fn a_locked_file_that_holds_any_bad_file_is_refused_in_plain_words_for_each_reader() {
    for file in corpus() {
        if file.good_for.as_deref() == Some("member") {
            assert!(opened_as_if_unlocked(&file.bytes).is_ok());
            continue;
        }
        let error =
            opened_as_if_unlocked(&file.bytes).expect_err(&format!("{} was opened", file.name));
        check_councillors(
            &explain(&error, &file.name, Reader::Restoring),
            &file,
            "restoring a locked file",
            RESTORING,
        );
        check_officers(
            &explain(&error, &file.name, Reader::ImportingMembers),
            &file,
        );
    }
}

#[test]
fn an_officer_importing_any_bad_file_is_told_which_file_and_to_ask_the_member_and_nothing_changes()
{
    let sound = std::fs::read_to_string(corpus_folder().join("member-record-given-as-a-pack.json"))
        .unwrap();
    let mut workspace = OfficerWorkspace::default();
    workspace.import("member-record-cllr-zoe-bronte.json", &sound);
    let held = workspace.clone();
    for file in corpus() {
        // As the workspace page reads each file: its bytes as text, then plain or locked.
        let outcome = match file_text(file.bytes.clone()) {
            Err(error) => ImportOutcome::unreadable(&file.name, &error),
            Ok(text) => {
                let by_text = workspace.import(&file.name, &text);
                match read_export(&text) {
                    Err(error) => {
                        assert_eq!(by_text, ImportOutcome::unreadable(&file.name, &error));
                        by_text
                    }
                    Ok(Export::Plain(_)) if file.good_for.as_deref() == Some("member") => {
                        continue;
                    }
                    Ok(_) => panic!("{} ({}) was imported", file.name, file.what),
                }
            }
        };
        let ImportOutcome::Refused { reason } = &outcome else {
            panic!("{} was not refused: {outcome:?}", file.name)
        };
        check_officers(reason, &file);
        assert_eq!(outcome.label(), "Refused");
        assert_eq!(workspace, held, "{} changed the workspace", file.name);
    }
}

#[test]
fn a_saved_record_that_is_any_bad_file_is_left_untouched_and_explained() {
    for file in corpus() {
        let Ok(text) = String::from_utf8(file.bytes.clone()) else {
            continue;
        };
        if file.good_for.as_deref() == Some("member") {
            continue;
        }
        let storage = MemoryStorage::new();
        storage.set(keys::RECORD, &text).unwrap();
        let Err(error) = RecordKeeper::open(storage.clone()) else {
            panic!("{} was opened as the saved record", file.name);
        };
        let LoadError::Unreadable(read) = &error else {
            panic!("{}: {error:?}", file.name)
        };
        let message = error.to_string();
        assert_eq!(message, explain_saved(read, SavedCopy::Record));
        assert!(
            message.starts_with(
                "Your saved record was not opened, and nothing in it has been changed."
            ),
            "{message}"
        );
        for word in &denied() {
            assert!(
                !message.contains(word.as_str()),
                "{}: “{word}” in: {message}",
                file.name
            );
        }
        assert_eq!(storage.get(keys::RECORD).unwrap().as_deref(), Some(&*text));
    }
}

#[test]
fn an_empty_file_is_called_empty_never_cut_short() {
    for file in corpus()
        .iter()
        .filter(|f| f.name.contains("only") || f.name == "empty.json")
    {
        assert_eq!(restore(&file.bytes), Err(ReadError::Empty), "{}", file.name);
        let message = explain(&ReadError::Empty, &file.name, Reader::ImportingMembers);
        assert!(message.contains("is empty"), "{message}");
        assert!(!message.contains("incomplete"), "{message}");
    }
}

/// The problem a few of the files are refused for, as a councillor restoring reads it.
#[test]
fn each_fault_is_named_by_the_part_of_the_file_it_is_in() {
    let said = |name: &str| {
        let file = corpus().into_iter().find(|f| f.name == name).unwrap();
        explain(&restore(&file.bytes).unwrap_err(), name, Reader::Restoring)
    };
    let cases = [
        (
            "hours-not-a-number.json",
            "This file is damaged: the hours of an activity in the learning record are not a number.",
        ),
        (
            "date-not-a-date.json",
            "This file is damaged: the date completed of an activity in the learning record is not a date.",
        ),
        (
            "activity-id-not-an-id.json",
            "This file is damaged: the id of an activity in the learning record is not an id in the form the app writes.",
        ),
        (
            "unknown-activity-status.json",
            "This file is damaged: the status of an activity in the learning record is not one the app knows.",
        ),
        (
            "member-id-not-an-id.json",
            "This file is damaged: the member id is not an id in the form the app writes.",
        ),
        (
            "profile-without-a-name.json",
            "This file is damaged: the name in the profile is missing.",
        ),
        (
            "carrying-something-that-is-not-a-pack.json",
            "This file is damaged: the council in the council pack it carries is missing.",
        ),
        (
            "stray-comma.json",
            "This file is damaged: its text is broken near the revision number",
        ),
        (
            "data-version-a-string.json",
            "This file is damaged: it does not say which data version it holds.",
        ),
        ("empty.json", "This file is empty"),
        ("cut-short-in-the-record.json", "This file is incomplete"),
        (
            "locked-unknown-cipher.json",
            "This file is locked in a way this version of the app does not know (ROT13,",
        ),
        (
            "locked-too-few-rounds.json",
            "This file is damaged: it asks for 1000 rounds of locking",
        ),
        (
            "council-pack-given-as-a-member-file.json",
            "This is a council pack, not a member's record.",
        ),
    ];
    for (name, problem) in cases {
        let message = said(name);
        assert!(
            message.starts_with(&format!("“{name}” cannot be restored. {problem}")),
            "{message}"
        );
    }
}
