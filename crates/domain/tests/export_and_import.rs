//! A councillor's record leaves as a file and comes back exactly as it was; a bad file is
//! refused with a reason and never half-read.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::LazyLock;

use chrono::{NaiveDate, TimeZone, Utc};

use common::any_member_file;
use mdr_domain::consolidate::{ImportOutcome, OfficerWorkspace};
use mdr_domain::exchange::{
    Export, MemberFile, NONCE_BYTES, ReadError, Reader, SALT_BYTES, SCHEMA_VERSION, SealedHeader,
    TextEncoding, explain, file_text, read_export, read_member_file, sealing_plaintext,
    write_member_file, write_sealed_file,
};
use mdr_domain::model::MemberRecord;
use mdr_domain::model::pack::CouncilPack;
use proptest::prelude::*;
use uuid::Uuid;

static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let text = include_str!("../../../public/schema/member-record.schema.json");
    let schema: serde_json::Value = serde_json::from_str(text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid JSON Schema")
});

fn schema_problems(text: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    SCHEMA
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

proptest! {
    #[test]
    fn any_record_exported_and_imported_comes_back_exactly(file in any_member_file()) {
        let text = write_member_file(&file);
        prop_assert_eq!(read_member_file(&text).unwrap(), file);
    }

    #[test]
    fn an_export_is_laid_out_exactly_as_serde_json_lays_it_out(file in any_member_file()) {
        prop_assert_eq!(write_member_file(&file), serde_json::to_string_pretty(&file).unwrap());
    }

    #[test]
    fn every_export_matches_the_published_schema(file in any_member_file()) {
        let text = write_member_file(&file);
        let problems = schema_problems(&text);
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }

    #[test]
    fn a_file_cut_short_anywhere_is_refused_never_half_read(
        file in any_member_file(),
        cut in 0.0f64..1.0,
    ) {
        let text = write_member_file(&file);
        let mut at = ((text.len() as f64) * cut) as usize;
        while !text.is_char_boundary(at) { at -= 1; }
        let cut_text = text[..at].trim_end();
        prop_assume!(cut_text.len() < text.trim_end().len());
        prop_assert!(read_member_file(cut_text).is_err());
    }

    /// The cipher is the browser's; here any bytes stand in for its output, since the
    /// format must carry whatever it makes.
    #[test]
    fn a_sealed_export_matches_the_schema_carries_its_ciphertext_and_never_shows_the_name(
        mut file in any_member_file(),
        name in "Cllr [A-Z][a-z]{4,10} [A-Z][a-z]{4,12}",
        salt in any::<[u8; SALT_BYTES]>(),
        nonce in any::<[u8; NONCE_BYTES]>(),
        ciphertext in proptest::collection::vec(any::<u8>(), 17..40_000),
    ) {
        file.record.profile.full_name = name.clone();
        let header = SealedHeader::for_file(&file, &salt, &nonce);
        let text = write_sealed_file(header.clone(), &ciphertext);
        let problems = schema_problems(&text);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert!(!text.contains(&name));
        prop_assert!(matches!(read_member_file(&text), Err(ReadError::PassphraseNeeded)));
        let Ok(Export::Sealed(sealed)) = read_export(&text) else {
            return Err(TestCaseError::fail("a sealed file reads as sealed"));
        };
        prop_assert_eq!(&sealed.header, &header);
        prop_assert_eq!((sealed.salt(), sealed.nonce()), (&salt[..], &nonce[..]));
        prop_assert_eq!(sealed.ciphertext(), &ciphertext[..]);
        prop_assert_eq!(sealed.open(&sealing_plaintext(&file)).unwrap(), file);
    }

    /// A sound file changed in a few places (a value anywhere swapped for one of another
    /// kind, a field dropped or added) is still JSON, so it reaches every check after the
    /// first: each way in reads it or refuses it without panicking, all agree which, a
    /// refusal stores nothing, and what is read is read the same once written again.
    #[test]
    fn a_sound_file_changed_anywhere_is_read_whole_or_refused_alike_on_every_way_in(
        file in any_member_file(),
        changes in proptest::collection::vec(any_change(), 1..4),
    ) {
        let mut value = serde_json::to_value(&file).unwrap();
        for change in &changes {
            change.apply(&mut value);
        }
        let text = serde_json::to_string_pretty(&value).unwrap();
        let careful = read_member_file(&text);
        let export = read_export(&text);
        let mut workspace = OfficerWorkspace::default();
        let outcome = workspace.import("member-record.json", &text);
        match careful {
            Ok(read) => {
                prop_assert!(matches!(export, Ok(Export::Plain(ref f)) if *f == read));
                prop_assert!(!matches!(outcome, ImportOutcome::Refused { .. }), "{outcome:?}");
                let again = write_member_file(&read);
                prop_assert_eq!(read_member_file(&again).unwrap(), read);
            }
            Err(reason) => {
                // A file changed into a locked one's shape is read as locked, not plain.
                prop_assert!(!matches!(export, Ok(Export::Plain(_))));
                prop_assert_eq!(
                    outcome,
                    ImportOutcome::Refused {
                        reason: explain(&reason, "member-record.json", Reader::ImportingMembers)
                    }
                );
                prop_assert!(workspace.members.is_empty(), "a refused file stores nothing");
            }
        }
    }
}

/// One change to a file's JSON, at the `at`-th value of a walk through it (wrapping).
#[derive(Clone, Debug)]
enum Change {
    /// That value becomes `with`.
    Replace { at: usize, with: serde_json::Value },
    /// The object holding that value loses the field.
    Remove { at: usize },
    /// The nearest object at or above that value gains a field.
    Add {
        at: usize,
        key: String,
        with: serde_json::Value,
    },
}

fn any_change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (any::<usize>(), any_json()).prop_map(|(at, with)| Change::Replace { at, with }),
        any::<usize>().prop_map(|at| Change::Remove { at }),
        (any::<usize>(), "[a-z_]{1,12}", any_json()).prop_map(|(at, key, with)| Change::Add {
            at,
            key,
            with
        }),
    ]
}

