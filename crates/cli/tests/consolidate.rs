//! An officer runs `mdr consolidate` on folders and zips of members' files, plain, locked
//! and sealed for the council, and gets every report as CSV and as a workbook that opens
//! in a spreadsheet; each bad file is refused by name with the words the officer's
//! workspace gives, and scripts can tell from the exit code how the run went.
//!
//! The built binary is run, as a script would run it: its standard input and error are
//! not terminals here, so no progress bar is drawn and no passphrase is asked for. Locked
//! and sealed files are made natively with the crates the domain's own tests use to stand
//! in for the browser's WebCrypto.

#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use calamine::{Data, Reader as _, Xlsx, open_workbook_from_rs};
use chrono::{TimeZone, Utc};
use mdr_domain::consolidate::ImportOutcome;
use mdr_domain::exchange::{
    CouncilHeader, KeyBackup, MAX_FILE_BYTES, MemberFile, NONCE_BYTES, ReadError, Reader,
    SALT_BYTES, SealedHeader, Wrapping, explain, file_text, read_export, read_member_file,
    sealing_key, sealing_plaintext, write_council_file, write_key_backup, write_sealed_file,
};
use mdr_domain::model::council_key::CouncilKey;
use p256::SecretKey;
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::pkcs8::EncodePrivateKey;
use serde_json::Value;
use sha2::Sha256;
use tempfile::TempDir;
use unicode_normalization::UnicodeNormalization;

// --- Running the command -----------------------------------------------------------------

fn mdr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mdr"))
        .args(args)
        .output()
        .expect("the command runs")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// `mdr consolidate INPUTS... --out OUT --today 2026-12-01 EXTRA...`
fn consolidate(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["consolidate"];
    args.extend(inputs.iter().map(|p| path(p)));
    args.extend(["--out", path(out), "--today", "2026-12-01"]);
    args.extend(extra);
    mdr(&args)
}

/// [`consolidate`] on `threads` cores (`RAYON_NUM_THREADS`).
fn consolidate_on(threads: &str, inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["consolidate"];
    args.extend(inputs.iter().map(|p| path(p)));
    args.extend(["--out", path(out), "--today", "2026-12-01"]);
    args.extend(extra);
    Command::new(env!("CARGO_BIN_EXE_mdr"))
        .args(&args)
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .expect("the command runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A run that went wrong before any file was read: exit code 2, and one plain line.
fn assert_unusable(output: &Output, says: &str) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    let message = stderr(output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.starts_with("mdr: "), "{message}");
    assert!(message.contains(says), "{says} not in: {message}");
    assert!(!message.contains("os error"), "{message}");
}

/// One row of outcomes.csv.
#[derive(Debug, PartialEq, Eq)]
struct Row {
    file: String,
    outcome: String,
    member: String,
    explanation: String,
}

fn outcomes(out: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(out.join("outcomes.csv")).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["File", "Outcome", "Member", "Explanation"]
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            Row {
                file: r[0].to_owned(),
                outcome: r[1].to_owned(),
                member: r[2].to_owned(),
                explanation: r[3].to_owned(),
            }
        })
        .collect()
}

fn row<'a>(rows: &'a [Row], file: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.file == file)
        .unwrap_or_else(|| panic!("{file} not in {rows:?}"))
}

/// A CSV report as rows of cells, its BOM taken off.
fn report(out: &Path, name: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(out.join(name)).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

// --- Members' files ----------------------------------------------------------------------

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../domain/tests/fixtures/bad-files")
}

/// A sound member file: Cllr Zoë Brontë's, who completed Code of Conduct (evidence CERT-7).
fn zoe() -> String {
    std::fs::read_to_string(fixtures().join("member-record-given-as-a-pack.json")).unwrap()
}

/// Another member's file, made from Zoë's with another id and name.
fn member(n: u128, name: &str) -> String {
    let mut file: Value = serde_json::from_str(&zoe()).unwrap();
    let id = format!("00000000-0000-4000-8000-{n:012}");
    file["member_id"] = id.clone().into();
    file["device_id"] = format!("00000000-0000-4000-8000-{:012}", n + 90_000).into();
    file["record"]["member_id"] = id.into();
    file["record"]["profile"]["full_name"] = name.into();
    serde_json::to_string_pretty(&file).unwrap()
}

fn read(text: &str) -> MemberFile {
    read_member_file(text).unwrap()
}

