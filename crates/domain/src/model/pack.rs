//! The council pack: what a council offers its members (roles, the course catalogue and
//! which training is mandatory, the surveys and their rounds, the training budget),
//! published by an officer as a file and imported by each member.
//!
//! A member's record keeps the pack it last applied. A newer pack replaces it; an older or
//! identical one changes nothing; one for another council is applied only when the member
//! confirms. Nothing the member recorded depends on the pack staying the same: activities
//! copy their course's details and survey responses their template's version.

use std::collections::BTreeMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::catalogue::{Course, MandatoryFor, default_catalogue};
use super::council_key::{CouncilKey, KeyFault};
use super::due::MunicipalYear;
use super::roles::{Role, RoleId, default_roles};
use super::survey::{SurveyRound, SurveyTemplate};
use super::survey_templates::built_in_templates;

/// The budget a council starts with: the seeds' £5,000 for all members' training.
pub const DEFAULT_BUDGET_PENCE: u64 = 500_000;

/// Bytes of a council's locking salt.
pub const LOCKING_SALT_BYTES: usize = 16;

/// A role as a council defines it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackRole {
    pub id: RoleId,
    pub name: String,
    /// No longer used; members who held it keep it on their record.
    pub retired: bool,
}

/// A survey the council runs, and its current round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackSurvey {
    pub template: SurveyTemplate,
    /// The current round's name, e.g. `2026/27` or `Jun 2026`; rounds are ordered by time, not name.
    pub round: String,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
}

/// Everything a council publishes to its members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilPack {
    pub council: String,
    /// Rises with each publish, so members can tell a newer pack from an older one.
    pub pack_version: u32,
    pub issued_at: DateTime<Utc>,
    pub roles: Vec<PackRole>,
    pub courses: Vec<Course>,
    pub surveys: Vec<PackSurvey>,
    /// The year's training budget, in pence.
    pub budget_pence: u64,
    /// What each member may spend on courses in a year, in pence, when the council sets
    /// an allowance (Wyre Council's £6,000 a year is about £120 a member). Packs without
    /// one set none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowance_pence: Option<u64>,
    /// The salt members' apps lock their files with, base64: random, made once for the
    /// council's pack and kept by every version after. Files locked with one salt and one
    /// passphrase share one key, so an officer's batch of them costs one key derivation
    /// instead of one a file. Packs published before it have none, and then each file has
    /// its own random salt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locking_salt: Option<String>,
    /// The council key's public half, when the officer has made one: members' apps seal
    /// the files they make for the council to it, so that only the council's workspace
    /// opens them. Only the newest key is carried. Packs without one work as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council_key: Option<CouncilKey>,
}

impl CouncilPack {
    /// A council's first pack: the built-in roles, catalogue and surveys, not yet published.
    pub fn starting(council: &str, today: NaiveDate, now: DateTime<Utc>) -> Self {
        let round = SurveyRound::current(today).name;
        Self {
            council: council.to_owned(),
            pack_version: 0,
            issued_at: now,
            roles: default_roles()
                .into_iter()
                .map(|r| PackRole {
                    id: r.id,
                    name: r.name,
                    retired: false,
                })
                .collect(),
            courses: default_catalogue(),
            surveys: built_in_templates()
                .into_iter()
                .map(|template| PackSurvey {
                    template,
                    round: round.clone(),
                    opens_on: None,
                    closes_on: None,
                })
                .collect(),
            budget_pence: DEFAULT_BUDGET_PENCE,
            allowance_pence: None,
            locking_salt: None,
            council_key: None,
        }
    }

    /// Gives the pack a locking salt if it has none yet; `fresh` must be random bytes.
    /// A salt once given is kept, so files locked under every version share it.
    pub fn ensure_locking_salt(&mut self, fresh: [u8; LOCKING_SALT_BYTES]) {
        if self.locking_salt.is_none() {
            self.locking_salt = Some(BASE64.encode(fresh));
        }
    }

    /// The locking salt's bytes, when the pack has a well-formed one.
    pub fn locking_salt_bytes(&self) -> Option<[u8; LOCKING_SALT_BYTES]> {
        let text = self.locking_salt.as_deref()?;
        BASE64.decode(text).ok()?.try_into().ok()
    }

    /// The pack as published: numbered one above the last publish, stamped with the time.
    pub fn published(&self, now: DateTime<Utc>) -> Self {
        Self {
            pack_version: self.pack_version + 1,
            issued_at: now,
            ..self.clone()
        }
    }

