//! Nothing a councillor typed is lost: not by reloading, two tabs, a full storage, an app
//! upgrade, or data from a newer app. Each journey runs on in-memory storage, which
//! behaves as localStorage does (two clones are two tabs on one storage).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::{any_record, any_record_of, any_uuid};
use mdr_domain::exchange::{self, SCHEMA_VERSION};
use mdr_domain::model::{MemberRecord, merge_records};
use mdr_domain::store::{
    LoadError, MemoryStorage, RecordKeeper, RecordReader, Storage, StoreError, holds_record,
    holds_set_up_record, keys,
};
use proptest::prelude::*;
use uuid::Uuid;

fn at(minute: i64) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap() + Duration::minutes(minute)
}

fn new_record(name: &str) -> MemberRecord {
    let mut record = MemberRecord::new(Uuid::from_u128(1), at(0));
    record.profile.full_name = name.into();
    record
}

fn stored_revision(storage: &MemoryStorage) -> u64 {
    let text = storage.get(keys::RECORD).unwrap().unwrap();
    exchange::read_member_file(&text).unwrap().revision
}

#[test]
fn a_councillors_name_survives_a_reload() {
    let storage = MemoryStorage::new();
    let (mut keeper, nothing) = RecordKeeper::open(storage.clone()).unwrap();
    assert_eq!(nothing, None, "a new browser holds no record");
    let record = new_record("Cllr Priya Sharma");
    keeper.mark_changed();
    keeper.flush(&record, at(1)).unwrap();

    let (reopened, loaded) = RecordKeeper::open(storage).unwrap();
    assert_eq!(loaded, Some(record));
    assert_eq!(
        reopened.device_id(),
        keeper.device_id(),
        "the device keeps its id"
    );
}

#[test]
fn every_saved_change_raises_the_revision_and_nothing_is_written_without_one() {
    let storage = MemoryStorage::new();
    let (mut keeper, _) = RecordKeeper::open(storage.clone()).unwrap();
    let mut record = new_record("A");
    for expected in 1..=3 {
        record.profile.ward = format!("Ward {expected}");
        keeper.mark_changed();
        keeper.flush(&record, at(expected)).unwrap();
        assert_eq!(stored_revision(&storage), expected as u64);
    }
    keeper.flush(&record, at(9)).unwrap();
    assert_eq!(
        stored_revision(&storage),
        3,
        "a flush with no change writes nothing"
    );
}

#[test]
fn a_second_tab_takes_the_first_tabs_save_before_writing_its_own() {
    let storage = MemoryStorage::new();
    let (mut first, _) = RecordKeeper::open(storage.clone()).unwrap();
    let mut in_first = new_record("Cllr Tom Price");
    first.mark_changed();
    first.flush(&in_first, at(1)).unwrap();

    let (mut second, loaded) = RecordKeeper::open(storage.clone()).unwrap();
    let mut in_second = loaded.unwrap();

    // The first tab changes the ward; the second hears of it and takes it.
    in_first.profile.ward = "Abbey".into();
    in_first.profile.updated_at = at(2);
    first.mark_changed();
    first.flush(&in_first, at(2)).unwrap();
    in_second = second
        .refresh(Some(&in_second))
        .unwrap()
        .expect("the second tab sees the change");
    assert_eq!(in_second.profile.ward, "Abbey");

    // The second tab then adds a role; both changes are kept.
    in_second.profile.roles.insert("planning-committee".into());
    in_second.profile.updated_at = at(3);
    second.mark_changed();
    second.flush(&in_second, at(3)).unwrap();
    let (_, saved) = RecordKeeper::open(storage).unwrap();
    let saved = saved.unwrap();
    assert_eq!(saved.profile.ward, "Abbey");
    assert!(saved.profile.roles.contains("planning-committee"));
}

#[test]
fn a_tab_that_missed_the_other_tabs_save_merges_instead_of_overwriting() {
    let storage = MemoryStorage::new();
    let (mut first, _) = RecordKeeper::open(storage.clone()).unwrap();
    let (mut second, _) = RecordKeeper::open(storage.clone()).unwrap();
    let mut newer = new_record("Newer name");
    newer.profile.updated_at = at(5);
    first.mark_changed();
    first.flush(&newer, at(5)).unwrap();

    // The second tab never heard of that save and has an older edit of its own.
    let mut older = new_record("Older name");
    older.profile.updated_at = at(4);
    second.mark_changed();
    let adopted = second.flush(&older, at(6)).unwrap();
    assert_eq!(adopted.unwrap().profile.full_name, "Newer name");
    assert_eq!(stored_revision(&storage), 2);
    let (_, saved) = RecordKeeper::open(storage).unwrap();
    assert_eq!(saved.unwrap().profile.full_name, "Newer name");
}

