//! One vocabulary: each choice a form offers has its ids and labels once, in the domain,
//! and the ids are the strings the files hold and the JSON Schemas allow, so what a form
//! sends, what is stored and what the schema publishes can never drift apart.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fmt::Debug;

use mdr_domain::model::plan::{GoalStatus, LearningTime, Priority};
use mdr_domain::model::survey::QuestionKind;
use mdr_domain::model::survey_templates::built_in_templates;
use mdr_domain::model::vocabulary::{Vocabulary, from_hyphenated};
use mdr_domain::model::{ActivityStatus, LearningFormat, MandatoryFor, MandatoryKind};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn schema(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!(
        "{}/../../public/schema/{name}.schema.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The strings a schema's `enum` at `pointer` allows (a `null` beside them is left out).
fn allowed(schema: &serde_json::Value, pointer: &str) -> BTreeSet<String> {
    schema
        .pointer(pointer)
        .and_then(|at| at["enum"].as_array())
        .unwrap_or_else(|| panic!("no enum at {pointer}"))
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

fn ids<T: Vocabulary>() -> BTreeSet<String> {
    T::ALL.iter().map(|v| v.id().to_owned()).collect()
}

/// What every vocabulary keeps: one id per value, each id read back as its value, and a
/// label for each.
fn is_sound<T: Vocabulary + Debug>() {
    assert!(!T::ALL.is_empty());
    assert_eq!(ids::<T>().len(), T::ALL.len(), "two values share an id");
    for &value in T::ALL {
        assert_eq!(T::from_id(value.id()), Some(value), "{value:?}");
        assert!(!value.id().is_empty(), "{value:?}");
        assert!(
            value
                .id()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'-'),
            "{value:?}'s id {:?} is not a plain form value",
            value.id()
        );
        assert!(!value.label().trim().is_empty(), "{value:?}");
    }
    let labels: BTreeSet<&str> = T::ALL.iter().map(|v| v.label()).collect();
    assert_eq!(labels.len(), T::ALL.len(), "two values share a label");
    assert_eq!(T::from_id(""), None);
    assert_eq!(T::from_id("not-a-value"), None);
    assert_eq!(T::choices().len(), T::ALL.len());
}

/// A stored vocabulary's ids are the strings its file holds, both ways.
fn is_stored_by_id<T: Vocabulary + Debug + Serialize + DeserializeOwned>() {
    for &value in T::ALL {
        let json = format!("\"{}\"", value.id());
        assert_eq!(serde_json::to_string(&value).unwrap(), json, "{value:?}");
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
    }
}

#[test]
fn every_vocabulary_has_one_id_and_a_label_for_each_value() {
    is_sound::<LearningFormat>();
    is_sound::<ActivityStatus>();
    is_sound::<Priority>();
    is_sound::<GoalStatus>();
    is_sound::<LearningTime>();
    is_sound::<MandatoryKind>();
    is_sound::<bool>();
}

#[test]
fn a_stored_vocabularys_ids_are_what_its_file_holds() {
    is_stored_by_id::<LearningFormat>();
    is_stored_by_id::<ActivityStatus>();
    is_stored_by_id::<Priority>();
    is_stored_by_id::<GoalStatus>();
    is_stored_by_id::<LearningTime>();
    for &kind in MandatoryKind::ALL {
        let stored = serde_json::to_value(MandatoryFor::Nobody.of_kind(kind)).unwrap();
        let held = match &stored {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Object(o) => o.keys().next().unwrap().clone(),
            other => panic!("{other}"),
        };
        assert_eq!(held, kind.id(), "{kind:?}");
    }
}

#[test]
fn the_schemas_allow_exactly_the_vocabularys_ids() {
    let record = schema("member-record");
    let plan = "/$defs/plan/properties";
    assert_eq!(
        allowed(&record, "/$defs/activity/properties/format"),
        ids::<LearningFormat>()
    );
    assert_eq!(
        allowed(&record, "/$defs/activity/properties/status"),
        ids::<ActivityStatus>()
    );
    assert_eq!(
        allowed(&record, &format!("{plan}/needs/items/properties/priority")),
        ids::<Priority>()
    );
    assert_eq!(
        allowed(
            &record,
            &format!("{plan}/needs/items/properties/preferred_format")
        ),
        ids::<LearningFormat>()
    );
    assert_eq!(
        allowed(
            &record,
            &format!("{plan}/preferences/properties/formats/items")
        ),
        ids::<LearningFormat>()
    );
    assert_eq!(
        allowed(
            &record,
            &format!("{plan}/preferences/properties/times/items")
        ),
        ids::<LearningTime>()
    );
    assert_eq!(
        allowed(&record, &format!("{plan}/goals/items/properties/status")),
        ids::<GoalStatus>()
    );

    let pack = schema("council-pack");
    let course = "/$defs/course/properties";
    assert_eq!(
        allowed(&pack, &format!("{course}/format")),
        ids::<LearningFormat>()
    );
    // Nobody and all members as strings; these roles as the key of an object.
    let mut mandatory = allowed(&pack, &format!("{course}/mandatory_for/oneOf/0"));
    let roles = pack
        .pointer(&format!("{course}/mandatory_for/oneOf/1/required"))
        .and_then(|r| r.as_array())
        .unwrap();
    mandatory.extend(roles.iter().map(|r| r.as_str().unwrap().to_owned()));
    assert_eq!(mandatory, ids::<MandatoryKind>());
}

#[test]
fn the_needs_surveys_formats_and_times_are_the_plans_words() {
    let needs = built_in_templates()
        .into_iter()
        .find(|t| t.id == "training-needs")
        .unwrap();
    let options = |id: &str| -> Vec<String> {
        let question = needs
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|q| q.id == id)
            .unwrap();
        match &question.kind {
            QuestionKind::MultipleChoice { options } => {
                options.iter().map(|o| o.id.clone()).collect()
            }
            other => panic!("{id} is {other:?}"),
        }
    };
    let formats: Vec<Option<LearningFormat>> = options("learning-methods")
        .iter()
        .map(|o| from_hyphenated(o))
        .collect();
    assert_eq!(
        formats,
        [
            Some(LearningFormat::Online),
            Some(LearningFormat::FaceToFace),
            Some(LearningFormat::Blended),
            None, // one-to-one support: no format of a course or a plan
        ]
    );
    let times: Vec<Option<LearningTime>> = options("learning-times")
        .iter()
        .map(|o| from_hyphenated(o))
        .collect();
    let every_time: Vec<Option<LearningTime>> =
        LearningTime::ALL.iter().copied().map(Some).collect();
    assert_eq!(times, every_time);
}

#[test]
fn choosing_who_a_course_is_mandatory_for_keeps_the_roles_chosen() {
    let planners = MandatoryFor::Roles(["planning-committee".to_owned()].into());
    assert_eq!(planners.kind(), MandatoryKind::Roles);
    assert_eq!(planners.of_kind(MandatoryKind::Roles), planners);
    assert_eq!(
        planners.of_kind(MandatoryKind::AllMembers),
        MandatoryFor::AllMembers
    );
    assert_eq!(
        MandatoryFor::AllMembers.of_kind(MandatoryKind::Roles),
        MandatoryFor::Roles(BTreeSet::new())
    );
    for &kind in MandatoryKind::ALL {
        assert_eq!(MandatoryFor::Nobody.of_kind(kind).kind(), kind);
    }
}

mod times_that_suit {
    //! Times that suit were stored as free strings before they were a vocabulary; every
    //! string the app ever wrote there (the plan form's and the needs survey's three) still
    //! reads, and is written back as it was.

    use chrono::{TimeZone, Utc};
    use mdr_domain::exchange::{MemberFile, SCHEMA_VERSION, read_member_file, write_member_file};
    use mdr_domain::model::MemberRecord;
    use mdr_domain::model::due::MunicipalYear;
    use mdr_domain::model::plan::{DevelopmentPlan, LearningTime};
    use mdr_domain::model::vocabulary::Vocabulary;
    use serde_json::{Value, json};
    use uuid::Uuid;

    /// What the plan form offered before, as it wrote them.
    const TIMES_AS_WRITTEN: [&str; 3] = ["weekday-daytime", "weekday-evening", "weekend"];

    fn schema_problems(value: &Value) -> Vec<String> {
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(&super::schema("member-record"))
            .unwrap();
        validator
            .iter_errors(value)
            .map(|e| e.to_string())
            .collect()
    }

    /// A file with one plan whose times are written as plain strings, at `version`.
    fn written_the_old_way(times: &[&str], version: u32) -> String {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
        let mut record = MemberRecord::new(Uuid::from_u128(7), now);
        record.profile.full_name = "Cllr Amrit Kaur".into();
        record.plans.push(DevelopmentPlan::blank(
            MunicipalYear { starts_in: 2026 },
            Default::default(),
            now,
        ));
        let file = MemberFile::new(record, 3, Uuid::from_u128(8), now);
        let mut value = serde_json::to_value(&file).unwrap();
        value["record"]["plans"][0]["preferences"]["times"] = json!(times);
        value["schema_version"] = json!(version);
        if version < 6 {
            value["record"].as_object_mut().unwrap().remove("pack");
        }
        serde_json::to_string_pretty(&value).unwrap()
    }

    #[test]
    fn a_plan_saved_before_times_were_a_vocabulary_reads_and_is_written_back_the_same() {
        for version in [5, SCHEMA_VERSION] {
            let text = written_the_old_way(&TIMES_AS_WRITTEN, version);
            let file = read_member_file(&text).unwrap_or_else(|e| panic!("v{version}: {e}"));
            assert_eq!(
                file.record.plans[0].preferences.times,
                LearningTime::ALL.iter().copied().collect(),
                "v{version}"
            );
            let again: Value = serde_json::from_str(&write_member_file(&file)).unwrap();
            assert_eq!(
                again["record"]["plans"][0]["preferences"]["times"],
                json!(TIMES_AS_WRITTEN)
            );
            assert!(
                schema_problems(&again).is_empty(),
                "{:?}",
                schema_problems(&again)
            );
        }
        let current: Value =
            serde_json::from_str(&written_the_old_way(&TIMES_AS_WRITTEN, SCHEMA_VERSION)).unwrap();
        assert!(schema_problems(&current).is_empty());
    }

    #[test]
    fn a_time_the_app_never_offered_is_refused_by_the_reader_and_the_schema() {
        let text = written_the_old_way(&["weekend", "lunchtimes"], SCHEMA_VERSION);
        assert!(read_member_file(&text).is_err());
        assert!(!schema_problems(&serde_json::from_str(&text).unwrap()).is_empty());
    }

    #[test]
    fn the_pilots_file_still_reads_and_is_written_in_the_current_shape() {
        let file = read_member_file(include_str!("fixtures/member-record-v1.json")).unwrap();
        assert_eq!(file.record.profile.full_name, "Cllr Joan Whitfield");
        let written: Value = serde_json::from_str(&write_member_file(&file)).unwrap();
        assert!(
            schema_problems(&written).is_empty(),
            "{:?}",
            schema_problems(&written)
        );
    }
}