    /// What makes this pack unusable, if anything: what the pack's JSON Schema cannot
    /// say but the app relies on (courses are found by id, and mandatory training by the
    /// roles a member holds). Checked on every pack read, on its own or in a record.
    pub fn fault(&self) -> Option<PackFault> {
        if self.council.trim().is_empty() {
            return Some(PackFault::NoCouncil);
        }
        if self.locking_salt.is_some() && self.locking_salt_bytes().is_none() {
            return Some(PackFault::LockingSalt);
        }
        if let Some(fault) = self.council_key.as_ref().and_then(CouncilKey::fault) {
            return Some(PackFault::CouncilKey(fault));
        }
        let mut seen = BTreeMap::new();
        for course in &self.courses {
            if let Some(first) = seen.insert(course.id.as_str(), course.title.as_str()) {
                return Some(PackFault::RepeatedCourse {
                    id: course.id.clone(),
                    titles: (first.to_owned(), course.title.clone()),
                });
            }
        }
        for course in &self.courses {
            let MandatoryFor::Roles(roles) = &course.mandatory_for else {
                continue;
            };
            if let Some(role) = roles
                .iter()
                .find(|id| !self.roles.iter().any(|r| &r.id == *id))
            {
                return Some(PackFault::UnknownRole {
                    course: course.title.clone(),
                    role: role.clone(),
                });
            }
        }
        None
    }

    /// Whether this pack is for `council`, ignoring case and spacing.
    pub fn is_for(&self, council: &str) -> bool {
        normalise(&self.council) == normalise(council)
    }
}

/// Why a pack cannot be used, in words that follow "because" or "damaged:".
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PackFault {
    #[error("it does not say which council it is for")]
    NoCouncil,
    #[error("its locking salt is not 16 bytes written in base64")]
    LockingSalt,
    #[error("{0}")]
    CouncilKey(KeyFault),
    #[error("it lists two courses under one id, “{id}” (“{}” and “{}”)", titles.0, titles.1)]
    RepeatedCourse {
        id: String,
        titles: (String, String),
    },
    #[error("its course “{course}” is mandatory for a role the pack does not list (“{role}”)")]
    UnknownRole { course: String, role: String },
}

fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What the councillor chooses from: the pack's, or the built-in ones before any pack.
pub fn offered_courses(pack: Option<&CouncilPack>) -> Vec<Course> {
    match pack {
        Some(pack) => pack
            .courses
            .iter()
            .filter(|c| !c.retired)
            .cloned()
            .collect(),
        None => default_catalogue(),
    }
}

/// The roles a councillor can choose from.
pub fn offered_roles(pack: Option<&CouncilPack>) -> Vec<Role> {
    match pack {
        Some(pack) => pack
            .roles
            .iter()
            .filter(|r| !r.retired)
            .map(|r| Role {
                id: r.id.clone(),
                name: r.name.clone(),
            })
            .collect(),
        None => default_roles(),
    }
}

/// Every role name the pack knows, retired ones included, for showing records.
pub fn all_roles(pack: Option<&CouncilPack>) -> Vec<Role> {
    match pack {
        Some(pack) => pack
            .roles
            .iter()
            .map(|r| Role {
                id: r.id.clone(),
                name: r.name.clone(),
            })
            .collect(),
        None => default_roles(),
    }
}

/// The surveys on offer, each with its current round.
pub fn offered_surveys(
    pack: Option<&CouncilPack>,
    today: NaiveDate,
) -> Vec<(SurveyTemplate, SurveyRound)> {
    match pack {
        Some(pack) => pack
            .surveys
            .iter()
            .map(|s| {
                (
                    s.template.clone(),
                    SurveyRound {
                        name: s.round.clone(),
                        opens_on: s.opens_on,
                        closes_on: s.closes_on,
                    },
                )
            })
            .collect(),
        None => {
            let round = SurveyRound::for_year(MunicipalYear::containing(today));
            built_in_templates()
                .into_iter()
                .map(|t| (t, round.clone()))
                .collect()
        }
    }
}

/// What a pack changes, compared with what the member had, in words for them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackChanges {
    pub courses_added: Vec<String>,
    pub courses_changed: Vec<String>,
    pub courses_retired: Vec<String>,
    pub roles_added: Vec<String>,
    /// (old name, new name)
    pub roles_renamed: Vec<(String, String)>,
    pub roles_retired: Vec<String>,
    /// Surveys new to the member, or with new questions or a new round.
    pub surveys: Vec<String>,
    /// (before, after) in pence.
    pub budget: Option<(u64, u64)>,
    /// The yearly allowance per member, (before, after) in pence, `None` for none.
    pub allowance: Option<(Option<u64>, Option<u64>)>,
}