#[test]
fn a_full_storage_keeps_the_change_waiting_and_a_retry_saves_it() {
    let storage = MemoryStorage::new();
    let (mut keeper, _) = RecordKeeper::open(storage.clone()).unwrap();
    let mut record = new_record("Cllr Siân Evans");
    keeper.mark_changed();
    keeper.flush(&record, at(1)).unwrap();

    storage.set_quota(Some(10));
    record.profile.ward = "Gorseinon".into();
    keeper.mark_changed();
    assert_eq!(
        keeper.flush(&record, at(2)),
        Err(LoadError::Storage(StoreError::Full))
    );
    assert!(keeper.has_unsaved_changes(), "the change is still waiting");
    assert_eq!(stored_revision(&storage), 1, "the saved copy is untouched");

    storage.set_quota(None);
    keeper.flush(&record, at(3)).unwrap();
    assert!(!keeper.has_unsaved_changes());
    let (_, saved) = RecordKeeper::open(storage).unwrap();
    assert_eq!(saved.unwrap().profile.ward, "Gorseinon");
}

#[test]
fn data_from_a_newer_app_is_refused_and_left_exactly_as_it_was() {
    let storage = MemoryStorage::new();
    let newer = format!(
        r#"{{"format":"member-development-record","schema_version":{},"record":{{"something":"new"}}}}"#,
        SCHEMA_VERSION + 1
    );
    storage.set(keys::RECORD, &newer).unwrap();
    let before = storage.snapshot();

    let error = RecordKeeper::open(storage.clone()).unwrap_err();
    assert!(
        error.to_string().contains("newer version of the app"),
        "{error}"
    );
    assert!(
        error.to_string().contains("nothing in it has been changed"),
        "{error}"
    );
    assert_eq!(storage.get(keys::RECORD).unwrap().unwrap(), newer);
    assert_eq!(
        storage.snapshot().len(),
        before.len() + usize::from(!before.contains_key(keys::DEVICE)),
        "at most the device id is added"
    );
}

#[test]
fn a_tab_refuses_to_write_over_a_save_made_by_a_newer_app_in_another_tab() {
    let storage = MemoryStorage::new();
    let (mut keeper, _) = RecordKeeper::open(storage.clone()).unwrap();
    let newer = format!(
        r#"{{"format":"member-development-record","schema_version":{},"record":{{}}}}"#,
        SCHEMA_VERSION + 1
    );
    storage.set(keys::RECORD, &newer).unwrap();
    keeper.mark_changed();
    assert!(keeper.flush(&new_record("A"), at(1)).is_err());
    assert_eq!(storage.get(keys::RECORD).unwrap().unwrap(), newer);
}

#[test]
fn an_upgrade_of_the_app_reads_older_data_and_keeps_a_copy_of_it() {
    let storage = MemoryStorage::new();
    let v1 = include_str!("fixtures/member-record-v1.json");
    storage.set(keys::RECORD, v1).unwrap();

    let (mut keeper, loaded) = RecordKeeper::open(storage.clone()).unwrap();
    let record = loaded.expect("the older record is read");
    assert_eq!(record.profile.full_name, "Cllr Joan Whitfield");
    assert!(record.profile.roles.contains("cabinet-member"));
    assert_eq!(keeper.revision(), 4);
    assert_eq!(
        storage.get(&keys::before_upgrade(1)).unwrap().as_deref(),
        Some(v1)
    );

    keeper.mark_changed();
    keeper.flush(&record, at(1)).unwrap();
    let text = storage.get(keys::RECORD).unwrap().unwrap();
    assert_eq!(
        exchange::written_schema_version(&text),
        Some(SCHEMA_VERSION)
    );
    assert_eq!(stored_revision(&storage), 5);
}

#[test]
fn a_restored_backup_is_numbered_above_both_copies() {
    let storage = MemoryStorage::new();
    let (mut keeper, _) = RecordKeeper::open(storage.clone()).unwrap();
    keeper.mark_changed();
    keeper.flush(&new_record("A"), at(1)).unwrap();
    keeper.mark_restored(40);
    keeper.flush(&new_record("A from backup"), at(2)).unwrap();
    assert_eq!(stored_revision(&storage), 41);
}