fn write(folder: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let file = folder.join(name);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, text).unwrap();
    file
}

// --- The browser's cipher work, natively -------------------------------------------------

fn nfc(passphrase: &str) -> String {
    passphrase.nfc().collect()
}

fn passphrase_key(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), salt, iterations, &mut key);
    key
}

fn encrypt(key: &[u8], nonce: &[u8], msg: &[u8], aad: &[u8]) -> Vec<u8> {
    Aes256Gcm::new_from_slice(key)
        .unwrap()
        .encrypt(Nonce::from_slice(nonce), Payload { msg, aad })
        .unwrap()
}

/// What a member's app does for a locked export: the passphrase in NFC, PBKDF2, AES-GCM.
fn lock(file: &MemberFile, passphrase: &str) -> String {
    let (salt, nonce) = ([5; SALT_BYTES], [6; NONCE_BYTES]);
    let header = SealedHeader::for_file(file, &salt, &nonce);
    let key = passphrase_key(&nfc(passphrase), &salt, header.encryption.iterations);
    let ciphertext = encrypt(
        &key,
        &nonce,
        &sealing_plaintext(file),
        &header.associated_data(),
    );
    write_sealed_file(header, &ciphertext)
}

fn public_bytes(secret: &SecretKey) -> [u8; 65] {
    secret
        .public_key()
        .to_encoded_point(false)
        .as_bytes()
        .try_into()
        .unwrap()
}

fn council_secret(seed: u8) -> SecretKey {
    SecretKey::from_slice(&[seed; 32]).unwrap()
}

/// What a member's app does for *Download the file for the council*: HPKE to the key.
fn seal_for_council(file: &MemberFile, council: &SecretKey) -> String {
    let key = CouncilKey::from_public_key(&public_bytes(council));
    let recipient = public_bytes(council);
    let ephemeral = council_secret(0x5e);
    let enc = public_bytes(&ephemeral);
    let shared = p256::ecdh::diffie_hellman(
        ephemeral.to_nonzero_scalar(),
        council.public_key().as_affine(),
    );
    let dh: [u8; 32] = (*shared.raw_secret_bytes()).into();
    let aead = sealing_key(&dh, &enc, &recipient);
    let header = CouncilHeader::for_file(file, &key, &enc);
    let ciphertext = encrypt(
        &aead.key,
        &aead.nonce,
        &sealing_plaintext(file),
        &header.associated_data(),
    );
    write_council_file(header, &ciphertext)
}

/// What the officer's workspace writes for *Download the key backup*.
fn key_backup(council: &SecretKey, passphrase: &str) -> String {
    let wrapping = Wrapping::fresh([7; SALT_BYTES], [8; NONCE_BYTES]);
    let key = passphrase_key(&nfc(passphrase), &wrapping.salt, wrapping.iterations);
    let public = public_bytes(council);
    let key_id = CouncilKey::from_public_key(&public).key_id;
    let document = council.to_pkcs8_der().unwrap();
    let wrapped = encrypt(
        &key,
        &wrapping.nonce,
        document.as_bytes(),
        &KeyBackup::associated_data(&key_id),
    );
    let made = Utc.with_ymd_and_hms(2026, 9, 1, 9, 0, 0).unwrap();
    write_key_backup(&KeyBackup::new(
        "Calderdale Council",
        made,
        &public,
        &wrapping,
        &wrapped,
    ))
}

/// "Tŷ Coch" as an iPad types it (ŷ, U+0177) and as Windows may (y, then U+0302).
const COMPOSED: &str = "T\u{177} Coch";
const DECOMPOSED: &str = "Ty\u{302} Coch";

// --- The journeys --------------------------------------------------------------------

