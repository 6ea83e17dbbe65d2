//! An engine reads the run's Parquet tables: `mdr consolidate` on the fixture's twelve
//! members writes every table, each named in its metadata with the schema version, with a
//! row for each member, activity, evaluation and file, Welsh names with their accents
//! intact, dates as Parquet DATEs and the columns `docs/parquet.md` describes. Read back
//! with the `parquet` crate's own reader, as another program would read them.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../examples/parquet-fixture.rs"]
#[allow(dead_code)]
mod fixture;

use std::path::Path;
use std::process::Command;

use mdr_cli::parquet::{SCHEMA_VERSION, SCHEMA_VERSION_KEY, TABLE_KEY, TABLES};
use parquet::basic::{ConvertedType, LogicalType, Type as Physical};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use tempfile::TempDir;

fn run(out: &Path, files: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_mdr"))
        .args(["consolidate", files.to_str().unwrap(), "--out"])
        .arg(out)
        .args(["--today", "2026-12-01"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn open(out: &Path, table: &str) -> SerializedFileReader<std::fs::File> {
    SerializedFileReader::new(std::fs::File::open(out.join(format!("{table}.parquet"))).unwrap())
        .unwrap()
}

fn rows(out: &Path, table: &str) -> Vec<parquet::record::Row> {
    open(out, table)
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn field<'a>(row: &'a parquet::record::Row, name: &str) -> &'a Field {
    row.get_column_iter()
        .find(|(n, _)| n.as_str() == name)
        .map(|(_, f)| f)
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn fixture_run() -> (TempDir, std::path::PathBuf) {
    let dir = TempDir::new().unwrap();
    let files = dir.path().join("files");
    fixture::write_folder(&files).unwrap();
    let out = dir.path().join("out");
    run(&out, &files);
    (dir, out)
}

#[test]
fn an_engine_finds_every_table_named_and_versioned_in_its_metadata() {
    let (_dir, out) = fixture_run();
    for table in TABLES {
        let reader = open(&out, table);
        let kv = reader
            .metadata()
            .file_metadata()
            .key_value_metadata()
            .cloned()
            .unwrap_or_default();
        let get = |key: &str| {
            kv.iter()
                .find(|k| k.key == key)
                .and_then(|k| k.value.clone())
        };
        assert_eq!(
            get(SCHEMA_VERSION_KEY).as_deref(),
            Some(SCHEMA_VERSION),
            "{table}"
        );
        assert_eq!(get(TABLE_KEY).as_deref(), Some(table), "{table}");
    }
}

#[test]
fn members_activities_and_outcomes_have_a_row_each_keyed_by_council_and_member() {
    let (_dir, out) = fixture_run();
    let members = rows(&out, "members");
    assert_eq!(members.len(), fixture::MEMBERS.len());
    assert_eq!(
        open(&out, "members").metadata().file_metadata().num_rows(),
        12
    );
    let names: Vec<String> = members
        .iter()
        .map(|r| match field(r, "full_name") {
            Field::Str(s) => s.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(names.contains(&"Cllr Siân Llŷr".to_owned()), "{names:?}");
    assert!(
        names.contains(&"Cllr Gwenllïan Hâf".to_owned()),
        "{names:?}"
    );
    let siân = members
        .iter()
        .find(|r| matches!(field(r, "full_name"), Field::Str(s) if s == "Cllr Siân Llŷr"))
        .unwrap();
    assert_eq!(field(siân, "council"), &Field::Str("Cyngor Gwynedd".into()));
    assert!(matches!(field(siân, "member_id"), Field::Str(id) if id.len() == 36));
    assert!(matches!(field(siân, "roles"), Field::ListInternal(l) if l.len() == 2));

    // Every activity not deleted: the records' own count.
    let expected: usize = (0..fixture::MEMBERS.len())
        .map(|n| fixture::record(n).activities().count())
        .sum();
    let activities = rows(&out, "activities");
    assert_eq!(activities.len(), expected);
    assert!(
        activities
            .iter()
            .all(|r| !matches!(field(r, "council"), Field::Null))
    );
    let evaluated = activities
        .iter()
        .filter(|r| field(r, "evaluated") == &Field::Bool(true))
        .count();
    assert_eq!(rows(&out, "evaluations").len(), evaluated);
    assert_eq!(rows(&out, "outcomes").len(), 12);
    assert!(
        rows(&out, "outcomes")
            .iter()
            .all(|r| field(r, "outcome") == &Field::Str("accepted".into()))
    );
}

#[test]
fn dates_are_parquet_dates_money_is_pence_and_enums_are_their_ids() {
    let (_dir, out) = fixture_run();
    let reader = open(&out, "activities");
    let schema = reader.metadata().file_metadata().schema_descr();
    let column = |name: &str| {
        schema
            .columns()
            .iter()
            .find(|c| c.name() == name)
            .unwrap_or_else(|| panic!("no column {name}"))
            .clone()
    };
    let completed_on = column("completed_on");
    assert_eq!(completed_on.physical_type(), Physical::INT32);
    assert_eq!(completed_on.logical_type_ref(), Some(&LogicalType::Date));
    assert_eq!(completed_on.converted_type(), ConvertedType::DATE);
    assert_eq!(column("minutes").physical_type(), Physical::INT32);
    assert_eq!(column("hours_not_known").physical_type(), Physical::BOOLEAN);
    assert_eq!(
        column("title").logical_type_ref(),
        Some(&LogicalType::String)
    );
    let statuses: Vec<Field> = rows(&out, "activities")
        .iter()
        .map(|r| field(r, "status").clone())
        .collect();
    assert!(statuses.contains(&Field::Str("in_progress".into())));
    assert!(
        rows(&out, "activities").iter().any(|r| matches!(
            field(r, "completed_on"),
            Field::Date(days) if *days == (chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
                - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days() as i32
        )),
        "Siân's Welsh course, completed on 1 September 2026"
    );

    let courses = open(&out, "courses");
    let schema = courses.metadata().file_metadata().schema_descr();
    let cost = schema
        .columns()
        .iter()
        .find(|c| c.name() == "cost_pence")
        .unwrap();
    assert_eq!(cost.physical_type(), Physical::INT64);
}

#[test]
fn the_documentation_describes_every_column_of_every_table() {
    let (_dir, out) = fixture_run();
    let docs = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/parquet.md"),
    )
    .unwrap();
    for table in TABLES {
        let section = docs
            .split(&format!("## `{table}`"))
            .nth(1)
            .unwrap_or_else(|| panic!("docs/parquet.md has no section for {table}"));
        let section = section.split("\n## ").next().unwrap();
        let reader = open(&out, table);
        for column in reader
            .metadata()
            .file_metadata()
            .schema_descr()
            .root_schema()
            .get_fields()
        {
            assert!(
                section.contains(&format!("| `{}` |", column.name())),
                "docs/parquet.md does not describe {table}.{}",
                column.name()
            );
        }
    }
}