#[test]
fn the_last_export_is_remembered_for_the_backup_reminder() {
    let storage = MemoryStorage::new();
    let (mut keeper, _) = RecordKeeper::open(storage.clone()).unwrap();
    assert_eq!(keeper.last_export(), None);
    let record = new_record("A");
    keeper.mark_changed();
    keeper.flush(&record, at(1)).unwrap();
    let file = keeper.export(&record, at(2));
    assert_eq!(file.revision, 1);
    keeper.note_export(&file).unwrap();
    let last = keeper.last_export().unwrap();
    assert_eq!((last.revision, last.at), (1, at(2)));
    // Opened again, by a keeper that is given the reader once it asks, as the app does.
    let (keeper, _) = RecordKeeper::open(storage.clone()).unwrap();
    assert_eq!(keeper.last_export(), Some(last));
}

proptest! {
    #[test]
    fn merging_is_the_same_in_any_order(
        (a, b, c) in any_uuid().prop_flat_map(|id| (any_record_of(id), any_record_of(id), any_record_of(id)))
    ) {
        let ab = merge_records(&a, &b).unwrap();
        prop_assert_eq!(&ab, &merge_records(&b, &a).unwrap());
        prop_assert_eq!(
            merge_records(&ab, &c).unwrap(),
            merge_records(&a, &merge_records(&b, &c).unwrap()).unwrap()
        );
    }

    #[test]
    fn merging_a_record_with_itself_changes_nothing(record in any_record()) {
        prop_assert_eq!(merge_records(&record, &record).unwrap(), record);
    }

    #[test]
    fn any_record_saved_is_the_record_loaded(record in any_record()) {
        let storage = MemoryStorage::new();
        let (mut keeper, _) = RecordKeeper::open(storage.clone()).unwrap();
        keeper.mark_changed();
        keeper.flush(&record, at(0)).unwrap();
        let (_, loaded) = RecordKeeper::open(storage).unwrap();
        prop_assert_eq!(loaded, Some(record));
    }
}

#[test]
fn whether_a_record_is_set_up_is_found_without_opening_it() {
    let storage = MemoryStorage::new();
    assert!(
        !holds_set_up_record(&storage) && !holds_record(&storage),
        "a new browser holds no record"
    );
    let (mut keeper, _) = RecordKeeper::open(storage.clone()).unwrap();
    let mut record = new_record("Cllr Priya Sharma");
    keeper.mark_changed();
    keeper.flush(&record, at(1)).unwrap();
    assert!(
        !holds_set_up_record(&storage),
        "a profile typed but not yet saved as set up"
    );
    assert!(holds_record(&storage), "a record is held, set up or not");
    record.set_up_at = Some(at(2));
    keeper.mark_changed();
    keeper.flush(&record, at(2)).unwrap();
    assert!(holds_set_up_record(&storage));

    // Damaged, or of an older shape: not set up, and left as it was.
    for text in [
        "{\"record\": {\"set_up_at\": ",
        "[]",
        include_str!("fixtures/member-record-v1.json"),
    ] {
        storage.set(keys::RECORD, text).unwrap();
        assert!(
            !holds_set_up_record(&storage) && holds_record(&storage),
            "{text}"
        );
        assert_eq!(storage.get(keys::RECORD).unwrap().as_deref(), Some(text));
    }
}

proptest! {
    #[test]
    fn the_quick_look_agrees_with_the_opened_record(record in any_record()) {
        let storage = MemoryStorage::new();
        let (mut keeper, _) = RecordKeeper::open(storage.clone()).unwrap();
        keeper.mark_changed();
        keeper.flush(&record, at(1)).unwrap();
        prop_assert_eq!(holds_set_up_record(&storage), record.is_set_up());
    }
}

// A new device opens its keeper without the code that reads a stored record (the app
// fetches it only when needed): it saves freely until another tab saves too, and then
// asks for the reader rather than write over what it has not read.

#[test]
fn a_keeper_without_a_reader_saves_a_new_record_as_often_as_it_likes() {
    let storage = MemoryStorage::new();
    let (mut keeper, nothing) = RecordKeeper::open_with(storage.clone(), None).unwrap();
    assert_eq!(nothing, None);
    let mut record = new_record("Cllr Priya Sharma");
    for minute in 1..=3 {
        record.profile.ward = format!("Ward {minute}");
        keeper.mark_changed();
        assert_eq!(keeper.flush(&record, at(minute)), Ok(None));
    }
    let (_, saved) = RecordKeeper::open(storage).unwrap();
    assert_eq!(saved, Some(record));
}

#[test]
fn a_stored_record_is_not_opened_without_a_reader_and_is_left_as_it_was() {
    let storage = MemoryStorage::new();
    let (mut keeper, _) = RecordKeeper::open(storage.clone()).unwrap();
    keeper.mark_changed();
    keeper.flush(&new_record("A"), at(1)).unwrap();
    let before = storage.snapshot();

    let error = RecordKeeper::open_with(storage.clone(), None).unwrap_err();
    assert_eq!(error, LoadError::ReaderNeeded);
    assert!(
        error.to_string().contains("Nothing has been changed"),
        "{error}"
    );
    assert_eq!(storage.snapshot(), before);
}

