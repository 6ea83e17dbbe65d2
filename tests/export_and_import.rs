//! A councillor's record leaves as a file and comes back exactly as it was; a bad file is
//! refused with a reason and never half-read.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::LazyLock;

use common::any_member_file;
use mdr::exchange::{
    Export, NONCE_BYTES, ReadError, SALT_BYTES, SCHEMA_VERSION, SealedHeader, read_export,
    read_member_file, sealing_plaintext, write_member_file, write_sealed_file,
};
use proptest::prelude::*;

static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let text = include_str!("../public/schema/member-record.schema.json");
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

    #[test]
    fn any_text_at_all_is_read_or_refused_without_panicking(text in "\\PC{0,300}") {
        let _ = read_member_file(&text);
        let _ = read_export(&text);
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
