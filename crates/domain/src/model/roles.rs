//! The roles a councillor can hold, which later decide what training is mandatory for them.
//!
//! Roles are referred to by a stable id so that a council can rename a role without
//! touching any member's record. The default list is drawn from the council documents the
//! product grew from; a council pack may replace it.

use serde::{Deserialize, Serialize};

/// A role's stable identifier, e.g. `licensing-committee`.
pub type RoleId = String;

/// A role as shown to a councillor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub id: RoleId,
    pub name: String,
}

const DEFAULT_ROLES: [(&str, &str); 9] = [
    ("leader", "Leader"),
    ("cabinet-member", "Cabinet member"),
    ("scrutiny-committee", "Scrutiny committee member"),
    ("planning-committee", "Planning committee member"),
    ("licensing-committee", "Licensing committee member"),
    ("standards-committee", "Standards committee member"),
    ("committee-chair", "Committee chair"),
    ("group-leader", "Group leader"),
    ("backbench-member", "Backbench member"),
];

/// The roles every council starts with.
pub fn default_roles() -> Vec<Role> {
    DEFAULT_ROLES
        .iter()
        .map(|(id, name)| Role {
            id: (*id).to_owned(),
            name: (*name).to_owned(),
        })
        .collect()
}

/// The display name of a role id, falling back to the id itself for a role the list no
/// longer has (a record must never lose a role just because the list changed).
pub fn role_name(roles: &[Role], id: &str) -> String {
    roles
        .iter()
        .find(|role| role.id == id)
        .map_or_else(|| id.to_owned(), |role| role.name.clone())
}

/// Turns a role's display name into an id: the default id where the name is one of the
/// defaults, otherwise a lower-case, hyphenated form of the name.
pub fn role_id_for_name(name: &str) -> RoleId {
    let trimmed = name.trim();
    if let Some((id, _)) = DEFAULT_ROLES
        .iter()
        .find(|(_, known)| known.eq_ignore_ascii_case(trimmed))
    {
        return (*id).to_owned();
    }
    let mut id = String::new();
    for c in trimmed.chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_roles_have_unique_ids() {
        let roles = default_roles();
        let mut ids: Vec<_> = roles.iter().map(|r| r.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), roles.len());
    }

    #[test]
    fn a_known_role_name_maps_to_its_default_id_whatever_the_case() {
        assert_eq!(
            role_id_for_name("Licensing committee member"),
            "licensing-committee"
        );
        assert_eq!(role_id_for_name(" cabinet MEMBER "), "cabinet-member");
    }

    #[test]
    fn an_unknown_role_name_becomes_a_readable_id() {
        assert_eq!(
            role_id_for_name("Armed Forces Champion"),
            "armed-forces-champion"
        );
        assert_eq!(
            role_id_for_name("Health & Wellbeing  Board"),
            "health-wellbeing-board"
        );
    }

    #[test]
    fn a_role_missing_from_the_list_still_has_a_name() {
        let roles = default_roles();
        assert_eq!(role_name(&roles, "leader"), "Leader");
        assert_eq!(
            role_name(&roles, "armed-forces-champion"),
            "armed-forces-champion"
        );
    }
}