#[test]
fn another_tabs_save_is_read_and_merged_once_the_reader_is_given() {
    let storage = MemoryStorage::new();
    let (mut first, _) = RecordKeeper::open_with(storage.clone(), None).unwrap();
    let (mut second, _) = RecordKeeper::open_with(storage.clone(), None).unwrap();
    let mut newer = new_record("Newer name");
    newer.profile.updated_at = at(5);
    first.mark_changed();
    first.flush(&newer, at(5)).unwrap();
    let saved_by_first = storage.get(keys::RECORD).unwrap();

    // The second tab hears of the save, with an older edit of its own not yet saved.
    let mut older = new_record("Older name");
    older.profile.updated_at = at(4);
    second.mark_changed();
    assert_eq!(second.refresh(Some(&older)), Err(LoadError::ReaderNeeded));
    assert_eq!(second.flush(&older, at(6)), Err(LoadError::ReaderNeeded));
    assert_eq!(
        storage.get(keys::RECORD).unwrap(),
        saved_by_first,
        "nothing unread is written over"
    );
    assert!(second.has_unsaved_changes(), "the edit waits to be saved");

    second.set_reader(RecordReader::STANDARD);
    let adopted = second.flush(&older, at(6)).unwrap();
    assert_eq!(adopted.unwrap().profile.full_name, "Newer name");
    assert_eq!(stored_revision(&storage), 2);
}

#[test]
fn without_a_reader_a_save_by_a_newer_app_is_not_written_over_either() {
    let storage = MemoryStorage::new();
    let (mut keeper, _) = RecordKeeper::open_with(storage.clone(), None).unwrap();
    keeper.mark_changed();
    keeper.flush(&new_record("A"), at(1)).unwrap();
    let newer = format!(
        r#"{{"format":"member-development-record","schema_version":{},"revision":1,"record":{{}}}}"#,
        SCHEMA_VERSION + 1
    );
    storage.set(keys::RECORD, &newer).unwrap();
    keeper.mark_changed();
    assert_eq!(
        keeper.flush(&new_record("A"), at(2)),
        Err(LoadError::ReaderNeeded)
    );
    keeper.set_reader(RecordReader::STANDARD);
    let error = keeper.flush(&new_record("A"), at(3)).unwrap_err();
    assert!(
        error.to_string().contains("newer version of the app"),
        "{error}"
    );
    assert_eq!(storage.get(keys::RECORD).unwrap().unwrap(), newer);
}

#[test]
fn two_tabs_that_each_begin_a_record_on_a_new_device_end_with_one_record_holding_both() {
    let storage = MemoryStorage::new();
    let (mut first, _) = RecordKeeper::open(storage.clone()).unwrap();
    let (mut second, _) = RecordKeeper::open(storage.clone()).unwrap();
    let mut in_first = MemberRecord::new(Uuid::from_u128(1), at(1));
    in_first.profile.full_name = "Cllr Amrit Kaur".into();
    in_first.profile.ward = "Tipton Green".into();
    in_first.profile.updated_at = at(1);
    first.mark_changed();
    first.flush(&in_first, at(1)).unwrap();

    // The second tab, opened on the same empty storage, begins its own record (its own id).
    let mut in_second = MemberRecord::new(Uuid::from_u128(2), at(2));
    in_second.profile.full_name = "Cllr Amrit Kaur MBE".into();
    in_second.profile.updated_at = at(2);
    second.mark_changed();
    let shown = second
        .refresh(Some(&in_second))
        .unwrap()
        .expect("the first tab's record is taken in");
    assert_eq!(
        shown.member_id, in_first.member_id,
        "one councillor, one id"
    );
    assert_eq!(
        shown.profile.full_name, "Cllr Amrit Kaur MBE",
        "the later change is kept"
    );
    let adopted = second.flush(&shown, at(3)).unwrap();
    assert_eq!(adopted, None);
    let (_, saved) = RecordKeeper::open(storage.clone()).unwrap();
    assert_eq!(saved, Some(shown.clone()));

    // Saved straight away, without hearing of the first tab first, it merges the same way.
    let storage = MemoryStorage::new();
    let (mut first, _) = RecordKeeper::open(storage.clone()).unwrap();
    let (mut second, _) = RecordKeeper::open(storage.clone()).unwrap();
    first.mark_changed();
    first.flush(&in_first, at(1)).unwrap();
    second.mark_changed();
    let adopted = second.flush(&in_second, at(3)).unwrap().expect("merged");
    assert_eq!(adopted, shown);
}