/// Values of every JSON kind, biased to what a file's fields look like.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{Value, json};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(|f| json!(f)),
        prop_oneof![
            Just(""),
            Just("lots"),
            Just("2026-02-30"),
            Just("2026-10-14"),
            Just("2026-10-14T09:00:00Z"),
            Just("not-a-uuid"),
            Just("00000000-0000-0000-0000-000000000000"),
            Just("completed"),
            Just("member-development-record"),
        ]
        .prop_map(Value::from),
        "\\PC{0,40}".prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
            proptest::collection::btree_map("[a-z_]{1,10}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

impl Change {
    fn apply(&self, root: &mut serde_json::Value) {
        let count = count_values(root);
        match self {
            Change::Replace { at, with } => {
                if let Some(v) = nth_value(root, at % count) {
                    *v = with.clone();
                }
            }
            Change::Remove { at } => remove_nth(root, at % count),
            Change::Add { at, key, with } => {
                let mut place = (at % count, None);
                nearest_object(root, &mut place);
                if let Some(path) = place.1
                    && let Some(serde_json::Value::Object(map)) = root.pointer_mut(&path)
                {
                    map.insert(key.clone(), with.clone());
                }
            }
        }
    }
}

fn count_values(value: &serde_json::Value) -> usize {
    1 + match value {
        serde_json::Value::Array(items) => items.iter().map(count_values).sum(),
        serde_json::Value::Object(map) => map.values().map(count_values).sum(),
        _ => 0,
    }
}

/// The `n`-th value in a walk that visits a value before what it holds.
fn nth_value(value: &mut serde_json::Value, n: usize) -> Option<&mut serde_json::Value> {
    fn walk<'a>(
        value: &'a mut serde_json::Value,
        n: &mut usize,
    ) -> Option<&'a mut serde_json::Value> {
        if *n == 0 {
            return Some(value);
        }
        *n -= 1;
        match value {
            serde_json::Value::Array(items) => items.iter_mut().find_map(|v| walk(v, n)),
            serde_json::Value::Object(map) => map.values_mut().find_map(|v| walk(v, n)),
            _ => None,
        }
    }
    walk(value, &mut { n })
}

/// Removes the `n`-th value of the walk from the array or object that holds it.
fn remove_nth(root: &mut serde_json::Value, n: usize) {
    let mut place = (n, None);
    locate(root, String::new(), &mut place);
    if let Some(path) = place.1
        && let Some((parent, last)) = path.rsplit_once('/')
    {
        match root.pointer_mut(parent) {
            Some(serde_json::Value::Object(map)) => {
                map.remove(&last.replace("~1", "/").replace("~0", "~"));
            }
            Some(serde_json::Value::Array(items)) => {
                if let Ok(i) = last.parse::<usize>() {
                    items.remove(i);
                }
            }
            _ => {}
        }
    }
}

/// The JSON pointer of the `place.0`-th value of the walk, into `place.1`.
fn locate(value: &serde_json::Value, here: String, place: &mut (usize, Option<String>)) {
    if place.1.is_some() {
        return;
    }
    if place.0 == 0 {
        place.1 = Some(here);
        return;
    }
    place.0 -= 1;
    let escape = |k: &str| k.replace('~', "~0").replace('/', "~1");
    match value {
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                locate(v, format!("{here}/{i}"), place);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                locate(v, format!("{here}/{}", escape(k)), place);
            }
        }
        _ => {}
    }
}