impl PackChanges {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// What applying `incoming` would change, compared with `held` (or the built-ins).
pub fn pack_changes(held: Option<&CouncilPack>, incoming: &CouncilPack) -> PackChanges {
    let before = held.cloned().unwrap_or_else(|| CouncilPack {
        budget_pence: incoming.budget_pence,
        ..CouncilPack::starting(&incoming.council, NaiveDate::MIN, incoming.issued_at)
    });
    let mut changes = PackChanges::default();

    let old_courses: BTreeMap<&str, &Course> =
        before.courses.iter().map(|c| (c.id.as_str(), c)).collect();
    let new_ids: Vec<&str> = incoming.courses.iter().map(|c| c.id.as_str()).collect();
    for course in &incoming.courses {
        match old_courses.get(course.id.as_str()) {
            None if !course.retired => changes.courses_added.push(course.title.clone()),
            Some(old) if course.retired && !old.retired => {
                changes.courses_retired.push(course.title.clone())
            }
            Some(old) if !course.retired && old.retired => {
                changes.courses_added.push(course.title.clone())
            }
            Some(old) if !course.retired && *old != course => {
                changes.courses_changed.push(course.title.clone())
            }
            _ => {}
        }
    }
    for old in before
        .courses
        .iter()
        .filter(|c| !c.retired && !new_ids.contains(&c.id.as_str()))
    {
        changes.courses_retired.push(old.title.clone());
    }

    let old_roles: BTreeMap<&str, &PackRole> =
        before.roles.iter().map(|r| (r.id.as_str(), r)).collect();
    for role in &incoming.roles {
        match old_roles.get(role.id.as_str()) {
            None if !role.retired => changes.roles_added.push(role.name.clone()),
            Some(old) if role.retired && !old.retired => {
                changes.roles_retired.push(role.name.clone())
            }
            Some(old) if !role.retired && old.name != role.name => {
                changes
                    .roles_renamed
                    .push((old.name.clone(), role.name.clone()));
            }
            _ => {}
        }
    }

    for survey in &incoming.surveys {
        let old = before
            .surveys
            .iter()
            .find(|s| s.template.id == survey.template.id);
        let is_new = old.is_none_or(|old| {
            old.template.version != survey.template.version || old.round != survey.round
        });
        if is_new {
            changes.surveys.push(format!(
                "{} ({} round)",
                survey.template.title, survey.round
            ));
        }
    }
    if held.is_some() && before.budget_pence != incoming.budget_pence {
        changes.budget = Some((before.budget_pence, incoming.budget_pence));
    }
    if held.is_some() && before.allowance_pence != incoming.allowance_pence {
        changes.allowance = Some((before.allowance_pence, incoming.allowance_pence));
    }
    changes
}

/// What importing a pack would do, decided before anything changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackDecision {
    /// The member's first pack, or a newer one from their council: apply these changes.
    Apply(PackChanges),
    /// The same version is already applied: nothing to do.
    AlreadyApplied { version: u32 },
    /// An older version than the one applied: refused.
    Older { held: u32, incoming: u32 },
    /// A pack for another council: applied only if the member confirms.
    OtherCouncil {
        held: String,
        incoming: String,
        changes: PackChanges,
    },
}

/// Decides what importing `incoming` would do for a member holding `held`.
pub fn assess_pack(held: Option<&CouncilPack>, incoming: &CouncilPack) -> PackDecision {
    match held {
        None => PackDecision::Apply(pack_changes(None, incoming)),
        Some(held) if !held.is_for(&incoming.council) => PackDecision::OtherCouncil {
            held: held.council.clone(),
            incoming: incoming.council.clone(),
            changes: pack_changes(Some(held), incoming),
        },
        Some(held) if incoming.pack_version > held.pack_version => {
            PackDecision::Apply(pack_changes(Some(held), incoming))
        }
        Some(held) if incoming.pack_version == held.pack_version => PackDecision::AlreadyApplied {
            version: held.pack_version,
        },
        Some(held) => PackDecision::Older {
            held: held.pack_version,
            incoming: incoming.pack_version,
        },
    }
}