#[test]
fn an_officer_turns_a_folder_of_members_files_into_every_report_and_the_workbook() {
    let dir = TempDir::new().unwrap();
    let files = dir.path().join("files");
    write(&files, "member-record-zoe.json", zoe());
    write(
        &files,
        "Haworth/member-record-anne.json",
        member(8, "Cllr Anne Brontë"),
    );
    // Left out: not .json, hidden, or macOS's copies.
    write(&files, "notes.txt", "not a member file");
    write(&files, "._member-record-zoe.json", [0, 5, 22, 7]);
    let out = dir.path().join("reports");

    let output = consolidate(&[&files], &out, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // Not a terminal: no progress bar, nothing on standard error at all.
    assert_eq!(stderr(&output), "");
    let shown = stdout(&output);
    assert!(!shown.contains('\u{1b}'), "no colour when piped: {shown}");
    assert!(shown.contains("Accepted         2"), "{shown}");
    assert!(
        shown
            .contains("2 files: 2 accepted, 0 updated, 0 merged, 0 unchanged, 0 older, 0 refused."),
        "{shown}"
    );

    let rows = outcomes(&out);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        row(&rows, "member-record-zoe.json"),
        &Row {
            file: "member-record-zoe.json".into(),
            outcome: "Accepted".into(),
            member: "Cllr Zoë Brontë".into(),
            explanation: "New member: Cllr Zoë Brontë.".into(),
        }
    );
    assert_eq!(
        row(&rows, "Haworth/member-record-anne.json").member,
        "Cllr Anne Brontë"
    );

    let audit = report(&out, "training-audit.csv");
    assert_eq!(audit[0][0], "Member");
    assert!(audit.iter().any(|r| r[0] == "Cllr Zoë Brontë"
        && r.contains(&"Code of Conduct".to_owned())
        && r.contains(&"CERT-7".to_owned())));
    assert!(audit.iter().any(|r| r[0] == "Cllr Anne Brontë"));
    for name in [
        "training-matrix.csv",
        "mandatory-compliance.csv",
        "mandatory-compliance-summary.csv",
        "needs-analysis.csv",
        "access-and-caring-needs-confidential.csv",
        "course-evaluation.csv",
        "training-spend.csv",
        "spend-per-member.csv",
        "hours-per-member.csv",
        "engagement.csv",
        "charter-evidence-2026-27.csv",
    ] {
        assert!(!report(&out, name).is_empty(), "{name} has no header");
    }
    let hours = report(&out, "hours-per-member.csv");
    assert!(
        hours
            .iter()
            .any(|r| r[0] == "Cllr Zoë Brontë" && r.contains(&"2".to_owned())),
        "two hours of Code of Conduct in 2026/27: {hours:?}"
    );

    let bytes = std::fs::read(out.join("member-development-reports.xlsx")).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheets = workbook.sheet_names();
    for sheet in ["Training audit", "Training matrix", "Engagement"] {
        assert!(sheets.contains(&sheet.to_owned()), "{sheets:?}");
    }
    assert!(
        sheets.iter().any(|s| s.starts_with("Charter")),
        "{sheets:?}"
    );
    let audit = workbook.worksheet_range("Training audit").unwrap();
    let names: Vec<Data> = (1..audit.height() as u32)
        .filter_map(|r| audit.get_value((r, 0)).cloned())
        .collect();
    assert!(
        names.contains(&Data::String("Cllr Zoë Brontë".into())),
        "{names:?}"
    );
    assert!(
        names.contains(&Data::String("Cllr Anne Brontë".into())),
        "{names:?}"
    );
}

#[test]
fn a_zip_of_members_files_is_read_as_a_folder_is_and_a_newer_file_updates_the_record() {
    let dir = TempDir::new().unwrap();
    let archive = dir.path().join("from-the-ward-offices.zip");
    let mut newer: Value = serde_json::from_str(&zoe()).unwrap();
    newer["revision"] = 4.into();
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&archive).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("ward-a/member-record-zoe.json", zoe()),
        ("ward-b/member-record-zoe-newer.json", newer.to_string()),
        ("__MACOSX/ward-a/._member-record-zoe.json", "junk".into()),
        ("readme.txt", "not a member file".into()),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    let out = dir.path().join("out");

    let output = consolidate(&[&archive], &out, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows = outcomes(&out);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        row(&rows, "ward-a/member-record-zoe.json").outcome,
        "Accepted"
    );
    assert_eq!(
        row(&rows, "ward-b/member-record-zoe-newer.json").outcome,
        "Updated"
    );
}