/// The pointer of the nearest object at or above the `place.0`-th value of the walk.
fn nearest_object(root: &serde_json::Value, place: &mut (usize, Option<String>)) {
    let mut found = (place.0, None);
    locate(root, String::new(), &mut found);
    let mut path = found.1.unwrap_or_default();
    loop {
        if let Some(serde_json::Value::Object(_)) = root.pointer(&path) {
            place.1 = Some(path);
            return;
        }
        match path.rsplit_once('/') {
            Some((parent, _)) => path = parent.to_owned(),
            None => return,
        }
    }
}

#[test]
fn an_upgraded_version_1_file_matches_the_current_schema_when_written_again() {
    let text = include_str!("fixtures/member-record-v1.json");
    let file = read_member_file(text).expect("a version 1 file is upgraded");
    assert_eq!(file.schema_version, SCHEMA_VERSION);
    assert_eq!(file.revision, 4);
    assert_eq!(file.record.profile.full_name, "Cllr Joan Whitfield");
    assert!(schema_problems(&write_member_file(&file)).is_empty());
}

#[test]
fn the_schema_rejects_what_the_reader_rejects() {
    let text = include_str!("fixtures/member-record-v1.json");
    assert!(
        !schema_problems(text).is_empty(),
        "a version 1 file is not the current shape"
    );
    assert!(matches!(
        read_member_file(&text.replace("\"schema_version\": 1", "\"schema_version\": 99")),
        Err(ReadError::NewerSchema { found: 99, .. })
    ));
}

/// A councillor's file as the app writes it, for Cllr Zoë Brontë.
fn zoes_file() -> MemberFile {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let mut record = MemberRecord::new(Uuid::from_u128(7), now);
    record.profile.full_name = "Cllr Zoë Brontë".into();
    record.profile.council = "Calderdale Council".into();
    record.profile.ward = "Haworth".into();
    MemberFile::new(record, 3, Uuid::from_u128(8), now)
}

/// Text as a Windows editor re-saves it in Latin-1 (Windows-1252): one byte a letter.
fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 letter"))
        .collect()
}

#[test]
fn a_member_file_resaved_in_latin1_is_refused_with_the_reason_never_read_garbled() {
    let text = write_member_file(&zoes_file());
    let error = file_text(latin1(&text)).unwrap_err();
    assert_eq!(
        error,
        ReadError::NotUtf8 {
            encoding: TextEncoding::Other
        }
    );
    let message = error.to_string();
    assert!(
        message.starts_with("This file is not saved as UTF-8 text"),
        "{message}"
    );
    assert!(message.contains("another encoding"), "{message}");
    let restoring = explain(&error, "zoe.json", Reader::Restoring);
    assert!(restoring.contains("Export the record again"), "{restoring}");
    let officer = explain(&error, "zoe.json", Reader::ImportingMembers);
    assert!(
        officer.contains("Ask the member to export their record again"),
        "{officer}"
    );
}

#[test]
fn a_member_file_resaved_as_utf16_is_refused_as_utf16_in_either_byte_order() {
    let text = write_member_file(&zoes_file());
    let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for bytes in [
        [&[0xFF, 0xFE][..], &little].concat(),
        [&[0xFE, 0xFF][..], &big].concat(),
        little,
        big,
    ] {
        let error = file_text(bytes).unwrap_err();
        assert_eq!(
            error,
            ReadError::NotUtf8 {
                encoding: TextEncoding::Utf16
            }
        );
        assert!(error.to_string().contains("saved as UTF-16"), "{error}");
    }
}

#[test]
fn a_spreadsheet_chosen_by_mistake_is_not_ours_rather_than_in_another_encoding() {
    let xlsx =
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xa8\x8f[Content_Types].xml".to_vec();
    assert_eq!(file_text(xlsx), Err(ReadError::NotJson));
}

