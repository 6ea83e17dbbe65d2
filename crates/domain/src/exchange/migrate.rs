//! Upgrading a record written in an older shape to the current one.
//!
//! Each step takes the JSON of one schema version to the next. Steps work on plain JSON
//! rather than on old Rust types, so the history costs one small function per change.
//!
//! Schema history:
//! - 1: the pilot's shape: the profile had one `name` field and held roles by their
//!   display names.
//! - 2: `full_name`; roles held by stable id, so a council can rename a role without
//!   touching records; optional political group and date elected; the set-up time.
//! - 3: the learning record (`learning`: training and e-learning activities).
//! - 4: self-assessment surveys (`surveys`: responses by template, version and round).
//! - 5: Personal Development Plans (`plans`: one per municipal year).
//! - 6: the council pack last applied (`pack`).

use serde_json::{Map, Value, json};

use super::{Damage, ReadError, SCHEMA_VERSION};
use crate::model::roles::role_id_for_name;

/// Upgrades the `record` of a file written at schema `from` to [`SCHEMA_VERSION`].
pub fn migrate_record(from: u32, mut record: Value) -> Result<Value, ReadError> {
    let mut version = from;
    while version < SCHEMA_VERSION {
        record = match version {
            1 => v1_to_v2(record)?,
            2 => add_list(record, "learning"),
            3 => add_list(record, "surveys"),
            4 => add_list(record, "plans"),
            5 => {
                if let Some(fields) = record.as_object_mut() {
                    fields.entry("pack").or_insert(Value::Null);
                }
                record
            }
            _ => {
                return Err(ReadError::damaged(Damage::UnknownDataVersion(version)));
            }
        };
        version += 1;
    }
    Ok(record)
}

/// A step that adds a new, empty list to the record.
fn add_list(mut record: Value, name: &str) -> Value {
    if let Some(record) = record.as_object_mut() {
        record.entry(name).or_insert_with(|| json!([]));
    }
    record
}

fn v1_to_v2(mut record: Value) -> Result<Value, ReadError> {
    let unreadable = || ReadError::damaged(Damage::EarlyProfile);
    let profile = record
        .get_mut("profile")
        .and_then(Value::as_object_mut)
        .ok_or_else(unreadable)?;
    let name = profile.remove("name").ok_or_else(unreadable)?;
    let role_names = match profile.remove("roles") {
        Some(Value::Array(names)) => names,
        None => Vec::new(),
        Some(_) => return Err(unreadable()),
    };
    let mut role_ids: Vec<String> = role_names
        .iter()
        .filter_map(Value::as_str)
        .map(role_id_for_name)
        .filter(|id| !id.is_empty())
        .collect();
    role_ids.sort();
    role_ids.dedup();
    let set_up = name.as_str().is_some_and(|n| !n.trim().is_empty());
    let updated_at = profile.get("updated_at").cloned().unwrap_or(Value::Null);
    let mut upgraded = Map::new();
    upgraded.insert("full_name".into(), name);
    upgraded.append(profile);
    upgraded.insert("roles".into(), json!(role_ids));
    upgraded.insert("political_group".into(), json!(""));
    upgraded.insert("date_elected".into(), Value::Null);
    record["profile"] = Value::Object(upgraded);
    record["set_up_at"] = if set_up { updated_at } else { Value::Null };
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MemberRecord;

    const V1_RECORD: &str = r#"{
        "member_id": "0b7e4a52-3a39-4c1b-9f0e-1d7b3a9c2e11",
        "profile": {
            "name": "Cllr Joan Whitfield",
            "council": "Durham County Council",
            "ward": "Chester-le-Street North",
            "roles": ["Cabinet member", "Scrutiny committee member", "Armed Forces Champion"],
            "updated_at": "2021-06-01T09:00:00Z"
        }
    }"#;

    #[test]
    fn a_version_1_record_becomes_a_current_record_with_nothing_lost() {
        let value: Value = serde_json::from_str(V1_RECORD).unwrap();
        let record: MemberRecord =
            serde_json::from_value(migrate_record(1, value).unwrap()).unwrap();
        assert_eq!(record.profile.full_name, "Cllr Joan Whitfield");
        assert_eq!(record.profile.ward, "Chester-le-Street North");
        let roles: Vec<_> = record.profile.roles.iter().map(String::as_str).collect();
        assert_eq!(
            roles,
            [
                "armed-forces-champion",
                "cabinet-member",
                "scrutiny-committee"
            ]
        );
        assert_eq!(record.profile.date_elected, None);
        assert_eq!(record.set_up_at, Some(record.profile.updated_at));
        assert!(record.learning.is_empty());
        assert!(record.surveys.is_empty());
        assert!(record.plans.is_empty());
        assert_eq!(record.pack, None);
    }

    #[test]
    fn a_current_record_is_left_alone() {
        let value = json!({"anything": 1});
        assert_eq!(
            migrate_record(SCHEMA_VERSION, value.clone()).unwrap(),
            value
        );
    }

    #[test]
    fn a_version_1_record_without_a_name_is_damaged() {
        let value = json!({"member_id": "x", "profile": {"council": "C"}});
        assert!(matches!(
            migrate_record(1, value),
            Err(ReadError::Damaged { .. })
        ));
    }
}