#[test]
fn locked_files_open_with_the_passphrase_file_however_its_letters_were_typed() {
    let dir = TempDir::new().unwrap();
    let files = dir.path().join("files");
    write(
        &files,
        "member-record-00000000-locked.json",
        lock(&read(&zoe()), COMPOSED),
    );
    let typed = write(dir.path(), "passphrase.txt", format!("{DECOMPOSED}\n"));
    let out = dir.path().join("out");

    let output = consolidate(&[&files], &out, &["--passphrase-file", path(&typed)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows = outcomes(&out);
    assert_eq!(
        (rows[0].outcome.as_str(), rows[0].member.as_str()),
        ("Accepted", "Cllr Zoë Brontë")
    );

    // Without the passphrase, or with the wrong one, the workspace's words.
    let name = "member-record-00000000-locked.json";
    let output = consolidate(&[&files], &out, &[]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        outcomes(&out)[0].explanation,
        explain(&ReadError::PassphraseNeeded, name, Reader::ImportingMembers)
    );
    let wrong = write(dir.path(), "wrong.txt", "Plas Newydd\r\n");
    let output = consolidate(&[&files], &out, &["--passphrase-file", path(&wrong)]);
    assert_eq!(output.status.code(), Some(0));
    let rows = outcomes(&out);
    assert_eq!(rows[0].outcome, "Refused");
    assert_eq!(
        rows[0].explanation,
        explain(&ReadError::WrongPassphrase, name, Reader::ImportingMembers)
    );
    assert!(stdout(&output).contains(&format!("{name}: {}", rows[0].explanation)));

    let empty = write(dir.path(), "empty.txt", "\n");
    assert_unusable(
        &consolidate(&[&files], &out, &["--passphrase-file", path(&empty)]),
        "is empty",
    );
}

#[test]
fn files_sealed_for_the_council_open_with_the_key_backup_and_its_passphrase() {
    let dir = TempDir::new().unwrap();
    let council = council_secret(0x11);
    let files = dir.path().join("files");
    let zoe_file = read(&zoe());
    write(
        &files,
        "member-record-00000000-for-the-council.json",
        seal_for_council(&zoe_file, &council),
    );
    let anne = read(&member(8, "Cllr Anne Brontë"));
    write(
        &files,
        "member-record-00000008-for-the-council.json",
        seal_for_council(&anne, &council_secret(0x12)),
    );
    let backup = write(
        dir.path(),
        "council-key.json",
        key_backup(&council, COMPOSED),
    );
    let passphrase = write(dir.path(), "key-passphrase.txt", COMPOSED);
    let out = dir.path().join("out");

    let output = consolidate(
        &[&files],
        &out,
        &[
            "--key",
            path(&backup),
            "--key-passphrase-file",
            path(&passphrase),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows = outcomes(&out);
    let opened = row(&rows, "member-record-00000000-for-the-council.json");
    assert_eq!(
        (opened.outcome.as_str(), opened.member.as_str()),
        ("Accepted", "Cllr Zoë Brontë")
    );
    // Sealed to another council's key: refused with that key's fingerprint.
    let other = row(&rows, "member-record-00000008-for-the-council.json");
    let fingerprint = CouncilKey::from_public_key(&public_bytes(&council_secret(0x12))).fingerprint;
    assert_eq!(
        other.explanation,
        explain(
            &ReadError::OtherCouncilKey { fingerprint },
            "member-record-00000008-for-the-council.json",
            Reader::ImportingMembers
        )
    );

    // No key given: refused as the workspace refuses it with no key unlocked.
    let output = consolidate(&[&files], &out, &[]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        row(
            &outcomes(&out),
            "member-record-00000000-for-the-council.json"
        )
        .explanation,
        explain(
            &ReadError::ForCouncil,
            "member-record-00000000-for-the-council.json",
            Reader::ImportingMembers
        )
    );

    // The wrong passphrase, or none where none can be asked for, stops the run.
    let wrong = write(dir.path(), "wrong.txt", "Plas Newydd");
    assert_unusable(
        &consolidate(
            &[&files],
            &out,
            &[
                "--key",
                path(&backup),
                "--key-passphrase-file",
                path(&wrong),
            ],
        ),
        "does not unlock the council key",
    );
    assert_unusable(
        &consolidate(&[&files], &out, &["--key", path(&backup)]),
        "--key-passphrase-file",
    );
    let not_a_key = write(dir.path(), "not-a-key.json", zoe());
    assert_unusable(
        &consolidate(
            &[&files],
            &out,
            &[
                "--key",
                path(&not_a_key),
                "--key-passphrase-file",
                path(&passphrase),
            ],
        ),
        "is not a council key backup",
    );
}

/// The corpus's files by name, and what the domain says of each as the officer's
/// workspace reads it: its bytes as text, then a plain, locked or sealed member file.
fn corpus() -> Vec<(String, Vec<u8>, Option<String>)> {
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(fixtures().join("corpus.json")).unwrap()).unwrap();
    manifest
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            let name = entry["file"].as_str().unwrap().to_owned();
            let bytes = std::fs::read(fixtures().join(&name)).unwrap();
            let good_for = entry["good_for"].as_str().map(str::to_owned);
            (name, bytes, good_for)
        })
        .collect()
}

fn the_domains_reason(name: &str, bytes: &[u8]) -> String {
    let error = file_text(bytes.to_vec())
        .and_then(|text| read_export(&text).map(|_| ()))
        .expect_err("a bad file is refused");
    ImportOutcome::unreadable(name, &error).explanation()
}

#[test]
fn every_file_of_the_hostile_corpus_is_refused_by_name_with_the_workspaces_words() {
    let dir = TempDir::new().unwrap();
    // A sound file padded past the limit, made here as the domain's test makes it.
    let mut padded = zoe();
    padded.push_str(&" ".repeat(MAX_FILE_BYTES + 1 - padded.len()));
    let too_large = write(dir.path(), "too-large.json", &padded);
    let folder = fixtures();
    // Files a folder does not give (not .json) are given one by one, as a browser is.
    let mut inputs: Vec<PathBuf> = vec![folder.clone(), too_large];
    inputs.extend(
        corpus()
            .iter()
            .filter(|(name, ..)| !name.ends_with(".json"))
            .map(|(name, ..)| folder.join(name)),
    );
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let out = dir.path().join("out");

    let output = consolidate(&inputs, &out, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let shown = stdout(&output);
    let rows = outcomes(&out);
    let mut files = corpus();
    files.push(("too-large.json".into(), padded.into_bytes(), None));
    for (name, bytes, good_for) in &files {
        let found = row(&rows, name);
        if good_for.as_deref() == Some("member") {
            assert_eq!(found.outcome, "Accepted", "{name}");
            continue;
        }
        assert_eq!(found.outcome, "Refused", "{name}");
        assert_eq!(found.member, "", "{name}");
        let reason = the_domains_reason(name, bytes);
        assert_eq!(found.explanation, reason, "{name}");
        assert!(reason.contains(&format!("“{name}”")), "{reason}");
        assert!(
            shown.contains(&format!("  {name}: {reason}\n")),
            "{name} not listed with its reason"
        );
    }
    // Refused files are listed first, as the workspace's results table lists them.
    let first_accepted = rows.iter().position(|r| r.outcome != "Refused").unwrap();
    assert!(
        rows[first_accepted..]
            .iter()
            .all(|r| r.outcome != "Refused")
    );

    let strict = consolidate(&inputs, &out, &["--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stderr(&strict).contains("--strict"), "{}", stderr(&strict));
    assert!(out.join("member-development-reports.xlsx").exists());
}

#[test]
fn a_script_is_told_in_one_line_with_exit_code_2_when_the_run_cannot_be_done() {
    let dir = TempDir::new().unwrap();
    let files = dir.path().join("files");
    write(&files, "member-record-zoe.json", zoe());
    let out = dir.path().join("out");

    assert_unusable(
        &consolidate(&[&dir.path().join("no-such-folder")], &out, &[]),
        "there is no file or folder there",
    );
    let not_a_zip = write(dir.path(), "files.zip", "not a zip at all");
    assert_unusable(
        &consolidate(&[&files, &not_a_zip], &out, &[]),
        "could not be opened as a zip file",
    );
    assert_unusable(&mdr(&["consolidate", path(&files)]), "--out <DIR>");
    assert_unusable(
        &mdr(&["consolidate", path(&files), "--out", path(&out), "--colour"]),
        "--colour",
    );
    assert_unusable(
        &mdr(&[
            "consolidate",
            path(&files),
            "--out",
            path(&out),
            "--today",
            "1/12/2026",
        ]),
        "“1/12/2026” is not a date",
    );
    // A passphrase is never an argument's value.
    assert_unusable(
        &mdr(&[
            "consolidate",
            path(&files),
            "--out",
            path(&out),
            "--passphrase",
            "secret",
        ]),
        "--passphrase",
    );
    let cut_short = fixtures().join("pack-cut-short.json");
    assert_unusable(
        &consolidate(&[&files], &out, &["--pack", path(&cut_short)]),
        "pack-cut-short.json” cannot be used as the council pack. This file is incomplete",
    );
    let blocked = write(dir.path(), "blocked", "a file where the folder would go");
    assert_unusable(
        &consolidate(&[&files], &blocked.join("out"), &[]),
        "The reports could not be written",
    );
    assert!(
        !out.exists(),
        "nothing is written by a run that cannot be done"
    );

    // With every file sound, --strict changes nothing.
    let output = consolidate(&[&files], &out, &["--strict"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn the_council_pack_gives_the_reports_its_courses_and_the_workbook_its_council() {
    let dir = TempDir::new().unwrap();
    let files = dir.path().join("files");
    write(&files, "member-record-zoe.json", zoe());
    let out = dir.path().join("out");
    let pack = fixtures().join("council-pack-given-as-a-member-file.json");

    let output = consolidate(&[&files], &out, &["--pack", path(&pack)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = std::fs::read(out.join("member-development-reports.xlsx")).unwrap();
    let workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert!(!workbook.sheet_names().is_empty());
    let roster = write(
        dir.path(),
        "roster.txt",
        "Cllr Zoë Brontë\nCllr Emily Brontë\n",
    );
    let output = consolidate(&[&files], &out, &["--roster", path(&roster)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let engagement = report(&out, "engagement.csv");
    assert!(
        engagement.iter().any(|r| r[0] == "Cllr Emily Brontë"),
        "the member who sent nothing is listed: {engagement:?}"
    );
}

/// A member's file, as `member` makes it, of another council.
fn member_of(n: u128, name: &str, council: &str) -> String {
    let mut file: Value = serde_json::from_str(&member(n, name)).unwrap();
    file["record"]["profile"]["council"] = council.into();
    serde_json::to_string_pretty(&file).unwrap()
}

#[test]
fn files_from_several_councils_give_every_report_a_council_column() {
    let dir = TempDir::new().unwrap();
    let files = dir.path().join("files");
    write(
        &files,
        "cardiff/zoe.json",
        member_of(8, "Cllr Zoë Brontë", "Cardiff Council"),
    );
    // The same member id in another council is another member.
    write(
        &files,
        "swansea/zoe.json",
        member_of(8, "Cllr Zoë Brontë", "Swansea Council"),
    );
    write(
        &files,
        "swansea/anne.json",
        member_of(9, "Cllr Anne Brontë", "swansea  council"),
    );
    let roster = write(
        dir.path(),
        "roster.txt",
        "Cardiff Council\tCllr Emily Brontë\nCllr Anne Brontë\n",
    );
    let out = dir.path().join("reports");

    let output = consolidate(&[&files], &out, &["--roster", path(&roster)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let shown = stdout(&output);
    assert!(shown.contains("Accepted         3"), "{shown}");
    assert!(
        shown.contains("Reports on 3 members of 2 councils"),
        "{shown}"
    );

    let audit = report(&out, "training-audit.csv");
    assert_eq!(audit[0][..3], ["Council", "Member", "Ward or division"]);
    assert_eq!(
        audit[0].iter().filter(|h| *h == "Council").count(),
        1,
        "the council is said once: {:?}",
        audit[0]
    );
    let members: Vec<(&str, &str)> = audit[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    for expected in [
        ("Cardiff Council", "Cllr Zoë Brontë"),
        ("Swansea Council", "Cllr Zoë Brontë"),
        ("Swansea Council", "Cllr Anne Brontë"),
    ] {
        assert!(members.contains(&expected), "{expected:?} in {members:?}");
    }
    let engagement = report(&out, "engagement.csv");
    assert_eq!(
        engagement[0],
        ["Council", "Member", "Latest file", "Status"]
    );
    assert!(
        engagement[1..]
            .iter()
            .any(|r| r[0] == "Cardiff Council" && r[1] == "Cllr Emily Brontë" && r[3] == "No file"),
        "{engagement:?}"
    );
    for name in [
        "training-matrix.csv",
        "mandatory-compliance-summary.csv",
        "training-spend.csv",
        "charter-evidence-2026-27.csv",
    ] {
        assert_eq!(report(&out, name)[0][0], "Council", "{name}");
    }

    let bytes = std::fs::read(out.join("member-development-reports.xlsx")).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    for sheet in workbook.sheet_names() {
        let range = workbook.worksheet_range(&sheet).unwrap();
        assert_eq!(
            range.get_value((0, 0)),
            Some(&Data::String("Council".into())),
            "{sheet}"
        );
    }
}

#[test]
fn a_workbook_that_cannot_be_saved_says_so_with_its_path_and_leaves_the_rest_written() {
    let dir = TempDir::new().unwrap();
    let files = dir.path().join("files");
    write(&files, "member-record-zoe.json", zoe());
    let out = dir.path().join("reports");
    // A folder where the workbook would go: it cannot be saved over it.
    std::fs::create_dir_all(out.join("member-development-reports.xlsx")).unwrap();

    for threads in ["1", "2"] {
        let output = consolidate_on(threads, &[&files], &out, &[]);
        assert_unusable(&output, "The workbook could not be saved as “");
        let message = stderr(&output);
        assert!(
            message.contains("member-development-reports.xlsx”: it is a folder, not a file."),
            "{message}"
        );
        assert!(
            message.trim_end().ends_with(
                "then run the command again. The CSV reports and the Parquet tables were written."
            ),
            "{message}"
        );
        assert!(!message.contains("CSV downloads"), "{message}");
        assert_eq!(report(&out, "training-audit.csv")[1][0], "Cllr Zoë Brontë");
        assert!(
            out.join("activities.parquet").is_file(),
            "{threads} thread(s)"
        );
        std::fs::remove_file(out.join("training-audit.csv")).unwrap();
        std::fs::remove_file(out.join("activities.parquet")).unwrap();
    }
}

/// The names of the files in `out`, in order.
fn files_in(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn only_what_the_run_is_asked_for_is_written_beside_the_outcomes() {
    let dir = TempDir::new().unwrap();
    let files = dir.path().join("files");
    write(&files, "member-record-zoe.json", zoe());
    write(
        &files,
        "member-record-anne.json",
        member(8, "Cllr Anne Brontë"),
    );

    for threads in ["1", "2"] {
        // A warehouse's nightly load: the Parquet tables and the outcomes, nothing else.
        let out = dir.path().join(format!("parquet-{threads}"));
        let output = consolidate_on(threads, &[&files], &out, &["--only", "parquet"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let written = files_in(&out);
        assert!(written.contains(&"outcomes.csv".to_owned()), "{written:?}");
        assert!(
            written.contains(&"activities.parquet".to_owned()),
            "{written:?}"
        );
        assert_eq!(
            written.iter().filter(|n| n.ends_with(".parquet")).count(),
            8,
            "{written:?}"
        );
        assert!(
            written
                .iter()
                .all(|n| n == "outcomes.csv" || n.ends_with(".parquet")),
            "{threads} thread(s): {written:?}"
        );
        assert!(
            stdout(&output).contains(&format!(
                "Reports on 2 members written to {}: the Parquet tables only.",
                out.display()
            )),
            "{}",
            stdout(&output)
        );
        assert_eq!(outcomes(&out).len(), 2);

        // For committee: the CSVs and the workbook, no Parquet.
        let out = dir.path().join(format!("committee-{threads}"));
        let output = consolidate_on(threads, &[&files], &out, &["--only", "csv,workbook"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let written = files_in(&out);
        assert!(
            written.contains(&"member-development-reports.xlsx".to_owned()),
            "{written:?}"
        );
        assert_eq!(report(&out, "training-audit.csv")[0][0], "Member");
        assert!(
            !written.iter().any(|n| n.ends_with(".parquet")),
            "{written:?}"
        );
        assert!(
            stdout(&output).contains(": every report as CSV and the workbook only."),
            "{}",
            stdout(&output)
        );
    }

    // The workbook alone, where it cannot be saved: the message says what was written.
    let out = dir.path().join("workbook");
    std::fs::create_dir_all(out.join("member-development-reports.xlsx")).unwrap();
    let output = consolidate(&[&files], &out, &["--only", "workbook"]);
    assert_unusable(&output, "The workbook could not be saved as “");
    assert!(
        stderr(&output)
            .trim_end()
            .ends_with("then run the command again. outcomes.csv was written."),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        files_in(&out),
        ["member-development-reports.xlsx", "outcomes.csv"]
    );

    let output = consolidate(&[&files], &dir.path().join("x"), &["--only", "pdf"]);
    assert_unusable(&output, "invalid value 'pdf' for '--only <WHAT>'");
    assert!(
        stderr(&output).contains("[possible values: csv, workbook, parquet]"),
        "{}",
        stderr(&output)
    );
}