proptest! {
    #[test]
    fn any_export_reads_back_exactly_from_its_bytes_with_or_without_a_byte_order_mark(
        file in any_member_file(),
    ) {
        let text = write_member_file(&file);
        prop_assert_eq!(read_member_file(&file_text(text.clone().into_bytes()).unwrap()).unwrap(), file.clone());
        let marked = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
        prop_assert_eq!(read_member_file(&file_text(marked).unwrap()).unwrap(), file);
    }

    #[test]
    fn any_utf8_text_comes_through_the_decoder_unchanged(text in any::<String>()) {
        // No file of ours holds a zero byte (JSON has none), so text with one may be UTF-16.
        prop_assume!(!text.contains('\0') && !text.starts_with('\u{FEFF}'));
        // Nothing but spaces and line breaks is an empty file, not a file of text.
        if text.bytes().all(|b| b.is_ascii_whitespace()) {
            prop_assert_eq!(file_text(text.into_bytes()), Err(ReadError::Empty));
        } else {
            prop_assert_eq!(file_text(text.clone().into_bytes()), Ok(text));
        }
    }

    #[test]
    fn the_decoder_never_changes_a_byte_it_accepts(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(text) = file_text(bytes.clone()) {
            let expected = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(&bytes);
            prop_assert_eq!(text.as_bytes(), expected);
        }
    }

    #[test]
    fn any_text_with_a_sequence_that_is_not_utf8_is_refused(
        before in any::<String>(),
        after in any::<String>(),
        bad in prop_oneof![
            Just(vec![0x80]),             // a continuation byte with nothing before it
            Just(vec![0xC3]),             // a letter cut short
            Just(vec![0xE9, 0x20]),       // Latin-1 é before a space
            Just(vec![0xC0, 0x80]),       // an over-long zero
            Just(vec![0xED, 0xA0, 0x80]), // half of a UTF-16 pair
            Just(vec![0xF5, 0x80, 0x80, 0x80]),
            Just(vec![0xFF]),
        ],
    ) {
        let bytes = [before.as_bytes(), &bad, after.as_bytes()].concat();
        prop_assert!(std::str::from_utf8(&bytes).is_err());
        prop_assert!(file_text(bytes).is_err());
    }

    #[test]
    fn any_councillor_whose_name_has_a_latin1_letter_is_refused_never_stored_garbled(
        mut file in any_member_file(),
        name in "Cllr [A-Z][a-z]{1,6}[À-ÖØ-öø-ÿ][a-z]{0,6} [A-Za-zÀ-ÖØ-öø-ÿ]{2,10}",
    ) {
        file.record.profile.full_name = name;
        file.record.learning.clear();
        file.record.surveys.clear();
        file.record.plans.clear();
        file.record.pack = None;
        file.record.profile.council = "Calderdale Council".into();
        file.record.profile.ward = "Brontë".into();
        file.record.profile.political_group.clear();
        let text = write_member_file(&file);
        prop_assert_eq!(
            file_text(latin1(&text)),
            Err(ReadError::NotUtf8 { encoding: TextEncoding::Other })
        );
    }
}

/// What a careful reader and the officer's import both make of `text`: the problem with
/// it, which must be the same on every way in.
fn refusal_on_every_way_in(text: &str) -> String {
    let error = read_member_file(text).unwrap_err();
    assert_eq!(read_export(text).unwrap_err(), error);
    let mut workspace = OfficerWorkspace::default();
    assert_eq!(
        workspace.import("member-record.json", text),
        ImportOutcome::Refused {
            reason: explain(&error, "member-record.json", Reader::ImportingMembers)
        }
    );
    assert!(workspace.members.is_empty(), "nothing is stored");
    error.to_string()
}

fn with(file: &MemberFile, change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value = serde_json::to_value(file).unwrap();
    change(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

#[test]
fn a_file_whose_header_names_another_councillor_than_its_record_is_refused() {
    let text = with(&zoes_file(), |v| {
        v["member_id"] = Uuid::from_u128(99).to_string().into();
    });
    assert_eq!(
        refusal_on_every_way_in(&text),
        "This file is damaged: its header and its record name different councillors."
    );
}

#[test]
fn a_record_carrying_something_that_is_not_a_council_pack_is_refused_and_says_so() {
    let pack = serde_json::to_value(CouncilPack::starting(
        "Calderdale Council",
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
    ))
    .unwrap();
    let carrying = |change: fn(&mut serde_json::Value)| {
        let mut pack = pack.clone();
        change(&mut pack);
        with(&zoes_file(), |v| v["record"]["pack"] = pack)
    };
    let cases: [(String, &str); 4] = [
        (
            with(&zoes_file(), |v| {
                v["record"]["pack"] = serde_json::json!({ "note": "the 2026 pack" })
            }),
            "the council in the council pack it carries is missing",
        ),
        (
            carrying(|p| p["council"] = " ".into()),
            "the council pack in it cannot be used, because it does not say which council it is for",
        ),
        (
            carrying(|p| {
                let mut copy = p["courses"][1].clone();
                copy["title"] = "Code of Conduct refresher".into();
                p["courses"].as_array_mut().unwrap().push(copy);
            }),
            "the council pack in it cannot be used, because it lists two courses under one id, “code-of-conduct” (“Code of Conduct” and “Code of Conduct refresher”)",
        ),
        (
            carrying(|p| {
                p["roles"]
                    .as_array_mut()
                    .unwrap()
                    .retain(|r| r["id"] != "planning-committee")
            }),
            "the council pack in it cannot be used, because its course “Planning committee training” is mandatory for a role the pack does not list (“planning-committee”)",
        ),
    ];
    for (text, detail) in cases {
        assert_eq!(
            refusal_on_every_way_in(&text),
            format!("This file is damaged: {detail}.")
        );
    }
}
